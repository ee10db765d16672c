// /compare <a> <b> [...]: 2 to 5 models side by side.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { classifyModel, type ClassifyResult } from '../src/core/classify.js';
import { compareChart } from '../src/charts/configs.js';
import { formatParameters, sourceLine, verdictWord } from '../src/format.js';
import { isModelId, normalizeModelId } from '../src/core/model-id.js';
import { InputError, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import { notFoundReply } from '../src/not-found.js';
import type { Reply } from '../src/reply.js';

export const MAX_COMPARED = 5;

const modelList = z
  .string({ error: 'compare_count' })
  .transform((text) => [...new Set(text.split(/[\s,]+/).map(normalizeModelId).filter((id) => id.length > 0))])
  .refine((ids) => ids.every(isModelId), { message: 'compare_ids' })
  .refine((ids) => ids.length >= 2 && ids.length <= MAX_COMPARED, { message: 'compare_count' });

const schema = withOrderedThresholds(z.object({ models: modelList, ...thresholdFields }));

const command: Command<typeof schema> = {
  name: 'compare',
  description: { en: 'Compare 2 to 5 models: parameter counts and verdicts side by side', fr: 'Comparer 2 à 5 modèles : paramètres et verdicts côte à côte' },
  usage: '/compare <owner/model> <owner/model> [up to 5]',
  options: [
    { name: 'models', type: 'string', required: true, rest: true, description: { en: '2 to 5 model ids separated by spaces', fr: '2 à 5 identifiants séparés par des espaces' } },
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    const thresholds = thresholdsFrom(args, ctx.config);
    const fr = ctx.locale === 'fr';
    const results = await Promise.all(args.models.map((id) => ctx.hub.model(id)));
    const missing = results.findIndex((r) => !r.found);
    if (missing >= 0) {
      const r = results[missing];
      const retype = (id: string) => `/compare ${args.models.map((m, i) => (i === missing ? id : m)).join(' ')}`;
      return notFoundReply(args.models[missing], r.found ? [] : r.suggestions, r.notes.map((n) => n[ctx.locale]), ctx.locale, retype, r.found ? undefined : r.hubFailed);
    }
    // Two spellings of one repo (`gpt2`, `openai-community/gpt2`) are one model.
    const models = results
      .map((r) => (r.found ? classifyModel(r.model, r.lookup, thresholds) : null))
      .filter((m, i, all) => m !== null && all.findIndex((o) => o?.id === m.id) === i) as ClassifyResult[];
    if (models.length < 2) {
      throw new InputError('compare_count');
    }
    // The oldest data among the answers is what the reply can vouch for.
    const source = results.map((r) => r.source).sort((a, b) => a.collectedAt.localeCompare(b.collectedAt))[0];
    const byCount = [...models].sort((a, b) => (b.parameters ?? -1) - (a.parameters ?? -1));
    const summary = byCount
      .map((m) => `${m.id}: ${formatParameters(m.parameters, ctx.locale)} (${verdictWord(m.verdict, ctx.locale)})`)
      .join(' · ');
    return {
      title: fr ? `Comparaison de ${models.length} modèles` : `Comparing ${models.length} models`,
      summary,
      fields: [],
      table: {
        columns: fr ? ['Modèle', 'Paramètres', 'Source', 'Verdict', 'Tâche'] : ['Model', 'Parameters', 'Source', 'Verdict', 'Task'],
        rows: models.map((m) => [m.id, formatParameters(m.parameters, ctx.locale), m.parameterSource ?? '–', verdictWord(m.verdict, ctx.locale), m.task ?? '–']),
      },
      chart: {
        config: compareChart(models, thresholds, {
          title: fr ? 'Nombre de paramètres' : 'Parameter counts',
          caption: sourceLine(source, ctx.locale),
          xTitle: fr ? 'Paramètres (échelle log)' : 'Parameters (log scale)',
          series: { parameters: fr ? 'Paramètres' : 'Parameters' },
        }),
        fileName: 'compare.png',
        alt: summary,
      },
      notes: [...new Set(results.flatMap((r) => r.notes.map((n) => n[ctx.locale])))],
      links: models.map((m) => ({ label: m.id, url: m.url })),
      source,
      data: { models },
    };
  },
};

export default command;
