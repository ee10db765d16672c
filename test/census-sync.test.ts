// The census sync against the fake Hub: a walk newest first at 1,000 a page, persisted and loaded again
// without a request, an incremental sync that fetches only the new models, a resumed walk after a
// failure, a weekly walk that drops deleted repos, commands answered while the sizing pass runs.
import { describe, expect, it } from 'vitest';
import { fakeHubs } from './helpers/hub.js';
import { loadConfig } from '../src/config.js';
import { Census } from '../src/hub/census.js';
import { createBot } from '../src/bot.js';
import { fromRawHub } from '../src/hub/records.js';
import { CensusStore } from '../src/store/census.js';
import { saveCensus } from '../src/store/census-file.js';
import { censusFile } from '../src/store/census.js';
import { makeHubLikeModels, type FakeHub, type RawHubModel } from './fakes/hub.js';

const { fakeHub, tempDir } = fakeHubs('slm-census-sync-');

const NOW = new Date('2026-12-01T00:00:00Z');
const censusFor = (fake: FakeHub, dataDir: string, now = () => NOW) =>
  new Census(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { now });

/** `n` models created after everything in makeHubLikeModels (newest first). */
const newer = (n: number): RawHubModel[] =>
  Array.from({ length: n }, (_, i) => ({ id: `new/model-${i}`, createdAt: new Date(Date.parse('2026-11-30T13:00:00Z') + (n - i) * 1000).toISOString(), downloads: 1, tags: [] }));

describe('census sync', () => {
  it('walks every model in ceil(n/1000) requests, persists, loads without a request, then syncs only the new ones in one request', async () => {
    const fake = await fakeHub(makeHubLikeModels(5_300, { seed: 3 }));
    const dataDir = await tempDir();
    const census = censusFor(fake, dataDir);
    const pages: number[] = [];
    const walk = await census.runOnce((p) => pages.push(p.models));
    expect(walk).toMatchObject({ kind: 'walk', added: 5_300, dropped: 0, requests: 6 });
    expect(fake.listRequests()).toHaveLength(6);
    expect(fake.listRequests().every((r) => r.query.get('sort') === 'createdAt' && r.query.get('limit') === '1000')).toBe(true);
    expect(pages).toEqual([1000, 2000, 3000, 4000, 5000, 5300]);
    expect(census.progress()).toMatchObject({ models: 5_300, complete: true, walking: false, walkPercent: 100, newest: '2026-11-30', oldest: '2022-03-02' });

    fake.reset();
    const restarted = censusFor(fake, dataDir);
    await restarted.load();
    expect(restarted.ready()?.size).toBe(5_300);
    expect(fake.requests).toHaveLength(0);

    fake.models.unshift(...newer(500));
    const sync = await restarted.runOnce();
    expect(sync).toMatchObject({ kind: 'sync', added: 500, requests: 1 });
    expect(restarted.ready()!.size).toBe(5_800);
    expect(restarted.ready()!.find('new/model-0')).toBeGreaterThanOrEqual(0);
  });

  it('sends HF_TOKEN with every page to HF_ENDPOINT', async () => {
    const fake = await fakeHub(makeHubLikeModels(1_500, { seed: 4 }));
    const census = new Census(loadConfig({ HF_ENDPOINT: fake.url, HF_TOKEN: 'hf_census_token', DATA_DIR: await tempDir(), LOG_LEVEL: 'silent' }), { now: () => NOW });
    await census.runOnce();
    expect(fake.listRequests()).toHaveLength(2);
    expect(fake.listRequests().map((r) => r.headers.authorization)).toEqual(['Bearer hf_census_token', 'Bearer hf_census_token']);
  });

  it('resumes a walk from its saved cursor after a failure and a restart', async () => {
    const fake = await fakeHub(makeHubLikeModels(60_500, { seed: 5 }));
    const dataDir = await tempDir();
    // Page 56 fails for good (the client retries a 503 once).
    let calls = 0;
    const census = censusFor(fake, dataDir);
    const failing = census.runOnce(() => {
      if (++calls === 55) fake.fail({ status: 503, times: 2, pathPrefix: '/api/models' });
    });
    await expect(failing).rejects.toThrow(/503/);
    expect(census.progress()).toMatchObject({ walking: true, complete: false });

    fake.reset();
    const restarted = censusFor(fake, dataDir);
    const result = await restarted.runOnce();
    // The failure saved the cursor of the page that failed: only pages 56 to 61 are fetched.
    expect(result).toMatchObject({ kind: 'walk', requests: 6 });
    expect(fake.listRequests()[0].query.get('cursor')).toBe('55000');
    expect(restarted.ready()!.size).toBe(60_500);
  }, 60_000);

  it('walks again after CENSUS_REWALK_DAYS and drops the repos that were deleted', async () => {
    const fake = await fakeHub(makeHubLikeModels(1_200, { seed: 9 }));
    const dataDir = await tempDir();
    await censusFor(fake, dataDir).runOnce();
    fake.models.splice(100, 100);
    fake.reset();
    const weekLater = censusFor(fake, dataDir, () => new Date(NOW.getTime() + 8 * 86_400_000));
    const result = await weekLater.runOnce();
    expect(result).toMatchObject({ kind: 'walk', dropped: 100, requests: 2 });
    expect(weekLater.ready()!.size).toBe(1_100);
  });

  it('answers commands while the sizing pass after a walk runs in a worker thread, then takes its counts', async () => {
    const fake = await fakeHub(makeHubLikeModels(20_000, { seed: 13 }));
    const dataDir = await tempDir();
    // A walk whose sizing pass has not run yet (the process stopped in between): the next run starts with it.
    const walked = new CensusStore(fake.url);
    walked.startWalk(`${fake.url}/api/models`, NOW.toISOString());
    for (const raw of fake.models) walked.upsert(fromRawHub(raw)!);
    walked.endWalk(NOW.toISOString());
    await saveCensus(walked, censusFile(dataDir));
    const reference = walked.sizeAll();

    const bot = createBot(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: dataDir, OUT_DIR: await tempDir(), LOG_LEVEL: 'silent' }));
    const run = bot.hub.censusSync.runOnce();
    const reply = await bot.invokeText('/share');
    // Answered from the census while its sizing pass was still running.
    expect(reply.data).toMatchObject({ sample: { kind: 'census', models: 20_000 } });
    const census = (await bot.hub.census())!;
    expect(census.meta.sizingPending).toBe(true);

    await expect(run).resolves.toMatchObject({ kind: 'sync', added: 0, requests: 1 });
    expect(census.meta.sizingPending).toBeUndefined();
    expect(census.columns().parameters).toEqual(reference.parameters);
    expect(census.calibration).toEqual(reference.calibration);
    bot.close();
  }, 60_000);
});
