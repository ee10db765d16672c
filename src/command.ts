// What a command is. A command is one file in commands/ exporting a `Command`; adapters build
// Discord options, Slack usage and console parsing from `options`, and validate with `schema`.
import type { z } from 'zod';
import type { Config } from './config.js';
import type { Platform, Store } from './digest/store.js';
import type { HubData } from './hub/types.js';
import type { Locale, Localized } from './i18n.js';
import type { Reply } from './reply.js';

export interface CommandOption {
  /** Lower-case name, as typed: `/trend since:2024-01`. Also the key in the parsed args. */
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  description: Localized;
  required?: boolean;
  /** Which list Discord autocompletes from: Hub model ids, task tags, or IANA time zones. */
  autocomplete?: 'model' | 'tag' | 'timezone';
  /** Fixed choices (Discord shows them as a menu). */
  choices?: string[];
  /** Bounds of a number option, so Discord refuses values out of range before sending them. */
  min?: number;
  max?: number;
  /**
   * Takes the rest of the text in text-based adapters (Slack, console): `/compare a/b c/d`.
   * At most one option per command, and it must be the last.
   */
  rest?: boolean;
}

export interface CommandContext {
  hub: HubData;
  config: Config;
  locale: Locale;
  /** The clock, injected so tests and digests control it. */
  now: Date;
  /** Every command, for /help. */
  commands: readonly Command[];
  /** The bot's database (subscriptions, weekly history), opened on first use. */
  store: () => Store;
  /** Where the command was typed; absent in the console. */
  place?: Place;
  /** How this platform shows a channel and a moment in reply text. */
  marks: Marks;
}

/**
 * How a platform shows a channel and a moment inside reply text: Discord `<#id>` and `<t:…:F>`
 * (each reader sees their own time zone), Slack `<#C…>` and `<!date^…>`, plain `#id` and UTC text in
 * the console (format.ts plainMarks).
 */
export interface Marks {
  channel(id: string): string;
  time(at: Date): string;
}

/** A channel on a chat platform, and who typed the command there. */
export interface Place {
  platform: Platform;
  /** Discord guild id or Slack team id. */
  placeId: string;
  channelId: string;
  userId: string;
  /** Whether the bot can post its digests in this channel, when the platform says so. */
  canPost?: boolean;
}

export interface Command<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: Localized;
  /** One line, e.g. `/trend [tag] [since:YYYY-MM] [sample:N]`. */
  usage: string;
  options: CommandOption[];
  /** Validates the raw option values (strings, numbers, booleans keyed by option name). */
  schema: Schema;
  /** Changes settings of a channel or server: only managers may run it. */
  adminOnly?: boolean;
  /** Works only in a Discord or Slack channel (digest subscriptions): the console's /help leaves it out. */
  needsChannel?: boolean;
  /** Answers only the caller (previews): adapters can make the reply private from the start. */
  replyPrivately?: boolean;
  run(ctx: CommandContext, args: z.output<Schema>): Promise<Reply>;
}
