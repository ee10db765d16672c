// Child process of `npm run bench`: a fresh start with a census persisted under DATA_DIR, measured
// from the process's own start to its first answer, then the memory it holds. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';

const bot = createBot(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
const reply = await bot.invokeText('/trend');
const firstAnswerMs = performance.now(); // the time origin is the process's start
const census = await bot.hub.census();
globalThis.gc?.();
console.log(
  JSON.stringify({
    firstAnswerMs,
    kind: (reply.data as { sample?: { kind: string } }).sample?.kind,
    models: census?.size ?? 0,
    storeBytes: census?.bytes() ?? 0,
    rssBytes: process.memoryUsage().rss,
  }),
);
bot.close();
process.exit(0);
