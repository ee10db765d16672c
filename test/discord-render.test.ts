// Reply → Discord message: every limit holds on oversized replies, tables become code blocks,
// QuickChart URLs are used when they fit and fall back to the PNG attachment otherwise.
import { embedLength, type APIEmbed } from 'discord.js';
import type { ChartConfiguration } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, errorContent, renderMessage, replyEmbed, tableBlock, truncate, attachmentName } from '../src/adapters/discord-render.js';
import { errorReply, type Reply } from '../src/reply.js';

const SNAPSHOT = { kind: 'snapshot', collectedAt: '2025-03-22T10:04:49.000Z' } as Reply['source'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const barChart = (labels: string[]): ChartConfiguration => ({
  type: 'bar',
  data: { labels, datasets: [{ label: 'Parameters', data: labels.map((_, i) => i + 1) }] },
  options: { plugins: { title: { display: true, text: 'Parameter counts' } } },
});

function reply(overrides: Partial<Reply> = {}): Reply {
  return { title: 'Qwen/Qwen2.5-0.5B — SLM', summary: '494M parameters: **SLM**.', fields: [], notes: [], links: [], source: SNAPSHOT, data: null, ...overrides };
}

const json = (message: ReturnType<typeof renderMessage>) => (message.embeds![0] as { toJSON(): APIEmbed }).toJSON();

describe('truncate', () => {
  it('keeps short text, cuts long text at a word with an ellipsis, never splits a surrogate pair or leaves bold open', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('the quick brown fox jumps', 12)).toBe('the quick…');
    expect(truncate('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
    const emoji = truncate(`${'x'.repeat(8)}😀😀`, 10);
    expect(emoji.length).toBeLessThanOrEqual(10);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(truncate('see **bold words that go on and on**', 20)).toBe('see bold words…');
  });
});

describe('replyEmbed', () => {
  it('never drops fields silently: those beyond 25 are counted in the notes', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `Digest ${i + 1}`, value: `<#${800 + i}>` }));
    const embed = replyEmbed(reply({ fields, notes: ['Type /subscriptions page:2 for the rest.'] }), 'en').toJSON();
    expect(embed.fields).toHaveLength(25);
    expect(embed.fields!.filter((f) => f.name.startsWith('Digest'))).toHaveLength(24);
    expect(embed.fields!.at(-1)).toEqual({ name: 'Notes', value: '• … and 6 more entries that did not fit here.\n• Type /subscriptions page:2 for the rest.', inline: false });
  });

  it('maps title, summary, fields (with inline hints), notes, links and the data source footer', () => {
    const embed = replyEmbed(
      reply({
        fields: [{ name: 'Parameters', value: '494M', inline: true }, { name: 'Among its task', value: 'larger than 4%' }],
        notes: ['Quantized repo.'],
        links: [{ label: 'Model page', url: 'https://huggingface.co/Qwen/Qwen2.5-0.5B' }],
      }),
      'en',
    ).toJSON();
    expect(embed).toMatchObject({
      title: 'Qwen/Qwen2.5-0.5B — SLM',
      description: '494M parameters: **SLM**.',
      url: 'https://huggingface.co/Qwen/Qwen2.5-0.5B',
      footer: { text: 'SLM Radar · Data: Hugging Face Hub — snapshot of 2025-03-22' },
      fields: [
        { name: 'Parameters', value: '494M', inline: true },
        { name: 'Among its task', value: 'larger than 4%', inline: false },
        { name: 'Notes', value: '• Quantized repo.', inline: false },
        { name: 'Links', value: '[Model page](https://huggingface.co/Qwen/Qwen2.5-0.5B)', inline: false },
      ],
    });
    expect(replyEmbed(reply({ source: undefined }), 'fr').toJSON().footer?.text).toBe('SLM Radar');
    // Only a single link becomes the title's link: a comparison's title must not point at one of its models.
    const two = [{ label: 'a/b', url: 'https://huggingface.co/a/b' }, { label: 'c/d', url: 'https://huggingface.co/c/d' }];
    expect(replyEmbed(reply({ links: two }), 'en').toJSON().url).toBeUndefined();
  });

  it('renders the table as a code block under the summary, and drops rows that do not fit', () => {
    const table = { columns: ['Model', 'Parameters'], rows: [['Qwen/Qwen2.5-0.5B', '494M'], ['meta-llama/Llama-3.1-8B', '8.03B']] };
    const embed = replyEmbed(reply({ table }), 'en').toJSON();
    expect(embed.description).toBe(
      ['494M parameters: **SLM**.', '```', 'Model                    Parameters', '-----------------------  ----------', 'Qwen/Qwen2.5-0.5B        494M', 'meta-llama/Llama-3.1-8B  8.03B', '```'].join('\n'),
    );
    const long = { columns: ['Model', 'Score'], rows: Array.from({ length: 300 }, (_, i) => [`org/model-${i}`, String(i)]) };
    const block = tableBlock(long, 1000, 'fr');
    expect(block.length).toBeLessThanOrEqual(1000);
    expect(block).toMatch(/… et \d+ autres lignes\n```$/);
  });

  it('holds every Discord limit on an oversized reply', () => {
    const huge = reply({
      title: 'T'.repeat(1000),
      summary: 'word '.repeat(3000),
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `Field ${i} ${'n'.repeat(300)}`, value: 'v '.repeat(1500), inline: i % 2 === 0 })),
      table: { columns: ['A', 'B'], rows: Array.from({ length: 400 }, (_, i) => [`row ${i}`, 'x'.repeat(40)]) },
      notes: Array.from({ length: 30 }, (_, i) => `note ${i} ${'z'.repeat(200)}`),
      links: Array.from({ length: 30 }, (_, i) => ({ label: `link ${i}`, url: `https://huggingface.co/org/m${i}` })),
    });
    const embed = replyEmbed(huge, 'en').toJSON();
    expect(embed.title!.length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(embed.description!.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(embed.fields!.length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of embed.fields!) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
    }
    expect(embed.footer!.text).toContain('snapshot of 2025-03-22');
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    // The 25-field cap leaves no room for the notes here, but the reply's own fields come first.
    expect(embed.fields![0].name).toMatch(/^Field 0/);
  });

  it('never sends an empty field name or value', () => {
    const embed = replyEmbed(reply({ fields: [{ name: '', value: ' ' }] }), 'en').toJSON();
    expect(embed.fields).toEqual([{ name: '–', value: '–', inline: false }]);
  });
});

describe('renderMessage', () => {
  it('attaches the chart as a PNG referenced by attachment://, with the alt text as its description', () => {
    const message = renderMessage(reply({ chart: { config: barChart(['a', 'b']), alt: 'Two bars', fileName: 'compare.png' } }), 'en');
    expect(json(message).image?.url).toBe('attachment://compare.png');
    const [file] = message.files as { attachment: Buffer; name: string; description: string }[];
    expect(file.name).toBe('compare.png');
    expect(file.description).toBe('Two bars');
    expect(file.attachment.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(attachmentName('my chart/../x')).toBe('my_chart_.._x.png');
  });

  it('uses the QuickChart URL when CHART_MODE=quickchart and it fits in 2048 characters, else falls back to the attachment', () => {
    const options = { chartMode: 'quickchart' as const, quickChartUrl: 'https://charts.example.org' };
    const small = renderMessage(reply({ chart: { config: barChart(['a', 'b']), alt: 'Two bars', fileName: 'c.png' } }), 'en', options);
    const url = json(small).image!.url;
    expect(url.startsWith('https://charts.example.org/chart?')).toBe(true);
    expect(url.length).toBeLessThanOrEqual(2048);
    expect(new URL(url).searchParams.get('v')).toBe('4');
    expect(small.files).toEqual([]);

    const labels = Array.from({ length: 120 }, (_, i) => `some-organisation/a-rather-long-model-name-${i}`);
    const big = renderMessage(reply({ chart: { config: barChart(labels), alt: 'Many bars', fileName: 'c.png' } }), 'en', options);
    expect(json(big).image?.url).toBe('attachment://c.png');
    expect(big.files).toHaveLength(1);
  });

  it('drops a chart that cannot be drawn when asked to, and keeps the answer', () => {
    const broken = { type: 'bar', data: { datasets: [{ data: [Number.NaN] }] } } as unknown as ChartConfiguration;
    const failures: unknown[] = [];
    const message = renderMessage(reply({ chart: { config: broken, alt: 'x', fileName: 'x.png' } }), 'en', { onChartError: (e) => failures.push(e) });
    expect(failures).toHaveLength(1);
    expect(json(message).image).toBeUndefined();
    expect(json(message).title).toBe('Qwen/Qwen2.5-0.5B — SLM');
  });

  it('turns an error reply into short text (with its notes as small print), no embed', () => {
    const error = errorReply('not_found', 'No model "x/y" on the Hub. Type e.g. `/classify Qwen/Qwen2.5-0.5B`', 'en');
    error.notes = ['Answered from the snapshot.'];
    const message = renderMessage(error, 'fr');
    expect(message).toMatchObject({ content: '⚠️ No model "x/y" on the Hub. Type e.g. `/classify Qwen/Qwen2.5-0.5B`\n-# Answered from the snapshot.', embeds: [], files: [] });
    expect(errorContent(errorReply('bad_input', 'x'.repeat(5000), 'en')).length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  });
});
