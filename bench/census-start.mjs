// Child process of `npm run bench`: the compiled bot (dist/) started fresh with a census persisted under
// DATA_DIR, measured from the process's own start to its first /trend answer (the time origin of
// performance.now() is the process's start), with the CPU it took; then the memory it holds. Plain
// JavaScript, as the bot runs in production: nothing is transpiled. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { createBot } from '../dist/src/bot.js';
import { loadConfig } from '../dist/src/config.js';

const bot = createBot(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
const reply = await bot.invokeText('/trend');
const firstAnswerMs = performance.now();
const cpu = process.cpuUsage();
const census = await bot.hub.census();
globalThis.gc?.();
console.log(
  JSON.stringify({
    firstAnswerMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    kind: reply.data?.sample?.kind,
    models: census?.size ?? 0,
    storeBytes: census?.bytes() ?? 0,
    rssBytes: process.memoryUsage().rss,
  }),
);
bot.close();
process.exit(0);
