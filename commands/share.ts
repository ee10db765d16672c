// /share [tag]: how many models of the sample are SLMs, borderline, LLMs, or of unknown size.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { shareOf } from '../src/core/share.js';
import { VERDICTS } from '../src/core/types.js';
import { shareChart } from '../src/charts/configs.js';
import { formatCount, formatPercent, sourceLine, verdictWord } from '../src/format.js';
import { SAMPLE_OPTION, sampleSizeSchema, TAG_OPTION, tagSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { classifiedSample, sampleWords, unknownNote } from '../src/samples.js';

const schema = withOrderedThresholds(z.object({ tag: tagSchema.optional(), sample: sampleSizeSchema.optional(), ...thresholdFields }));

const command: Command<typeof schema> = {
  name: 'share',
  description: { en: 'How many models are SLMs, borderline, LLMs or unknown', fr: 'Combien de modèles sont des SLM, en zone grise, des LLM ou inconnus' },
  usage: '/share [tag] [sample:10000]',
  options: [TAG_OPTION, SAMPLE_OPTION, ...THRESHOLD_OPTIONS],
  schema,
  async run(ctx, args): Promise<Reply> {
    const fr = ctx.locale === 'fr';
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await classifiedSample(ctx, { tag: args.tag, size: args.sample }, thresholds);
    const result = shareOf(sample.classified);
    const known = result.total - result.counts.unknown;
    const summary = fr
      ? `Parmi ${sampleWords(sample, args.tag, ctx.locale)}, ${formatCount(result.counts.SLM, ctx.locale)} sont des SLM, soit ${formatPercent(result.slmShareOfKnown, ctx.locale)} des ${formatCount(known, ctx.locale)} modèles de taille connue.`
      : `Of ${sampleWords(sample, args.tag, ctx.locale)}, ${formatCount(result.counts.SLM, ctx.locale)} are SLMs: ${formatPercent(result.slmShareOfKnown, ctx.locale)} of the ${formatCount(known, ctx.locale)} models with a known count.`;
    return {
      title: fr ? 'SLM, zone grise, LLM' : 'SLMs, borderline, LLMs',
      summary,
      fields: VERDICTS.map((v) => ({ name: verdictWord(v, ctx.locale), value: `${formatCount(result.counts[v], ctx.locale)} (${formatPercent(result.shares[v], ctx.locale)})`, inline: true })),
      chart: {
        config: shareChart(result, {
          title: fr ? 'Modèles par verdict' : 'Models by verdict',
          caption: sourceLine(sample.source, ctx.locale),
          yTitle: fr ? 'Modèles' : 'Models',
          series: Object.fromEntries([...VERDICTS.map((v) => [v, verdictWord(v, ctx.locale)]), ['models', fr ? 'Modèles' : 'Models']]),
        }),
        fileName: 'share.png',
        alt: summary,
      },
      notes: [...sample.notes, unknownNote(result.counts.unknown, result.total, ctx.locale)],
      links: [],
      source: sample.source,
      data: { counts: result.counts, total: result.total, shares: result.shares, slmShareOfKnown: result.slmShareOfKnown, tag: args.tag ?? null },
    };
  },
};

export default command;
