// /classify <model>: the parameter count (and where it came from), the verdict, how publishers
// label models of that size, and where the model sits among its task's models.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { classifyModel, sizeHistogram, sizeHistogramOfSorted, type ClassifyResult, type HistogramBin, type TaskPeers } from '../src/core/classify.js';
import { classifyAll, type ClassifiedModel } from '../src/core/verdict.js';
import { classifyChart } from '../src/charts/configs.js';
import { bandWord, formatCount, formatDate, formatParameters, formatPercent, sourceLine, verdictWord } from '../src/format.js';
import type { Locale } from '../src/i18n.js';
import { modelIdSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { withDeadline } from '../src/time.js';
import { notFoundReply } from '../src/not-found.js';

/** How long a reply waits for the sample that gives the task percentile before answering without it. */
const SAMPLE_WAIT_MS = 2500;

const SOURCE_WORDS: Record<Locale, Record<string, string>> = {
  en: { safetensors: 'safetensors metadata on the Hub', gguf: 'GGUF metadata on the Hub', base_model: 'its base model', name: 'the repo name' },
  fr: { safetensors: 'métadonnées safetensors du Hub', gguf: 'métadonnées GGUF du Hub', base_model: 'son modèle de base', name: 'le nom du dépôt' },
};

function countSource(r: ClassifyResult, locale: Locale): string {
  if (!r.parameterSource) return locale === 'fr' ? 'aucune source' : 'no source';
  const words = SOURCE_WORDS[locale][r.parameterSource];
  return r.baseModel ? `${words} (${r.baseModel})` : words;
}

function verdictSentence(r: ClassifyResult, slmBelow: number, llmFrom: number, locale: Locale): string {
  const p = formatParameters(r.parameters, locale);
  const s = formatParameters(slmBelow, locale);
  const l = formatParameters(llmFrom, locale);
  const source = countSource(r, locale);
  if (locale === 'fr') {
    if (r.verdict === 'unknown') return `Nombre de paramètres inconnu : ni les métadonnées du Hub, ni un modèle de base, ni le nom ne le donnent. Verdict : inconnu (jamais compté comme LLM).`;
    const why = { SLM: `moins de ${s}`, borderline: `entre ${s} et ${l}, la zone grise où les éditeurs ne sont pas d’accord`, LLM: `${l} ou plus` }[r.verdict];
    return `${p} paramètres (source : ${source}) : **${verdictWord(r.verdict, locale)}** — ${why}.`;
  }
  if (r.verdict === 'unknown') return `Parameter count unknown: neither the Hub's metadata, a base model nor the name gives it. Verdict: unknown (never counted as an LLM).`;
  const why = { SLM: `below ${s}`, borderline: `between ${s} and ${l}, the grey zone where publishers disagree`, LLM: `${l} or more` }[r.verdict];
  return `${p} parameters (from ${source}): **${verdictWord(r.verdict, locale)}** — ${why}.`;
}

function caveatNote(r: ClassifyResult, locale: Locale): string | null {
  const fr = locale === 'fr';
  switch (r.caveat) {
    case 'quantized_packed':
      return fr
        ? 'Dépôt quantifié : safetensors compte des poids empaquetés et peut sous-estimer le vrai nombre de paramètres.'
        : 'Quantized repo: safetensors counts packed weights and can undercount the real parameter count.';
    case 'name_estimate':
      return fr ? 'Nombre lu dans un nom de dépôt : une estimation nominale.' : 'Count read from a repo name: a nominal estimate.';
    case 'mixture_estimate':
      return fr
        ? 'Mélange d’experts lu dans le nom (n × taille) : une borne haute, les experts partagent des couches.'
        : 'Mixture of experts read from the name (n × size): an upper bound, since experts share layers.';
    default:
      return null;
  }
}

export function classifyFields(r: ClassifyResult, locale: Locale) {
  const fr = locale === 'fr';
  const fields = [
    { name: fr ? 'Paramètres' : 'Parameters', value: formatParameters(r.parameters, locale), inline: true },
    { name: fr ? 'Verdict' : 'Verdict', value: verdictWord(r.verdict, locale), inline: true },
    { name: fr ? 'Catégorie (étude)' : 'Size band (study)', value: bandWord(r.band, locale), inline: true },
    { name: fr ? 'Source du nombre' : 'Count from', value: countSource(r, locale), inline: true },
    { name: fr ? 'Tâche' : 'Task', value: r.task ?? '–', inline: true },
    { name: fr ? 'Téléchargements (30 j)' : 'Downloads (30 days)', value: formatCount(r.downloads, locale), inline: true },
    { name: fr ? 'J’aime' : 'Likes', value: formatCount(r.likes, locale), inline: true },
    { name: fr ? 'Créé le' : 'Created', value: formatDate(r.createdAt), inline: true },
  ];
  if (r.activeParameters) fields.push({ name: fr ? 'Paramètres actifs' : 'Active parameters', value: formatParameters(r.activeParameters, locale), inline: true });
  return fields;
}

function publisherLine(r: ClassifyResult, locale: Locale): string | null {
  if (r.publishers.length === 0) return null;
  return r.publishers
    .map((p) => (locale === 'fr' ? `${p.publisher} qualifie son modèle de ${p.sizeB}B de « ${p.label} »` : `${p.publisher} calls its ${p.sizeB}B model "${p.label}"`))
    .join('; ');
}

const schema = withOrderedThresholds(z.object({ model: modelIdSchema, ...thresholdFields }));

const command: Command<typeof schema> = {
  name: 'classify',
  description: { en: 'Is this model an SLM or an LLM? Parameter count, source and verdict', fr: 'Ce modèle est-il un SLM ou un LLM ? Paramètres, source et verdict' },
  usage: '/classify <owner/model> [slm_below:7] [llm_from:20]',
  options: [
    { name: 'model', type: 'string', required: true, autocomplete: 'model', description: { en: 'Hugging Face model id, e.g. Qwen/Qwen2.5-0.5B', fr: 'Identifiant du modèle, par ex. Qwen/Qwen2.5-0.5B' } },
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    const thresholds = thresholdsFrom(args, ctx.config);
    const found = await ctx.hub.model(args.model);
    if (!found.found) return notFoundReply(args.model, found.suggestions, found.notes.map((n) => n[ctx.locale]), ctx.locale, (id) => `/classify ${id}`);

    const fr = ctx.locale === 'fr';
    const notes = found.notes.map((n) => n[ctx.locale]);
    const census = await ctx.hub.census();
    let peers: TaskPeers | ClassifiedModel[] = [];
    let histogram: HistogramBin[] = [];
    if (census && found.model.pipelineTag) {
      // The census keeps each task's counts sorted: the percentile is a binary search, nothing is sized here.
      const row = census.find(found.model.id);
      const sorted = census.taskSizes(found.model.pipelineTag);
      const self = row >= 0 && census.taskOf(row) === found.model.pipelineTag ? census.parametersOf(row) : null;
      peers = { sorted, self };
      histogram = sizeHistogramOfSorted(sorted);
    } else if (!census) {
      const sample = await withDeadline(ctx.hub.sample({ size: ctx.config.SAMPLE_SIZE }), SAMPLE_WAIT_MS);
      if (!sample) notes.push(fr ? 'L’échantillon du Hub se charge encore : le percentile sera là à la prochaine question.' : 'The Hub sample is still loading: the percentile will be there next time you ask.');
      // Only the model's task matters here: sizing the whole sample would be wasted work on every /classify.
      const taskPeers = sample && found.model.pipelineTag ? classifyAll(sample.models.filter((m) => m.pipelineTag === found.model.pipelineTag), sample.lookup, thresholds) : [];
      peers = taskPeers;
      histogram = sizeHistogram(taskPeers.filter((c) => c.count.parameters !== null).map((c) => c.count.parameters!));
    }
    const result = classifyModel(found.model, found.lookup, thresholds, peers);

    const caveat = caveatNote(result, ctx.locale);
    if (caveat) notes.push(caveat);
    const fields = classifyFields(result, ctx.locale);
    if (result.percentile) {
      const p = result.percentile;
      fields.push({
        name: fr ? 'Parmi sa tâche' : 'Among its task',
        value: fr
          ? `plus grand que ${formatPercent(p.percentile / 100, ctx.locale, 0)} des ${formatCount(p.among, ctx.locale)} modèles ${p.task} de l’échantillon dont la taille est connue`
          : `larger than ${formatPercent(p.percentile / 100, ctx.locale, 0)} of the ${formatCount(p.among, ctx.locale)} ${p.task} models in the sample with a known count`,
        inline: false,
      });
    }
    const publishers = publisherLine(result, ctx.locale);
    if (publishers) fields.push({ name: fr ? 'Ce que disent les éditeurs' : 'What publishers call this size', value: publishers, inline: false });

    const caption = sourceLine(found.source, ctx.locale);
    const chart = classifyChart(result, histogram, thresholds, {
      title: fr ? `${result.id} : ${verdictWord(result.verdict, ctx.locale)}` : `${result.id}: ${verdictWord(result.verdict, ctx.locale)}`,
      caption,
      xTitle: fr ? 'Paramètres (échelle log)' : 'Parameters (log scale)',
      yTitle: fr ? `Modèles ${result.task ?? ''} de l’échantillon` : `${result.task ?? ''} models in the sample`,
      series: { peers: fr ? `Modèles ${result.task ?? ''}` : `${result.task ?? ''} models` },
    });
    return {
      title: `${result.id} — ${verdictWord(result.verdict, ctx.locale)}`,
      summary: verdictSentence(result, thresholds.slmBelow, thresholds.llmFrom, ctx.locale),
      fields,
      chart: {
        config: chart,
        fileName: 'classify.png',
        alt: fr
          ? `Position de ${result.id} (${formatParameters(result.parameters, ctx.locale)}) parmi les modèles de sa tâche, avec les lignes à ${formatParameters(thresholds.slmBelow)} et ${formatParameters(thresholds.llmFrom)}.`
          : `Where ${result.id} (${formatParameters(result.parameters, ctx.locale)}) sits among its task's models, with lines at ${formatParameters(thresholds.slmBelow)} and ${formatParameters(thresholds.llmFrom)}.`,
      },
      notes,
      links: [{ label: fr ? 'Page du modèle' : 'Model page', url: result.url }],
      source: found.source,
      data: result,
    };
  },
};

export default command;
