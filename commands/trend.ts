// /trend [tag] [since] [sample]: the study's H4 — is the SLM share of new models rising?
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { monthOf } from '../src/core/months.js';
import { trendOf, type TrendResult } from '../src/core/trend.js';
import { VERDICTS } from '../src/core/types.js';
import { trendChart } from '../src/charts/configs.js';
import { formatPercent, sourceLine, verdictWord } from '../src/format.js';
import type { Locale } from '../src/i18n.js';
import { INPUT_ERRORS, monthSchema, SAMPLE_OPTION, sampleSizeSchema, TAG_OPTION, tagSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import { errorReply, type Reply } from '../src/reply.js';
import { classifiedSample, sampleNote, unknownNote } from '../src/samples.js';

export const DEFAULT_SINCE = '2023-01';

function headlineSentence(result: TrendResult, locale: Locale): string {
  const h = result.headline;
  const fr = locale === 'fr';
  const from = formatPercent(h.firstShare, locale, 0);
  const to = formatPercent(h.lastShare, locale, 0);
  const period = h.months.length ? `${h.months[0]} → ${h.months.at(-1)}` : '';
  const pts = h.slopePointsPerMonth === null ? '' : `${h.slopePointsPerMonth > 0 ? '+' : ''}${h.slopePointsPerMonth.toFixed(1)}`;
  if (fr) {
    if (h.direction === 'unclear') return 'Pas assez de mois complets avec des modèles de taille connue pour dégager une tendance.';
    const word = { rising: 'en hausse', falling: 'en baisse', flat: 'stable' }[h.direction];
    return `La part des SLM parmi les nouveaux modèles est ${word} sur les 4 derniers mois complets (${period} : ${from} → ${to}, ${pts} points/mois).`;
  }
  if (h.direction === 'unclear') return 'Not enough complete months with models of known size to call a direction.';
  return `The SLM share of new models is ${h.direction} over the last 4 complete months (${period}: ${from} → ${to}, ${pts} points a month).`;
}

const schema = withOrderedThresholds(
  z.object({ tag: tagSchema.optional(), since: monthSchema.optional(), sample: sampleSizeSchema.optional(), ...thresholdFields }),
);

const command: Command<typeof schema> = {
  name: 'trend',
  description: { en: 'SLM share of new models, month by month', fr: 'Part des SLM parmi les nouveaux modèles, mois par mois' },
  usage: '/trend [tag] [since:YYYY-MM] [sample:10000]',
  options: [
    TAG_OPTION,
    { name: 'since', type: 'string', description: { en: 'First month, YYYY-MM (default 2023-01)', fr: 'Premier mois, AAAA-MM (2023-01 par défaut)' } },
    SAMPLE_OPTION,
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    const fr = ctx.locale === 'fr';
    const thresholds = thresholdsFrom(args, ctx.config)!;
    const sample = await classifiedSample(ctx, { tag: args.tag, size: args.sample }, thresholds);
    const collectedAt = new Date(sample.source.collectedAt);
    const since = args.since ?? DEFAULT_SINCE;
    if (since > monthOf(collectedAt)!) {
      return errorReply('bad_input', `${INPUT_ERRORS.month_future(since, ctx.locale)} ${fr ? 'Tapez par ex.' : 'Type e.g.'} \`/trend since:${DEFAULT_SINCE}\``);
    }
    const result = trendOf(sample.classified, { since, collectedAt });
    const summary = headlineSentence(result, ctx.locale);
    const recent = result.months.filter((m) => !m.partial).slice(-6);
    const notes = [...sample.notes];
    const partial = result.months.find((m) => m.partial);
    if (partial) notes.push(fr ? `${partial.month}* : mois en cours à la collecte des données, incomplet.` : `${partial.month}*: the month the data was collected in, not complete.`);
    const low = result.months.filter((m) => m.lowConfidence).length;
    if (low) {
      notes.push(
        fr
          ? `${low} mois ${low > 1 ? 'ont' : 'a'} moins de 10 modèles de taille connue : leur part dit peu (⚠).`
          : `${low} ${low > 1 ? 'months have' : 'month has'} fewer than 10 models of known size: the share says little (⚠).`,
      );
    }
    notes.push(unknownNote(sample.classified.filter((c) => c.verdict === 'unknown').length, sample.classified.length, ctx.locale));
    if (result.undated) notes.push(fr ? `${result.undated} modèles sans date de création sont laissés de côté.` : `${result.undated} models without a creation date are left out.`);
    return {
      title: fr ? `Tendance des SLM depuis ${since}${args.tag ? ` — ${args.tag}` : ''}` : `SLM trend since ${since}${args.tag ? ` — ${args.tag}` : ''}`,
      summary: `${summary} ${sampleNote(sample, args.tag, ctx.locale)}`,
      fields: recent.map((m) => ({
        name: m.month,
        value: `${formatPercent(m.slmShare, ctx.locale, 0)} SLM (${m.slm}/${m.slm + m.borderline + m.llm})${m.lowConfidence ? ' ⚠' : ''}`,
        inline: true,
      })),
      chart: {
        config: trendChart(result, {
          title: fr ? `Nouveaux modèles par mois${args.tag ? ` — ${args.tag}` : ''}` : `New models per month${args.tag ? ` — ${args.tag}` : ''}`,
          caption: sourceLine(sample.source, ctx.locale),
          xTitle: fr ? 'Mois de création (UTC)' : 'Creation month (UTC)',
          yTitle: fr ? 'Modèles créés' : 'Models created',
          series: { ...Object.fromEntries(VERDICTS.map((v) => [v, verdictWord(v, ctx.locale)])), share: fr ? 'Part des SLM (%)' : 'SLM share (%)', shareAxis: fr ? 'Part des SLM (%)' : 'SLM share (%)' },
        }),
        fileName: 'trend.png',
        alt: summary,
      },
      notes,
      links: [],
      source: sample.source,
      data: { since, tag: args.tag ?? null, months: result.months, headline: result.headline, undated: result.undated, beforeSince: result.beforeSince },
    };
  },
};

export default command;
