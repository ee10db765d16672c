// /compare <a> <b> [...]: 2 to 5 models side by side.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import type { ClassifyResult } from '../src/core/classify.js';
import { compareChart } from '../src/charts/configs.js';
import { formatParameters, sourceLine, verdictWord } from '../src/format.js';
import { isModelId, normalizeModelId } from '../src/core/model-id.js';
import { InputError, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import { lookUpModels } from '../src/look-up-models.js';
import { notFoundReply } from '../src/not-found.js';
import { t, tAll } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';

export const MAX_COMPARED = 5;

/** Words people put between the models they compare: separators, never model ids to look up. */
const SEPARATORS = new Set(['vs', 'vs.', 'v.', 'versus', 'and', 'et', '&', ',', '/', '|', 'or', 'ou']);

/** The model ids of "a vs b, c & d": split at spaces and commas, separator words dropped, each id once. */
export function modelIdsOf(text: string): string[] {
  const words = text.split(/[\s,]+/).filter((w) => w.length > 0 && !SEPARATORS.has(w.toLowerCase()));
  return [...new Set(words.map(normalizeModelId).filter((id) => id.length > 0))];
}

const modelList = z
  .string({ error: 'compare_count' })
  .transform(modelIdsOf)
  .refine((ids) => ids.every(isModelId), { message: 'compare_ids' })
  .refine((ids) => ids.length >= 2 && ids.length <= MAX_COMPARED, { message: 'compare_count' });

/**
 * One option per model, so Discord autocompletes each; text adapters fill them in order and the last
 * takes the rest of the line, so `/compare a b c` still reads as one list.
 */
const MODEL_OPTIONS = Array.from({ length: MAX_COMPARED }, (_, i) => `model${i + 1}`);
const joinModels = (args: unknown) => {
  const raw = { ...(args as Record<string, unknown>) };
  const given = MODEL_OPTIONS.map((name) => raw[name]).filter((v) => v !== undefined && v !== '');
  for (const name of MODEL_OPTIONS) delete raw[name];
  return given.length ? { ...raw, models: given.join(' ') } : raw;
};

const schema = withOrderedThresholds(z.preprocess(joinModels, z.object({ models: modelList, ...thresholdFields })));

const command: Command<typeof schema> = {
  name: 'compare',
  description: tAll('commands.compare.description'),
  usage: '/compare <owner/model> <owner/model> [up to 5]',
  options: [
    ...MODEL_OPTIONS.map((name, i) => ({
      name,
      type: 'string' as const,
      required: i < 2,
      autocomplete: 'model' as const,
      rest: i === MODEL_OPTIONS.length - 1,
      description: tAll('commands.compare.options.model', { n: i + 1 }),
    })),
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    const thresholds = thresholdsFrom(args, ctx.config);
    const { locale } = ctx;
    const { results, classified, notes, source } = await lookUpModels(ctx, args.models, thresholds);
    const missing = results.findIndex((r) => !r.found);
    const r = results[missing];
    if (r && !r.found) {
      const retype = (id: string) => `/compare ${args.models.map((m, i) => (i === missing ? id : m)).join(' ')}`;
      return notFoundReply(args.models[missing], r, locale, retype);
    }
    // Two spellings of one repo (`gpt2`, `openai-community/gpt2`) are one model.
    const models = classified.filter((m, i, all) => m !== null && all.findIndex((o) => o?.id === m.id) === i) as ClassifyResult[];
    if (models.length < 2) {
      throw new InputError('compare_count');
    }
    const byCount = [...models].sort((a, b) => (b.parameters ?? -1) - (a.parameters ?? -1));
    const summary = byCount
      .map((m) => t(locale, 'compare.summaryItem', { id: m.id, parameters: formatParameters(m.parameters, locale), verdict: verdictWord(m.verdict, locale) }))
      .join(' · ');
    return {
      title: t(locale, 'compare.title', { count: models.length }),
      summary,
      fields: [],
      table: {
        columns: ['model', 'parameters', 'source', 'verdict', 'task'].map((c) => t(locale, `compare.column.${c}`)),
        rows: models.map((m) => [m.id, formatParameters(m.parameters, locale), m.parameterSource ?? '–', verdictWord(m.verdict, locale), m.task ?? '–']),
      },
      chart: {
        config: compareChart(models, thresholds, {
          title: t(locale, 'compare.chartTitle', { count: models.length }),
          caption: sourceLine(source, locale),
          xTitle: t(locale, 'compare.xTitle'),
          yTitle: t(locale, 'compare.yTitle'),
          series: {
            unknown: t(locale, 'compare.unknownModels', { ids: models.filter((m) => m.parameters === null).map((m) => m.id).join(', ') }),
          },
          locale,
        }),
        fileName: 'compare.png',
        alt: summary,
      },
      notes,
      links: models.map((m) => ({ label: m.id, url: m.url })),
      source,
      data: { models },
    };
  },
};

export default command;
