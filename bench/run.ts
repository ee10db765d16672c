// `npm run bench`: speed and memory figures against targets. Offline: the snapshot and a fake Hub
// on 127.0.0.1. Tests check behaviour; this is where timings live.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConsoleBot } from '../src/adapters/console.js';
import { createBot } from '../src/bot.js';
import { quickChartUrl, renderPng } from '../src/charts/index.js';
import { loadConfig } from '../src/config.js';
import { learnCalibration } from '../src/core/families.js';
import { lifespanOf } from '../src/core/lifespan.js';
import { resolveParameters } from '../src/core/parameters.js';
import { tagsOf } from '../src/core/tags.js';
import { trendOf } from '../src/core/trend.js';
import { DEFAULT_THRESHOLDS } from '../src/core/types.js';
import { classifyAll } from '../src/core/verdict.js';
import { createHub } from '../src/hub/hub.js';
import { getSnapshot } from '../src/hub/snapshot.js';
import { loadSnapshotModels, makeSyntheticModels, startFakeHub } from '../test/fakes/hub.js';
import { sizingAccuracy } from './sizing.js';
import { startupFigures } from './startup.js';

import { censusBenchmarks } from './census.js';

/** `target` null = a figure without a target, printed for information. */
const rows: { what: string; value: number; unit: string; target: number | null; atLeast: boolean }[] = [];
/** A figure and its target: at most `target`, or at least `target` when `atLeast` (accuracy). */
function record(what: string, value: number, unit: string, target: number | null, atLeast = false) {
  rows.push({ what, value, unit, target, atLeast });
}

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

async function median(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(fn))[1]);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const dir = mkdtempSync(join(tmpdir(), 'slm-bench-'));
const mb = () => process.memoryUsage().rss / 1024 / 1024;

// 0. Start-up of the compiled bot, whole processes (before this process gets busy).
for (const figure of await startupFigures(join(dir, 'startup'))) record(figure.what, figure.ms, 'ms', figure.target ?? null);

// 1. The snapshot: loaded once, kept in memory.
const [snapshot, loadMs] = await time(() => getSnapshot());
record(`snapshot load (${snapshot.models.length} models)`, loadMs, 'ms', 1_000);

// 2. Offline replies through the console adapter, as a user sees them (chart PNG included).
const offline = new ConsoleBot(createBot(loadConfig({ OFFLINE: '1', DATA_DIR: join(dir, 'offline'), OUT_DIR: join(dir, 'out') })), join(dir, 'out'));
await offline.ask('/classify Qwen/Qwen2.5-0.5B');
record('/classify, warm, with PNG (median of 20)', await median(20, () => offline.ask('/classify Qwen/Qwen2.5-0.5B')), 'ms', 150);
record('/trend, warm, with PNG (median of 10)', await median(10, () => offline.ask('/trend')), 'ms', 300);
record('/lifespan, warm, with PNG (median of 10)', await median(10, () => offline.ask('/lifespan')), 'ms', 300);

// 3. The analyses on a 10,000-model sample.
const synthetic = [...loadSnapshotModels(), ...makeSyntheticModels(3_314)];
const hubDir = join(dir, 'live');
const fake = await startFakeHub({ models: synthetic });
const hub = createHub(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: hubDir, LOG_LEVEL: 'silent' }));
const [sample, fetchMs] = await time(() => hub.sample({ size: 10_000 }));
const listRequests = fake.requests.filter((r) => r.path === '/api/models').length;
record(`live sample of ${sample.models.length} models from a local fake Hub`, fetchMs, 'ms', 5_000);
record('Hub requests for a 10,000-model sample', listRequests, 'requests', 20);
const [classified, classifyMs] = await time(() => classifyAll(sample.models, sample.lookup, DEFAULT_THRESHOLDS));
record('parameter counts + verdicts for 10,000 models', classifyMs, 'ms', 200);
record('trend of 10,000 models', await median(10, () => trendOf(classified, { since: '2023-01', collectedAt: new Date() })), 'ms', 50);
record('lifespan of 10,000 models', await median(10, () => lifespanOf(classified, { collectedAt: new Date() })), 'ms', 50);
record('tags of 10,000 models', await median(10, () => tagsOf(classified)), 'ms', 50);
const [, restartMs] = await time(() => createHub(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: hubDir, LOG_LEVEL: 'silent' })).sample({ size: 10_000 }));
record('restart: first answer from the sample saved on disk', restartMs, 'ms', 1_000);
await hub.whenIdle();
await fake.close();

// 4. Charts.
const reply = await offline.bot.invokeText('/trend');
record('PNG render of the trend chart (median of 20)', await median(20, () => renderPng(reply.chart!.config)), 'ms', 100);
record('QuickChart URL of the trend chart', quickChartUrl(reply.chart!.config).length, 'chars', 20_000);

// 5. Sizing: resolving every snapshot model with the calibration learned from it, warm; accuracy
// from names alone, counts hidden, calibration learned without the model (bench/sizing.ts).
const sizingLookup = (id: string) => snapshot.byId.get(id);
const [calibration, learnMs] = await time(() => learnCalibration(snapshot.models, sizingLookup));
record(`calibration learned from ${snapshot.models.length} models`, learnMs, 'ms', 500);
const resolveAll = () => {
  for (const m of snapshot.models) resolveParameters(m, sizingLookup, calibration);
};
for (let i = 0; i < 5; i++) resolveAll(); // warm
record('parameter count per model, warm (median of 10 passes)', ((await median(10, resolveAll)) * 1000) / snapshot.models.length, 'µs', 10);
const accuracy = sizingAccuracy(snapshot.models);
record(`verdict right from names alone (${accuracy.models} measured models, 10-fold)`, 100 * accuracy.verdictRight, '%', 97, true);
record('count within ±25% from names alone', 100 * accuracy.within25, '%', 90, true);
record('text-generation models with a count', 100 * accuracy.textGenerationCoverage, '%', 97, true);
record(`verdict right, ${accuracy.heldOut.models} real models outside the snapshot`, 100 * accuracy.heldOut.verdictRight, '%', 97, true);
record('count within ±25%, real models outside the snapshot', 100 * accuracy.heldOut.within25, '%', 90, true);

// 6. Memory with the snapshot and a cached 10,000-model sample.
globalThis.gc?.();
record('resident memory', mb(), 'MB', 400);

// 6. The census: 10k to 2M synthetic Hub-shaped models (see bench/census.ts).
await censusBenchmarks((r) => record(r.what, r.value, r.unit, r.target));

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
let missed = 0;
const lines: string[] = [];
console.log(`SLM Radar benchmarks (offline; fake Hub on 127.0.0.1)\nMachine: ${machine}\n`);
for (const r of rows) {
  const ok = r.target === null || (r.atLeast ? r.value >= r.target : r.value <= r.target);
  if (!ok) missed++;
  const digits = r.unit === 'ms' || r.unit === 's' || r.unit === 'µs' || r.unit === '%' ? 1 : 0;
  const status = r.target === null ? 'info' : ok ? 'ok' : 'MISS';
  const target = r.target === null ? '' : `${r.atLeast ? '≥' : '≤'} ${r.target}`;
  console.log(`${status.padEnd(4)}  ${r.what.padEnd(72)} ${r.value.toFixed(digits).padStart(10)} ${r.unit.padEnd(8)} ${target ? `(target ${target})` : ''}`);
  lines.push(`| ${r.what} | ${r.value.toFixed(digits)} ${r.unit} | ${target ? `${target} ${r.unit}` : '–'} | ${status} |`);
}
console.log(missed ? `\n${missed} target(s) missed.` : '\nAll targets met.');
mkdirSync('docs', { recursive: true });
writeFileSync(
  'docs/performance.md',
  `# Performance\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}. Machine: ${machine}.\n` +
    `The census figures use synthetic records shaped like the Hub's (test/fakes/hub.ts, \`hubLikeModels\`).\n\n` +
    `| what | measured | target | |\n|---|---|---|---|\n${lines.join('\n')}\n`,
);
process.exit(missed ? 1 : 0);
