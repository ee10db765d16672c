// Honest headlines: a direction (rising / falling / flat) only from complete periods with enough models
// of known size (TREND_MIN_KNOWN, 10 by default) and at least 3 of the last 4; otherwise the reply says
// there is not enough data and why. Hand-worked examples, then the replies and charts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleBot } from '../src/adapters/console.js';
import { DEFAULT_TREND_RULES, trendFromCounts, type PeriodCounts } from '../src/core/trend.js';
import { loadConfig } from '../src/config.js';
import { formatNumber } from '../src/format.js';
import { offlineConsoleBot } from './helpers/bot.js';

/** A period with `slm` SLMs and `llm` LLMs (and nothing else). */
const period = (name: string, slm: number, llm: number): PeriodCounts => ({ period: name, slm, borderline: 0, llm, unknown: 0 });

describe('the headline rule', () => {
  it('claims no direction from tiny months (what /trend sample:100 used to call "falling")', () => {
    // The old headline: 100% → 0%, −50 points a month, from 2, 1 and 3 models.
    const result = trendFromCounts(
      [period('2024-10', 2, 0), period('2024-11', 2, 0), period('2024-12', 1, 0), period('2025-01', 0, 3), period('2025-02', 0, 1)],
      '2025-02',
    );
    expect(result.headline).toMatchObject({ direction: 'unclear', slopePointsPerPeriod: null, window: ['2024-10', '2024-11', '2024-12', '2025-01'], periods: [], firstShare: null, lastShare: null });
    expect(result.periods.every((p) => p.lowConfidence)).toBe(true);
  });

  it('reads the direction from the months with enough known models, at their place in the window', () => {
    // Known 12, 5, 10, 10: the second month is left out; shares 50%, 60%, 70% at x = 0, 2, 3.
    const result = trendFromCounts([period('2024-01', 6, 6), period('2024-02', 5, 0), period('2024-03', 6, 4), period('2024-04', 7, 3), period('2024-05', 1, 0)], '2024-05');
    expect(result.headline.periods).toEqual(['2024-01', '2024-03', '2024-04']);
    expect(result.headline.window).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    // x̄ = 5/3, ȳ = 60: slope = (−5/3·−10 + 1/3·0 + 4/3·10) / (25/9 + 1/9 + 16/9) = 30 / (42/9) = 6.43 points a month.
    expect(result.headline.slopePointsPerPeriod).toBeCloseTo(6.4286, 3);
    expect(result.headline).toMatchObject({ direction: 'rising', firstShare: 0.5, lastShare: 0.7 });
  });

  it('needs 3 such months: 2 of 4 is not enough', () => {
    const result = trendFromCounts([period('2024-01', 10, 0), period('2024-02', 1, 1), period('2024-03', 2, 0), period('2024-04', 0, 10)], '2024-05');
    expect(result.headline.direction).toBe('unclear');
    expect(result.headline.periods).toEqual(['2024-01', '2024-04']);
  });

  it('takes its minimum from the configuration (TREND_MIN_KNOWN)', () => {
    const counts = [period('2024-10', 2, 0), period('2024-11', 2, 0), period('2024-12', 1, 0), period('2025-01', 0, 3)];
    const result = trendFromCounts(counts, '2025-02', { ...DEFAULT_TREND_RULES, minKnown: 2 });
    expect(result.headline.periods).toEqual(['2024-10', '2024-11', '2025-01']);
    // Shares 100, 100, 0 at x = 0, 1, 3 (the 1-model month left out): x̄ = 4/3, ȳ = 200/3;
    // slope = (−4/3·100/3 − 1/3·100/3 + 5/3·−200/3) / (16/9 + 1/9 + 25/9) = (−1500/9) / (42/9) = −35.71 points a month.
    expect(result.headline.slopePointsPerPeriod).toBeCloseTo(-35.7143, 3);
    expect(result.headline.direction).toBe('falling');
    expect(loadConfig({}).TREND_MIN_KNOWN).toBe(10);
    expect(loadConfig({ TREND_MIN_KNOWN: '25' }).TREND_MIN_KNOWN).toBe(25);
    expect(() => loadConfig({ TREND_MIN_KNOWN: '0' })).toThrow(/TREND_MIN_KNOWN/);
  });
});

describe('the slope as written', () => {
  it('has a sign, except what rounds to zero: "+6.4", "-35.7", "0" (never "+0")', () => {
    expect(formatNumber(6.4286, 'en', 1, true)).toBe('+6.4');
    expect(formatNumber(-35.7143, 'en', 1, true)).toBe('-35.7');
    expect(formatNumber(0.04, 'en', 1, true)).toBe('0');
    expect(formatNumber(-0.04, 'en', 1, true)).toBe('0');
    expect(formatNumber(-1.25, 'fr', 1, true)).toBe('-1,3');
  });
});

describe('replies', () => {
  let bot: ConsoleBot;
  beforeAll(() => {
    bot = offlineConsoleBot();
  });

  it('/trend sample:100 says there is not enough data, and why', async () => {
    const answer = await bot.ask('/trend sample:100');
    expect(answer.reply.summary).not.toMatch(/falling|rising|flat/);
    expect(answer.reply.summary).toMatch(/^Not enough data to call a direction: none of the last 4 complete months has ≥10 models of known size \(a direction needs 3\)\./);
    expect((answer.reply.data as { headline: { direction: string } }).headline.direction).toBe('unclear');
  });

  it('/trend fill-mask no longer calls 3/3 then 1/1 "flat"; with TREND_MIN_KNOWN=1 it counts how many months qualify', async () => {
    expect((await bot.ask('/trend fill-mask')).reply.summary).toMatch(/^Not enough data to call a direction: none of the last 4 complete months has ≥10/);
    const lenient = offlineConsoleBot({ TREND_MIN_KNOWN: '1' });
    expect((await lenient.ask('/trend fill-mask')).reply.summary).toMatch(/^Not enough data to call a direction: only 2 of the last 4 complete months have ≥1 models of known size \(a direction needs 3\)\./);
  });

  it('names the models it counted and the sample they come from', async () => {
    const answer = await bot.ask('/trend sample:100');
    const months = (answer.reply.data as { months: { month: string }[] }).months;
    // The models counted: those of the 100 most downloaded created in the months shown (the current one included).
    const sample = (answer.reply.data as { sample: { models: number; sampleSize: number; since: string } }).sample;
    const counted = sample.models;
    expect(sample).toMatchObject({ sampleSize: 100, since: '2023-01' });
    expect(counted).toBeLessThan(100);
    expect(answer.reply.summary).toContain(`Sample: the ${counted} models created since ${months[0].month} among the 100 most downloaded models of the bundled snapshot`);
    expect((await bot.ask('/lifespan sample:100')).reply.notes).toContain('Sample: the 100 most downloaded models of the bundled snapshot (two Hub crawls of early 2025, merged).');
  });

  it('says how many months a direction was read from', async () => {
    const answer = await bot.ask('/trend');
    expect(answer.reply.summary).toMatch(/^The SLM share of these models, by creation month, is (rising|falling|flat) \(2024-11 → 2025-02: \d+% → \d+%, [+-]?[\d.]+ points a month\), read from the last 4 complete months, each with at least 10 models of known size\./);
  });

  it('marks low-confidence months on the chart: veiled columns and hollow share points off the line', async () => {
    const answer = await bot.ask('/trend sample:300 since:2024-01');
    const config = answer.reply.chart!.config;
    const months = (answer.reply.data as { months: { month: string; lowConfidence: boolean; slmShare: number | null }[] }).months;
    const low = months.map((m) => m.lowConfidence);
    expect(low.some(Boolean) && low.some((l) => !l)).toBe(true);
    const [line, hollow] = config.data.datasets;
    expect(line.data).toEqual(months.map((m) => (m.lowConfidence || m.slmShare === null ? null : Math.round(m.slmShare * 1000) / 10)));
    expect(hollow.label).toBe('Faded: fewer than 10 models of known size');
    expect(hollow.data).toEqual(months.map((m) => (m.lowConfidence && m.slmShare !== null ? Math.round(m.slmShare * 1000) / 10 : null)));
    // One white box over each run of low-confidence months, drawn over the bars (both renderers have the annotation plugin).
    const boxes = Object.values((config.options!.plugins as { annotation: { annotations: Record<string, { xMin: number; xMax: number; drawTime: string }> } }).annotation.annotations);
    const veiled = months.map((_, i) => boxes.some((b) => b.xMin < i && i < b.xMax));
    expect(veiled).toEqual(low);
    expect(boxes.every((b) => b.drawTime === 'afterDatasetsDraw')).toBe(true);
  });

  it('applies the same rule to the weekly history and marks thin weeks in the digest', async () => {
    const store = bot.bot.store();
    const week = (isoWeek: string, SLM: number, LLM: number) => ({ isoWeek, tag: null, counts: { SLM, borderline: 0, LLM, unknown: 0 }, complete: true });
    store.saveWeeklyCounts([week('2025-W08', 3, 0), week('2025-W09', 12, 8), week('2025-W10', 0, 2), week('2025-W11', 1, 1)]);
    const history = await bot.ask('/trend history:true');
    expect(history.reply.summary).toBe('Not enough data to call a direction: only 1 of the last 4 complete weeks has ≥10 models of known size (a direction needs 3).');
    expect(history.reply.notes).toContain('3 weeks have fewer than 10 models of known size: the share says little (⚠, faded on the chart), and no direction is read from them.');

    const digest = await bot.ask('/digest preview');
    expect(digest.reply.fields.find((f) => f.name === 'Previous weeks (SLM share)')?.value).toBe('2025-W08 100% ⚠, 2025-W09 60%, 2025-W10 0% ⚠, 2025-W11 50% ⚠');
    expect(digest.reply.notes).toContain('⚠: fewer than 10 models of known size that week.');
    expect(digest.reply.fields.find((f) => f.name === 'Monthly trend')?.value).toMatch(/read from the last 4 complete months/);
  });

  it('words it in French', async () => {
    const french = offlineConsoleBot({}, { locale: 'fr' });
    expect((await french.ask('/trend sample:100')).reply.summary).toMatch(
      /^Pas assez de données pour dégager une tendance : aucun des 4 derniers mois complets n’a ≥10 modèles de taille connue \(il en faut 3 pour une tendance\)\./,
    );
  });
});
