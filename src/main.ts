// Entry point: `npm start [-- --offline] [-- --json] [-- /command args]`.
// With DISCORD_TOKEN and/or SLACK_BOT_TOKEN set it runs those adapters (both in one process) and
// the weekly digests; otherwise the console.
import { existsSync } from 'node:fs';
import { ConsoleBot } from './adapters/console.js';
import { createBot } from './bot.js';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';

const USAGE = `Usage: npm start [-- --offline] [-- --json] [-- /command args]
  no command      interactive prompt (type /help); Discord/Slack when their tokens are set
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
  const unknown = [...flags].filter((f) => !['--offline', '--json', '--help'].includes(f));
  if (unknown.length) {
    console.error(`Unknown option ${unknown.join(', ')}.\n${USAGE}`);
    return 2;
  }
  const json = flags.has('--json');
  // Variables already in the environment win over .env (Node's loadEnvFile never overrides them).
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig({ ...process.env, ...(flags.has('--offline') ? { OFFLINE: '1' } : {}) });
  } catch (error) {
    const message = (error as Error).message;
    if (json) console.log(JSON.stringify({ error: { code: 'bad_config', message } }));
    else console.error(message);
    return 2;
  }
  const platforms = words.length === 0 && !json && (config.DISCORD_TOKEN || config.SLACK_BOT_TOKEN);
  // Logs go to stderr. In the console, replies already carry the notes a person needs (Hub down,
  // stale data), so only errors are logged unless LOG_LEVEL asks for more.
  const log = createLogger(process.env.LOG_LEVEL || platforms ? config.LOG_LEVEL : 'error');
  const bot = createBot(config, { log });

  if (platforms) {
    // Loaded only here, so a console start never loads discord.js, Bolt or the scheduler.
    const { runPlatforms } = await import('./platforms.js');
    await runPlatforms(bot);
    return 0; // keeps running: the adapters hold the event loop open
  }
  const consoleBot = new ConsoleBot(bot, config.OUT_DIR, { chartUrls: !json });
  if (words.length === 0 && !json) {
    await consoleBot.repl();
    bot.close();
    return 0;
  }
  if (words.length === 0) {
    console.log(JSON.stringify({ error: { code: 'bad_input', message: 'Give a command with --json, e.g. --json /classify Qwen/Qwen2.5-0.5B' } }));
    return 2;
  }
  const answer = await consoleBot.ask(words.join(' '));
  bot.close();
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
  (error: Error) => {
    // A platform that refuses the token, or a port in use: one clear line, not a stack.
    console.error(`SLM Radar could not start: ${error.message}`);
    process.exitCode = 1;
  },
);
