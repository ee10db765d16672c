// Entry point: `npm start [-- --offline] [-- --json] [-- /command args]`.
// With DISCORD_TOKEN or SLACK_BOT_TOKEN set it runs those adapters; otherwise the console.
import { ConsoleBot } from './adapters/console.js';
import { createBot } from './bot.js';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';

const USAGE = `Usage: npm start [-- --offline] [-- --json] [-- /command args]
  no command      interactive prompt (type /help)
  /command args   answer once and exit, e.g. npm start -- /classify Qwen/Qwen2.5-0.5B
  --offline       use the bundled snapshot only (same as OFFLINE=1)
  --json          print the reply's data as JSON on stdout (errors: {"error":{…}}, exit status 2)`;

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const words = argv.filter((a) => !a.startsWith('--'));
  if (flags.has('--help')) {
    console.log(USAGE);
    return 0;
  }
  const known = new Set(['--offline', '--json', '--help']);
  const unknown = [...flags].filter((f) => !known.has(f));
  if (unknown.length) {
    console.error(`Unknown option ${unknown.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const json = flags.has('--json');
  const env = { ...process.env, ...(flags.has('--offline') ? { OFFLINE: '1' } : {}) };
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    const message = (error as Error).message;
    console.error(json ? '' : message);
    if (json) console.log(JSON.stringify({ error: { code: 'bad_config', message } }));
    return 2;
  }
  // Logs go to stderr. In the console, replies already carry the notes a person needs (Hub down,
  // stale data), so only errors are logged unless LOG_LEVEL asks for more.
  const log = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'error');
  const bot = createBot(config, { log });
  const consoleBot = new ConsoleBot(bot, config.OUT_DIR);

  if (words.length === 0 && !json) {
    // Platform adapters are started here once they exist; the console stays the default.
    await consoleBot.repl();
    return 0;
  }
  if (words.length === 0) {
    console.log(JSON.stringify({ error: { code: 'bad_input', message: 'Give a command with --json, e.g. --json /classify Qwen/Qwen2.5-0.5B' } }));
    return 2;
  }
  const answer = await consoleBot.ask(words.join(' '));
  if (json) {
    console.log(JSON.stringify(answer.reply.error ? { error: answer.reply.error } : answer.reply.data, null, 2));
    if (answer.chartPath) console.error(`Chart: ${answer.chartPath}`);
  } else {
    console.log(answer.text);
  }
  return answer.reply.error ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
