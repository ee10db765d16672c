// The census store: columns, the id index, sizing at ingest with bases inside the census, walks that
// drop deleted repos, views for the analyses, and the Arrow file (atomic write, read back the same).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeHubs } from './helpers/hub.js';
import { lifespanOf } from '../src/core/lifespan.js';
import { shareOf } from '../src/core/share.js';
import { tagsOf } from '../src/core/tags.js';
import { trendOf } from '../src/core/trend.js';
import { DEFAULT_THRESHOLDS, type ModelRecord } from '../src/core/types.js';
import { classifyAll } from '../src/core/verdict.js';
import { loadConfig } from '../src/config.js';
import { resolveParameters } from '../src/core/parameters.js';
import { createHub } from '../src/hub/hub.js';
import { fromRawHub } from '../src/hub/records.js';
import { CensusStore } from '../src/store/census.js';
import { loadCensus, saveCensus } from '../src/store/census-file.js';
import { censusFile } from '../src/store/census.js';
import { BACKFILL_CREATED_AT, makeHubLikeModels } from './fakes/hub.js';

const { tempDir } = fakeHubs('slm-census-');

const records = (n: number, seed = 7) => makeHubLikeModels(n, { seed }).map((m) => fromRawHub(m)!);

function storeOf(list: ModelRecord[]): CensusStore {
  const store = new CensusStore('http://hub.test');
  store.startWalk('http://hub.test/api/models', '2026-12-01T00:00:00.000Z');
  for (const r of list) store.upsert(r);
  store.completeWalk('2026-12-01T01:00:00.000Z');
  return store;
}

describe('CensusStore', () => {
  it('finds ids in any case, keeps dates as days with the backfill flag, and sizes from a base inside the census', () => {
    const store = storeOf([
      { id: 'ft/Tiny-Chat', createdAt: '2025-02-01T10:00:00.000Z', downloads: 5, tags: ['base_model:finetune:Base/Tiny'], pipelineTag: 'text-generation' },
      { id: 'Base/Tiny', createdAt: BACKFILL_CREATED_AT, downloads: 50, tags: [], safetensorsTotal: 494_032_768, pipelineTag: 'text-generation' },
      { id: 'q/Tiny-GPTQ', tags: ['base_model:quantized:base/tiny'], safetensorsTotal: 100_000_000, safetensorsPackedShare: 0.9 },
    ]);
    expect(store.size).toBe(3);
    expect(store.find('BASE/tiny')).toBe(1);
    expect(store.idOf(store.find('ft/tiny-chat'))).toBe('ft/Tiny-Chat');
    expect(store.find('nobody/here')).toBe(-1);
    const c = store.columns();
    expect(c.createdDay[0]).toBe(Math.floor(Date.parse('2025-02-01T10:00:00Z') / 86_400_000));
    expect([...c.flags].map((f) => f & 1)).toEqual([0, 1, 0]);
    // The fine-tune arrived before its base (newest first); the pass after the walk sized it from the base.
    expect(store.parametersOf(0)).toBe(494_032_768);
    expect(c.parameterSource[0]).toBe(3); // base_model
    // A quantized repo with packed weights takes its base's count, not its packed element count.
    expect(store.parametersOf(2)).toBe(494_032_768);
    expect(store.lookup('base/TINY')?.safetensorsTotal).toBe(494_032_768);
  });

  it('gives the analyses the same numbers as the classified records, and the top N as a view', () => {
    const list = records(5_000);
    const store = storeOf(list);
    const byLower = new Map(list.map((r) => [r.id.toLowerCase(), r]));
    // Sized as the census sizes: with the family medians it learned from its measured counts.
    const classified = classifyAll(list, (id) => byLower.get(id.toLowerCase()), DEFAULT_THRESHOLDS, store.calibration);
    const view = store.view(DEFAULT_THRESHOLDS);
    const collectedAt = new Date('2026-12-01T00:00:00Z');
    expect(trendOf(view, { since: '2023-01', collectedAt })).toEqual(trendOf(classified, { since: '2023-01', collectedAt }));
    expect(lifespanOf(view, { collectedAt })).toEqual(lifespanOf(classified, { collectedAt }));
    expect(shareOf(view)).toEqual(shareOf(classified));
    expect(tagsOf(view)).toEqual(tagsOf(classified));

    const top = [...classified].sort((a, b) => (b.model.downloads ?? 0) - (a.model.downloads ?? 0)).slice(0, 1_000);
    const topView = store.view(DEFAULT_THRESHOLDS, { top: 1_000 });
    expect(topView.length).toBe(1_000);
    expect(shareOf(topView)).toEqual(shareOf(top));
    const textGen = store.view(DEFAULT_THRESHOLDS, { tag: 'text-generation' });
    expect(shareOf(textGen)).toEqual(shareOf(classified.filter((c) => c.model.pipelineTag === 'text-generation')));
  });

  it('keeps per-task sizes sorted for a binary-search percentile', () => {
    const store = storeOf(records(2_000));
    const sizes = store.taskSizes('text-generation');
    expect(sizes.length).toBeGreaterThan(100);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1]);
    expect(store.taskSizes('no-such-task')).toHaveLength(0);
  });

  it('drops the repos a new walk did not see and counts the ones it did', () => {
    const list = records(300);
    const store = storeOf(list);
    const before = [10, 120, 249].map((i) => store.recordOf(store.find(list[i].id)).tags);
    store.startWalk('http://hub.test/api/models', '2026-12-08T00:00:00.000Z');
    // Every sixth repo was deleted: the rows after each move up.
    for (const r of list.filter((_, i) => i % 6 !== 5)) store.upsert({ ...r, downloads: 1 });
    const { dropped } = store.completeWalk('2026-12-08T01:00:00.000Z');
    expect(dropped).toBe(50);
    expect(store.size).toBe(250);
    expect(store.find(list[299].id)).toBe(-1);
    expect(store.idOf(store.find(list[10].id))).toBe(list[10].id);
    // Tags follow their rows through the compaction.
    expect([10, 120, 249].map((i) => store.recordOf(store.find(list[i].id)).tags)).toEqual(before);
    expect(before.flat()).toContain('transformers');
    expect(store.meta).toMatchObject({ walk: 2, lastWalkModels: 250, lastWalkAt: '2026-12-08T01:00:00.000Z' });
    expect(store.meta.cursor).toBeUndefined();
  });
});

describe('census sizing', () => {
  it('sizes every record of the snapshot exactly as the sample path does: same count, same source', async () => {
    // The sample path: the offline snapshot sample, its lookup and the family medians learned from it.
    const hub = createHub(loadConfig({ OFFLINE: '1', DATA_DIR: await tempDir(), LOG_LEVEL: 'silent' }));
    const sample = await hub.sample({ size: 100_000 });
    expect(sample.models.length).toBe(hub.status().snapshotModels);
    // The census path: the same records walked into the store, sized at ingest and by the pass after the walk.
    const store = storeOf([...sample.models].reverse());
    expect(store.size).toBe(sample.models.length);
    const differences: string[] = [];
    const sources = new Set<string>();
    let byHubTag = 0;
    for (const model of sample.models) {
      const expected = resolveParameters(model, sample.lookup, sample.calibration);
      const row = store.find(model.id);
      const got = { parameters: store.parametersOf(row), source: store.parameterSourceOf(row) };
      sources.add(String(expected.source));
      if (expected.family?.startsWith('tag:')) byHubTag++;
      if (got.parameters !== expected.parameters || got.source !== expected.source) differences.push(`${model.id}: census ${got.parameters} (${got.source}), sample ${expected.parameters} (${expected.source})`);
    }
    expect(differences).toEqual([]);
    // Every source is compared, the medians of Hub tags (`bert`, `whisper`) included.
    expect([...sources].sort()).toEqual(expect.arrayContaining(['base_model', 'family_median', 'family_table', 'name', 'safetensors']));
    expect(byHubTag).toBeGreaterThan(0);
  });
});

describe('census file', () => {
  it('writes an Arrow IPC file atomically and reads back the same census', async () => {
    const dir = await tempDir();
    const store = storeOf(records(3_000));
    store.meta.cursor = 'http://hub.test/api/models?cursor=abc';
    const file = censusFile(dir);
    await saveCensus(store, file);
    expect(await readdir(join(dir, 'census'))).toEqual(['census.arrow']); // no temporary file left

    const back = (await loadCensus(file))!;
    expect(back.size).toBe(3_000);
    expect(back.meta).toEqual(store.meta);
    expect(back.columns()).toEqual(store.columns());
    expect(back.idOf(1234)).toBe(store.idOf(1234));
    expect(back.find(store.idOf(2999).toUpperCase())).toBe(2999);
    const collectedAt = new Date('2026-12-01T00:00:00Z');
    expect(trendOf(back.view(DEFAULT_THRESHOLDS), { since: '2023-01', collectedAt })).toEqual(trendOf(store.view(DEFAULT_THRESHOLDS), { since: '2023-01', collectedAt }));
    // A researcher sees plain columns: strings, dates, numbers, nulls.
    const table = tableFromIPC(readFileSync(file));
    const row = table.get(0)!.toJSON() as Record<string, unknown>;
    expect(Object.keys(row)).toEqual([
      'id', 'created_day', 'created_at_backfill', 'downloads_30d', 'likes', 'pipeline_tag', 'library_name', 'parameters',
      'parameter_source', 'parameter_caveat', 'safetensors_total', 'gguf_total', 'safetensors_packed', 'peft', 'base_model',
      'base_relation', 'other_base_models', 'model_tags', 'last_seen_walk',
    ]);
    expect(row.id).toBe(store.idOf(0));
    // The family medians of the last sizing pass travel with the file.
    expect(back.calibration).toEqual(store.calibration);
  });

  it('keeps the Hub tags the sizing reads, as a list column, and a loaded census grows and saves again', async () => {
    const dir = await tempDir();
    const store = storeOf([
      { id: 'org/llama-ft', createdAt: '2025-01-02T00:00:00.000Z', tags: ['transformers', 'llama', 'en', 'license:mit', 'region:us', 'peft', 'base_model:adapter:org/base'] },
      { id: 'org/base', createdAt: '2025-01-01T00:00:00.000Z', tags: ['qwen2', 'qwen2', 'safetensors'], safetensorsTotal: 7e8 },
    ]);
    const file = censusFile(dir);
    await saveCensus(store, file);
    const table = tableFromIPC(readFileSync(file));
    // Languages, licences, regions and file formats are not kept; `peft` and model types are, each once.
    expect(table.getChild('model_tags')!.toArray().map((tags: { toArray(): string[] }) => [...tags.toArray()])).toEqual([['transformers', 'llama', 'peft'], ['qwen2']]);
    expect(table.getChild('base_relation')!.toArray()).toEqual(['adapter', null]);

    const back = (await loadCensus(file))!;
    expect(back.recordOf(0).tags).toEqual(['transformers', 'llama', 'peft', 'base_model:adapter:org/base']);
    // A model added to a loaded census, and one whose tags changed: the arrays are copied, not the file's.
    back.upsert({ id: 'org/new', createdAt: '2025-02-01T00:00:00.000Z', tags: ['gemma3', 'base_model:quantized:org/base'] });
    back.upsert({ id: 'org/base', createdAt: '2025-01-01T00:00:00.000Z', tags: ['qwen2', 'conversational'], safetensorsTotal: 7e8 });
    expect(back.recordOf(1).tags).toEqual(['qwen2', 'conversational']);
    await saveCensus(back, file);
    const again = (await loadCensus(file))!;
    expect([0, 1, 2].map((row) => again.recordOf(row).tags)).toEqual([
      ['transformers', 'llama', 'peft', 'base_model:adapter:org/base'],
      ['qwen2', 'conversational'],
      ['gemma3', 'base_model:quantized:org/base'],
    ]);
    expect(again.parametersOf(2)).toBe(7e8);
    expect(again.find('ORG/NEW')).toBe(2);
  });

  it('answers undefined when there is no census yet', async () => {
    expect(await loadCensus(censusFile(await tempDir()))).toBeUndefined();
  });
});
