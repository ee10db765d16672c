// Census benchmarks for `npm run bench`: synthetic Hub-shaped records at 10k, 100k, 1M and 2M models —
// ingest, the four analyses over the store, bytes per model, start-up and memory of a fresh process with
// the census on disk, the walk's and the sync's request counts against the fake Hub, warm /classify.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
import { censusFile, saveCensus } from '../src/store/census-file.js';
import { hubLikeModels, makeHubLikeModels, startFakeHub, type RawHubModel } from '../test/fakes/hub.js';

export interface Row {
  what: string;
  value: number;
  unit: string;
  target: number | null;
}

const run = promisify(execFile);

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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

    // A fresh process with the 2M census on disk: first answer and memory.
    const dataDir = join(dir, 'data-2m');
    await saveCensus(store, censusFile(dataDir));
    const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/census-start.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, OUT_DIR: join(dir, 'out'), HF_ENDPOINT: 'http://127.0.0.1:9', OFFLINE: '' },
    });
    const start = JSON.parse(stdout.trim().split('\n').at(-1)!) as { firstAnswerMs: number; kind: string; models: number; storeBytes: number; rssBytes: number };
    if (start.kind !== 'census' || start.models !== n) throw new Error(`start-up answered from ${start.kind} with ${start.models} models`);
    record({ what: 'census 2M, fresh process: first /trend answer after start', value: start.firstAnswerMs / 1000, unit: 's', target: 3 });
    record({ what: 'census 2M, fresh process: store bytes per model', value: start.storeBytes / n, unit: 'B', target: 200 });
    record({ what: 'census 2M, fresh process: resident memory', value: start.rssBytes / 1024 / 1024, unit: 'MB', target: 600 });

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
