// The bot every adapter talks to: configuration, the Hub layer, the commands, and one `invoke`.
import { COMMANDS } from '../commands/index.js';
import classifyMessage, { MAX_MESSAGE_MODELS } from '../commands/classify-message.js';
import type { Command, Marks, Place } from './command.js';
import type { Config } from './config.js';
import { Store } from './digest/store.js';
import { createHub, type Hub } from './hub/hub.js';
import type { Locale } from './i18n.js';
import { invoke, type RawArgs, findCommand } from './invoke.js';
import { silentLogger, type Logger } from './log.js';
import { MAX_LINE_LENGTH } from './options.js';
import { plainMarks } from './format.js';
import { parseArgs, splitCommandLine } from './parse-text.js';
import type { Reply } from './reply.js';

export interface InvokeOptions {
  locale?: Locale;
  /** The clock for this request (digests and tests pass their own). */
  now?: Date;
  /** The channel the command came from (platform adapters). */
  place?: Place;
  /** How the platform shows channels and moments; plain text by default. */
  marks?: Marks;
}

export interface Bot {
  config: Config;
  hub: Hub;
  commands: readonly Command[];
  log: Logger;
  /** The bot's database under DATA_DIR, opened on first use. */
  store(): Store;
  /** Cancels Hub work in flight and in the background, and closes the database (shutdown, one-shot commands). */
  close(): void;
  /** Runs a command with typed options (Discord, digests). */
  invoke(name: string, args: RawArgs, options?: InvokeOptions): Promise<Reply>;
  /** Runs a command typed as text: `/trend text-generation since:2024-01` (console, Slack). */
  invokeText(line: string, options?: InvokeOptions): Promise<Reply>;
  /**
   * "Classify models in this message" (Slack shortcut, unfurls and mentions, Discord message menu):
   * `models` as modelsInText found them; at most MAX_MESSAGE_MODELS are looked up, and the reply says
   * how many the message named beyond those.
   */
  classifyMessage(models: readonly string[], options?: InvokeOptions): Promise<Reply>;
}

export function createBot(config: Config, deps: { hub?: Hub; log?: Logger; now?: () => Date; commands?: readonly Command[]; store?: Store } = {}): Bot {
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const hub = deps.hub ?? createHub(config, { logger: log, now });
  const commands = deps.commands ?? COMMANDS;
  let store = deps.store;
  const openStore = () => (store ??= new Store(config.DATA_DIR));
  const context = (options: InvokeOptions) => ({
    hub,
    config,
    locale: options.locale ?? 'en',
    now: options.now ?? now(),
    commands,
    store: openStore,
    place: options.place,
    marks: options.marks ?? plainMarks,
  });
  const run = (name: string, args: RawArgs, options: InvokeOptions = {}) => invoke(commands, name, args, context(options), log);
  return {
    config,
    hub,
    commands,
    log,
    store: openStore,
    close: () => {
      hub.close();
      store?.close();
    },
    invoke: run,
    invokeText(line, options) {
      // A huge line is refused before it is split into words (invoke says why).
      const { name, rest } = splitCommandLine(line.length > MAX_LINE_LENGTH ? line.slice(0, 200) : line);
      if (line.length > MAX_LINE_LENGTH) return run(name, { _tooLong: String(line.length) }, options);
      const command = findCommand(commands, name);
      return run(name, command ? parseArgs(command, rest) : {}, options);
    },
    classifyMessage(models, options = {}) {
      const args = { models: models.slice(0, MAX_MESSAGE_MODELS).join(' '), named: models.length };
      return invoke([classifyMessage], classifyMessage.name, args, context(options), log);
    },
  };
}
