// The one pager of Hub listings against the fake Hub: cursors that do not advance, repeated and empty
// pages, rate-limit headers, resuming from a cursor; and the sample cache keeping only plausible samples.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeHubs } from './helpers/hub.js';
import { loadConfig } from '../src/config.js';
import { createHubClient, createHubFetch } from '../src/hub/client.js';
import { createHub } from '../src/hub/hub.js';
import { modelListUrl, modelPages, nextLink, PagingError, rateLimitWaitMs, type ModelPage } from '../src/hub/pages.js';
import { silentLogger } from '../src/log.js';
import { makeSyntheticModels } from './fakes/hub.js';

const { cleanup, fakeHub, tempDir } = fakeHubs('slm-pages-');

const policyFetch = () => createHubFetch(fetch, { timeoutMs: 5_000, retries: true }, silentLogger);

async function allPages(first: string, maxPages = 50, maxWaitMs = 10_000): Promise<ModelPage[]> {
  const pages: ModelPage[] = [];
  for await (const page of modelPages(policyFetch(), first, { maxPages, maxWaitMs })) pages.push(page);
  return pages;
}

describe('modelPages', () => {
  it('follows the absolute next link page by page and hands back each cursor', async () => {
    const fake = await fakeHub(makeSyntheticModels(2_500));
    const pages = await allPages(modelListUrl(fake.url, { sort: 'createdAt', limit: 1_000 }));
    expect(pages.map((p) => p.models.length)).toEqual([1_000, 1_000, 500]);
    expect(pages[0].next).toBe(pages[1].url);
    expect(pages[2].next).toBeUndefined();
    expect(fake.listRequests().map((r) => r.query.get('cursor'))).toEqual([null, '1000', '2000']);
    // Newest first.
    expect(pages[0].models[0].id).toBe('synthetic/model-02499');
  });

  it('resumes from a persisted cursor', async () => {
    const fake = await fakeHub(makeSyntheticModels(2_500));
    const first = await allPages(modelListUrl(fake.url, { sort: 'createdAt', limit: 1_000 }), 1).catch((e: PagingError) => e);
    expect(first).toBeInstanceOf(PagingError); // a cap of 1 page cannot list 2,500 models
    const cursor = `${fake.url}/api/models?${new URLSearchParams({ sort: 'createdAt', limit: '1000', cursor: '2000' })}`;
    const rest = await allPages(cursor);
    expect(rest).toHaveLength(1);
    expect(rest[0].models.map((m) => m.id).at(-1)).toBe('synthetic/model-00000');
  });

  it('ends the walk with an error when the next link points at the page itself (full page)', async () => {
    const fake = await fakeHub(makeSyntheticModels(2_500));
    fake.fail({ selfLink: true, times: Infinity, pathPrefix: '/api/models' });
    const error = await allPages(modelListUrl(fake.url, { sort: 'createdAt', limit: 1_000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PagingError);
    expect((error as PagingError).reason).toBe('repeated');
    expect(fake.listRequests()).toHaveLength(1); // not a loop
  });

  it('ends at an empty page even when its next link loops', async () => {
    const fake = await fakeHub([]);
    fake.fail({ selfLink: true, times: Infinity, pathPrefix: '/api/models' });
    const pages = await allPages(modelListUrl(fake.url, { sort: 'downloads', limit: 1_000 }));
    expect(pages).toHaveLength(1);
    expect(pages[0].received).toBe(0);
    expect(fake.listRequests()).toHaveLength(1);
  });

  it('refuses the same models again under another cursor (dedup by id)', async () => {
    const fake = await fakeHub(makeSyntheticModels(2_500));
    const iterator = modelPages(policyFetch(), modelListUrl(fake.url, { sort: 'createdAt', limit: 1_000 }), { maxPages: 10, maxWaitMs: 0 });
    const first = (await iterator.next()).value as ModelPage;
    const again = first.models.map((m) => ({ id: m.id, createdAt: m.createdAt }));
    fake.fail({ body: again, pathPrefix: '/api/models' });
    const error = await iterator.next().catch((e: unknown) => e);
    expect((error as PagingError).reason).toBe('repeated');
  });

  it('waits when the RateLimit header says the quota is spent, and gives up when the wait is too long', async () => {
    const fake = await fakeHub(makeSyntheticModels(1_500));
    fake.fail({ rateLimit: { remaining: 0, resetSeconds: 1 }, pathPrefix: '/api/models' });
    const start = Date.now();
    const pages = await allPages(modelListUrl(fake.url, { sort: 'createdAt', limit: 1_000 }));
    expect(pages).toHaveLength(2);
    expect(Date.now() - start).toBeGreaterThanOrEqual(950);

    fake.reset();
    fake.fail({ rateLimit: { remaining: 0, resetSeconds: 3_600 }, pathPrefix: '/api/models' });
    const error = await allPages(modelListUrl(fake.url, { sort: 'createdAt', limit: 1_000 }), 50, 60_000).catch((e: unknown) => e);
    expect((error as PagingError).reason).toBe('cap');
    expect(fake.listRequests()).toHaveLength(1);
  });

  it('reads next links and rate-limit headers as the Hub writes them', () => {
    expect(nextLink('<https://huggingface.co/api/models?cursor=abc>; rel="next"')).toBe('https://huggingface.co/api/models?cursor=abc');
    expect(nextLink('</api/models?cursor=abc>; rel="next"')).toBeUndefined(); // relative: not followed
    expect(rateLimitWaitMs(new Headers({ ratelimit: '"api";r=0;t=42' }))).toBe(42_000);
    expect(rateLimitWaitMs(new Headers({ ratelimit: '"api";r=12;t=42' }))).toBe(0);
    expect(rateLimitWaitMs(new Headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': '5' }))).toBe(5_000);
    expect(rateLimitWaitMs(new Headers())).toBe(0);
  });
});

describe('the top-N sample through the pager', () => {
  it('lists the top N with a page cap derived from N', async () => {
    const fake = await fakeHub(makeSyntheticModels(3_000));
    const client = createHubClient({ endpoint: fake.url, timeoutMs: 5_000, fetch, logger: silentLogger });
    const top = await client.listTop(undefined, 1_500);
    expect(top).toHaveLength(1_500);
    expect(top[0].downloads).toBe(3_000);
    expect(fake.listRequests()).toHaveLength(2);
  });

  it('never caches an empty or looping listing as a sample: the snapshot answers, labelled, and the next call asks again', async () => {
    const fake = await fakeHub(makeSyntheticModels(100));
    const dataDir = await tempDir();
    const hub = createHub(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    cleanup.push(() => hub.whenIdle());

    fake.fail({ body: [], pathPrefix: '/api/models' });
    const empty = await hub.sample({ size: 500 });
    expect(empty.source.kind).toBe('snapshot');
    expect(empty.notes[0].en).toContain('The Hub did not answer');
    expect(hub.status().cachedSamples).toEqual([]);

    fake.fail({ selfLink: true, times: Infinity, pathPrefix: '/api/models' });
    fake.models.push(...makeSyntheticModels(1_000, { owner: 'more' }));
    const looping = await hub.sample({ size: 2_000 });
    expect(looping.source.kind).toBe('snapshot');
    expect(hub.status().cachedSamples).toEqual([]);
    expect(await readdir(dataDir).catch(() => [])).not.toContain('cache');

    fake.reset();
    const live = await hub.sample({ size: 500 });
    expect(live.source.kind).toBe('live');
    expect(live.models).toHaveLength(500);
  });

  it('keeps answering from the last good sample, labelled, when a refresh gets an empty page', async () => {
    const fake = await fakeHub(makeSyntheticModels(300));
    const dataDir = await tempDir();
    const config = loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const first = createHub(config);
    const good = await first.sample({ size: 300 });
    expect(good.models).toHaveLength(300);

    // Seven hours later (past the 6-hour TTL) the Hub answers with an empty page.
    const later = createHub(config, { now: () => new Date(Date.now() + 7 * 3600_000) });
    cleanup.push(() => later.whenIdle());
    fake.fail({ body: [], times: Infinity, pathPrefix: '/api/models' });
    const stale = await later.sample({ size: 300 });
    expect(stale.models).toHaveLength(300);
    for (let i = 0; i < 50 && fake.listRequests().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 50));
    const again = await later.sample({ size: 300 });
    expect(again.models).toHaveLength(300);
    expect(again.source.kind).toBe('cache');
    expect(again.notes[0].en).toMatch(/The Hub did not answer \(malformed answer\); using data collected/);
  });
});

describe('base models the Hub does not have', () => {
  it('are remembered on disk with a TTL, so a restart does not ask for them again', async () => {
    const models = makeSyntheticModels(50).map((m, i) => (i < 5 ? { ...m, tags: [...(m.tags ?? []), `base_model:finetune:gone/base-${i}`] } : m));
    const fake = await fakeHub(models);
    const dataDir = await tempDir();
    const config = loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const first = createHub(config);
    await first.sample({ size: 50 });
    await first.whenIdle();
    expect(fake.modelRequests().map((r) => r.path).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `/api/models/gone/base-${i}/revision/HEAD`));

    fake.reset();
    const restarted = createHub(config);
    await restarted.sample({ size: 50 });
    await restarted.whenIdle();
    expect(fake.modelRequests()).toHaveLength(0);

    // Past the TTL (6 hours by default) they are asked for again.
    fake.reset();
    expect(await readdir(join(dataDir, 'cache'))).toContain('missing.json');
    const later = createHub(config, { now: () => new Date(Date.now() + 7 * 3600_000) });
    await later.sample({ size: 50 });
    await later.whenIdle();
    expect(fake.modelRequests()).toHaveLength(5);
  });
});
