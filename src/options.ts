// Options several commands share (model ids, task tags, months, thresholds), their zod schemas,
// and the sentence each validation failure produces. Schemas fail with a key of INPUT_ERRORS;
// src/invoke.ts turns it into the localized sentence, with the value the user typed.
import { z } from 'zod';
import { isModelId, normalizeModelId } from './core/model-id.js';
import { isMonth } from './core/months.js';
import { rankSuggestions } from './hub/suggest.js';
import { isPipelineTag, PIPELINE_TAGS } from './core/tags.js';
import type { Thresholds } from './core/types.js';
import type { CommandOption } from './command.js';
import type { Config } from './config.js';
import { tAll } from './i18n.js';
import type { Locale } from './i18n.js';

export const modelIdSchema = z
  .string({ error: 'model_required' })
  .transform(normalizeModelId)
  .refine((id) => id.length > 0, { message: 'model_required' })
  .refine(isModelId, { message: 'model_id' });

/** Task tags of the Hub's pipeline taxonomy (`text-generation`, `fill-mask`…). */
export const tagSchema = z
  .string()
  .transform((t) => t.trim().toLowerCase())
  .refine(isPipelineTag, { message: 'tag_unknown' });

/** `YYYY-MM`, a real month. */
export const monthSchema = z.string().transform((t) => t.trim()).refine(isMonth, { message: 'month' });

const TRUE_WORDS = new Set(['true', 'yes', 'oui', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'non', '0']);

/** `true`/`false` as typed in text (`history:true`, also yes/no, oui/non) or a real boolean (Discord). */
export const booleanSchema = z
  .union([z.boolean(), z.string()], { error: 'boolean' })
  .transform((v) => (typeof v === 'boolean' ? v : v.trim().toLowerCase()))
  .refine((v) => typeof v === 'boolean' || TRUE_WORDS.has(v) || FALSE_WORDS.has(v), { message: 'boolean' })
  .transform((v) => (typeof v === 'boolean' ? v : TRUE_WORDS.has(v)));

export const sampleSizeSchema = z.coerce.number({ error: 'sample_range' }).int({ message: 'sample_range' }).min(100, { message: 'sample_range' }).max(50_000, { message: 'sample_range' });

/** `sample:census` (every model, the default once the census is ready), `sample:top` (the study's top SAMPLE_SIZE), or `sample:N` (the top N). */
export type SampleChoice = 'census' | 'top' | number;

export const sampleChoiceSchema = z
  .union([z.number(), z.string()], { error: 'sample_range' })
  .transform((v): SampleChoice => {
    const text = String(v).trim().toLowerCase();
    return text === 'census' || text === 'top' ? text : Number(text);
  })
  .refine((v) => typeof v === 'string' || (Number.isInteger(v) && v >= 100 && v <= 50_000), { message: 'sample_range' });

export const TAG_OPTION: CommandOption = {
  name: 'tag',
  type: 'string',
  autocomplete: 'tag',
  description: { en: 'Hub task tag, e.g. text-generation', fr: 'Tâche du Hub, par ex. text-generation' },
};

export const SAMPLE_OPTION: CommandOption = {
  name: 'sample',
  type: 'string',
  description: tAll('sample.option'),
};

/** `history:true` on /trend and /lifespan: the weeks the bot recorded instead of today's Hub sample. */
export const HISTORY_OPTION: CommandOption = {
  name: 'history',
  type: 'boolean',
  description: { en: 'Week by week, from what the bot recorded', fr: 'Semaine par semaine, d’après ce que le bot a enregistré' },
};

/** Per-command thresholds, in billions of parameters (`slm_below:7 llm_from:20`). */
export const THRESHOLD_OPTIONS: CommandOption[] = [
  { name: 'slm_below', type: 'number', min: 0.001, max: 100_000, description: { en: 'SLM below this many billion parameters (default 7)', fr: 'SLM en dessous de ce nombre de milliards de paramètres (7 par défaut)' } },
  { name: 'llm_from', type: 'number', min: 0.001, max: 100_000, description: { en: 'LLM from this many billion parameters (default 20)', fr: 'LLM à partir de ce nombre de milliards de paramètres (20 par défaut)' } },
];

const billions = z.coerce.number({ error: 'threshold' }).positive({ message: 'threshold' }).max(100_000, { message: 'threshold' });

export const thresholdFields = {
  slm_below: billions.optional(),
  llm_from: billions.optional(),
};

/** Adds the "thresholds in order" check to a schema that has the threshold fields. */
export function withOrderedThresholds<S extends z.ZodType<{ slm_below?: number; llm_from?: number }>>(schema: S) {
  return schema.refine((a) => a.slm_below === undefined || a.llm_from === undefined || a.slm_below <= a.llm_from, {
    message: 'thresholds_reversed',
    path: ['slm_below'],
  });
}

/** Bad input found while a command runs (not by its schema): invoke turns it into the same kind of reply. */
export class InputError extends Error {
  constructor(
    /** A key of INPUT_ERRORS. */
    readonly key: string,
    readonly value = '',
  ) {
    super(key);
  }
}

/** The thresholds a command uses: its options, else the configuration; one option may clash with the other's default. */
export function thresholdsFrom(args: { slm_below?: number; llm_from?: number }, config: Config): Thresholds {
  const slmBelow = (args.slm_below ?? config.SLM_BELOW_B) * 1e9;
  const llmFrom = (args.llm_from ?? config.LLM_FROM_B) * 1e9;
  if (slmBelow > llmFrom) throw new InputError('thresholds_reversed', `slm_below:${slmBelow / 1e9} llm_from:${llmFrom / 1e9}`);
  return { slmBelow, llmFrom };
}

/** Closest known task tags to what was typed, for "did you mean". */
export function closestTags(text: string, max = 3): string[] {
  const close = rankSuggestions(text, PIPELINE_TAGS, max);
  return close.length ? close : ['text-generation', 'text-classification', 'fill-mask'].slice(0, max);
}

type InputErrorText = (value: string, locale: Locale) => string;

/** Shown back to users: long or odd input is cut so a reply stays short. */
export function quoted(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}"`;
}

export const INPUT_ERRORS: Record<string, InputErrorText> = {
  model_required: (_, l) => (l === 'fr' ? 'Il manque l’identifiant du modèle.' : 'The model id is missing.'),
  model_id: (v, l) =>
    l === 'fr'
      ? `${quoted(v)} n’est pas un identifiant de modèle Hugging Face (de la forme organisation/nom, par ex. Qwen/Qwen2.5-0.5B).`
      : `${quoted(v)} is not a Hugging Face model id (it looks like owner/name, e.g. Qwen/Qwen2.5-0.5B).`,
  tag_unknown: (v, l) =>
    l === 'fr'
      ? `${quoted(v)} n’est pas une tâche du Hub ; par exemple : ${closestTags(v).join(', ')}.`
      : `${quoted(v)} is not a Hub task tag; did you mean ${closestTags(v).join(', ')}?`,
  month: (v, l) => (l === 'fr' ? `${quoted(v)} n’est pas un mois : écrivez AAAA-MM, par ex. 2024-01.` : `${quoted(v)} is not a month: write YYYY-MM, e.g. 2024-01.`),
  month_future: (v, l) => (l === 'fr' ? `${quoted(v)} est après la date des données.` : `${quoted(v)} is after the date the data was collected.`),
  sample_range: (v, l) =>
    l === 'fr'
      ? `L’échantillon ${quoted(v)} doit être census, top, ou un nombre de modèles entre 100 et 50 000.`
      : `The sample ${quoted(v)} must be census, top, or a whole number of models from 100 to 50,000.`,
  threshold: (v, l) =>
    l === 'fr' ? `Le seuil ${quoted(v)} doit être un nombre positif de milliards de paramètres, par ex. 7.` : `The threshold ${quoted(v)} must be a positive number of billions of parameters, e.g. 7.`,
  compare_count: (_, l) => (l === 'fr' ? 'Donnez de 2 à 5 identifiants de modèles différents, séparés par des espaces.' : 'Give 2 to 5 different model ids, separated by spaces.'),
  compare_ids: (v, l) =>
    l === 'fr'
      ? `${quoted(v)} contient un identifiant qui n’est pas de la forme organisation/nom.`
      : `${quoted(v)} has an id that is not of the form owner/name.`,
  benchmark_domain: (v, l) =>
    l === 'fr' ? `${quoted(v)} n’est pas un domaine : choisissez medical, code ou nli.` : `${quoted(v)} is not a domain: choose medical, code or nli.`,
  boolean: (v, l) => (l === 'fr' ? `${quoted(v)} n’est ni true ni false.` : `${quoted(v)} is neither true nor false.`),
  weekday: (v, l) => (l === 'fr' ? `${quoted(v)} n’est pas un jour : écrivez monday … sunday (ou lundi … dimanche).` : `${quoted(v)} is not a day: write monday … sunday.`),
  time: (v, l) => (l === 'fr' ? `${quoted(v)} n’est pas une heure : écrivez HH:MM sur 24 h, par ex. 09:00.` : `${quoted(v)} is not a time: write HH:MM on 24 hours, e.g. 09:00.`),
  timezone: (v, l) =>
    l === 'fr' ? `${quoted(v)} n’est pas un fuseau horaire : écrivez par ex. UTC ou Europe/Paris.` : `${quoted(v)} is not a time zone: write e.g. UTC or Europe/Paris.`,
  action: (v, l) => (l === 'fr' ? `${quoted(v)} : la seule action est preview.` : `${quoted(v)}: the only action is preview.`),
  extra: (v, l) => (l === 'fr' ? `Je ne sais pas quoi faire de ${quoted(v)}.` : `I do not know what to do with ${quoted(v)}.`),
  thresholds_reversed: (v, l) =>
    l === 'fr'
      ? `slm_below doit être inférieur ou égal à llm_from${v ? ` (ici ${v})` : ''}, par ex. slm_below:7 llm_from:20.`
      : `slm_below must not be greater than llm_from${v ? ` (here ${v})` : ''}, e.g. slm_below:7 llm_from:20.`,
};
