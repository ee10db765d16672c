// `npm run census`: walks the Hub into the census (first time) or syncs it (afterwards) once against
// HF_ENDPOINT, persists it under DATA_DIR, and exits — for cron jobs and to pre-fill a Docker volume.
// A progress bar on a terminal, plain lines otherwise.
import { existsSync } from 'node:fs';
import cliProgress from 'cli-progress';
import { loadConfig } from '../src/config.js';
import { Census, type CensusProgress } from '../src/hub/census.js';
import { createLogger } from '../src/log.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
const log = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn');
const census = new Census(config, { logger: log });
await census.load();
const line = (p: CensusProgress) =>
  `${p.models.toLocaleString('en-US')} models stored, newest ${p.newest ?? '–'}, oldest ${p.oldest ?? '–'}${p.walking ? `, walk ${p.walkPercent.toFixed(1)}%` : ''}`;

console.log(`Census of ${config.HF_ENDPOINT} in ${census.file}: ${line(census.progress())}`);
const bar = process.stdout.isTTY
  ? new cliProgress.SingleBar({ format: 'census |{bar}| {percentage}% | {models} models | back to {oldest}', hideCursor: true }, cliProgress.Presets.shades_classic)
  : undefined;
bar?.start(100, 0, { models: 0, oldest: '–' });
let lastLine = 0;
try {
  const result = await census.runOnce((p) => {
    if (bar) return bar.update(Math.floor(p.walking ? p.walkPercent : 100), { models: p.models.toLocaleString('en-US'), oldest: p.oldest ?? '–' });
    if (Date.now() - lastLine < 5_000) return;
    lastLine = Date.now();
    console.log(line(p));
  });
  bar?.update(100);
  bar?.stop();
  const what = result.kind === 'walk' ? `Walk complete: ${result.added.toLocaleString('en-US')} new, ${result.dropped.toLocaleString('en-US')} deleted repos dropped` : `Sync complete: ${result.added.toLocaleString('en-US')} new models`;
  console.log(`${what}, ${result.requests} request${result.requests === 1 ? '' : 's'}. ${line(census.progress())}.`);
} catch (err) {
  bar?.stop();
  console.error(`Census stopped: ${(err as Error).message}. What was fetched is saved; run it again to resume from where it stopped.`);
  process.exitCode = 1;
}
