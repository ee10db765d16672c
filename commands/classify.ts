// /classify <model>: the parameter count (and where it came from), the verdict, how publishers
// label models of that size, and where the model sits among its task's models.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { classifyModel, sizeHistogram, sizeHistogramOfSorted, wantsConfig, type ClassifyResult, type HistogramBin, type TaskPeers } from '../src/core/classify.js';
import { estimateFromConfig } from '../src/core/config-size.js';
import { classifyAll, type ClassifiedModel } from '../src/core/verdict.js';
import { classifyChart } from '../src/charts/configs.js';
import { bandWord, formatCount, formatCreated, formatParameters, formatPercent, sourceLine, verdictWord } from '../src/format.js';
import { optional, t, tAll, type Locale } from '../src/i18n.js';
import { modelIdSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { withDeadline } from '../src/time.js';
import { notFoundReply } from '../src/not-found.js';
import { censusWords, topWords } from '../src/samples.js';
import { familyNotes, familySourceWords } from '../src/sizing-words.js';

/** How long a reply waits for the sample that gives the task percentile before answering without it. */
const SAMPLE_WAIT_MS = 2500;
/** How long a reply waits for config.json (asked only when no better count exists); it stays cached for the next reply. */
const CONFIG_WAIT_MS = 3000;

/** Where the count came from: `classify.source.<source>` (safetensors, gguf, base_model, name…), with the base model named. */
export function countSource(r: ClassifyResult, locale: Locale): string {
  if (!r.parameterSource) return t(locale, 'classify.source.none');
  const family = familySourceWords(r, locale);
  if (family) return family;
  const source = t(locale, `classify.source.${r.parameterSource}`);
  return r.baseModel ? t(locale, 'classify.sourceWithBase', { source, base: r.baseModel }) : source;
}

function verdictSentence(r: ClassifyResult, slmBelow: number, llmFrom: number, locale: Locale): string {
  if (r.verdict === 'unknown') return t(locale, 'classify.unknown');
  const slm = formatParameters(slmBelow, locale);
  const llm = formatParameters(llmFrom, locale);
  return t(locale, 'classify.verdict', {
    parameters: formatParameters(r.parameters, locale),
    source: countSource(r, locale),
    verdict: verdictWord(r.verdict, locale),
    why: t(locale, `classify.why.${r.verdict}`, { slm, llm }),
  });
}

function caveatNote(r: ClassifyResult, locale: Locale): string | null {
  return r.caveat ? t(locale, `classify.caveat.${r.caveat}`) : null;
}

export function classifyFields(r: ClassifyResult, locale: Locale) {
  const name = (key: string) => t(locale, `classify.field.${key}`);
  const fields = [
    { name: name('parameters'), value: formatParameters(r.parameters, locale), inline: true },
    { name: name('verdict'), value: verdictWord(r.verdict, locale), inline: true },
    { name: name('band'), value: bandWord(r.band, locale), inline: true },
    { name: name('source'), value: countSource(r, locale), inline: true },
    { name: name('task'), value: r.task ?? '–', inline: true },
    { name: name('downloads'), value: formatCount(r.downloads, locale), inline: true },
    { name: name('likes'), value: formatCount(r.likes, locale), inline: true },
    { name: name('created'), value: formatCreated(r.createdAt, r.createdAtBackfill, locale), inline: true },
  ];
  if (r.activeParameters) fields.push({ name: name('active'), value: formatParameters(r.activeParameters, locale), inline: true });
  return fields;
}

function publisherLine(r: ClassifyResult, locale: Locale): string | null {
  if (r.publishers.length === 0) return null;
  return r.publishers.map((p) => t(locale, 'classify.publisher', { publisher: p.publisher, size: p.sizeB, label: p.label })).join('; ');
}

const schema = withOrderedThresholds(z.object({ model: modelIdSchema, ...thresholdFields }));

const command: Command<typeof schema> = {
  name: 'classify',
  description: tAll('commands.classify.description'),
  usage: '/classify <owner/model> [slm_below:7] [llm_from:20]',
  options: [
    { name: 'model', type: 'string', required: true, autocomplete: 'model', description: tAll('commands.classify.options.model') },
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    const thresholds = thresholdsFrom(args, ctx.config);
    const found = await ctx.hub.model(args.model);
    if (!found.found) return notFoundReply(args.model, found, ctx.locale, (id) => `/classify ${id}`);

    const { locale } = ctx;
    const notes = found.notes.map((n) => n[ctx.locale]);
    const census = await ctx.hub.census();
    let taskPeers: TaskPeers | ClassifiedModel[] = [];
    let histogram: HistogramBin[] = [];
    let peerCount = 0;
    /** What the model is compared with, for the chart's caption; null while the Hub sample is loading. */
    let compared: string | null = null;
    if (census) {
      compared = censusWords(census, locale);
      if (found.model.pipelineTag) {
        // The census keeps each task's counts sorted: the percentile is a binary search, nothing is sized here.
        const row = census.find(found.model.id);
        const sorted = census.taskSizes(found.model.pipelineTag);
        taskPeers = { sorted, self: row >= 0 && census.taskOf(row) === found.model.pipelineTag ? census.parametersOf(row) : null };
        histogram = sizeHistogramOfSorted(sorted);
        peerCount = sorted.length;
      }
    } else {
      const sample = await withDeadline(ctx.hub.sample({ size: ctx.config.SAMPLE_SIZE }), SAMPLE_WAIT_MS);
      if (!sample) notes.push(t(locale, 'classify.sampleLoading'));
      else compared = topWords(sample.models.length, sample.source.kind === 'snapshot', sample.models.length === ctx.hub.status().snapshotModels, locale);
      // Only the model's task matters here: sizing the whole sample would be wasted work on every /classify.
      const classified = sample && found.model.pipelineTag ? classifyAll(sample.models.filter((m) => m.pipelineTag === found.model.pipelineTag), sample.lookup, thresholds, sample.calibration) : [];
      const peers = classified.filter((c) => c.count.parameters !== null).map((c) => c.count.parameters!);
      taskPeers = classified;
      histogram = sizeHistogram(peers);
      peerCount = peers.length;
    }
    const options = { calibration: found.calibration };
    let result = classifyModel(found.model, found.lookup, thresholds, taskPeers, options);
    if (wantsConfig(result.parameterSource)) {
      // No count better than a name's: the repo's config.json says how big the model is.
      const config = estimateFromConfig(await withDeadline(ctx.hub.modelConfig(found.model.id), CONFIG_WAIT_MS));
      if (config) result = classifyModel(found.model, found.lookup, thresholds, taskPeers, { ...options, config });
    }
    notes.push(...familyNotes(result, locale));

    const caveat = caveatNote(result, locale);
    if (caveat) notes.push(caveat);
    const fields = classifyFields(result, locale);
    if (result.percentile) {
      const p = result.percentile;
      fields.push({
        name: t(locale, 'classify.field.amongTask'),
        value: t(locale, 'classify.amongTask', { percent: formatPercent(p.percentile / 100, locale, 0), among: p.among, task: p.task }),
        inline: false,
      });
    }
    const publishers = publisherLine(result, locale);
    if (publishers) fields.push({ name: t(locale, 'classify.field.publishers'), value: publishers, inline: false });

    const parameters = formatParameters(result.parameters, locale);
    const verdict = verdictWord(result.verdict, locale);
    const chart = classifyChart(result, histogram, thresholds, {
      title: t(locale, 'classify.chartTitle', { id: result.id, verdict, task: optional(result.task) }),
      // The legend names the threshold lines, so the caption only says what was sampled and when.
      caption: [compared ? t(locale, 'charts.sample', { sample: compared }) : t(locale, 'classify.noSample'), sourceLine(found.source, locale)],
      xTitle: t(locale, 'classify.xTitle'),
      yTitle: t(locale, 'classify.yTitle', { task: optional(result.task) }),
      series: {
        peers: t(locale, 'classify.peers', { task: optional(result.task), count: peerCount }),
        model: result.parameters === null ? t(locale, 'classify.unknownSize', { id: result.id }) : t(locale, 'classify.modelLine', { id: result.id, parameters, verdict }),
      },
      locale,
    });
    return {
      title: `${result.id} — ${verdictWord(result.verdict, locale)}`,
      summary: verdictSentence(result, thresholds.slmBelow, thresholds.llmFrom, locale),
      fields,
      chart: {
        config: chart,
        fileName: 'classify.png',
        alt: t(locale, 'classify.alt', {
          id: result.id,
          parameters: formatParameters(result.parameters, locale),
          slm: formatParameters(thresholds.slmBelow, locale),
          llm: formatParameters(thresholds.llmFrom, locale),
        }),
      },
      notes,
      links: [{ label: t(locale, 'classify.modelPage'), url: result.url }],
      source: found.source,
      data: result,
    };
  },
};

export default command;
