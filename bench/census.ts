// Census benchmarks for `npm run bench`: synthetic Hub-shaped records at 10k, 100k, 1M and 2M models —
// ingest, the four analyses over the store, bytes per model, start-up and memory of a fresh process with
// the census on disk, commands answered while the sizing pass runs, the walk's and the sync's request
// counts against the fake Hub, warm /classify.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { lifespanOf } from '../src/core/lifespan.js';
import { shareOf } from '../src/core/share.js';
import { tagsOf } from '../src/core/tags.js';
import { trendOf } from '../src/core/trend.js';
import { DEFAULT_THRESHOLDS } from '../src/core/types.js';
import { Census } from '../src/hub/census.js';
import { fromRawHub } from '../src/hub/records.js';
import { CensusStore } from '../src/store/census.js';
import { loadCensus, saveCensus } from '../src/store/census-file.js';
import { censusFile } from '../src/store/census.js';
import { hubLikeModels, makeHubLikeModels, startFakeHub, type RawHubModel } from '../test/fakes/hub.js';
import { compileIfStale } from './startup.js';

export interface Row {
  what: string;
  value: number;
  unit: string;
  target: number | null;
  /** The target is a minimum. */
  atLeast?: boolean;
}

const run = promisify(execFile);

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/**
 * The sizing pass of a 2M census (pending after a walk, as a restart finds it) run by the bot's own
 * census sync, while /trend is asked every 200 ms: how many answers came during the pass, how long
 * they took, and the longest the event loop was held (a 1 ms timer's longest gap).
 */
async function sizingPassWhileAnswering(store: CensusStore, dataDir: string, dir: string, record: (row: Row) => void): Promise<void> {
  store.meta.sizingPending = true;
  await saveCensus(store, censusFile(dataDir));
  const fake = await startFakeHub({ models: [] });
  const bot = createBot(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: dataDir, OUT_DIR: join(dir, 'out'), LOG_LEVEL: 'silent' }));
  await bot.hub.census();
  await bot.invokeText('/trend');
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  let done = false;
  const pass = bot.hub.censusSync.runOnce().finally(() => (done = true));
  const answers: number[] = [];
  while (!done) {
    const [reply, ms] = await timed(() => bot.invokeText('/trend'));
    if ((reply.data as { sample?: { kind: string } }).sample?.kind !== 'census') throw new Error('/trend did not answer from the census');
    if (!done) answers.push(ms);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await pass;
  const passSeconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  record({ what: 'census 2M: sizing pass after a walk, in a worker, and two saves (wall)', value: passSeconds, unit: 's', target: null });
  record({ what: 'census 2M: /trend answers while that pass ran', value: answers.length, unit: 'answers', target: 1, atLeast: true });
  record({ what: 'census 2M: slowest of those /trend answers', value: Math.max(...answers), unit: 'ms', target: null });
  record({ what: 'census 2M: longest the event loop was held during the pass and saves', value: longest, unit: 'ms', target: null });
  bot.close();
  await fake.close();
}

function timeMedian(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const count = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

/** A census of `n` synthetic models, built as a walk would (the post-walk pass included). */
function buildStore(n: number): { store: CensusStore; ingestMs: number } {
  const store = new CensusStore('http://127.0.0.1');
  const start = performance.now();
  store.startWalk('http://127.0.0.1/api/models', new Date().toISOString());
  for (const raw of hubLikeModels(n, { seed: n })) store.upsert(fromRawHub(raw)!);
  store.completeWalk(new Date().toISOString());
  return { store, ingestMs: performance.now() - start };
}

export async function censusBenchmarks(record: (row: Row) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'slm-bench-census-'));
  const collectedAt = new Date('2026-12-01T00:00:00Z');

  for (const n of [10_000, 100_000, 1_000_000, 2_000_000]) {
    const { store, ingestMs } = buildStore(n);
    record({ what: `census ${count(n)}: ingest (parse, size, date once), per model`, value: (ingestMs * 1000) / n, unit: 'µs', target: null });
    const view = () => store.view(DEFAULT_THRESHOLDS);
    view(); // verdicts under these thresholds, once per store change
    const big = n === 2_000_000;
    record({ what: `census ${count(n)}: trend`, value: timeMedian(5, () => trendOf(view(), { since: '2023-01', collectedAt })), unit: 'ms', target: big ? 50 : null });
    record({ what: `census ${count(n)}: lifespan`, value: timeMedian(5, () => lifespanOf(view(), { collectedAt })), unit: 'ms', target: big ? 50 : null });
    record({ what: `census ${count(n)}: share`, value: timeMedian(5, () => shareOf(view())), unit: 'ms', target: big ? 50 : null });
    record({ what: `census ${count(n)}: tags`, value: timeMedian(5, () => tagsOf(view())), unit: 'ms', target: big ? 50 : null });
    record({ what: `census ${count(n)}: store bytes per model`, value: store.bytes() / n, unit: 'B', target: 200 });
    if (!big) continue;

    // A fresh process of the compiled bot with the 2M census on disk: first answer, its CPU, memory.
    const dataDir = join(dir, 'data-2m');
    await saveCensus(store, censusFile(dataDir));
    compileIfStale();
    const starts: { firstAnswerMs: number; cpuMs: number; kind: string; models: number; storeBytes: number; rssBytes: number }[] = [];
    const load: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { stdout } = await run(process.execPath, ['--expose-gc', 'bench/census-start.mjs'], {
        env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: join(dir, 'out'), HF_ENDPOINT: 'http://127.0.0.1:9', OFFLINE: '' },
      });
      const start = JSON.parse(stdout.trim().split('\n').at(-1)!) as (typeof starts)[number];
      if (start.kind !== 'census' || start.models !== n) throw new Error(`start-up answered from ${start.kind} with ${start.models} models`);
      if (i > 0) starts.push(start); // the first run warms the OS file cache
      load.push(loadavg()[0]);
    }
    const typical = <K extends keyof (typeof starts)[number]>(key: K) => median(starts.map((s) => s[key] as number));
    record({ what: `census 2M, fresh process (compiled): first /trend answer after start, median of ${starts.length}`, value: typical('firstAnswerMs') / 1000, unit: 's', target: 3 });
    record({ what: 'census 2M, fresh process: CPU time (user + system) until that answer', value: typical('cpuMs') / 1000, unit: 's', target: null });
    record({ what: 'census 2M, fresh process: machine load average (1 min) during those runs', value: median(load), unit: '', target: null });
    record({ what: 'census 2M, fresh process: store bytes per model (id index built)', value: typical('storeBytes') / n, unit: 'B', target: 200 });
    record({ what: 'census 2M, fresh process: resident memory', value: typical('rssBytes') / 1024 / 1024, unit: 'MB', target: 600 });

    // In this process: the census loaded from its file, and what it builds on first use.
    const [loaded, loadMs] = await timed(async () => (await loadCensus(censusFile(dataDir)))!);
    record({ what: 'census 2M: load from its Arrow file (in-process)', value: loadMs, unit: 'ms', target: null });
    record({ what: 'census 2M loaded: id index, built by the first lookup (/classify)', value: (await timed(() => loaded.find('nobody/none')))[1], unit: 'ms', target: null });
    record({ what: 'census 2M loaded: order by downloads, built by the first sample:top', value: (await timed(() => loaded.byDownloads()))[1], unit: 'ms', target: null });

    // Commands while the sizing pass after a walk runs (in its worker) and the census is saved twice.
    await sizingPassWhileAnswering(store, dataDir, dir, record);

    // Warm /classify in-process: the model is cached, its task percentile a binary search in the census.
    const ids: string[] = [];
    for (let row = 0; row < n && ids.length < 200; row += Math.floor(n / 200)) ids.push(store.idOf(row));
    const served: RawHubModel[] = ids.map((id) => ({ id, tags: [], pipeline_tag: 'text-generation', safetensors: { total: 7_000_000_000 } }));
    const fake = await startFakeHub({ models: served });
    const bot = createBot(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: dataDir, OUT_DIR: join(dir, 'out'), LOG_LEVEL: 'silent' }));
    await bot.hub.census();
    for (const id of ids) await bot.invokeText(`/classify ${id}`);
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const id of ids) {
        const t0 = performance.now();
        await bot.invokeText(`/classify ${id}`);
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    record({ what: `warm /classify in-process, p50 (${times.length} calls, 2M census)`, value: times[Math.floor(times.length / 2)], unit: 'ms', target: 2 });
    record({ what: `warm /classify in-process, p99 (${times.length} calls, 2M census)`, value: times[Math.floor(times.length * 0.99)], unit: 'ms', target: 10 });
    bot.close();
    await fake.close();
  }

  // The walk and the sync against the fake Hub, one request at a time, 1,000 a page.
  for (const n of [10_000, 100_000]) {
    const fake = await startFakeHub({ models: makeHubLikeModels(n, { seed: 1 }) });
    const census = new Census(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: join(dir, `walk-${n}`), LOG_LEVEL: 'silent' }));
    const start = performance.now();
    const walk = await census.runOnce();
    record({ what: `census walk of ${count(n)} (fake Hub): requests (target ceil(n/1000)+1)`, value: walk.requests, unit: 'requests', target: Math.ceil(n / 1000) + 1 });
    record({ what: `census walk of ${count(n)} (fake Hub): time`, value: (performance.now() - start) / 1000, unit: 's', target: null });
    const newest = Date.parse(fake.models[0].createdAt!);
    fake.models.unshift(...Array.from({ length: 500 }, (_, i) => ({ id: `new/model-${i}`, createdAt: new Date(newest + (500 - i) * 1000).toISOString(), downloads: 1, tags: [] })));
    fake.reset();
    const sync = await census.runOnce();
    record({ what: `incremental sync after 500 new models (${count(n)} stored): requests`, value: sync.requests, unit: 'requests', target: 1 });
    await fake.close();
  }
}
