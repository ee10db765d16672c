// Reply → Block Kit: Slack's limits and escaping, on replies built to break them.
import { describe, expect, it } from 'vitest';
import { escapeText, fit, LIMITS, linkText, radarCommands, renderReply, SLACK_MARKS, tableText, unescapeSlack } from '../src/adapters/slack-render.js';
import type { Reply } from '../src/reply.js';

const base: Reply = { title: 'T', summary: '', fields: [], notes: [], links: [], data: null };
type AnyBlock = Record<string, any>;
/** Every text Slack will show, from any block. */
function texts(blocks: AnyBlock[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === 'text' || k === 'alt_text') && typeof x === 'string' ? out.push(x) : walk(x);
  };
  walk(blocks);
  return out;
}

describe('escaping', () => {
  it('turns & < > into entities and breaks bare @channel/@here/@everyone', () => {
    expect(escapeText('a & b <!channel> <@U1> > @here @channel @everyone')).toBe('a &amp; b &lt;!channel&gt; &lt;@U1&gt; &gt; @\u200bhere @\u200bchannel @\u200beveryone');
    expect(unescapeSlack('&lt;x&gt; &amp;lt;')).toBe('<x> &lt;');
    // A pasted Hub link names a model; other links and mentions stay as typed (and are escaped on the way out).
    expect(unescapeSlack('<https://huggingface.co/Qwen/Qwen2.5-0.5B|huggingface.co/Qwen/Qwen2.5-0.5B>')).toBe('https://huggingface.co/Qwen/Qwen2.5-0.5B');
    expect(unescapeSlack('<https://huggingface.co/Qwen/Qwen2.5-0.5B>')).toBe('https://huggingface.co/Qwen/Qwen2.5-0.5B');
    expect(unescapeSlack('<https://evil.example|click> <@U1>')).toBe('<https://evil.example|click> <@U1>');
  });

  it('cuts to a limit without splitting an entity, and marks the cut', () => {
    const cut = fit('&'.repeat(100), 23);
    expect(cut).toBe(`${'&amp;'.repeat(4)}…`);
    expect(cut.length).toBeLessThanOrEqual(23);
    expect(fit('short', 10)).toBe('short');
  });

  it('links only http(s) URLs, with the label escaped and the URL unable to close the link', () => {
    expect(linkText('Model <page>', 'https://huggingface.co/a/b?x=1&y=2')).toBe('<https://huggingface.co/a/b?x=1&amp;y=2|Model &lt;page&gt;>');
    expect(linkText('x', 'https://e.com/a|b>c')).toBe('<https://e.com/a%7Cb%3Ec|x>');
    expect(linkText('<!here>', 'javascript:alert(1)')).toBe('&lt;!here&gt;');
  });
});

describe('renderReply', () => {
  it('lays out header, summary (bold as mrkdwn), field grid, table, links, notes and source', () => {
    const { text, blocks } = renderReply({
      ...base,
      title: 'Comparing 2 models',
      summary: 'a is **SLM**, b is **LLM**',
      fields: [
        { name: 'A', value: '1', inline: true },
        { name: 'B', value: '2', inline: true },
        { name: 'Long', value: 'para', inline: false },
      ],
      table: { columns: ['Model', 'Params'], rows: [['a/b', '494M'], ['c/d', '70B']] },
      notes: ['note 1'],
      links: [{ label: 'a/b', url: 'https://huggingface.co/a/b' }],
      source: { kind: 'snapshot', collectedAt: '2025-03-22T10:04:49.000Z' },
    }) as { text: string; blocks: AnyBlock[] };
    expect(text).toBe('Comparing 2 models: a is SLM, b is LLM');
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'table', 'context', 'context']);
    expect(blocks[1].text.text).toBe('a is *SLM*, b is *LLM*');
    expect(blocks[2].fields.map((f: AnyBlock) => f.text)).toEqual(['*A*\n1', '*B*\n2']);
    expect(blocks[3].text.text).toBe('*Long*\npara');
    // Slack's table block: the header row first, raw text cells, numbers right-aligned.
    const cells = (...texts: string[]) => texts.map((text) => ({ type: 'raw_text', text }));
    expect(blocks[4]).toEqual({
      type: 'table',
      rows: [cells('Model', 'Params'), cells('a/b', '494M'), cells('c/d', '70B')],
      column_settings: [{ is_wrapped: true }, { align: 'right' }],
    });
    expect(blocks[5].elements[0].text).toBe('<https://huggingface.co/a/b|a/b>');
    expect(blocks[6].elements.map((e: AnyBlock) => e.text)).toEqual(['note 1', 'Data: Hugging Face Hub — snapshot of 2025-03-22']);
  });

  it('keeps every block within Slack limits on an oversized reply', () => {
    const long = 'x'.repeat(5000);
    const { text, blocks } = renderReply(
      {
        ...base,
        title: `<${long}`,
        summary: `&${long}`,
        fields: [
          ...Array.from({ length: 23 }, (_, i) => ({ name: `f${i}`, value: `<${long}`, inline: true })),
          ...Array.from({ length: 5 }, (_, i) => ({ name: `p${i}`, value: long, inline: false })),
        ],
        table: { columns: ['a', 'b'], rows: Array.from({ length: 400 }, (_, i) => [`row ${i}`, long]) },
        notes: Array.from({ length: 15 }, (_, i) => `note ${i} ${long}`),
        links: Array.from({ length: 100 }, (_, i) => ({ label: `link ${i}`, url: `https://e.com/${i}` })),
        chart: { config: { type: 'bar', data: { datasets: [] } }, alt: long, fileName: 'c.png' },
        source: { kind: 'live', collectedAt: '2025-03-22T10:04:49.000Z' },
      },
      { chartUrl: `https://quickchart.io/chart?c=${'a'.repeat(2000)}`, hint: 'Usage: `/x`' },
    ) as { text: string; blocks: AnyBlock[] };
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
    expect(blocks[0].text.text.length).toBeLessThanOrEqual(LIMITS.header);
    expect(blocks[0].text.text.startsWith('&lt;xxx')).toBe(true);
    for (const block of blocks) {
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (block.type === 'section' && block.fields) {
        expect(block.fields.length).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
        for (const f of block.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.field);
      }
      if (block.type === 'context') {
        expect(block.elements.length).toBeLessThanOrEqual(LIMITS.contextElements);
        for (const e of block.elements) expect(e.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      }
      if (block.type === 'image') expect(block.alt_text.length).toBeLessThanOrEqual(LIMITS.altText);
    }
    expect(blocks.filter((b) => b.fields).map((b) => b.fields.length)).toEqual([10, 10, 3]);
    const context = blocks.at(-1)!;
    expect(context.elements.at(-2).text).toBe('Data: Hugging Face Hub — live, 2025-03-22 10:04 UTC');
    expect(context.elements.at(-1).text).toBe('Usage: `/x`');
    const table = blocks.find((b) => b.text?.text.startsWith('```'))!;
    expect(table.text.text).toMatch(/… and \d+ more rows\n```$/);
  });

  it('shows a chart URL as an image block only when it fits 3,000 characters', () => {
    const reply: Reply = { ...base, chart: { config: { type: 'bar', data: { datasets: [] } }, alt: 'alt <b>', fileName: 'c.png' } };
    const ok = renderReply(reply, { chartUrl: 'https://quickchart.io/chart?c=x' }).blocks as AnyBlock[];
    expect(ok.find((b) => b.type === 'image')).toEqual({ type: 'image', image_url: 'https://quickchart.io/chart?c=x', alt_text: 'alt &lt;b&gt;' });
    const tooLong = renderReply(reply, { chartUrl: `https://quickchart.io/chart?c=${'a'.repeat(3000)}` }).blocks as AnyBlock[];
    expect(tooLong.find((b) => b.type === 'image')).toBeUndefined();
  });

  it('lets no user text form a mention, a broadcast or a link anywhere', () => {
    const evil = '<!channel> <!here> <@U123> <#C1> <!subteam^S1> <https://evil.example|x> @everyone &';
    const { text, blocks } = renderReply(
      {
        ...base,
        title: evil,
        summary: `**${evil}**`,
        fields: [{ name: evil, value: evil, inline: true }, { name: evil, value: evil }],
        table: { columns: [evil], rows: [[evil]] },
        notes: [evil],
        links: [{ label: evil, url: 'https://huggingface.co/x' }],
        chart: { config: { type: 'bar', data: { datasets: [] } }, alt: evil, fileName: 'c.png' },
      },
      { chartUrl: 'https://quickchart.io/chart?c=1', hint: evil },
    );
    for (const t of [text, ...texts(blocks as AnyBlock[])]) {
      // The only `<` left is the one link we made ourselves.
      expect(t.replace('<https://huggingface.co/x|', '')).not.toMatch(/<|(?<!\u200b)@everyone/);
    }
  });

  it('merges surplus notes so the context block keeps ≤10 elements with the source last', () => {
    const { blocks } = renderReply({ ...base, notes: Array.from({ length: 12 }, (_, i) => `n${i}`), source: { kind: 'cache', collectedAt: '2025-03-22T10:04:49.000Z' } }, { locale: 'fr' });
    const context = (blocks as AnyBlock[]).at(-1)!;
    expect(context.elements).toHaveLength(10);
    expect(context.elements[8].text).toBe('n8\nn9\nn10\nn11');
    expect(context.elements[9].text).toBe('Données : Hugging Face Hub — données en cache du 2025-03-22 10:04 UTC');
  });

  it('tableText escapes cells and keeps backticks from closing the block', () => {
    expect(tableText({ columns: ['a'], rows: [['x`y<z>']] })).toBe('```\na\n------\nxˋy&lt;z&gt;\n```');
  });
});

describe('Slack ways of writing', () => {
  it('names commands as /radar subcommands, and nothing else that has a slash', () => {
    const names = ['classify', 'help', 'subscribe'];
    expect(radarCommands('Type `/classify <owner/model>` or /help; “/subscribe” resumes it.', names)).toBe('Type `/radar classify <owner/model>` or /radar help; “/radar subscribe” resumes it.');
    expect(radarCommands('Invite me with /invite; see owner/help, https://x.io/help and /helpers.', names)).toBe('Invite me with /invite; see owner/help, https://x.io/help and /helpers.');
  });

  it('draws channels and moments the Slack way through escaping, and nothing a user could type around them', () => {
    const at = new Date('2026-11-30T08:00:00Z');
    expect(escapeText(`${SLACK_MARKS.channel('C0SLACK')} — next post ${SLACK_MARKS.time(at)} & <!here>`)).toBe(
      `<#C0SLACK> — next post <!date^${at.getTime() / 1000}^{date_long_pretty} {time}|2026-11-30 08:00 UTC> &amp; &lt;!here&gt;`,
    );
    // A private-use wrapper around anything but a channel id or a date is dropped, not turned into markup.
    expect(escapeText('\uE000!channel\uE001 \uE000@U123\uE001')).toBe('!channel @U123');
    expect(SLACK_MARKS.channel('not a channel')).toBe('#not a channel');
  });
});
