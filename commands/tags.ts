// /tags: the study's H3 — which tasks do SLMs and LLMs serve?
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { tagsOf } from '../src/core/tags.js';
import { tagsChart } from '../src/charts/configs.js';
import { formatPercent } from '../src/format.js';
import { SAMPLE_OPTION, sampleChoiceSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import { t, tAll } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';
import { analysisSample, sampleCaption, sampleData, sampleNote, sampleScope, unknownCount, unknownNote } from '../src/samples.js';

const schema = withOrderedThresholds(z.object({ sample: sampleChoiceSchema.optional(), ...thresholdFields }));

const command: Command<typeof schema> = {
  name: 'tags',
  description: tAll('commands.tags.description'),
  usage: '/tags [sample:census|top|N]',
  options: [SAMPLE_OPTION, ...THRESHOLD_OPTIONS],
  schema,
  async run(ctx, args): Promise<Reply> {
    const { locale } = ctx;
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await analysisSample(ctx, { sample: args.sample }, thresholds);
    const result = tagsOf(sample.view);
    const slm = result.verdicts.SLM;
    const llm = result.verdicts.LLM;
    const topOf = (v: typeof slm) => v.tasks[0];
    const summary = t(locale, 'tags.summary', {
      slmTasks: slm.distinctTasks,
      llmTasks: llm.distinctTasks,
      slmTop: topOf(slm)?.name ?? '–',
      slmShare: formatPercent(topOf(slm)?.share ?? null, locale, 0),
      llmTop: topOf(llm)?.name ?? '–',
      llmShare: formatPercent(topOf(llm)?.share ?? null, locale, 0),
    });
    const list = (v: typeof slm) =>
      v.tasks
        .slice(0, 5)
        .map((task) => `${task.tag} ${formatPercent(task.share, locale, 0)}`)
        .join(', ') || '–';
    return {
      title: t(locale, 'tags.title'),
      summary,
      fields: [
        { name: t(locale, 'tags.slmField', { count: slm.tagged }), value: list(slm), inline: false },
        { name: t(locale, 'tags.llmField', { count: llm.tagged }), value: list(llm), inline: false },
      ],
      chart: {
        config: tagsChart(result, {
          title: t(locale, 'tags.chartTitle', { scope: sampleScope(sample, locale) }),
          caption: sampleCaption(sample, thresholds, locale),
          xTitle: t(locale, 'tags.xTitle'),
          yTitle: t(locale, 'tags.yTitle'),
          series: { SLM: t(locale, 'tags.series', { verdict: 'SLM', count: slm.tagged }), LLM: t(locale, 'tags.series', { verdict: 'LLM', count: llm.tagged }) },
          locale,
        }),
        fileName: 'tags.png',
        alt: summary,
      },
      notes: [
        ...sample.notes,
        sampleNote(sample, locale),
        t(locale, 'tags.normalised'),
        unknownNote(unknownCount(sample), sample.view.length, locale),
      ],
      links: [],
      source: sample.source,
      data: { ...result, sample: sampleData(sample) },
    };
  },
};

export default command;
