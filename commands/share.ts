// /share [tag]: how many models of the sample are SLMs, borderline, LLMs, or of unknown size.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { shareOf } from '../src/core/share.js';
import { VERDICTS } from '../src/core/types.js';
import { shareChart } from '../src/charts/configs.js';
import { formatPercent, verdictWord } from '../src/format.js';
import { SAMPLE_OPTION, sampleChoiceSchema, TAG_OPTION, tagSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import { t, tAll } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';
import { analysisSample, sampleCaption, sampleData, sampleScope, sampleWords, unknownNote } from '../src/samples.js';

const schema = withOrderedThresholds(z.object({ tag: tagSchema.optional(), sample: sampleChoiceSchema.optional(), ...thresholdFields }));

const command: Command<typeof schema> = {
  name: 'share',
  description: tAll('commands.share.description'),
  usage: '/share [tag] [sample:census|top|N]',
  options: [TAG_OPTION, SAMPLE_OPTION, ...THRESHOLD_OPTIONS],
  schema,
  async run(ctx, args): Promise<Reply> {
    const { locale } = ctx;
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await analysisSample(ctx, { tag: args.tag, sample: args.sample }, thresholds);
    const result = shareOf(sample.view);
    const known = result.total - result.counts.unknown;
    const summary = t(locale, 'share.summary', { sample: sampleWords(sample, locale), slm: result.counts.SLM, share: formatPercent(result.slmShareOfKnown, locale), known });
    return {
      title: t(locale, 'share.title'),
      summary,
      fields: VERDICTS.map((v) => ({ name: verdictWord(v, locale), value: t(locale, 'share.fieldValue', { count: result.counts[v], share: formatPercent(result.shares[v], locale) }), inline: true })),
      chart: {
        config: shareChart(result, {
          title: t(locale, 'share.chartTitle', { scope: sampleScope(sample, locale) }),
          caption: sampleCaption(sample, thresholds, locale),
          xTitle: t(locale, 'share.xTitle'),
          yTitle: t(locale, 'share.yTitle'),
          series: { models: t(locale, 'share.yTitle') },
          locale,
        }),
        fileName: 'share.png',
        alt: summary,
      },
      notes: [...sample.notes, unknownNote(result.counts.unknown, result.total, locale)],
      links: [],
      source: sample.source,
      data: { counts: result.counts, total: result.total, shares: result.shares, slmShareOfKnown: result.slmShareOfKnown, tag: args.tag ?? null, sample: sampleData(sample) },
    };
  },
};

export default command;
