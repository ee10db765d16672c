// The history the Hub API does not give: the bot records each week's new models by verdict and the
// top models' downloads (from a live Hub, here a fake one), then /trend and /lifespan show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { recordHistory } from '../src/digest/history.js';
import { DEFAULT_THRESHOLDS } from '../src/core/types.js';
import { startFakeHub, type FakeHub, type RawHubModel } from './fakes/hub.js';
import { tempDir } from './helpers/bot.js';

/** A model created at `createdAt` with a parameter count, as the Hub lists it. */
const model = (id: string, createdAt: string, parameters: number, downloads: number): RawHubModel => ({
  id,
  createdAt,
  downloads,
  likes: 1,
  pipeline_tag: 'text-generation',
  tags: ['text-generation'],
  safetensors: { total: parameters },
});

describe('weekly history', () => {
  let hub: FakeHub;
  let bot: Bot;
  let clock = new Date('2026-12-07T10:00:00Z'); // Monday of 2026-W50

  beforeAll(async () => {
    hub = await startFakeHub({
      models: [
        // Created in 2026-W49 (Mon 11-30 … Sun 12-06): 3 SLMs, 1 LLM, 1 unknown.
        model('a/slm-1', '2026-11-30T10:00:00Z', 1e9, 10),
        model('a/slm-2', '2026-12-02T10:00:00Z', 3e9, 20),
        model('a/slm-3', '2026-12-06T23:00:00Z', 5e8, 30),
        model('a/llm-1', '2026-12-01T10:00:00Z', 70e9, 40),
        { id: 'a/mystery', createdAt: '2026-12-03T10:00:00Z', downloads: 5, tags: [] },
        // This week (not counted for W49) and an old model with big downloads.
        model('a/slm-new', '2026-12-07T09:00:00Z', 1e9, 1),
        model('old/bert', '2022-03-02T00:00:00Z', 1.1e8, 1_000),
        model('old/llama', '2023-07-18T00:00:00Z', 70e9, 500),
      ],
    });
    bot = createBot(loadConfig({ HF_ENDPOINT: hub.url, DATA_DIR: tempDir(), SAMPLE_SIZE: '1000' }), { now: () => clock });
  });
  afterAll(async () => {
    await bot.hub.whenIdle();
    bot.close();
    await hub.close();
  });

  it('records last week’s counts and this week’s downloads once, then shows them with history:true', async () => {
    expect((await bot.invokeText('/trend history:true')).summary).toMatch(/No history yet/);

    const recorded = await recordHistory(bot.hub, bot.store(), DEFAULT_THRESHOLDS, clock, 1000);
    expect(recorded).toEqual(['counts 2026-W49', 'downloads 2026-W50']);
    expect(await recordHistory(bot.hub, bot.store(), DEFAULT_THRESHOLDS, clock, 1000)).toEqual([]);
    expect(bot.store().weeklyCounts(null)).toEqual([{ isoWeek: '2026-W49', tag: null, counts: { SLM: 3, borderline: 0, LLM: 1, unknown: 1 }, complete: true }]);
    expect(bot.store().weeklyCounts('text-generation')[0].counts).toEqual({ SLM: 3, borderline: 0, LLM: 1, unknown: 0 });

    // A week later (a process whose Hub answers are fresh; this one's are last week's, so they are not recorded again).
    clock = new Date('2026-12-14T10:00:00Z');
    expect(await recordHistory(bot.hub, bot.store(), DEFAULT_THRESHOLDS, clock, 1000)).toEqual(['counts 2026-W50']);
    const nextWeek = createBot(loadConfig({ HF_ENDPOINT: hub.url, DATA_DIR: tempDir(), SAMPLE_SIZE: '1000' }), { now: () => clock, store: bot.store() });
    expect(await recordHistory(nextWeek.hub, bot.store(), DEFAULT_THRESHOLDS, clock, 1000)).toEqual(['downloads 2026-W51']);
    await nextWeek.hub.whenIdle();

    const trend = await bot.invokeText('/trend history:true');
    const weeks = (trend.data as { weeks: { week: string; slm: number; llm: number; slmShare: number | null }[] }).weeks;
    expect(weeks[0]).toMatchObject({ week: '2026-W49', slm: 3, llm: 1, slmShare: 0.75 });
    expect(weeks[1]).toMatchObject({ week: '2026-W50', slm: 1, llm: 0, slmShare: 1 });
    expect(trend.chart).toBeDefined();

    const lifespan = await bot.invokeText('/lifespan history:true');
    const rows = (lifespan.data as { weeks: { week: string; olderThan12Months: { slm: number; llm: number } }[] }).weeks;
    expect(rows.map((r) => r.week)).toEqual(['2026-W50', '2026-W51']);
    // SLM downloads in W50: old/bert 1,000 of 1,000 + 10 + 20 + 30 + 1 = 1,061.
    expect(rows[0].olderThan12Months.slm).toBeCloseTo(1000 / 1061);
    expect(rows[0].olderThan12Months.llm).toBeCloseTo(500 / 540);
  });

  it('never records old downloads as this week’s, even when a restart answers from the disk cache', async () => {
    const dataDir = tempDir();
    const first = createBot(loadConfig({ HF_ENDPOINT: hub.url, DATA_DIR: dataDir, SAMPLE_SIZE: '1000' }), { now: () => new Date('2026-11-02T10:00:00Z') });
    await first.hub.sample({ size: 1000 }); // saved to disk in 2026-W45
    await first.hub.whenIdle();
    first.close();

    hub.fail({ status: 503, times: Infinity });
    const later = createBot(loadConfig({ HF_ENDPOINT: hub.url, DATA_DIR: dataDir, SAMPLE_SIZE: '1000' }), { now: () => new Date('2026-11-23T10:00:00Z') });
    const recorded = await recordHistory(later.hub, later.store(), DEFAULT_THRESHOLDS, new Date('2026-11-23T10:00:00Z'), 1000);
    hub.reset();
    expect(recorded).toEqual([]);
    expect(later.store().weeklyDownloads()).toEqual([]);
    later.close();
  });

  it('records nothing from the snapshot, which is not this week’s Hub', async () => {
    const offline = createBot(loadConfig({ OFFLINE: '1', DATA_DIR: tempDir() }));
    expect(await recordHistory(offline.hub, offline.store(), DEFAULT_THRESHOLDS, new Date('2026-12-07T10:00:00Z'), 1000)).toEqual([]);
    expect(offline.store().weeklyCounts(null)).toEqual([]);
    offline.close();
  });
});
