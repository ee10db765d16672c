// The contract between commands and adapters. Adapters may drop what their platform cannot show,
// never add facts.
import type { ChartConfiguration } from 'chart.js';
import type { DataSource } from './core/types.js';
import { t, type Locale } from './i18n.js';

export interface ReplyField {
  name: string;
  value: string;
  /** Hint that the field is short and may sit beside others (Discord inline fields, Slack field grid). */
  inline?: boolean;
}

export interface ReplyTable {
  columns: string[];
  rows: string[][];
}

export interface ReplyChart {
  /** One Chart.js v4 config, rendered to a QuickChart URL or a local PNG by src/charts. */
  config: ChartConfiguration;
  /** Text alternative for screen readers and platforms without images. */
  alt: string;
  /** File name for the PNG attachment, e.g. `classify.png`. */
  fileName: string;
}

export interface ReplyError {
  /** Stable machine code: `bad_input`, `not_found`, `hub_unavailable`, `internal`… */
  code: string;
  message: string;
}

export interface Reply {
  title: string;
  summary: string;
  fields: ReplyField[];
  table?: ReplyTable;
  chart?: ReplyChart;
  /** Data freshness, caveats, coverage. */
  notes: string[];
  links: { label: string; url: string }[];
  /** Only the caller should see this reply (errors, previews). */
  ephemeral?: boolean;
  error?: ReplyError;
  /** Where the numbers came from; absent for replies that use no Hub data. */
  source?: DataSource;
  /** The computed result the text and chart were made from; `--json` prints it. */
  data: unknown;
}

/** A reply that says what was wrong and what to type instead. */
export function errorReply(code: string, message: string, locale: Locale): Reply {
  return { title: t(locale, 'common.sorry'), summary: message, fields: [], notes: [], links: [], ephemeral: true, error: { code, message }, data: { error: { code, message } } };
}

/**
 * What `--json` prints: the reply's data, or its error, with where the data came from and when
 * (`source: {kind, collectedAt}`) whenever the reply used Hub data.
 */
export function replyJson(reply: Reply): Record<string, unknown> {
  const source = reply.source ? { source: { kind: reply.source.kind, collectedAt: reply.source.collectedAt } } : {};
  if (reply.error) return { error: reply.error, ...source };
  return { ...(reply.data as Record<string, unknown>), ...source };
}
