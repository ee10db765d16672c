// /trend [tag] [since] [sample] [history]: the study's H4 — is the SLM share of new models rising?
// By creation month from the Hub's sample, or (history:true) by week from what the bot recorded.
import { z } from 'zod';
import type { Command, CommandContext } from '../src/command.js';
import { monthOf } from '../src/core/months.js';
import { DEFAULT_TREND_RULES, trendFromCounts, trendOf, type PeriodCounts, type TrendResult, type TrendRules } from '../src/core/trend.js';
import type { WeeklyCounts } from '../src/digest/store.js';
import { isoWeekOf } from '../src/core/weeks.js';
import { trendChart, type ChartText } from '../src/charts/configs.js';
import { formatNumber, formatPercent } from '../src/format.js';
import { optional, t, tAll, type Locale } from '../src/i18n.js';
import {
  booleanSchema,
  HISTORY_OPTION,
  InputError,
  monthSchema,
  SAMPLE_OPTION,
  sampleChoiceSchema,
  TAG_OPTION,
  tagSchema,
  THRESHOLD_OPTIONS,
  thresholdFields,
  thresholdsFrom,
  withOrderedThresholds,
} from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { analysisSample, sampleCaption, sampleData, sampleNote, sampleScope, thresholdsLine, unknownCount, unknownNote, type SampleKind } from '../src/samples.js';

export const DEFAULT_SINCE = '2023-01';

/** The rules a direction must meet: TREND_MIN_KNOWN models of known size in 3 of the last 4 complete periods. */
export function trendRules(ctx: CommandContext): TrendRules {
  return { ...DEFAULT_TREND_RULES, minKnown: ctx.config.TREND_MIN_KNOWN };
}

/**
 * The headline: a direction only from complete periods with enough models of known size, saying how
 * many it used; otherwise why there is not enough data. "New models" only where every model created
 * counts (the census, the bot's weekly counts of new models), never for a popularity sample (the top N, the snapshot).
 */
export function headlineSentence(result: TrendResult, unit: 'month' | 'week', kind: SampleKind, locale: Locale): string {
  const h = result.headline;
  const { minKnown: min, minPeriods: needed } = h.rules;
  const window = h.window.length;
  if (h.direction === 'unclear') return t(locale, 'trend.notEnough', { unit, window, enough: h.periods.length, min, needed });
  return t(locale, 'trend.headline', {
    subject: kind,
    direction: h.direction,
    unit,
    span: `${h.periods[0]} → ${h.periods.at(-1)}`,
    from: formatPercent(h.firstShare, locale, 0),
    to: formatPercent(h.lastShare, locale, 0),
    points: h.slopePointsPerPeriod === null ? '' : formatNumber(h.slopePointsPerPeriod, locale, 1, true),
    all: h.periods.length === window ? 'yes' : 'no',
    used: h.periods.length,
    window,
    min,
  });
}

/** "3 months have fewer than 10 models of known size…", for the periods the reply shows; null when none. */
function lowConfidenceNote(result: TrendResult, unit: 'month' | 'week', locale: Locale): string | null {
  const count = result.periods.filter((p) => p.lowConfidence && !p.partial).length;
  return count ? t(locale, 'trend.lowConfidence', { count, unit, min: result.headline.rules.minKnown }) : null;
}

function chartText(ctx: CommandContext, title: string, caption: string[], xTitle: string, minKnown: number): ChartText {
  return {
    title,
    caption,
    xTitle,
    locale: ctx.locale,
    yTitle: t(ctx.locale, 'trend.yTitle'),
    series: {
      share: t(ctx.locale, 'trend.share'),
      shareAxis: t(ctx.locale, 'trend.share'),
      faded: t(ctx.locale, 'trend.faded', { min: minKnown }),
    },
  };
}

function periodFields(result: TrendResult, locale: Locale) {
  return result.periods
    .filter((m) => !m.partial)
    .slice(-6)
    .map((m) => ({
      name: m.period,
      value: t(locale, 'trend.periodField', { share: formatPercent(m.slmShare, locale, 0), slm: m.slm, known: m.slm + m.borderline + m.llm, low: m.lowConfidence ? 'yes' : 'no' }),
      inline: true,
    }));
}

/** Weeks whose Hub listing stopped at its cap: their counts cover the newest models only. */
function partialWeeksNote(weeks: string[], locale: Locale): string[] {
  if (weeks.length === 0) return [];
  return [
    t(locale, 'trend.partialWeeks', { weeks: weeks.join(', ') }),
  ];
}

/** A week the bot recorded, as a trend period. */
export const weekCounts = (w: WeeklyCounts): PeriodCounts => ({ period: w.isoWeek, slm: w.counts.SLM, borderline: w.counts.borderline, llm: w.counts.LLM, unknown: w.counts.unknown });

/** history:true — the weekly counts the bot stored, one row per complete ISO week. */
function historyReply(ctx: CommandContext, tag: string | undefined): Reply {
  const { locale } = ctx;
  const weeks = ctx.store().weeklyCounts(tag ?? null);
  const title = t(locale, 'trend.historyTitle', { tag: optional(tag) });
  if (weeks.length === 0) {
    return {
      title,
      summary: t(locale, 'trend.noHistory'),
      fields: [],
      notes: [],
      links: [],
      data: { history: true, tag: tag ?? null, weeks: [] },
    };
  }
  const counts = weeks.map(weekCounts);
  const rules = trendRules(ctx);
  const result = trendFromCounts(counts, isoWeekOf(ctx.now), rules);
  const summary = headlineSentence(result, 'week', 'census', locale);
  const low = lowConfidenceNote(result, 'week', locale);
  const caption = [t(locale, 'trend.recordedSince', { week: weeks[0].isoWeek }), thresholdsLine(thresholdsFrom({}, ctx.config), locale)];
  return {
    title,
    summary,
    fields: periodFields(result, locale),
    chart: {
      config: trendChart(result, chartText(ctx, title, caption, t(locale, 'trend.isoWeek'), rules.minKnown)),
      fileName: 'trend-history.png',
      alt: summary,
    },
    notes: [
      t(locale, 'trend.historyNote'),
      ...(low ? [low] : []),
      ...partialWeeksNote(weeks.filter((w) => !w.complete).map((w) => w.isoWeek), locale),
    ],
    links: [],
    data: { history: true, tag: tag ?? null, weeks: result.periods.map(({ period, ...rest }) => ({ week: period, ...rest })), headline: result.headline },
  };
}

const schema = withOrderedThresholds(
  z.object({
    tag: tagSchema.optional(),
    since: monthSchema.optional(),
    sample: sampleChoiceSchema.optional(),
    history: booleanSchema.optional(),
    ...thresholdFields,
  }),
);

const command: Command<typeof schema> = {
  name: 'trend',
  description: tAll('commands.trend.description'),
  usage: '/trend [tag] [since:YYYY-MM] [sample:census|top|N] [history:true]',
  options: [
    TAG_OPTION,
    { name: 'since', type: 'string', description: tAll('commands.trend.options.since') },
    SAMPLE_OPTION,
    HISTORY_OPTION,
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    if (args.history) return historyReply(ctx, args.tag);
    const { locale } = ctx;
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await analysisSample(ctx, { tag: args.tag, sample: args.sample }, thresholds);
    const collectedAt = new Date(sample.source.collectedAt);
    const since = args.since ?? DEFAULT_SINCE;
    if (since > monthOf(collectedAt)!) {
      throw new InputError('month_future', since);
    }
    const rules = trendRules(ctx);
    const result = trendOf(sample.view, { since, collectedAt, rules });
    /** The models the reply counts: those created since `since`. */
    const counted = sample.view.length - result.beforeSince - result.undated;
    const summary = headlineSentence(result, 'month', sample.kind, locale);
    const notes = [...sample.notes];
    const partial = result.periods.find((m) => m.partial);
    if (partial) notes.push(t(locale, 'trend.partialMonth', { month: partial.period }));
    const low = lowConfidenceNote(result, 'month', locale);
    if (low) notes.push(low);
    const floorModels = result.beforeFloor ? result.beforeFloor.slm + result.beforeFloor.borderline + result.beforeFloor.llm + result.beforeFloor.unknown : 0;
    if (floorModels) notes.push(t(locale, 'dates.floorNote', { count: floorModels }));
    notes.push(unknownNote(unknownCount(sample), sample.view.length, locale));
    if (result.undated) notes.push(t(locale, 'trend.undated', { count: result.undated }));
    const title = t(locale, 'trend.title', { since, tag: optional(args.tag) });
    return {
      title,
      summary: `${summary} ${sampleNote(sample, locale, counted, since)}`,
      fields: periodFields(result, locale),
      chart: {
        config: trendChart(
          result,
          chartText(
            ctx,
            t(locale, 'trend.chartTitle', { subject: sample.kind, scope: sampleScope(sample, locale, counted) }),
            sampleCaption(sample, thresholds, locale, counted, since),
            t(locale, 'trend.xTitle'),
            rules.minKnown,
          ),
        ),
        fileName: 'trend.png',
        alt: summary,
      },
      notes,
      links: [],
      source: sample.source,
      data: {
        since,
        tag: args.tag ?? null,
        months: result.periods.map(({ period, ...rest }) => ({ month: period, ...rest })),
        headline: result.headline,
        undated: result.undated,
        beforeSince: result.beforeSince,
        beforeFloor: result.beforeFloor,
        sample: sampleData(sample, counted, since),
      },
    };
  },
};

export default command;
