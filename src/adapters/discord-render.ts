// Reply → Discord message: one embed (title, summary, table, fields, notes, links, footer with the
// data source) and the chart as a PNG attachment or a QuickChart URL. Translation only: nothing
// here adds a fact; what does not fit Discord's limits is cut cleanly, never sent and rejected.
import { channelMention, codeBlock, hyperlink, subtext, time, TimestampStyles } from '@discordjs/formatters';
import { AttachmentBuilder, EmbedBuilder, type APIEmbedField, type BaseMessageOptions } from 'discord.js';
import type { Marks } from '../command.js';
import { quickChartUrl, renderPng } from '../charts/index.js';
import { sourceLine } from '../format.js';
import { t, type Locale } from '../i18n.js';
import type { Reply, ReplyTable } from '../reply.js';

/** Discord's message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Sum of title, description, field names and values, footer text and author name. */
  embedTotal: 6000,
  /** What this adapter allows for an embed image URL before falling back to an attachment. */
  imageUrl: 2048,
  attachmentDescription: 1024,
} as const;

/** No `@everyone`, role or user ping from anything the bot sends, whatever text it echoes. */
export const NO_MENTIONS = { parse: [] as never[] };

const COLORS = { reply: 0x0072b2, error: 0xd55e00 } as const;

/** Channels as mentions and moments as `<t:…:F>`, which each reader sees in their own time zone and language. */
export const DISCORD_MARKS: Marks = { channel: (id) => channelMention(id), time: (at) => time(at, TimestampStyles.LongDateTime) };

/** The adapter's own words in the reply language (src/locales, area `adapters`). */
export function adapterWords(locale: Locale) {
  return {
    notes: t(locale, 'adapters.notes'),
    links: t(locale, 'adapters.links'),
    moreRows: (count: number) => t(locale, 'adapters.moreRows', { count }),
    moreFields: (count: number) => t(locale, 'adapters.moreFields', { count }),
    apology: (errorId: string) => t(locale, 'adapters.apology', { errorId }),
    restarting: t(locale, 'adapters.restarting'),
    manageOnly: (command: string) => t(locale, 'adapters.manageOnly', { command }),
  };
}

export interface RenderOptions {
  /** `attachment` (default): a PNG rendered here; `quickchart`: a QuickChart URL when it fits. */
  chartMode?: 'attachment' | 'quickchart';
  /** QuickChart base URL (env QUICKCHART_URL). */
  quickChartUrl?: string;
  /** Called when the chart cannot be drawn; the message then goes without it. */
  onChartError?: (error: unknown) => void;
}

/** Cuts `text` to at most `max` UTF-16 units, at a word boundary when one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let cut = max - 1;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
  let head = text.slice(0, cut);
  const space = head.search(/\s\S*$/);
  if (space > 0 && cut - space <= 20) head = head.slice(0, space);
  head = head.trimEnd();
  // An odd number of `**` would leave bold open to the end of the message.
  if ((head.match(/\*\*/g)?.length ?? 0) % 2 === 1) head = head.slice(0, head.lastIndexOf('**')) + head.slice(head.lastIndexOf('**') + 2);
  // Same for an inline code span.
  if ((head.match(/`/g)?.length ?? 0) % 2 === 1) head = head.slice(0, head.lastIndexOf('`')) + head.slice(head.lastIndexOf('`') + 1);
  return `${head}…`;
}

/** Discord rejects empty field names and values. */
const nonEmpty = (text: string) => (text.trim() === '' ? '–' : text);

/** A file name Discord keeps as is, so `attachment://<name>` finds it. */
export function attachmentName(fileName: string): string {
  const base = fileName.replace(/\.png$/i, '').replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '').slice(0, 60) || 'chart';
  return `${base}.png`;
}

const CELL_WIDTH = 28;

/**
 * The table as a fixed-width code block of at most `max` characters: cells cut to CELL_WIDTH,
 * rows dropped from the end (with a "… N more rows" line) when it does not fit. '' if not even
 * the header fits.
 */
export function tableBlock(table: ReplyTable, max: number, locale: Locale): string {
  const cell = (text: string | undefined) => truncate((text ?? '').replace(/\s+/g, ' ').replace(/`/g, "'"), CELL_WIDTH);
  const columns = table.columns.map(cell);
  const rows = table.rows.map((r) => columns.map((_, i) => cell(r[i])));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const head = [line(columns), line(widths.map((w) => '-'.repeat(w)))];
  const fence = (lines: string[]) => codeBlock(lines.join('\n'));
  const { moreRows } = adapterWords(locale);
  for (let shown = rows.length; shown >= 0; shown--) {
    const hidden = rows.length - shown;
    const body = rows.slice(0, shown).map(line);
    const text = fence([...head, ...body, ...(hidden ? [moreRows(hidden)] : [])]);
    if (text.length <= max) return text;
  }
  return '';
}

/** Bullet lines, whole lines first; the first line that does not fit is cut and ends the list. */
function bulletList(items: string[], max: number): string {
  let out = '';
  for (const item of items) {
    const line = `${out ? '\n' : ''}• ${item}`;
    if (out.length + line.length <= max) out += line;
    else {
      const room = max - out.length - (out ? 3 : 2);
      if (room >= 20) out += `${out ? '\n' : ''}• ${truncate(item, room)}`;
      break;
    }
  }
  return out;
}

export function footerText(reply: Reply, locale: Locale): string {
  const source = reply.source ? t(locale, 'format.dataLine', { source: sourceLine(reply.source, locale) }) : '';
  return truncate(source ? `SLM Radar · ${source}` : 'SLM Radar', DISCORD_LIMITS.footer);
}

/** The embed for a reply, within every embed limit. */
export function replyEmbed(reply: Reply, locale: Locale): EmbedBuilder {
  const words = adapterWords(locale);
  const title = truncate(nonEmpty(reply.title.replace(/\*\*/g, '')), DISCORD_LIMITS.title);
  const footer = footerText(reply, locale);
  let budget = DISCORD_LIMITS.embedTotal - title.length - footer.length;

  // What matters most gets its room first: the summary, the reply's fields, the notes, then the
  // table and the links.
  const summary = reply.summary.trim() ? truncate(reply.summary, Math.min(DISCORD_LIMITS.description, budget)) : '';
  budget -= summary.length;

  // Room for the notes field (which also says how many fields did not fit) and the links field.
  const extras = 1 + (reply.links.length ? 1 : 0);
  const fields: APIEmbedField[] = [];
  const addField = (name: string, value: string, inline: boolean): boolean => {
    const n = truncate(nonEmpty(name), DISCORD_LIMITS.fieldName);
    const room = Math.min(DISCORD_LIMITS.fieldValue, budget - n.length);
    if (room < Math.min(value.length, 16)) return false;
    const v = truncate(nonEmpty(value), room);
    fields.push({ name: n, value: v, inline });
    budget -= n.length + v.length;
    return true;
  };
  for (const f of reply.fields.slice(0, DISCORD_LIMITS.fields - extras)) if (!addField(f.name, f.value, f.inline === true)) break;
  // Fields that did not fit are counted, never dropped silently; the reply's own notes say how to see them.
  const dropped = reply.fields.length - fields.length;
  const notes = dropped > 0 ? [words.moreFields(dropped), ...reply.notes] : reply.notes;
  let notesField: APIEmbedField | undefined;
  if (notes.length && budget > words.notes.length + 24) {
    const value = bulletList(notes, Math.min(DISCORD_LIMITS.fieldValue, budget - words.notes.length));
    if (value) {
      notesField = { name: words.notes, value, inline: false };
      budget -= words.notes.length + value.length;
    }
  }

  let description = summary;
  if (reply.table) {
    const sep = description ? '\n' : '';
    const block = tableBlock(reply.table, Math.min(DISCORD_LIMITS.description - description.length, budget) - sep.length, locale);
    if (block) {
      description += sep + block;
      budget -= sep.length + block.length;
    }
  }

  let linksField: APIEmbedField | undefined;
  if (reply.links.length) {
    const lines: string[] = [];
    let room = Math.min(DISCORD_LIMITS.fieldValue, budget - words.links.length);
    for (const link of reply.links) {
      const line = hyperlink(link.label.replace(/[[\]]/g, ''), link.url);
      if (line.length + 1 > room) break;
      lines.push(line);
      room -= line.length + 1;
    }
    if (lines.length) {
      linksField = { name: words.links, value: lines.join('\n'), inline: false };
      budget -= words.links.length + linksField.value.length;
    }
  }

  const embed = new EmbedBuilder()
    .setTitle(title)
    .setColor(reply.error ? COLORS.error : COLORS.reply)
    .setFooter({ text: footer });
  if (description) embed.setDescription(description);
  const all = [...fields, ...(notesField ? [notesField] : []), ...(linksField ? [linksField] : [])];
  if (all.length) embed.addFields(all);
  // The title links to the reply's page only when there is exactly one (a model page); a
  // comparison's title would otherwise point at one of its models.
  const url = reply.links.length === 1 ? reply.links[0].url : undefined;
  if (url && /^https?:\/\//.test(url) && url.length <= DISCORD_LIMITS.imageUrl) embed.setURL(url);
  return embed;
}

/** An error reply as plain ephemeral text: the explanation and what to type instead. */
export function errorContent(reply: Reply): string {
  const notes = reply.notes.map((n) => `\n${subtext(n.replace(/\s+/g, ' '))}`);
  let text = `⚠️ ${reply.summary.trim() || reply.error?.message || reply.title}`;
  for (const note of notes) if (text.length + note.length <= DISCORD_LIMITS.content) text += note;
  return truncate(text, DISCORD_LIMITS.content);
}

export interface RenderedChart {
  /** The PNG file, when the chart goes as an attachment. */
  file?: AttachmentBuilder;
  /** What the embed's image points at: `attachment://name.png` or a QuickChart URL. */
  imageUrl: string;
}

/** The chart: a QuickChart URL when asked for and short enough, else a PNG attachment. */
export function renderChart(chart: NonNullable<Reply['chart']>, options: RenderOptions = {}): RenderedChart {
  if (options.chartMode === 'quickchart') {
    const url = quickChartUrl(chart.config, { baseUrl: options.quickChartUrl });
    if (url.length <= DISCORD_LIMITS.imageUrl) return { imageUrl: url };
  }
  const name = attachmentName(chart.fileName);
  const file = new AttachmentBuilder(renderPng(chart.config), { name, description: truncate(chart.alt, DISCORD_LIMITS.attachmentDescription) });
  return { file, imageUrl: `attachment://${name}` };
}

/** A whole message for a reply: embed + chart for answers, text for errors; never pings anyone. */
export function renderMessage(reply: Reply, locale: Locale, options: RenderOptions = {}): BaseMessageOptions & { content: string } {
  if (reply.error) return { content: errorContent(reply), embeds: [], files: [], allowedMentions: NO_MENTIONS };
  const embed = replyEmbed(reply, locale);
  const files: AttachmentBuilder[] = [];
  if (reply.chart) {
    try {
      const chart = renderChart(reply.chart, options);
      embed.setImage(chart.imageUrl);
      if (chart.file) files.push(chart.file);
    } catch (error) {
      // The answer is in the text; a chart that cannot be drawn is dropped, not the answer.
      if (!options.onChartError) throw error;
      options.onChartError(error);
    }
  }
  return { content: '', embeds: [embed], files, allowedMentions: NO_MENTIONS };
}

/** A short text-only message (apologies, restart notices). */
export function textMessage(text: string): BaseMessageOptions & { content: string } {
  return { content: truncate(text, DISCORD_LIMITS.content), embeds: [], files: [], allowedMentions: NO_MENTIONS };
}
