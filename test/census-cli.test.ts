// As a user would: `npm run census` walks a fake Hub of 100,000 models and persists the census; the
// one-shot console then answers /trend and /lifespan from it (saying so) without walking again; a
// second `npm run census` fetches only the new models; `/trend sample:top` still gives the study's sample,
// now as a view of the census.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { trendOf } from '../src/core/trend.js';
import { DEFAULT_THRESHOLDS } from '../src/core/types.js';
import { classifyAll } from '../src/core/verdict.js';
import { createHub } from '../src/hub/hub.js';
import { fromRawHub } from '../src/hub/records.js';
import { makeHubLikeModels, startFakeHub, type FakeHub } from './fakes/hub.js';
import { tempDir } from './helpers/bot.js';

const run = promisify(execFile);
const MODELS = 100_000;

describe('npm run census, then the console, against a fake Hub of 100,000 models', () => {
  let fake: FakeHub;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    fake = await startFakeHub({ models: makeHubLikeModels(MODELS, { seed: 11, newest: new Date(Date.now() - 3_600_000).toISOString() }) });
    const dir = tempDir();
    env = { ...process.env, HF_ENDPOINT: fake.url, DATA_DIR: join(dir, 'data'), OUT_DIR: join(dir, 'out'), SAMPLE_SIZE: '2000', LOG_LEVEL: '' };
    delete env.OFFLINE;
  });
  afterAll(() => fake.close());

  const census = () => run(process.execPath, ['--import', 'tsx', 'scripts/census.ts'], { env });
  const ask = async (line: string) => JSON.parse((await run(process.execPath, ['--import', 'tsx', 'src/main.ts', '--json', ...line.split(' ')], { env })).stdout);

  it('walks the census in ceil(n/1000) requests and persists it', async () => {
    const { stdout } = await census();
    expect(stdout).toContain('Walk complete: 100,000 new, 0 deleted repos dropped, 100 requests.');
    expect(fake.listRequests()).toHaveLength(100);
  }, 120_000);

  it('answers /trend and /lifespan from the persisted census, saying so, without walking again', async () => {
    fake.reset();
    const trend = await ask('/trend');
    expect(trend.sample).toMatchObject({ kind: 'census', since: '2023-01' });
    expect(trend.sample.models).toBe(MODELS - trend.beforeSince - trend.undated);
    const lifespan = await ask('/lifespan');
    expect(lifespan.sample).toMatchObject({ kind: 'census', models: MODELS, since: null });
    expect(fake.listRequests()).toHaveLength(0);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/main.ts', '/trend'], { env });
    expect(stdout).toMatch(/The SLM share of new models is (rising|falling|flat)/);
    expect(stdout).toMatch(/Sample: all [\d,]+ models on the Hub created since 2023-01 \(census of \d{4}-\d{2}-\d{2}\)\./);
  }, 60_000);

  it('syncs only the models created since, in one request', async () => {
    fake.reset();
    const now = Date.now();
    fake.models.unshift(...Array.from({ length: 500 }, (_, i) => ({ id: `fresh/model-${i}`, createdAt: new Date(now - i * 1000).toISOString(), downloads: 3, tags: [] })));
    const { stdout } = await census();
    expect(stdout).toContain('Sync complete: 500 new models, 1 request.');
    expect(fake.listRequests()).toHaveLength(1);
  }, 60_000);

  it('gives the study\'s top-N sample with sample:top, with the numbers of the top-N path', async () => {
    fake.reset();
    const top = await ask('/trend sample:top');
    expect(top.sample).toMatchObject({ kind: 'top', models: expect.any(Number) });
    // The census is complete: the top N is a view of it, without listing the Hub again, and without a
    // Hub request for a base model (they resolve inside the census).
    expect(fake.listRequests()).toHaveLength(0);
    expect(fake.modelRequests()).toHaveLength(0);
    // Today's path in this process: the top 2,000 by downloads, sized with every base model known.
    const hub = createHub(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: tempDir(), LOG_LEVEL: 'silent', OFFLINE: '' }));
    const sample = await hub.sample({ size: 2_000 });
    const all = new Map(fake.models.map((m) => [m.id.toLowerCase(), fromRawHub(m)!]));
    const expected = trendOf(classifyAll(sample.models, (id) => all.get(id.toLowerCase()), DEFAULT_THRESHOLDS, sample.calibration), { since: '2023-01', collectedAt: new Date(top.sample.collectedAt) });
    expect(top.months).toEqual(expected.periods.map(({ period, ...rest }) => ({ month: period, ...rest })));
  }, 60_000);
});
