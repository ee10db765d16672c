// The Hub's date floor: a record dated 2022-03-02T23:29:04–05Z (the Hub's creation-date backfill)
// means "created on or before 2022-03-02". Hand-worked examples for the analyses, then the replies.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleBot } from '../src/adapters/console.js';
import { CREATED_BACKFILL, isBackfillDate } from '../src/core/date-floor.js';
import { lifespanOf } from '../src/core/lifespan.js';
import { trendOf } from '../src/core/trend.js';
import type { ModelRecord, Verdict } from '../src/core/types.js';
import type { ClassifiedModel } from '../src/core/verdict.js';
import { viewOf } from '../src/core/view.js';
import { fromRawHub } from '../src/hub/records.js';
import { CensusStore } from '../src/store/census.js';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { BACKFILL_CREATED_AT, makeHubLikeModels } from './fakes/hub.js';
import { offlineConsoleBot } from './helpers/bot.js';
import { fakeHubs } from './helpers/hub.js';

const { fakeHub, tempDir } = fakeHubs('slm-date-floor-');

const BACKFILL = '2022-03-02T23:29:05.000Z';

/** A classified model as the Hub records arrive (dates read by fromRawHub), with a verdict and downloads. */
function model(verdict: Verdict, createdAt: string | undefined, downloads = 0): ClassifiedModel {
  const record = fromRawHub({ id: `m/${Math.random()}`, createdAt, downloads, tags: [] }) as ModelRecord;
  const parameters = { SLM: 1e9, borderline: 8e9, LLM: 70e9, unknown: null }[verdict];
  return { model: record, count: { parameters, source: parameters ? 'safetensors' : null }, verdict };
}

describe('the backfill instant', () => {
  it('is 2022-03-02T23:29:04–05Z, detected once when a Hub record is read', () => {
    expect(isBackfillDate('2022-03-02T23:29:04.000Z')).toBe(true);
    expect(isBackfillDate('2022-03-02T23:29:05.999Z')).toBe(true);
    expect(isBackfillDate('2022-03-02T23:29:06.000Z')).toBe(false);
    expect(isBackfillDate('2022-03-02T23:29:03.999Z')).toBe(false);
    expect(isBackfillDate('2022-03-15T10:00:00.000Z')).toBe(false);
    expect(isBackfillDate(undefined)).toBe(false);
    expect(fromRawHub({ id: 'openai-community/gpt2', createdAt: '2022-03-02T23:29:04.000Z' })).toMatchObject({ createdAtBackfill: true });
    expect(fromRawHub({ id: 'a/new', createdAt: '2022-03-03T08:00:00.000Z' })?.createdAtBackfill).toBeUndefined();
    // Views carry it as a flag: the analyses never look at the instant again.
    expect(Array.from(viewOf([model('SLM', BACKFILL), model('SLM', '2024-01-01T00:00:00Z')]).flags!)).toEqual([CREATED_BACKFILL, 0]);
  });
});

describe('trend', () => {
  // 3 backfilled models (2 SLM, 1 LLM), 2 real models of 2022-03 (1 SLM, 1 unknown), 1 SLM of 2022-04.
  const sample = [
    model('SLM', BACKFILL), model('SLM', BACKFILL), model('LLM', '2022-03-02T23:29:04.000Z'),
    model('SLM', '2022-03-20T10:00:00Z'), model('unknown', '2022-03-21T10:00:00Z'),
    model('SLM', '2022-04-02T10:00:00Z'),
  ];

  it('counts backfilled models in one bucket before 2022-03, never in 2022-03', () => {
    const result = trendOf(sample, { since: '2022-01', collectedAt: new Date('2022-05-10T00:00:00Z') });
    // The bucket holds everything before 2022-03, so the months start there.
    expect(result.periods.map((p) => p.period)).toEqual(['2022-03', '2022-04', '2022-05']);
    // Without the floor, 2022-03 would hold 5 models (a spike of the backfill); it holds its 2 real ones.
    expect(result.periods[0]).toMatchObject({ slm: 1, borderline: 0, llm: 0, unknown: 1 });
    expect(result.beforeFloor).toMatchObject({ before: '2022-03', slm: 2, borderline: 0, llm: 1, unknown: 0 });
    expect(result.beforeFloor!.slmShare).toBeCloseTo(2 / 3);
    expect(result.beforeSince).toBe(0);
  });

  it('leaves them out with the models before `since` when `since` is after the floor', () => {
    const result = trendOf(sample, { since: '2022-04', collectedAt: new Date('2022-05-10T00:00:00Z') });
    expect(result.beforeFloor).toBeNull();
    expect(result.beforeSince).toBe(5);
  });

  it('does the same from the census store’s own flag', () => {
    const store = new CensusStore('http://hub.test');
    store.startWalk('http://hub.test/api/models', '2022-05-10T00:00:00.000Z');
    store.upsert({ id: 'old/a', createdAt: BACKFILL, tags: [], safetensorsTotal: 1e8 });
    store.upsert({ id: 'new/b', createdAt: '2022-03-20T00:00:00Z', tags: [], safetensorsTotal: 1e8 });
    store.completeWalk('2022-05-10T01:00:00.000Z');
    const result = trendOf(store.view({ slmBelow: 7e9, llmFrom: 20e9 }), { since: '2022-03', collectedAt: new Date('2022-05-10T00:00:00Z') });
    expect(result.periods[0]).toMatchObject({ period: '2022-03', slm: 1 });
    expect(result.beforeFloor).toMatchObject({ slm: 1 });
  });
});

describe('lifespan', () => {
  it('gives the share of old downloads with and without the backfilled models, and over the study’s period', () => {
    const sample = [
      model('SLM', BACKFILL, 600), // before 2022-03
      model('SLM', '2023-02-10T00:00:00Z', 100), // older than 12 months, in the study's period
      model('SLM', '2024-06-10T00:00:00Z', 300),
      model('LLM', BACKFILL, 100),
      model('LLM', '2023-06-01T00:00:00Z', 100),
      model('LLM', '2025-01-01T00:00:00Z', 800),
    ];
    const result = lifespanOf(sample, { collectedAt: new Date('2025-03-22T10:00:00Z') });
    // With the bucket: SLM (600 + 100) of 1000, LLM (100 + 100) of 1000.
    expect(result.olderThan12Months.slm).toBeCloseTo(0.7);
    expect(result.olderThan12Months.llm).toBeCloseTo(0.2);
    // Without it: SLM 100 of 400, LLM 100 of 900.
    expect(result.olderThan12MonthsWithoutFloor.slm).toBeCloseTo(0.25);
    expect(result.olderThan12MonthsWithoutFloor.llm).toBeCloseTo(1 / 9);
    // The study's comparison: created since 2023-01 only, the same here as without the bucket.
    expect(result.study.since).toBe('2023-01');
    expect(result.study.olderThan12Months.slm).toBeCloseTo(0.25);
    expect(result.study.found).toEqual({ slm: 0.4, llm: 0.2 });
    // The bucket is one entry, never a month: the months start with the first real one.
    expect(result.beforeFloor).toMatchObject({ before: '2022-03', models: 2, slmDownloadShare: 0.6, llmDownloadShare: 0.1 });
    expect(result.months[0].month).toBe('2023-02');
    expect(result.months.some((m) => m.month === '2022-03')).toBe(false);
    expect(result.beforeFloor!.slmDownloadShare + result.months.reduce((sum, m) => sum + m.slmDownloadShare, 0)).toBeCloseTo(1);
  });
});

describe('replies', () => {
  let bot: ConsoleBot;
  beforeAll(() => {
    bot = offlineConsoleBot();
  });

  it('/classify gpt2 says "Created: before March 2022"', async () => {
    const answer = await bot.ask('/classify gpt2');
    expect(answer.reply.fields.find((f) => f.name === 'Created')?.value).toBe('before March 2022');
    expect(answer.reply.data).toMatchObject({ createdAt: '2022-03-02T23:29:04.000Z', createdAtBackfill: true });
    const french = offlineConsoleBot({}, { locale: 'fr' });
    expect((await french.ask('/classify gpt2')).reply.fields.find((f) => f.name === 'Création')?.value).toBe('avant mars 2022');
  });

  it('/trend since:2022-01 shows no 2022-03 spike: the backfilled models are one bucket', async () => {
    const answer = await bot.ask('/trend since:2022-01');
    const data = answer.reply.data as { months: { month: string; slm: number; borderline: number; llm: number; unknown: number }[]; beforeFloor: { slm: number } };
    const march = data.months.find((m) => m.month === '2022-03')!;
    const april = data.months.find((m) => m.month === '2022-04')!;
    const total = (m: typeof march) => m.slm + m.borderline + m.llm + m.unknown;
    expect(total(march)).toBeLessThan(3 * total(april));
    expect(data.beforeFloor.slm).toBeGreaterThan(300);
    const labels = answer.reply.chart!.config.data.labels as string[];
    expect(labels[0]).toBe('before 2022-03');
    expect(labels.filter((l) => l.startsWith('2022-03'))).toEqual(['2022-03']);
    expect(answer.reply.notes.join(' ')).toMatch(/on or before 2022-03-02/);
  });

  it('/lifespan gives its headline with and without the bucket, and the study comparison since 2023-01', async () => {
    const answer = await bot.ask('/lifespan');
    const data = answer.reply.data as ReturnType<typeof lifespanOf>;
    expect(data.olderThan12MonthsWithoutFloor.slm!).toBeLessThan(data.olderThan12Months.slm!);
    expect(answer.reply.summary).toMatch(/without the [\d,]+ models the Hub dates only as “before March 2022”/);
    expect(answer.reply.summary).toMatch(/created since 2023-01, as in the study/);
    expect(answer.reply.summary).toContain('about 40%');
    const labels = answer.reply.chart!.config.data.labels as string[];
    expect(labels[0]).toBe('before 2022-03');
    expect(labels).not.toContain('2022-03-02');
  });
});

describe('from the census', () => {
  it('reads the census’s backfill flag: one bucket in /trend and /lifespan, "before March 2022" in /about', async () => {
    const models = makeHubLikeModels(3_000, { seed: 11 });
    const backfilled = models.filter((m) => m.createdAt === BACKFILL_CREATED_AT).length;
    expect(backfilled).toBeGreaterThan(50);
    const fake = await fakeHub(models);
    const bot = createBot(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: await tempDir(), CENSUS_SYNC_MINUTES: '0' }));
    try {
      await bot.hub.censusSync.runOnce();
      const trend = await bot.invokeText('/trend since:2022-01');
      const data = trend.data as { months: { month: string }[]; beforeFloor: { slm: number; borderline: number; llm: number; unknown: number }; sample: { kind: string } };
      expect(data.sample.kind).toBe('census');
      const f = data.beforeFloor;
      expect(f.slm + f.borderline + f.llm + f.unknown).toBe(backfilled);
      expect(data.months[0].month).toBe('2022-03');
      const lifespan = await bot.invokeText('/lifespan');
      expect((lifespan.data as { beforeFloor: { models: number } }).beforeFloor.models).toBeLessThanOrEqual(backfilled);
      expect(lifespan.summary).toContain('the Hub dates only as “before March 2022”');
      const about = await bot.invokeText('/about');
      expect(about.fields.find((field) => field.name === 'Census')?.value).toMatch(/created before March 2022 → /);
    } finally {
      bot.close();
      await bot.hub.whenIdle();
    }
  });
});
