// /lifespan [tag]: the study's H5 — do SLMs keep their downloads longer than LLMs?
import { z } from 'zod';
import type { Command, CommandContext } from '../src/command.js';
import { lifespanHistoryOf, lifespanOf } from '../src/core/lifespan.js';
import { lifespanChart, lifespanHistoryChart } from '../src/charts/configs.js';
import { formatCount, formatDate, formatParameters, formatPercent } from '../src/format.js';
import { booleanSchema, HISTORY_OPTION, SAMPLE_OPTION, sampleChoiceSchema, TAG_OPTION, tagSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import { optional, t, tAll } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';
import { analysisSample, sampleCaption, sampleData, sampleNote, sampleScope, unknownNote } from '../src/samples.js';

/** history:true — the top models' downloads the bot recorded each week. */
function historyReply(ctx: CommandContext): Reply {
  const { locale } = ctx;
  const weeks = lifespanHistoryOf(ctx.store().weeklyDownloads());
  const title = t(locale, 'lifespan.historyTitle');
  if (weeks.length === 0) {
    return {
      title,
      summary: t(locale, 'lifespan.noHistory'),
      fields: [],
      notes: [],
      links: [],
      data: { history: true, weeks: [] },
    };
  }
  const last = weeks.at(-1)!;
  const summary = t(locale, 'lifespan.historySummary', {
    week: last.week,
    slm: formatPercent(last.olderThan12Months.slm, locale, 0),
    llm: formatPercent(last.olderThan12Months.llm, locale, 0),
    weeks: weeks.length,
  });
  return {
    title,
    summary,
    fields: weeks.slice(-6).map((w) => ({
      name: w.week,
      value: `SLM ${formatPercent(w.olderThan12Months.slm, locale, 0)} · LLM ${formatPercent(w.olderThan12Months.llm, locale, 0)}`,
      inline: true,
    })),
    chart: {
      config: lifespanHistoryChart(weeks, {
        title: t(locale, 'lifespan.historyChartTitle'),
        caption: t(locale, 'lifespan.recordedSince', { week: weeks[0].week }),
        xTitle: t(locale, 'lifespan.isoWeek'),
        yTitle: t(locale, 'lifespan.yTitle'),
        series: { SLM: t(locale, 'lifespan.series', { verdict: 'SLM' }), LLM: t(locale, 'lifespan.series', { verdict: 'LLM' }) },
        locale,
      }),
      fileName: 'lifespan-history.png',
      alt: summary,
    },
    notes: [t(locale, 'lifespan.historyNote')],
    links: [],
    data: { history: true, weeks },
  };
}

const schema = withOrderedThresholds(
  z.object({ tag: tagSchema.optional(), sample: sampleChoiceSchema.optional(), history: booleanSchema.optional(), ...thresholdFields }),
);

const command: Command<typeof schema> = {
  name: 'lifespan',
  description: tAll('commands.lifespan.description'),
  usage: '/lifespan [tag] [sample:census|top|N] [history:true]',
  options: [
    TAG_OPTION,
    SAMPLE_OPTION,
    HISTORY_OPTION,
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    if (args.history) return historyReply(ctx);
    const { locale } = ctx;
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await analysisSample(ctx, { tag: args.tag, sample: args.sample }, thresholds);
    const result = lifespanOf(sample.view, { collectedAt: new Date(sample.source.collectedAt) });
    const old = result.olderThan12Months;
    const cutoff = formatDate(result.cutoff);
    const collected = formatDate(sample.source.collectedAt);
    const slm = formatParameters(thresholds.slmBelow, locale);
    const llm = formatParameters(thresholds.llmFrom, locale);
    const percent = (share: number | null) => formatPercent(share, locale, 0);
    const without = result.olderThan12MonthsWithoutFloor;
    const floorModels = result.beforeFloor?.models ?? 0;
    const study = result.study;
    const summary = [
      t(locale, 'lifespan.summary', {
        cutoff,
        collected,
        slm: percent(old.slm),
        llm: percent(old.llm),
        floor: floorModels ? formatCount(floorModels, locale) : 'none',
        slmWithout: percent(without.slm),
        llmWithout: percent(without.llm),
      }),
      t(locale, 'lifespan.study', {
        since: study.since,
        slm: percent(study.olderThan12Months.slm),
        llm: percent(study.olderThan12Months.llm),
        studySlm: percent(study.found.slm),
        studyLlm: percent(study.found.llm),
      }),
    ].join(' ');
    const notes = [...sample.notes, sampleNote(sample, locale), unknownNote(result.unknown, sample.view.length, locale)];
    if (floorModels) notes.push(t(locale, 'dates.floorNote', { count: floorModels }));
    notes.push(t(locale, 'lifespan.downloadsNote', { slm, llm }));
    if (result.undated) notes.push(t(locale, 'trend.undated', { count: result.undated }));
    return {
      title: t(locale, 'lifespan.title', { tag: optional(args.tag) }),
      summary,
      fields: [
        { name: t(locale, 'lifespan.slmField'), value: formatPercent(old.slm, locale), inline: true },
        { name: t(locale, 'lifespan.llmField'), value: formatPercent(old.llm, locale), inline: true },
        { name: t(locale, 'lifespan.borderlineField'), value: formatPercent(old.borderline, locale), inline: true },
      ],
      chart: {
        config: lifespanChart(result, {
          title: t(locale, 'lifespan.chartTitle', { scope: sampleScope(sample, locale) }),
          caption: sampleCaption(sample, thresholds, locale),
          xTitle: t(locale, 'lifespan.xTitle'),
          yTitle: t(locale, 'lifespan.yTitle'),
          series: {
            SLM: t(locale, 'lifespan.series', { verdict: 'SLM' }),
            LLM: t(locale, 'lifespan.series', { verdict: 'LLM' }),
            cutoff: t(locale, 'lifespan.cutoff', { month: result.cutoff.slice(0, 7) }),
          },
          locale,
        }),
        fileName: 'lifespan.png',
        alt: summary,
      },
      notes,
      links: [],
      source: sample.source,
      data: {
        tag: args.tag ?? null,
        months: result.months,
        beforeFloor: result.beforeFloor,
        olderThan12Months: result.olderThan12Months,
        olderThan12MonthsWithoutFloor: result.olderThan12MonthsWithoutFloor,
        study: result.study,
        cutoff: result.cutoff,
        totals: result.totals,
        sample: sampleData(sample),
      },
    };
  },
};

export default command;
