// Options several commands share (model ids, task tags, months, thresholds), their zod schemas,
// and the sentence each validation failure produces. Schemas fail with a key of the catalog's
// `input` area; src/invoke.ts turns it into the localized sentence, with the value the user typed.
import { z } from 'zod';
import { isModelId, normalizeModelId } from './core/model-id.js';
import { isMonth } from './core/months.js';
import { rankSuggestions } from './hub/suggest.js';
import { isPipelineTag, PIPELINE_TAGS } from './core/tags.js';
import type { Thresholds } from './core/types.js';
import type { CommandOption } from './command.js';
import type { Config } from './config.js';
import { hasMessage, t, tAll, type Locale } from './i18n.js';
import { stripControl } from './safe-text.js';

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

/** The earliest month worth asking about: the Hub did not exist before, and each month is work. */
export const EARLIEST_MONTH = '2015-01';

/** `YYYY-MM`, a real month, not before EARLIEST_MONTH (checked before any work: `since:0000-01` would be 24,000 months). */
export const monthSchema = z
  .string()
  .transform((t) => t.trim())
  .refine(isMonth, { message: 'month', abort: true })
  .refine((m) => m >= EARLIEST_MONTH, { message: 'month_too_early' });

/** The longest option value accepted (5 model ids fit), and the longest typed command line. */
export const MAX_OPTION_LENGTH = 1_000;
export const MAX_LINE_LENGTH = 4_000;

/** Whether some option value is longer than MAX_OPTION_LENGTH (checked before any parsing work). */
export const tooLong = (args: Record<string, unknown>) => Object.values(args).some((v) => typeof v === 'string' && v.length > MAX_OPTION_LENGTH);

const TRUE_WORDS = new Set(['true', 'yes', 'oui', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'non', '0']);

/** `true`/`false` as typed in text (`history:true`, also yes/no, oui/non) or a real boolean (Discord). */
export const booleanSchema = z
  .union([z.boolean(), z.string()], { error: 'boolean' })
  .transform((v) => (typeof v === 'boolean' ? v : v.trim().toLowerCase()))
  .refine((v) => typeof v === 'boolean' || TRUE_WORDS.has(v) || FALSE_WORDS.has(v), { message: 'boolean' })
  .transform((v) => (typeof v === 'boolean' ? v : TRUE_WORDS.has(v)));

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
  description: tAll('options.tag'),
};

export const SAMPLE_OPTION: CommandOption = {
  name: 'sample',
  type: 'string',
  description: tAll('options.sample'),
};

/** `history:true` on /trend and /lifespan: the weeks the bot recorded instead of today's Hub sample. */
export const HISTORY_OPTION: CommandOption = {
  name: 'history',
  type: 'boolean',
  description: tAll('options.history'),
};

/** Per-command thresholds, in billions of parameters (`slm_below:7 llm_from:20`). */
export const THRESHOLD_OPTIONS: CommandOption[] = [
  { name: 'slm_below', type: 'number', min: 0.001, max: 100_000, description: tAll('options.slm_below') },
  { name: 'llm_from', type: 'number', min: 0.001, max: 100_000, description: tAll('options.llm_from') },
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
    /** A key of the catalog's `input` area. */
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

/** Shown back to users: long or odd input is cut so a reply stays short, control characters dropped. */
export function quoted(value: string): string {
  const flat = stripControl(value).replace(/\s+/g, ' ');
  return `"${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}"`;
}

/**
 * The sentence for validation failure `key` (a zod message or InputError key) with the value the
 * user typed, from the catalog's `input.<key>` (`input.<key>_missing` when nothing was typed and
 * the catalog has one); undefined for keys the catalog does not know.
 */
export function inputErrorText(key: string, value: string, locale: Locale): string | undefined {
  if (value === '' && hasMessage(`input.${key}_missing`)) return t(locale, `input.${key}_missing`);
  if (key === 'thresholds_reversed') return t(locale, value ? 'input.thresholds_reversed_here' : 'input.thresholds_reversed', { value });
  if (!hasMessage(`input.${key}`)) return undefined;
  return t(locale, `input.${key}`, { value: quoted(value), tags: key === 'tag_unknown' ? closestTags(value).join(', ') : '' });
}
