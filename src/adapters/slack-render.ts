// Reply → Slack Block Kit. Pure functions: no client, no network, so every limit and every escape
// is testable on its own. Slack's limits (https://docs.slack.dev/reference/block-kit/blocks):
// header ≤150 chars, section text ≤3,000, ≤10 section fields of ≤2,000 each, ≤10 context
// elements, image_url ≤3,000, alt_text ≤2,000, ≤50 blocks per message.
import type { types } from '@slack/bolt';
import type { Marks } from '../command.js';
import { formatDateTime, sourceLine } from '../format.js';
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
  /** The table block: rows (the header row included) and cells a row. */
  tableRows: 100,
  tableColumns: 20,
  /** Blocks of an App Home view. */
  homeBlocks: 100,
} as const;

/** The one slash command SLM Radar registers on Slack: every command is a word after it (`/radar classify x`). */
export const SLASH_COMMAND = '/radar';

/** The message shortcut's callback id (slack/manifest.yml). */
export const CLASSIFY_SHORTCUT = 'classify_message';

/**
 * Replies name commands as the console and Discord type them (`/classify x`, `Type /help`); on Slack
 * they are subcommands of /radar. `names` are the command words to rewrite.
 */
export function radarCommands(text: string, names: readonly string[]): string {
  if (names.length === 0) return text;
  const words = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return text.replace(new RegExp(`(^|[\\s\`(“"'«])/(${words})(?![\\w/-])`, 'g'), `$1${SLASH_COMMAND} $2`);
}

/** The reply with every command it names written the Slack way (see radarCommands). */
export function radarReply(reply: Reply, names: readonly string[]): Reply {
  const fix = (text: string) => radarCommands(text, names);
  return {
    ...reply,
    title: fix(reply.title),
    summary: fix(reply.summary),
    fields: reply.fields.map((f) => ({ ...f, name: fix(f.name), value: fix(f.value) })),
    notes: reply.notes.map(fix),
  };
}

// Channel and date references Slack draws itself (`<#C123>`, `<!date^…>`) must survive escapeText, which
// turns every other `<` into text. Marks wrap them in two private-use characters that escapeText turns
// back into `<…>` only when what is inside is exactly such a reference.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARKED = /\uE000(#[A-Z0-9]+|!date\^\d+\^\{date_long_pretty\} \{time\}\|[^\uE000\uE001<>]*)\uE001/g;

/** Channels as `<#C123>` (Slack shows their name) and moments as `<!date^…>` (each reader's own time zone). */
export const SLACK_MARKS: Marks = {
  channel: (id) => (/^[A-Z0-9]+$/.test(id) ? `${MARK_OPEN}#${id}${MARK_CLOSE}` : `#${id}`),
  time: (at) => `${MARK_OPEN}!date^${Math.floor(at.getTime() / 1000)}^{date_long_pretty} {time}|${formatDateTime(at.toISOString())}${MARK_CLOSE}`,
};

/** `@channel`, `@here`, `@everyone` typed as words: a zero-width space keeps them from notifying anyone. */
const defuseBroadcasts = (text: string) => text.replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');

/**
 * Escapes text for Slack (mrkdwn and plain_text alike): `&`, `<`, `>` become entities, so nothing
 * anyone typed can form `<!channel>`, `<!here>`, `<@U…>` or a `<url|link>`; and a zero-width space
 * after `@` in `@channel`/`@here`/`@everyone` keeps Slack from reading bare words as pings.
 */
export function escapeText(text: string): string {
  return defuseBroadcasts(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    .replace(MARKED, '<$1>')
    .replace(/[\uE000\uE001]/g, '');
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

/**
 * The table as Slack's native table block (header row first, numbers right-aligned), when it fits the
 * block's 100 rows and 20 columns; undefined otherwise, and the monospace text is used instead.
 * Cells are raw text, never read as mrkdwn; brackets are dropped and broadcast words defused anyway.
 */
export function tableBlock(table: ReplyTable): types.TableBlock | undefined {
  const rows = [table.columns, ...table.rows];
  if (rows.length > LIMITS.tableRows || table.columns.length > LIMITS.tableColumns) return undefined;
  const cell = (text: string | undefined) => ({
    type: 'raw_text' as const,
    text: defuseBroadcasts((text ?? '').replace(/[<>]/g, '')).replace(/\s+/g, ' ').trim().slice(0, 500) || '–',
  });
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((r) => /^[–-]?[\d\s.,\u202f%KMBT×–-]*$/.test(r[i] ?? '')));
  return {
    type: 'table',
    rows: rows.map((r) => table.columns.map((_, i) => cell(r[i]))),
    column_settings: numeric.map((n) => (n ? { align: 'right' as const } : { is_wrapped: true })),
  };
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
  /**
   * `block` (default): a table as Slack's table block where it fits (messages); `text`: as monospace
   * text, for surfaces without table blocks (App Home, unfurls).
   */
  tables?: 'block' | 'text';
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
  if (reply.table && reply.table.rows.length > 0) {
    const native = options.tables !== 'text' ? tableBlock(reply.table) : undefined;
    blocks.push(native ?? section(tableText(reply.table, locale)));
  }
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

/**
 * A link unfurl: the reply's entries (for a model link, its one line: verdict, count and source, task,
 * downloads) and a context line with its notes and where the data comes from. No header: the link is
 * the title. Monospace tables only (unfurls have no table blocks).
 */
export function renderCard(reply: Reply, options: { locale?: Locale } = {}): { blocks: Block[] } {
  const locale = options.locale ?? 'en';
  const blocks: Block[] = [...fieldBlocks(reply.fields.map((f) => ({ ...f, inline: false })))];
  if (reply.summary.trim()) blocks.unshift(section(mrkdwn(reply.summary, LIMITS.sectionText)));
  const context = [...reply.notes.filter((n) => n.trim()), ...(reply.source ? [t(locale, 'format.dataLine', { source: sourceLine(reply.source, locale) })] : [])];
  if (context.length) {
    blocks.push({ type: 'context', elements: context.slice(0, LIMITS.contextElements).map((text): ContextElement => ({ type: 'mrkdwn', text: mrkdwn(text, LIMITS.contextText), verbatim: true })) });
  }
  return { blocks };
}

/**
 * The App Home tab: how to use SLM Radar on Slack (the /radar command, mentions in threads, pasted
 * model links, the message shortcut), then the workspace's digests (the /subscriptions reply).
 */
export function homeBlocks(subscriptions: Reply, options: { locale?: Locale; botUserId?: string } = {}): Block[] {
  const locale = options.locale ?? 'en';
  const me = options.botUserId ? `<@${escapeText(options.botUserId)}>` : '@SLM Radar';
  const howTo: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: t(locale, 'slack.home.title') } },
    section(t(locale, 'slack.home.intro')),
    section(t(locale, 'slack.home.ways', { command: SLASH_COMMAND, me, shortcut: t(locale, 'slack.shortcut.name') })),
    { type: 'divider' },
  ];
  const digests = renderReply(subscriptions, { locale, tables: 'text' }).blocks;
  return [...howTo, ...digests].slice(0, LIMITS.homeBlocks);
}
