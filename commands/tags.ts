// /tags: the study's H3 — which tasks do SLMs and LLMs serve?
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { tagsOf } from '../src/core/tags.js';
import { tagsChart } from '../src/charts/configs.js';
import { formatCount, formatPercent, sourceLine } from '../src/format.js';
import { SAMPLE_OPTION, sampleChoiceSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { analysisSample, sampleData, sampleNote, unknownCount, unknownNote } from '../src/samples.js';

const schema = withOrderedThresholds(z.object({ sample: sampleChoiceSchema.optional(), ...thresholdFields }));

const command: Command<typeof schema> = {
  name: 'tags',
  description: { en: 'Which tasks SLMs and LLMs are made for', fr: 'Les tâches auxquelles servent les SLM et les LLM' },
  usage: '/tags [sample:census|top|N]',
  options: [SAMPLE_OPTION, ...THRESHOLD_OPTIONS],
  schema,
  async run(ctx, args): Promise<Reply> {
    const fr = ctx.locale === 'fr';
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await analysisSample(ctx, { sample: args.sample }, thresholds);
    const result = tagsOf(sample.view);
    const slm = result.verdicts.SLM;
    const llm = result.verdicts.LLM;
    const topOf = (v: typeof slm) => v.tasks[0];
    const summary = fr
      ? `Les SLM couvrent ${slm.distinctTasks} tâches, les LLM ${llm.distinctTasks}. Tâche n° 1 des SLM : ${topOf(slm)?.name ?? '–'} (${formatPercent(topOf(slm)?.share ?? null, ctx.locale, 0)}) ; des LLM : ${topOf(llm)?.name ?? '–'} (${formatPercent(topOf(llm)?.share ?? null, ctx.locale, 0)}).`
      : `SLMs cover ${slm.distinctTasks} tasks, LLMs ${llm.distinctTasks}. Top SLM task: ${topOf(slm)?.name ?? '–'} (${formatPercent(topOf(slm)?.share ?? null, ctx.locale, 0)}); top LLM task: ${topOf(llm)?.name ?? '–'} (${formatPercent(topOf(llm)?.share ?? null, ctx.locale, 0)}).`;
    const list = (v: typeof slm) =>
      v.tasks
        .slice(0, 5)
        .map((t) => `${t.tag} ${formatPercent(t.share, ctx.locale, 0)}`)
        .join(', ') || '–';
    return {
      title: fr ? 'Tâches des SLM et des LLM' : 'Tasks of SLMs and LLMs',
      summary,
      fields: [
        { name: fr ? `SLM (${formatCount(slm.tagged, ctx.locale)} avec une tâche)` : `SLMs (${formatCount(slm.tagged, ctx.locale)} with a task)`, value: list(slm), inline: false },
        { name: fr ? `LLM (${formatCount(llm.tagged, ctx.locale)} avec une tâche)` : `LLMs (${formatCount(llm.tagged, ctx.locale)} with a task)`, value: list(llm), inline: false },
      ],
      chart: {
        config: tagsChart(result, {
          title: fr ? 'Part des modèles par tâche' : 'Share of models per task',
          caption: sourceLine(sample.source, ctx.locale),
          xTitle: fr ? 'Part des modèles du verdict (%)' : "Share of the verdict's models (%)",
          series: { SLM: 'SLM', LLM: 'LLM' },
        }),
        fileName: 'tags.png',
        alt: summary,
      },
      notes: [
        ...sample.notes,
        sampleNote(sample, ctx.locale),
        fr ? 'Parts normalisées par verdict : chaque tâche en % des modèles du verdict qui ont une tâche.' : "Shares are normalised per verdict: each task as a % of the verdict's models that have a task.",
        unknownNote(unknownCount(sample), sample.view.length, ctx.locale),
      ],
      links: [],
      source: sample.source,
      data: { ...result, sample: sampleData(sample) },
    };
  },
};

export default command;
