// Entry point: `npm start [-- --offline] [-- --json] [-- --lang fr] [-- --quickchart] [-- /command args]`.
// With DISCORD_TOKEN and/or SLACK_BOT_TOKEN set it runs those adapters (both in one process) and
// the weekly digests; otherwise the console.
import { existsSync } from 'node:fs';
import { ConsoleBot } from './adapters/console.js';
import { createBot } from './bot.js';
import { consoleLocale, loadConfig } from './config.js';
import { LOCALES, t, type Locale } from './i18n.js';
import { createLogger } from './log.js';
import { replyJson } from './reply.js';

const FLAGS = ['--offline', '--json', '--help', '--quickchart'];

interface CommandLine {
  flags: Set<string>;
  /** The command and its options. */
  words: string[];
  /** `--lang fr` or `--lang=fr`, as typed. */
  lang?: string;
}

/** `npm start -- --help`, in the given language. */
const usage = (locale: Locale) => t(locale, 'console.usage', { languages: LOCALES.join('|') });

function parseCommandLine(argv: string[]): CommandLine {
  const line: CommandLine = { flags: new Set(), words: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') line.lang = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) line.lang = arg.slice('--lang='.length);
    else if (arg.startsWith('--')) line.flags.add(arg);
    else line.words.push(arg);
  }
  return line;
}

/** What main decided: the exit status, and whether the process keeps running (platforms) or exits now. */
interface Outcome {
  code: number;
  keepRunning?: boolean;
}

async function main(argv: string[]): Promise<Outcome> {
  const { flags, words, lang } = parseCommandLine(argv);
  // Variables already in the environment win over .env (Node's loadEnvFile never overrides them).
  if (existsSync('.env')) process.loadEnvFile('.env');
  const terminal = consoleLocale(process.env);
  if (lang !== undefined && !LOCALES.includes(lang.trim().toLowerCase() as Locale)) {
    console.error(`${t(terminal, 'console.badLang', { value: JSON.stringify(lang), languages: LOCALES.join(' | ') })}\n${usage(terminal)}`);
    return { code: 2 };
  }
  const locale = lang === undefined ? terminal : (lang.trim().toLowerCase() as Locale);
  if (flags.has('--help')) {
    console.log(usage(locale));
    return { code: 0 };
  }
  const unknown = [...flags].filter((f) => !FLAGS.includes(f));
  if (unknown.length) {
    console.error(`${t(locale, 'console.unknownFlag', { flags: unknown.join(', ') })}\n${usage(locale)}`);
    return { code: 2 };
  }
  const json = flags.has('--json');
  let config;
  try {
    config = loadConfig({ ...process.env, ...(flags.has('--offline') ? { OFFLINE: '1' } : {}) });
  } catch (error) {
    const message = (error as Error).message;
    if (json) console.log(JSON.stringify({ error: { code: 'bad_config', message } }));
    else console.error(message);
    return { code: 2 };
  }
  const platforms = words.length === 0 && !json && (config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN);
  // Logs go to stderr. In the console, replies already carry the notes a person needs (Hub down,
  // stale data), so only errors are logged unless LOG_LEVEL asks for more.
  const explicitLevel = Boolean(process.env.LOG_LEVEL);
  // In the terminal, log lines share the screen with the prompt: no stacks there unless LOG_LEVEL asks.
  const log = createLogger(explicitLevel || platforms ? config.LOG_LEVEL : 'error', { stacks: explicitLevel || Boolean(platforms) });
  const bot = createBot(config, { log });

  if (platforms) {
    // Loaded only here, so a console start never loads discord.js, Bolt or the scheduler.
    const { runPlatforms } = await import('./platforms.js');
    await runPlatforms(bot);
    return { code: 0, keepRunning: true }; // the adapters hold the event loop open
  }
  const consoleBot = new ConsoleBot(bot, config.OUT_DIR, { locale, quickChart: flags.has('--quickchart') || config.CHART_MODE === 'quickchart' });
  if (words.length === 0 && !json) {
    await consoleBot.repl();
    bot.close();
    return { code: 0 };
  }
  if (words.length === 0) {
    console.log(JSON.stringify({ error: { code: 'bad_input', message: t(locale, 'console.jsonNeedsCommand') } }));
    return { code: 2 };
  }
  const answer = await consoleBot.ask(words.join(' '));
  // Answered: background Hub work (base models, a sample refresh) is cancelled, not waited for.
  bot.close();
  if (json) {
    console.log(JSON.stringify(replyJson(answer.reply), null, 2));
    if (answer.chartPath) console.error(t(locale, 'console.chart', { path: answer.chartPath }));
  } else {
    console.log(answer.text);
  }
  return { code: answer.reply.error ? 2 : 0 };
}

main(process.argv.slice(2)).then(
  ({ code, keepRunning }) => {
    process.exitCode = code;
    // Writes to stdout and stderr are synchronous here (files, pipes and terminals on Linux), so exiting
    // at once loses nothing, and nothing left behind (a timer, a socket) can hold the process.
    if (!keepRunning) process.exit(code);
  },
  (error: Error) => {
    // A platform that refuses the token, a port in use, a database that cannot be opened: one clear line, not a stack.
    console.error(t(consoleLocale(process.env), 'console.cannotStart', { message: error.message }));
    process.exit(1);
  },
);
