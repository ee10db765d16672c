// /benchmark <domain>: the study's H2 — published results where small models beat large ones.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { BENCHMARK_DOMAINS, benchmarkOf, type BenchmarkEntry, type BenchmarkResult } from '../src/core/benchmark.js';
import { benchmarkChart } from '../src/charts/configs.js';
import { formatNumber, verdictWord } from '../src/format.js';
import { optional, t, tAll, type Locale } from '../src/i18n.js';
import { THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
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
  return t(locale, 'benchmark.entry', { model: e.model, size: sizeOf(e, locale), score: formatNumber(e.score, locale) });
}

/** The published size: "3.82B", "141B, 39B active", or "undisclosed". */
const sizeOf = (e: BenchmarkEntry, locale: Locale) => publishedSize(e.parametersB, e.activeB, locale);

const metricWord = (metric: BenchmarkResult['metric'], locale: Locale) => t(locale, `benchmark.metric.${metric}`);

const command: Command<typeof schema> = {
  name: 'benchmark',
  description: tAll('commands.benchmark.description'),
  usage: '/benchmark <medical|code|nli>',
  options: [
    { name: 'domain', type: 'string', required: true, choices: [...BENCHMARK_DOMAINS], description: tAll('commands.benchmark.options.domain') },
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    const { locale } = ctx;
    const thresholds = thresholdsFrom(args, ctx.config);
    const result = benchmarkOf(args.domain!, thresholds);
    const metric = metricWord(result.metric, locale);
    const w = result.smallestWinner;
    const winner = w
      ? t(locale, 'benchmark.winner', { model: w.model.model, size: sizeOf(w.model, locale), count: w.beatenCount, beaten: w.beats.model, beatenSize: sizeOf(w.beats, locale) })
      : undefined;
    const h = result.headline;
    const headline = h
      ? ` ${t(locale, 'sizing.headline', {
          small: h.model.model, smallSize: sizeOf(h.model, locale), smallScore: formatNumber(h.model.score, locale),
          large: h.beats.model, largeSize: sizeOf(h.beats, locale), largeScore: formatNumber(h.beats.score, locale),
          times: formatNumber(h.timesLarger, locale, 0),
        })}`
      : '';
    const summary =
      t(locale, 'benchmark.summary', {
        benchmark: result.benchmark,
        metric,
        slm: entry(result.bestSlm, locale),
        llm: entry(result.bestLlm, locale),
        winner: optional(winner),
      }) + headline;
    const unsized = result.entries.filter((e) => e.parametersB === null);
    const notes = [t(locale, 'benchmark.sourceNote', { source: result.source }), t(locale, 'sizing.sizesNote')];
    const unsizedList = unsized.map((e) => `${e.model} ${formatNumber(e.score, locale)}`).join(', ');
    if (unsized.length) notes.push(t(locale, 'sizing.undisclosedNote', { models: unsizedList }));
    return {
      title: t(locale, 'benchmark.title', { benchmark: result.benchmark }),
      summary,
      fields: [
        { name: t(locale, 'benchmark.bestSlm'), value: entry(result.bestSlm, locale), inline: true },
        { name: t(locale, 'benchmark.bestLlm'), value: entry(result.bestLlm, locale), inline: true },
        {
          name: t(locale, 'benchmark.perBillion'),
          value: result.perBillion.slice(0, 3).map((p) => `${p.model} ${formatNumber(p.scorePerBillion, locale)}`).join(', '),
          inline: false,
        },
      ],
      table: {
        columns: [t(locale, 'benchmark.column.model'), t(locale, 'benchmark.column.parameters'), metric, t(locale, 'benchmark.column.verdict')],
        rows: [...result.entries]
          .sort((a, b) => b.score - a.score)
          .map((e) => [e.model, sizeOf(e, locale), formatNumber(e.score, locale), verdictWord(e.verdict, locale)]),
      },
      chart: {
        config: benchmarkChart(result, thresholds, {
          title: t(locale, 'benchmark.chartTitle', { benchmark: result.benchmark, metric }),
          caption: result.source,
          xTitle: t(locale, 'benchmark.xTitle'),
          yTitle: t(locale, 'benchmark.yTitle', { metric }),
          locale,
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
