// Reply → Slack Block Kit. Pure functions: no client, no network, so every limit and every escape
// is testable on its own. Slack's limits (https://docs.slack.dev/reference/block-kit/blocks):
// header ≤150 chars, section text ≤3,000, ≤10 section fields of ≤2,000 each, ≤10 context
// elements, image_url ≤3,000, alt_text ≤2,000, ≤50 blocks per message.
import type { types } from '@slack/bolt';
import { sourceLine } from '../format.js';
import { t, type Locale } from '../i18n.js';
import type { Reply, ReplyField, ReplyTable } from '../reply.js';

type Block = types.KnownBlock;
type ContextElement = types.MrkdwnElement;

export const LIMITS = {
  header: 150,
  sectionText: 3000,
  field: 2000,
  fieldsPerSection: 10,
  contextElements: 10,
  contextText: 2000,
  imageUrl: 3000,
  altText: 2000,
  /** files.uploadV2 `alt_text` (Slack's `alt_txt`). */
  fileAltText: 1000,
  blocks: 50,
  /** The message's top-level `text`: the notification and screen-reader fallback. */
  fallbackText: 3000,
} as const;

/**
 * Escapes text for Slack (mrkdwn and plain_text alike): `&`, `<`, `>` become entities, so nothing
 * anyone typed can form `<!channel>`, `<!here>`, `<@U…>` or a `<url|link>`; and a zero-width space
 * after `@` in `@channel`/`@here`/`@everyone` keeps Slack from reading bare words as pings.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}

/** Undoes Slack's own escaping of `&`, `<`, `>` in text it sends us (slash-command text). */
export function unescapeSlack(text: string): string {
  return (
    text
      // A pasted Hub link arrives as <https://huggingface.co/…|label> or <https://huggingface.co/…>: it names a model.
      .replace(/<(https?:\/\/(?:www\.)?huggingface\.co\/[^|>]+)(?:\|[^>]*)?>/gi, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  );
}

/**
 * Escapes `text` and cuts it so the escaped result fits in `max` characters, ending with `…` when
 * cut. Cutting happens on the raw text, so an entity such as `&amp;` is never split.
 */
export function fit(text: string, max: number, transform: (escaped: string) => string = (s) => s): string {
  const whole = transform(escapeText(text));
  if (whole.length <= max) return whole;
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  // Longest prefix whose escaped, transformed form plus the ellipsis fits.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (transform(escapeText(chars.slice(0, mid).join(''))).length + 1 <= max) low = mid;
    else high = mid - 1;
  }
  return `${transform(escapeText(chars.slice(0, low).join('').trimEnd()))}…`;
}

/** Our replies' `**bold**` (Markdown) → Slack's `*bold*`, applied after escaping. */
export function markdownToMrkdwn(escaped: string): string {
  return escaped.replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/** A reply text (escaped, bold converted) cut to `max`. */
export function mrkdwn(text: string, max: number): string {
  return fit(text, max, markdownToMrkdwn);
}

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });

function fieldText(field: ReplyField, max: number): string {
  const name = `*${fit(field.name, 200)}*`;
  return `${name}\n${mrkdwn(field.value, max - name.length - 1)}`;
}

/** Inline fields sit in a 2-column grid (≤10 per section); the others as stacked paragraphs. */
function fieldBlocks(fields: ReplyField[]): Block[] {
  const blocks: Block[] = [];
  let grid: string[] = [];
  let paragraphs: string[] = [];
  const flushGrid = () => {
    for (let i = 0; i < grid.length; i += LIMITS.fieldsPerSection) {
      blocks.push({ type: 'section', fields: grid.slice(i, i + LIMITS.fieldsPerSection).map((text) => ({ type: 'mrkdwn', text, verbatim: true })) });
    }
    grid = [];
  };
  const flushParagraphs = () => {
    let text = '';
    for (const p of paragraphs) {
      if (text && text.length + 2 + p.length > LIMITS.sectionText) {
        blocks.push(section(text));
        text = '';
      }
      text = text ? `${text}\n\n${p}` : p;
    }
    if (text) blocks.push(section(text));
    paragraphs = [];
  };
  for (const field of fields) {
    if (field.inline) {
      flushParagraphs();
      grid.push(fieldText(field, LIMITS.field));
    } else {
      flushGrid();
      paragraphs.push(fieldText(field, LIMITS.sectionText));
    }
  }
  flushGrid();
  flushParagraphs();
  return blocks;
}

/** The table as aligned monospace text in a code block, rows dropped (and counted) to fit 3,000 chars. */
export function tableText(table: ReplyTable, locale: Locale = 'en'): string {
  // Backticks would close the code block early.
  const clean = (cell: string | undefined) => (cell ?? '').replace(/`/g, 'ˋ').replace(/\s+/g, ' ');
  const columns = table.columns.map(clean);
  const rows = table.rows.map((r) => columns.map((_, i) => clean(r[i])));
  const widths = columns.map((c, i) => Math.min(40, Math.max(c.length, ...rows.map((r) => r[i].length))));
  const line = (cells: string[]) =>
    escapeText(cells.map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]))).join('  ').trimEnd());
  const head = [line(columns), line(widths.map((w) => '-'.repeat(w)))];
  const body = rows.map(line);
  const wrap = (lines: string[]) => `\`\`\`\n${lines.join('\n')}\n\`\`\``;
  let shown = body.length;
  const more = (count: number) => t(locale, 'adapters.moreRows', { count });
  const build = () => wrap([...head, ...body.slice(0, shown), ...(shown < body.length ? [more(body.length - shown)] : [])]);
  while (shown > 0 && build().length > LIMITS.sectionText) shown--;
  const text = build();
  return text.length <= LIMITS.sectionText ? text : wrap([more(body.length)]);
}

/** `<url|label>`, only for http(s) URLs; anything else shows as escaped text. */
export function linkText(label: string, url: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return fit(label, 300);
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${fit(label, 300).replace(/\|/g, '¦')}>`;
}

export interface RenderOptions {
  locale?: Locale;
  /** A public chart image (QuickChart) to show in an image block. */
  chartUrl?: string;
  /** Shown last, in the context block: e.g. the command's usage under an error. */
  hint?: string;
}

export interface SlackMessage {
  /** Fallback for notifications and screen readers, escaped like the blocks. */
  text: string;
  blocks: Block[];
}

/** The fallback `text`: title and summary, plain. */
export function fallbackText(reply: Reply): string {
  const summary = reply.summary.replace(/\*\*(.+?)\*\*/g, '$1');
  return fit(summary ? `${reply.title}: ${summary}` : reply.title, LIMITS.fallbackText);
}

/**
 * The reply as Block Kit: header (title), section (summary), fields, table, chart image, links,
 * and a context block with the notes and the data source line. Every text is escaped first.
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const locale = options.locale ?? 'en';
  const blocks: Block[] = [];
  if (reply.title.trim()) blocks.push({ type: 'header', text: { type: 'plain_text', text: fit(reply.title, LIMITS.header) } });
  if (reply.summary.trim()) blocks.push(section(mrkdwn(reply.summary, LIMITS.sectionText)));
  blocks.push(...fieldBlocks(reply.fields));
  if (reply.table && reply.table.rows.length > 0) blocks.push(section(tableText(reply.table, locale)));
  if (options.chartUrl && reply.chart && options.chartUrl.length <= LIMITS.imageUrl) {
    blocks.push({
      type: 'image',
      image_url: options.chartUrl,
      alt_text: fit(reply.chart.alt || reply.title, LIMITS.altText),
    });
  }
  if (reply.links.length) {
    let text = '';
    for (const link of reply.links) {
      const piece = linkText(link.label, link.url);
      if (text.length + 3 + piece.length > LIMITS.sectionText) break;
      text = text ? `${text} · ${piece}` : piece;
    }
    if (text) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] });
  }

  // Context: the notes, then the data source line, then the hint; ≤10 elements, so surplus notes share one.
  const extras: string[] = [];
  if (reply.source) extras.push(fit(t(locale, 'format.dataLine', { source: sourceLine(reply.source, locale) }), LIMITS.contextText));
  if (options.hint) extras.push(mrkdwn(options.hint, LIMITS.contextText));
  const notes = reply.notes.filter((n) => n.trim());
  const room = LIMITS.contextElements - extras.length;
  const grouped = notes.length > room ? [...notes.slice(0, room - 1), notes.slice(room - 1).join('\n')] : notes;
  const context = [...grouped.map((n) => mrkdwn(n, LIMITS.contextText)), ...extras];
  if (context.length) blocks.push({ type: 'context', elements: context.map((text): ContextElement => ({ type: 'mrkdwn', text, verbatim: true })) });

  if (blocks.length > LIMITS.blocks) {
    // Never reached by today's replies; keep the header, the first sections and the context.
    const last = blocks[blocks.length - 1];
    blocks.splice(LIMITS.blocks - 1);
    if (last.type === 'context') blocks.push(last);
  }
  return { text: fallbackText(reply), blocks };
}
