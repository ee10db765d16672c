// /share [tag]: how many models of the sample are SLMs, borderline, LLMs, or of unknown size.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { shareOf } from '../src/core/share.js';
import { VERDICTS } from '../src/core/types.js';
import { shareChart } from '../src/charts/configs.js';
import { formatCount, formatPercent, sourceLine, verdictWord } from '../src/format.js';
import { SAMPLE_OPTION, sampleChoiceSchema, TAG_OPTION, tagSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { analysisSample, sampleData, sampleWords, unknownNote } from '../src/samples.js';

const schema = withOrderedThresholds(z.object({ tag: tagSchema.optional(), sample: sampleChoiceSchema.optional(), ...thresholdFields }));

const command: Command<typeof schema> = {
  name: 'share',
  description: { en: 'How many models are SLMs, borderline, LLMs or unknown', fr: 'Combien de modèles sont des SLM, en zone grise, des LLM ou inconnus' },
  usage: '/share [tag] [sample:census|top|N]',
  options: [TAG_OPTION, SAMPLE_OPTION, ...THRESHOLD_OPTIONS],
  schema,
  async run(ctx, args): Promise<Reply> {
    const fr = ctx.locale === 'fr';
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await analysisSample(ctx, { tag: args.tag, sample: args.sample }, thresholds);
    const result = shareOf(sample.view);
    const known = result.total - result.counts.unknown;
    const summary = fr
      ? `Parmi ${sampleWords(sample, ctx.locale)}, ${formatCount(result.counts.SLM, ctx.locale)} sont des SLM, soit ${formatPercent(result.slmShareOfKnown, ctx.locale)} des ${formatCount(known, ctx.locale)} modèles de taille connue.`
      : `Of ${sampleWords(sample, ctx.locale)}, ${formatCount(result.counts.SLM, ctx.locale)} are SLMs: ${formatPercent(result.slmShareOfKnown, ctx.locale)} of the ${formatCount(known, ctx.locale)} models with a known count.`;
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
      data: { counts: result.counts, total: result.total, shares: result.shares, slmShareOfKnown: result.slmShareOfKnown, tag: args.tag ?? null, sample: sampleData(sample) },
    };
  },
};

export default command;
