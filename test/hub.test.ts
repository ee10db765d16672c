// createHub against the fake Hub, through the real @huggingface/hub client: paging, fields,
// lookups, retries, fallbacks, single-flight, restarts and offline mode.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createHub, type Hub } from '../src/hub/hub.js';
import { loadSnapshotModels, makeSyntheticModels, startFakeHub, type FakeHub, type RawHubModel } from './fakes/hub.js';
import { deadEndpoint } from './helpers/hub.js';

const SNAPSHOT_DATE = '2025-03-22T10:04:49.000Z';
/** What the pager asks a listing for: the census fields (the Hub's expand keys). */
const EXPECTED_LIST_EXPAND = ['createdAt', 'downloads', 'likes', 'pipeline_tag', 'tags', 'library_name', 'safetensors', 'gguf'];
/** modelInfo (the library) always expands these; we add the ones the analyses read, and nothing else. */
const EXPECTED_EXPAND = [
  'pipeline_tag', 'private', 'gated', 'downloads', 'likes', 'lastModified',
  'createdAt', 'tags', 'library_name', 'safetensors', 'gguf',
];

let snapshot: RawHubModel[];
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(() => {
  snapshot = loadSnapshotModels();
});

afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function fakeHub(models?: RawHubModel[]): Promise<FakeHub> {
  const hub = await startFakeHub({ models: models ?? snapshot.map((m) => ({ ...m })) });
  cleanup.push(() => hub.close());
  return hub;
}

/** The snapshot with these models added, replacing any with the same id. */
function withModels(...extra: RawHubModel[]): RawHubModel[] {
  const ids = new Set(extra.map((m) => m.id));
  return [...snapshot.filter((m) => !ids.has(m.id)), ...extra];
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'slm-hub-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A hub for the test; its background work is awaited before the fake closes. */
async function hubFor(endpoint: string, env: Record<string, string> = {}, now?: () => Date): Promise<Hub> {
  const config = loadConfig({ HF_ENDPOINT: endpoint, DATA_DIR: env.DATA_DIR ?? (await tempDir()), LOG_LEVEL: 'silent', ...env });
  const hub = createHub(config, now ? { now } : {});
  cleanup.push(() => hub.whenIdle());
  return hub;
}

/** An endpoint nothing listens on. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sample', () => {
  it('fetches a 10,000-model sample in 10 list requests of 1,000, asking only for the needed fields', async () => {
    const fake = await fakeHub(withModels(...makeSyntheticModels(10_000)));
    const hub = await hubFor(fake.url);
    const sample = await hub.sample({ size: 10_000 });

    expect(sample.models).toHaveLength(10_000);
    expect(sample.source.kind).toBe('live');
    expect(sample.notes).toEqual([]);
    const downloads = sample.models.map((m) => m.downloads ?? 0);
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));

    const lists = fake.listRequests();
    expect(lists).toHaveLength(10);
    expect(lists.every((r) => r.query.get('limit') === '1000' && r.query.get('sort') === 'downloads' && r.query.get('direction') === '-1')).toBe(true);
    expect(lists[0].query.getAll('expand')).toEqual(EXPECTED_LIST_EXPAND);
    // Every page after the first came from the absolute Link header.
    expect(lists.slice(1).map((r) => r.query.get('cursor'))).toEqual(Array.from({ length: 9 }, (_, i) => String((i + 1) * 1000)));
  });

  it('samples one pipeline tag and normalises the records', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const sample = await hub.sample({ tag: 'text-generation', size: 50 });

    expect(fake.listRequests()[0].query.get('pipeline_tag')).toBe('text-generation');
    expect(sample.models).toHaveLength(50);
    expect(sample.models.every((m) => m.pipelineTag === 'text-generation')).toBe(true);
    const withSize = sample.models.find((m) => m.safetensorsTotal !== undefined)!;
    expect(withSize.safetensorsTotal).toBeGreaterThan(0);
    expect(withSize.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Array.isArray(withSize.tags)).toBe(true);
    // The sample's lookup knows its own models (any case) and falls back to the snapshot.
    expect(sample.lookup(sample.models[0].id.toUpperCase())?.id).toBe(sample.models[0].id);
    expect(sample.lookup('FacebookAI/xlm-roberta-large')?.pipelineTag).toBe('fill-mask');
  });

  it('retries a 429 after Retry-After and then succeeds', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    fake.fail({ status: 429, retryAfter: 1, pathPrefix: '/api/models' });
    const started = Date.now();
    const sample = await hub.sample({ size: 20 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sample.source.kind).toBe('live');
    expect(sample.models).toHaveLength(20);
    expect(fake.listRequests()).toHaveLength(2);
  });

  it('gives up on 429 when Retry-After is too long, and falls back to the snapshot', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    fake.fail({ status: 429, retryAfter: 60 });
    const sample = await hub.sample({ size: 20 });
    expect(fake.listRequests()).toHaveLength(1);
    expect(sample.source).toEqual({ kind: 'snapshot', collectedAt: SNAPSHOT_DATE });
    expect(sample.notes[0].en).toBe('The Hub did not answer (rate limited); using the bundled snapshot collected 2025-03-22 10:04 UTC.');
  });

  it('retries a 5xx, a dropped connection or a truncated page once', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const faults = [{ status: 503 }, { dropConnection: true }, { truncated: true }, { malformed: true }];
    for (const [i, fault] of faults.entries()) {
      fake.reset();
      fake.fail({ ...fault, pathPrefix: '/api/models' });
      const sample = await hub.sample({ size: 30 + i }); // a new key each time, so nothing is cached
      expect(sample.source.kind, JSON.stringify(fault)).toBe('live');
      expect(fake.listRequests()).toHaveLength(2);
      await hub.whenIdle();
    }
  });

  it('answers a 500 with the last good sample and a note', async () => {
    const fake = await fakeHub();
    const collected = new Date('2026-11-26T08:00:00Z');
    const hub = await hubFor(fake.url, { CACHE_TTL_SECONDS: '0.05' }, () => collected);
    const first = await hub.sample({ size: 40 });
    expect(first.source).toEqual({ kind: 'live', collectedAt: '2026-11-26T08:00:00.000Z' });
    await hub.whenIdle();
    await sleep(80); // past the TTL: the next call asks the Hub again

    fake.reset();
    fake.fail({ status: 500, times: Infinity });
    const second = await hub.sample({ size: 40 });
    expect(fake.listRequests()).toHaveLength(2); // one retry
    expect(second.source).toEqual({ kind: 'cache', collectedAt: '2026-11-26T08:00:00.000Z' });
    expect(second.notes.map((n) => n.en)).toEqual(['The Hub did not answer (HTTP 500); using data collected 2026-11-26 08:00 UTC.']);
    expect(second.models.map((m) => m.id)).toEqual(first.models.map((m) => m.id));
  });

  it('answers a timeout with the last good sample and a note', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url, { CACHE_TTL_SECONDS: '0.05', HUB_TIMEOUT_MS: '200' });
    const first = await hub.sample({ tag: 'fill-mask', size: 25 });
    await hub.whenIdle();
    await sleep(80);

    fake.reset();
    fake.fail({ delayMs: 1_000, times: Infinity });
    const started = Date.now();
    const second = await hub.sample({ tag: 'fill-mask', size: 25 });
    expect(Date.now() - started).toBeLessThan(900);
    expect(fake.listRequests()).toHaveLength(1); // a timeout is not retried
    expect(second.source).toEqual({ kind: 'cache', collectedAt: first.source.collectedAt });
    expect(second.notes[0].en).toMatch(/^The Hub did not answer \(timeout\); using data collected \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
  });

  it('falls back to the snapshot with a note when there is no earlier data', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    fake.fail({ status: 503, times: Infinity });
    const sample = await hub.sample({ tag: 'text-generation', size: 30 });
    expect(sample.source).toEqual({ kind: 'snapshot', collectedAt: SNAPSHOT_DATE });
    expect(sample.notes.map((n) => n.en)).toEqual(['The Hub did not answer (HTTP 503); using the bundled snapshot collected 2025-03-22 10:04 UTC.']);
    expect(sample.notes[0].fr).toBe('Le Hub n’a pas répondu (HTTP 503) ; instantané fourni avec le bot, collecté le 2025-03-22 10:04 UTC.');
    expect(sample.models).toHaveLength(30);
    expect(sample.models.every((m) => m.pipelineTag === 'text-generation')).toBe(true);
  });

  it('treats malformed answers (bad JSON, not a list) as failures', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    fake.fail({ malformed: true, times: 2 });
    const bad = await hub.sample({ size: 10 });
    expect(bad.source.kind).toBe('snapshot');
    expect(bad.notes[0].en).toContain('(malformed answer)');

    fake.fail({ body: { error: 'not a list' }, times: 2 });
    const wrongShape = await hub.sample({ size: 11 });
    expect(wrongShape.source.kind).toBe('snapshot');
    expect(wrongShape.notes[0].en).toContain('(malformed answer)');
  });

  it('shares one fetch between concurrent callers of the same sample', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const [a, b] = await Promise.all([hub.sample({ size: 700 }), hub.sample({ size: 700 })]);
    expect(fake.listRequests()).toHaveLength(1); // one page of 700, once
    expect(a.models).toBe(b.models);
    // A different size is a different key.
    await hub.sample({ size: 100 });
    expect(fake.listRequests()).toHaveLength(2);
  });

  it('serves repeated calls from memory within the TTL', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const first = await hub.sample({ size: 60 });
    const again = await hub.sample({ size: 60 });
    expect(fake.listRequests()).toHaveLength(1);
    expect(again.source).toEqual({ kind: 'cache', collectedAt: first.source.collectedAt });
    expect(again.notes).toEqual([]);
  });

  it('answers from disk after a restart without any Hub request', async () => {
    const dataDir = await tempDir();
    const fake = await fakeHub();
    const before = await hubFor(fake.url, { DATA_DIR: dataDir });
    const first = await before.sample({ tag: 'text-generation', size: 80 });
    await before.whenIdle();
    expect((await readdir(join(dataDir, 'cache'))).filter((f) => f.startsWith('sample-'))).toEqual(['sample-80-text-generation.json']);

    // The Hub is gone; a new process with the same DATA_DIR still answers at once.
    const after = await hubFor(await deadEndpoint(), { DATA_DIR: dataDir });
    const second = await after.sample({ tag: 'text-generation', size: 80 });
    expect(second.source).toEqual({ kind: 'cache', collectedAt: first.source.collectedAt });
    expect(second.models.map((m) => m.id)).toEqual(first.models.map((m) => m.id));
    expect(second.notes[0].en).toMatch(/^Using data saved \d+ min ago \(collected .* UTC\)\.$/);
    expect(after.status().cachedSamples).toEqual([{ key: 'text-generation|80', models: 80, collectedAt: first.source.collectedAt }]);

    // With a live Hub, a fresh file means no request at all.
    const fake2 = await fakeHub();
    const third = await hubFor(fake2.url, { DATA_DIR: dataDir });
    await third.sample({ tag: 'text-generation', size: 80 });
    expect(fake2.listRequests()).toHaveLength(0);
  });

  it('after a restart, serves data older than the TTL at once and refreshes it in the background', async () => {
    const dataDir = await tempDir();
    const fake = await fakeHub();
    const before = await hubFor(fake.url, { DATA_DIR: dataDir }, () => new Date('2026-01-01T00:00:00Z'));
    await before.sample({ size: 50 });
    await before.whenIdle();
    fake.reset();

    const later = () => new Date('2026-01-01T07:00:00Z'); // TTL is 6 h
    const after = await hubFor(fake.url, { DATA_DIR: dataDir }, later);
    const stale = await after.sample({ size: 50 });
    expect(stale.source).toEqual({ kind: 'cache', collectedAt: '2026-01-01T00:00:00.000Z' });
    expect(stale.notes.map((n) => n.en)).toEqual(['Using data saved 7 h ago (collected 2026-01-01 00:00 UTC); refreshing it from the Hub in the background.',
    ]);
    await vi.waitFor(() => expect(after.status().cachedSamples[0]?.collectedAt).toBe('2026-01-01T07:00:00.000Z'));
    expect(fake.listRequests()).toHaveLength(1);
    const fresh = await after.sample({ size: 50 });
    expect(fresh.source).toEqual({ kind: 'cache', collectedAt: '2026-01-01T07:00:00.000Z' });
    expect(fresh.notes).toEqual([]);
  });

  it('writes the cache file atomically (no temporary files left behind)', async () => {
    const dataDir = await tempDir();
    const fake = await fakeHub();
    const hub = await hubFor(fake.url, { DATA_DIR: dataDir });
    await Promise.all([hub.sample({ size: 5 }), hub.sample({ size: 6 }), hub.sample({ tag: 'fill-mask', size: 5 })]);
    expect((await readdir(join(dataDir, 'cache'))).sort()).toEqual([
      'sample-5-_all.json',
      'sample-5-fill-mask.json',
      'sample-6-_all.json',
    ]);
  });

  it('fetches unknown base models in the background so later lookups know them', async () => {
    const quantized: RawHubModel = {
      id: 'acme/Tiny-7B-GGUF',
      downloads: 9e12, // top of the sample
      pipeline_tag: 'text-generation',
      tags: ['gguf', 'base_model:acme/Tiny-7B-Instruct', 'base_model:quantized:acme/Tiny-7B-Instruct'],
    };
    const instruct: RawHubModel = { id: 'acme/Tiny-7B-Instruct', downloads: 1, tags: ['base_model:finetune:acme/Tiny-7B'] };
    const base: RawHubModel = { id: 'acme/Tiny-7B', downloads: 1, tags: [], safetensors: { total: 7.2e9 } };
    const fake = await fakeHub(withModels(quantized, instruct, base));
    const hub = await hubFor(fake.url);
    const sample = await hub.sample({ size: 5 });
    expect(sample.models[0].id).toBe('acme/Tiny-7B-GGUF');
    expect(sample.lookup('acme/Tiny-7B-Instruct')).toBeUndefined(); // not awaited by the reply
    await hub.whenIdle();
    const paths = fake.modelRequests().map((r) => r.path);
    expect(paths).toContain('/api/models/acme/Tiny-7B-Instruct/revision/HEAD');
    expect(paths).toContain('/api/models/acme/Tiny-7B/revision/HEAD');
    expect(new Set(paths).size).toBe(paths.length); // each base fetched once
    expect(sample.lookup('acme/Tiny-7B')?.safetensorsTotal).toBe(7.2e9);

    // Known now: a second sample does not fetch them again.
    fake.reset();
    await hub.sample({ size: 6 });
    await hub.whenIdle();
    expect(fake.modelRequests().filter((r) => r.path.includes('acme/'))).toHaveLength(0);
  });
});

describe('model', () => {
  it('finds an exact id, asking for the same fields as samples', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const result = await hub.model('Qwen/Qwen2.5-0.5B');
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.model).toMatchObject({ id: 'Qwen/Qwen2.5-0.5B', safetensorsTotal: 494032768, pipelineTag: 'text-generation' });
    expect(result.source.kind).toBe('live');
    expect(fake.modelRequests()[0].query.getAll('expand')).toEqual(EXPECTED_EXPAND);
  });

  it('says not found with suggestions, the closest first', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const result = await hub.model('mistralai/Mistral-7B');
    expect(result.found).toBe(false);
    if (result.found) return;
    expect(result.suggestions[0]).toBe('mistralai/Mistral-7B-v0.1');
    expect(result.suggestions.length).toBeLessThanOrEqual(5);
    expect(result.suggestions.slice(0, 4)).toEqual([
      'mistralai/Mistral-7B-v0.1',
      'mistralai/Mistral-7B-v0.3',
      'mistralai/Mistral-7B-Instruct-v0.1',
      'mistralai/Mistral-7B-Instruct-v0.2',
    ]);
    // It asked the Hub's search for the typed text.
    expect(fake.listRequests()[0].query.get('search')).toBe('mistralai/Mistral-7B');
  });

  it('resolves a wrongly-cased id', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const result = await hub.model('qwen/qwen2.5-0.5b');
    expect(result.found && result.model.id).toBe('Qwen/Qwen2.5-0.5B');
    expect(fake.modelRequests().map((r) => r.path)).toEqual([
      '/api/models/qwen/qwen2.5-0.5b/revision/HEAD',
      '/api/models/Qwen/Qwen2.5-0.5B/revision/HEAD',
    ]);
  });

  it('resolves a wrongly-cased id the snapshot does not know through the Hub search', async () => {
    const fake = await fakeHub(withModels({ id: 'NewOrg/Brand-New-1B', downloads: 5, tags: [], safetensors: { total: 1.1e9 } }));
    const hub = await hubFor(fake.url);
    const result = await hub.model('neworg/brand-new-1b');
    expect(result.found && result.model.id).toBe('NewOrg/Brand-New-1B');
    expect(fake.listRequests()[0].query.get('search')).toBe('neworg/brand-new-1b');
  });

  it('accepts a pasted Hub link', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const result = await hub.model('https://huggingface.co/Qwen/Qwen2.5-0.5B/tree/main');
    expect(result.found && result.model.id).toBe('Qwen/Qwen2.5-0.5B');
  });

  it('follows base models so the lookup of a quantized repo knows its base', async () => {
    // The snapshot does not know Qwen/QwQ-32B-Preview; its own base is in the snapshot.
    const base: RawHubModel = {
      id: 'Qwen/QwQ-32B-Preview',
      downloads: 100,
      tags: ['base_model:Qwen/Qwen2.5-32B-Instruct', 'base_model:finetune:Qwen/Qwen2.5-32B-Instruct'],
      safetensors: { total: 32_763_876_352 },
    };
    const fake = await fakeHub(withModels(base));
    const hub = await hubFor(fake.url);
    const result = await hub.model('unsloth/QwQ-32B-Preview-unsloth-bnb-4bit');
    if (!result.found) throw new Error('not found');
    expect(result.lookup('Qwen/QwQ-32B-Preview')?.safetensorsTotal).toBe(32_763_876_352);
    expect(result.lookup('Qwen/Qwen2.5-32B-Instruct')?.id).toBe('Qwen/Qwen2.5-32B-Instruct');
    // Level 2 came from the snapshot (it has a size); only the unknown level 1 needed the Hub.
    expect(fake.modelRequests().map((r) => r.path).slice(0, 2)).toEqual([
      '/api/models/unsloth/QwQ-32B-Preview-unsloth-bnb-4bit/revision/HEAD',
      '/api/models/Qwen/QwQ-32B-Preview/revision/HEAD',
    ]);
    expect(fake.modelRequests().map((r) => r.path)).not.toContain('/api/models/Qwen/Qwen2.5-32B-Instruct/revision/HEAD');
  });

  it('asks the Hub for a base the snapshot knows only without a size', async () => {
    const base: RawHubModel = {
      id: 'Orion-zhen/Qwen2.5-7B-Instruct-Uncensored',
      downloads: 100,
      tags: ['base_model:Qwen/Qwen2.5-7B-Instruct', 'base_model:finetune:Qwen/Qwen2.5-7B-Instruct'],
      safetensors: { total: 7_615_616_512 },
    };
    const fake = await fakeHub(withModels(base));
    const hub = await hubFor(fake.url);
    const result = await hub.model('mradermacher/Qwen2.5-7B-Instruct-Uncensored-GGUF');
    expect(result.found).toBe(true);
    if (!result.found) return;
    expect(result.lookup('Orion-zhen/Qwen2.5-7B-Instruct-Uncensored')?.safetensorsTotal).toBe(7_615_616_512);
    expect(result.lookup('mradermacher/Qwen2.5-7B-Instruct-Uncensored-GGUF')?.id).toBe(result.model.id);
    expect(fake.modelRequests().map((r) => r.path)).toContain('/api/models/Orion-zhen/Qwen2.5-7B-Instruct-Uncensored/revision/HEAD');
  });

  it('follows at most three levels of base models', async () => {
    const chain: RawHubModel[] = ['L0', 'L1', 'L2', 'L3', 'L4'].map((name, i, all) => ({
      id: `chain/${name}`,
      tags: i < all.length - 1 ? [`base_model:finetune:chain/${all[i + 1]}`] : [],
    }));
    const fake = await fakeHub(withModels(...chain));
    const hub = await hubFor(fake.url);
    const result = await hub.model('chain/L0');
    if (!result.found) throw new Error('chain/L0 not found');
    expect(['chain/L1', 'chain/L2', 'chain/L3'].map((id) => result.lookup(id)?.id)).toEqual(['chain/L1', 'chain/L2', 'chain/L3']);
    expect(result.lookup('chain/L4')).toBeUndefined();
  });

  it('shares one request between concurrent lookups of the same model', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const [a, b] = await Promise.all([hub.model('google/gemma-2-2b-it'), hub.model('google/gemma-2-2b-it')]);
    expect(a.found && b.found).toBe(true);
    expect(fake.modelRequests().filter((r) => r.path === '/api/models/google/gemma-2-2b-it/revision/HEAD')).toHaveLength(1);
  });

  it('falls back to the cached model, then the snapshot, when the Hub is down', async () => {
    const fake = await fakeHub(withModels({ id: 'fresh/Only-Live-3B', downloads: 1, tags: [] }));
    const hub = await hubFor(fake.url, { CACHE_TTL_SECONDS: '0.05' });
    expect((await hub.model('fresh/Only-Live-3B')).found).toBe(true);
    await sleep(80);
    fake.fail({ status: 502, times: Infinity });

    const cached = await hub.model('fresh/Only-Live-3B');
    expect(cached.found).toBe(true);
    expect(cached.source.kind).toBe('cache');
    expect(cached.notes[0].en).toMatch(/^The Hub did not answer \(HTTP 502\); using data collected /);

    const fromSnapshot = await hub.model('Qwen/Qwen2.5-0.5B');
    expect(fromSnapshot.found && fromSnapshot.model.id).toBe('Qwen/Qwen2.5-0.5B');
    expect(fromSnapshot.source).toEqual({ kind: 'snapshot', collectedAt: SNAPSHOT_DATE });
    expect(fromSnapshot.notes[0].en).toContain('using the bundled snapshot');

    const unknown = await hub.model('mistralai/Mistral-7B');
    expect(unknown.found).toBe(false);
    if (unknown.found) return;
    expect(unknown.notes[0].en).toMatch(/^The Hub could not be reached \(HTTP 502\)/);
    expect(unknown.suggestions[0]).toBe('mistralai/Mistral-7B-v0.1');
  });

  it('never throws, even for nonsense and with the Hub unreachable', async () => {
    const hub = await hubFor(await deadEndpoint());
    for (const text of ['', '   ', 'no such thing at all', '../../etc/passwd', 'a/b/c']) {
      const result = await hub.model(text);
      expect(result.found, text).toBe(false);
    }
  });
});

describe('search', () => {
  it('merges known ids (prefix first) with the Hub search, deduplicated and limited', async () => {
    const fake = await fakeHub(withModels({ id: 'zz-new/qwen2.5-fresh', downloads: 0, tags: [] }));
    const hub = await hubFor(fake.url);
    const ids = await hub.search('qwen2.5', 25);
    expect(ids.length).toBeLessThanOrEqual(25);
    expect(new Set(ids.map((i) => i.toLowerCase())).size).toBe(ids.length);
    expect(ids[0].toLowerCase().split('/')[1]).toMatch(/^qwen2\.5/);
    expect(fake.listRequests()[0].query.get('search')).toBe('qwen2.5');
    expect(fake.listRequests()[0].query.get('limit')).toBe('25');
    expect(await hub.search('zz-new', 5)).toEqual(['zz-new/qwen2.5-fresh']);
  });

  it('never throws when the Hub is down or slow, and answers from known ids', async () => {
    const down = await hubFor(await deadEndpoint());
    expect((await down.search('Qwen/Qwen2.5', 5)).every((id) => id.startsWith('Qwen/Qwen2.5'))).toBe(true);
    expect(await down.search('Qwen/Qwen2.5', 5)).toHaveLength(5);

    const fake = await fakeHub();
    const slow = await hubFor(fake.url);
    fake.fail({ delayMs: 5_000, times: Infinity });
    const started = Date.now();
    const ids = await slow.search('mistral', 10);
    expect(Date.now() - started).toBeLessThan(3_000); // Discord autocomplete must answer within 3 s
    expect(ids).toHaveLength(10);
    expect(await slow.search('x', 0)).toEqual([]);
  });
});

describe('createdSince', () => {
  it('lists the newest models until one is older than the date', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    const since = new Date('2025-03-01T00:00:00Z');
    const result = await hub.createdSince(since, { tag: 'text-generation' });
    expect(result.source.kind).toBe('live');
    expect(result.models.length).toBeGreaterThan(0);
    expect(result.models.every((m) => m.createdAt! >= since.toISOString() && m.pipelineTag === 'text-generation')).toBe(true);
    const dates = result.models.map((m) => m.createdAt!);
    expect(dates).toEqual([...dates].sort().reverse());
    const lists = fake.listRequests();
    expect(lists).toHaveLength(1);
    expect(lists[0].query.get('sort')).toBe('createdAt');
    expect(lists[0].query.get('pipeline_tag')).toBe('text-generation');
  });

  it('stops at max and says so', async () => {
    const fake = await fakeHub(makeSyntheticModels(1_500));
    const hub = await hubFor(fake.url);
    const result = await hub.createdSince(new Date('2020-01-01T00:00:00Z'), { max: 600 });
    expect(result.models).toHaveLength(600);
    expect(result.notes[0].en).toMatch(/^Stopped at 600 models/);
    expect(fake.listRequests()).toHaveLength(1);
  });

  it('falls back to the snapshot with a note when the Hub fails', async () => {
    const fake = await fakeHub();
    const hub = await hubFor(fake.url);
    fake.fail({ status: 500, times: Infinity });
    const result = await hub.createdSince(new Date('2025-03-15T00:00:00Z'));
    expect(result.source).toEqual({ kind: 'snapshot', collectedAt: SNAPSHOT_DATE });
    expect(result.notes[0].en).toContain('did not answer (HTTP 500)');
    expect(result.models.length).toBeGreaterThan(0);
    expect(result.models.every((m) => m.createdAt! >= '2025-03-15')).toBe(true);
  });
});

describe('offline', () => {
  it('makes no request at all and answers everything from the snapshot', async () => {
    const fake = await fakeHub();
    const dataDir = await tempDir();
    const hub = await hubFor(fake.url, { OFFLINE: 'true', DATA_DIR: dataDir });
    const source = { kind: 'snapshot', collectedAt: SNAPSHOT_DATE };

    const sample = await hub.sample({ tag: 'text-generation', size: 100 });
    expect(sample.source).toEqual(source);
    expect(sample.models).toHaveLength(100);
    expect(sample.models.every((m) => m.pipelineTag === 'text-generation')).toBe(true);
    const downloads = sample.models.map((m) => m.downloads ?? 0);
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));

    const all = await hub.sample({ size: 100_000 });
    expect(all.models.length).toBe(hub.status().snapshotModels);
    expect(all.notes[0].en).toMatch(/^The snapshot has 6,686 models, fewer than the 100,000 asked for\.$/);

    const found = await hub.model('qwen/qwen2.5-0.5b');
    expect(found.found && found.model.id).toBe('Qwen/Qwen2.5-0.5B');
    expect(found.source).toEqual(source);
    const missing = await hub.model('mistralai/Mistral-7B');
    expect(!missing.found && missing.suggestions[0]).toBe('mistralai/Mistral-7B-v0.1');
    expect(await hub.search('mistralai/', 3)).toHaveLength(3);
    const recent = await hub.createdSince(new Date('2025-03-01T00:00:00Z'));
    expect(recent.source).toEqual(source);
    await hub.whenIdle();

    expect(fake.requests).toHaveLength(0);
    expect(existsSync(join(dataDir, 'cache'))).toBe(false);
    expect(hub.status()).toMatchObject({ mode: 'offline', snapshotCollectedAt: SNAPSHOT_DATE, cachedSamples: [], cachedModels: 0 });
  });
});

describe('an unreachable Hub', () => {
  it('is left alone for a while after repeated network failures, so replies do not each wait for it', async () => {
    const fake = await fakeHub();
    fake.fail({ dropConnection: true, times: Infinity });
    const hub = await hubFor(fake.url);

    // Each model lookup tries twice; the model breaker opens after 5 failures in a row.
    for (const id of ['acme/a', 'acme/b', 'acme/c']) expect((await hub.model(id)).found).toBe(false);
    expect(fake.requests.length).toBeGreaterThan(0);

    fake.reset(); // the Hub is back, and the request log is empty
    const second = await hub.model('Qwen/Qwen2.5-0.5B');
    expect(second.found).toBe(true);
    expect(second.source.kind).toBe('snapshot');
    expect(second.notes.map((n) => n.en).join(' ')).toMatch(/unreachable/);
    expect(second.notes.map((n) => n.fr).join(' ')).toMatch(/injoignable/);
    expect(fake.modelRequests()).toHaveLength(0);
  });
});
