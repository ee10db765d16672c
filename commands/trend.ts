// /trend [tag] [since] [sample] [history]: the study's H4 — is the SLM share of new models rising?
// By creation month from the Hub's sample, or (history:true) by week from what the bot recorded.
import { z } from 'zod';
import type { Command, CommandContext } from '../src/command.js';
import { monthOf } from '../src/core/months.js';
import { trendFromCounts, trendOf, type TrendResult } from '../src/core/trend.js';
import { VERDICTS } from '../src/core/types.js';
import { isoWeekOf } from '../src/core/weeks.js';
import { trendChart, type ChartText } from '../src/charts/configs.js';
import { formatNumber, formatPercent, sourceLine, verdictWord } from '../src/format.js';
import type { Locale } from '../src/i18n.js';
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
import { analysisSample, sampleData, sampleNote, unknownNote, type SampleKind } from '../src/samples.js';
import { t } from '../src/i18n.js';
import { shareOf } from '../src/core/share.js';

export const DEFAULT_SINCE = '2023-01';

function headlineSentence(result: TrendResult, unit: 'month' | 'week', locale: Locale): string {
  const h = result.headline;
  const fr = locale === 'fr';
  const from = formatPercent(h.firstShare, locale, 0);
  const to = formatPercent(h.lastShare, locale, 0);
  const span = h.periods.length ? `${h.periods[0]} → ${h.periods.at(-1)}` : '';
  const pts = h.slopePointsPerPeriod === null ? '' : `${h.slopePointsPerPeriod > 0 ? '+' : ''}${formatNumber(h.slopePointsPerPeriod, locale)}`;
  if (fr) {
    const units = unit === 'month' ? 'mois' : 'semaines';
    if (h.direction === 'unclear') return `Pas assez de ${units} complets avec des modèles de taille connue pour dégager une tendance.`;
    const word = { rising: 'en hausse', falling: 'en baisse', flat: 'stable' }[h.direction];
    return `La part des SLM parmi les nouveaux modèles est ${word} sur les 4 derniers ${units} complets (${span} : ${from} → ${to}, ${pts} points par ${unit === 'month' ? 'mois' : 'semaine'}).`;
  }
  if (h.direction === 'unclear') return `Not enough complete ${unit}s with models of known size to call a direction.`;
  return `The SLM share of new models is ${h.direction} over the last 4 complete ${unit}s (${span}: ${from} → ${to}, ${pts} points a ${unit}).`;
}

function chartText(ctx: CommandContext, title: string, caption: string, xTitle: string): ChartText {
  const fr = ctx.locale === 'fr';
  return {
    title,
    caption,
    xTitle,
    yTitle: fr ? 'Modèles créés' : 'Models created',
    series: { ...Object.fromEntries(VERDICTS.map((v) => [v, verdictWord(v, ctx.locale)])), share: fr ? 'Part des SLM (%)' : 'SLM share (%)', shareAxis: fr ? 'Part des SLM (%)' : 'SLM share (%)' },
  };
}

function periodFields(result: TrendResult, locale: Locale) {
  return result.periods
    .filter((m) => !m.partial)
    .slice(-6)
    .map((m) => ({ name: m.period, value: `${formatPercent(m.slmShare, locale, 0)} SLM (${m.slm}/${m.slm + m.borderline + m.llm})${m.lowConfidence ? ' ⚠' : ''}`, inline: true }));
}

/** The monthly headline; "new models" only for the census, where every model created counts (not for a popularity sample). */
function monthlyHeadline(result: TrendResult, kind: SampleKind, locale: Locale): string {
  const h = result.headline;
  return t(locale, 'census.trendHeadline', {
    direction: h.direction,
    subject: kind,
    span: h.periods.length ? `${h.periods[0]} → ${h.periods.at(-1)}` : '',
    from: formatPercent(h.firstShare, locale, 0),
    to: formatPercent(h.lastShare, locale, 0),
    points: h.slopePointsPerPeriod === null ? '' : `${h.slopePointsPerPeriod > 0 ? '+' : ''}${formatNumber(h.slopePointsPerPeriod, locale)}`,
  });
}

/** Weeks whose Hub listing stopped at its cap: their counts cover the newest models only. */
function partialWeeksNote(weeks: string[], locale: Locale): string[] {
  if (weeks.length === 0) return [];
  return [
    locale === 'fr'
      ? `${weeks.join(', ')} : liste du Hub tronquée, seuls les modèles les plus récents de la semaine sont comptés.`
      : `${weeks.join(', ')}: the Hub listing was cut short, so only the week’s newest models are counted.`,
  ];
}

/** history:true — the weekly counts the bot stored, one row per complete ISO week. */
function historyReply(ctx: CommandContext, tag: string | undefined): Reply {
  const fr = ctx.locale === 'fr';
  const weeks = ctx.store().weeklyCounts(tag ?? null);
  const title = fr ? `Historique hebdomadaire des SLM${tag ? ` — ${tag}` : ''}` : `Weekly SLM history${tag ? ` — ${tag}` : ''}`;
  if (weeks.length === 0) {
    return {
      title,
      summary: fr
        ? 'Pas encore d’historique : le bot enregistre chaque semaine les nouveaux modèles par verdict tant qu’il tourne sur Discord ou Slack. Revenez la semaine prochaine, ou tapez `/trend` pour les mois.'
        : 'No history yet: while it runs on Discord or Slack, the bot records each week’s new models by verdict. Come back next week, or type `/trend` for the monthly view.',
      fields: [],
      notes: [],
      links: [],
      data: { history: true, tag: tag ?? null, weeks: [] },
    };
  }
  const counts = weeks.map((w) => ({ period: w.isoWeek, slm: w.counts.SLM, borderline: w.counts.borderline, llm: w.counts.LLM, unknown: w.counts.unknown }));
  const result = trendFromCounts(counts, isoWeekOf(ctx.now));
  const summary = headlineSentence(result, 'week', ctx.locale);
  const caption = fr ? `Enregistré par SLM Radar chaque semaine depuis ${weeks[0].isoWeek}` : `Recorded by SLM Radar every week since ${weeks[0].isoWeek}`;
  return {
    title,
    summary,
    fields: periodFields(result, ctx.locale),
    chart: {
      config: trendChart(result, chartText(ctx, title, caption, fr ? 'Semaine ISO de création' : 'ISO week of creation')),
      fileName: 'trend-history.png',
      alt: summary,
    },
    notes: [
      fr ? 'Nouveaux modèles de chaque semaine, comptés par le bot la semaine suivante.' : 'Each week’s new models, counted by the bot the week after.',
      ...partialWeeksNote(weeks.filter((w) => !w.complete).map((w) => w.isoWeek), ctx.locale),
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
  description: { en: 'SLM share of new models, month by month', fr: 'Part des SLM parmi les nouveaux modèles, mois par mois' },
  usage: '/trend [tag] [since:YYYY-MM] [sample:census|top|N] [history:true]',
  options: [
    TAG_OPTION,
    { name: 'since', type: 'string', description: { en: 'First month, YYYY-MM (default 2023-01)', fr: 'Premier mois, AAAA-MM (2023-01 par défaut)' } },
    SAMPLE_OPTION,
    HISTORY_OPTION,
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    if (args.history) return historyReply(ctx, args.tag);
    const fr = ctx.locale === 'fr';
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await analysisSample(ctx, { tag: args.tag, sample: args.sample }, thresholds);
    const collectedAt = new Date(sample.source.collectedAt);
    const since = args.since ?? DEFAULT_SINCE;
    if (since > monthOf(collectedAt)!) {
      throw new InputError('month_future', since);
    }
    const result = trendOf(sample.view, { since, collectedAt });
    /** The models the reply counts: those created since `since`. */
    const counted = sample.view.length - result.beforeSince - result.undated;
    const summary = monthlyHeadline(result, sample.kind, ctx.locale);
    const notes = [...sample.notes];
    const partial = result.periods.find((m) => m.partial);
    if (partial) notes.push(fr ? `${partial.period}* : mois en cours à la collecte des données, incomplet.` : `${partial.period}*: the month the data was collected in, not complete.`);
    const low = result.periods.filter((m) => m.lowConfidence).length;
    if (low) {
      notes.push(
        fr
          ? `${low} mois ${low > 1 ? 'ont' : 'a'} moins de 10 modèles de taille connue : leur part dit peu (⚠).`
          : `${low} ${low > 1 ? 'months have' : 'month has'} fewer than 10 models of known size: the share says little (⚠).`,
      );
    }
    notes.push(unknownNote(shareOf(sample.view).counts.unknown, sample.view.length, ctx.locale));
    if (result.undated) notes.push(fr ? `${result.undated} modèles sans date de création sont laissés de côté.` : `${result.undated} models without a creation date are left out.`);
    const title = fr ? `Tendance des SLM depuis ${since}${args.tag ? ` — ${args.tag}` : ''}` : `SLM trend since ${since}${args.tag ? ` — ${args.tag}` : ''}`;
    return {
      title,
      summary: `${summary} ${sampleNote(sample, ctx.locale, counted, since)}`,
      fields: periodFields(result, ctx.locale),
      chart: {
        config: trendChart(
          result,
          chartText(ctx, t(ctx.locale, 'census.chartTitle', { subject: sample.kind, tag: args.tag ?? 'none' }), sourceLine(sample.source, ctx.locale), fr ? 'Mois de création (UTC)' : 'Creation month (UTC)'),
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
        sample: sampleData(sample, counted, since),
      },
    };
  },
};

export default command;
