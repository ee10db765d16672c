// /benchmark <domain>: the study's H2 — published results where small models beat large ones.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { BENCHMARK_DOMAINS, benchmarkOf, type BenchmarkEntry, type BenchmarkResult } from '../src/core/benchmark.js';
import { benchmarkChart } from '../src/charts/configs.js';
import { formatNumber, formatParameters, verdictWord } from '../src/format.js';
import type { Locale } from '../src/i18n.js';
import { THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { t } from '../src/i18n.js';
import { publishedSize } from '../src/sizing-words.js';

/** Names people type for each domain. */
const ALIASES: Record<string, (typeof BENCHMARK_DOMAINS)[number]> = {
  medical: 'medical',
  medqa: 'medical',
  code: 'code',
  bigcodebench: 'code',
  nli: 'nli',
  rte: 'nli',
};

const schema = withOrderedThresholds(
  z.object({
    domain: z
      .string({ error: 'benchmark_domain' })
      .transform((d) => ALIASES[d.trim().toLowerCase()])
      .refine((d) => d !== undefined, { message: 'benchmark_domain' }),
    ...thresholdFields,
  }),
);

/** "MedMobile (3.8B): 75.7" ("MedMobile (3,8B) : 75,7" in French). */
function entry(e: BenchmarkEntry | null, locale: Locale): string {
  if (!e) return '–';
  const size = publishedSize(e.parametersB, e.activeB, locale);
  return `${e.model} (${size})${locale === 'fr' ? ' :' : ':'} ${formatNumber(e.score, locale)}`;
}

const METRIC_WORDS: Record<Locale, Record<BenchmarkResult['metric'], string>> = {
  en: { accuracy: 'accuracy (%)', 'pass@1': 'pass@1 (%)' },
  fr: { accuracy: 'exactitude (%)', 'pass@1': 'pass@1 (%)' },
};

const command: Command<typeof schema> = {
  name: 'benchmark',
  description: { en: 'Published results: can a small model beat a large one?', fr: 'Résultats publiés : un petit modèle peut-il battre un grand ?' },
  usage: '/benchmark <medical|code|nli>',
  options: [
    { name: 'domain', type: 'string', required: true, choices: [...BENCHMARK_DOMAINS], description: { en: 'medical (MedQA), code (BigCodeBench) or nli (RTE)', fr: 'medical (MedQA), code (BigCodeBench) ou nli (RTE)' } },
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    const fr = ctx.locale === 'fr';
    const thresholds = thresholdsFrom(args, ctx.config);
    const result = benchmarkOf(args.domain!, thresholds);
    const metric = METRIC_WORDS[ctx.locale][result.metric];
    const w = result.smallestWinner;
    const winner = w
      ? fr
        ? ` ${w.model.model} (${formatParameters(w.model.parametersB! * 1e9, ctx.locale)}) bat ${w.beatenCount} modèle${w.beatenCount > 1 ? 's' : ''} plus grand${w.beatenCount > 1 ? 's' : ''}, jusqu’à ${w.beats.model} (${formatParameters(w.beats.parametersB! * 1e9, ctx.locale)}).`
        : ` ${w.model.model} (${formatParameters(w.model.parametersB! * 1e9, ctx.locale)}) beats ${w.beatenCount} larger model${w.beatenCount > 1 ? 's' : ''}, up to ${w.beats.model} (${formatParameters(w.beats.parametersB! * 1e9, ctx.locale)}).`
      : '';
    const h = result.headline;
    const headline = h
      ? ` ${t(ctx.locale, 'sizing.headline', {
          small: h.model.model, smallSize: publishedSize(h.model.parametersB, h.model.activeB, ctx.locale), smallScore: formatNumber(h.model.score, ctx.locale),
          large: h.beats.model, largeSize: publishedSize(h.beats.parametersB, h.beats.activeB, ctx.locale), largeScore: formatNumber(h.beats.score, ctx.locale),
          times: formatNumber(h.timesLarger, ctx.locale, 0),
        })}`
      : '';
    const summary = fr
      ? `${result.benchmark}, ${metric} : meilleur SLM ${entry(result.bestSlm, ctx.locale)} ; meilleur LLM ${entry(result.bestLlm, ctx.locale)}.${winner}${headline}`
      : `${result.benchmark}, ${metric}: best SLM ${entry(result.bestSlm, ctx.locale)}; best LLM ${entry(result.bestLlm, ctx.locale)}.${winner}${headline}`;
    const unsized = result.entries.filter((e) => e.parametersB === null);
    const notes = [fr ? `Source : ${result.source}. Valeurs relues sur les graphiques de l’étude.` : `Source: ${result.source}. Values read off the study's charts.`];
    notes.push(t(ctx.locale, 'sizing.sizesNote'));
    const unsizedList = unsized.map((e) => `${e.model} ${formatNumber(e.score, ctx.locale)}`).join(', ');
    if (unsized.length) notes.push(t(ctx.locale, 'sizing.undisclosedNote', { models: unsizedList }));
    return {
      title: fr ? `${result.benchmark} : petits contre grands` : `${result.benchmark}: small vs large`,
      summary,
      fields: [
        { name: fr ? 'Meilleur SLM' : 'Best SLM', value: entry(result.bestSlm, ctx.locale), inline: true },
        { name: fr ? 'Meilleur LLM' : 'Best LLM', value: entry(result.bestLlm, ctx.locale), inline: true },
        {
          name: fr ? 'Points par milliard de paramètres' : 'Points per billion parameters',
          value: result.perBillion.slice(0, 3).map((p) => `${p.model} ${formatNumber(p.scorePerBillion, ctx.locale)}`).join(', '),
          inline: false,
        },
      ],
      table: {
        columns: fr ? ['Modèle', 'Paramètres', metric, 'Verdict'] : ['Model', 'Parameters', metric, 'Verdict'],
        rows: [...result.entries]
          .sort((a, b) => b.score - a.score)
          .map((e) => [e.model, publishedSize(e.parametersB, e.activeB, ctx.locale), formatNumber(e.score, ctx.locale), verdictWord(e.verdict, ctx.locale)]),
      },
      chart: {
        config: benchmarkChart(result, thresholds, {
          title: `${result.benchmark}: ${metric}`,
          caption: result.source,
          xTitle: fr ? 'Paramètres (échelle log)' : 'Parameters (log scale)',
          yTitle: metric,
          series: { SLM: 'SLM', borderline: verdictWord('borderline', ctx.locale), LLM: 'LLM' },
        }),
        fileName: 'benchmark.png',
        alt: summary,
      },
      notes,
      links: [],
      data: result,
    };
  },
};

export default command;
