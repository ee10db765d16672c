// Loading a sample for a command: the Hub layer's sample with every model's count and verdict.
import type { CommandContext } from './command.js';
import type { Thresholds } from './core/types.js';
import { classifyAll, type ClassifiedModel } from './core/verdict.js';
import type { Sample } from './hub/types.js';
import { formatParameters, sourceLine } from './format.js';
import { optional, t, type Locale } from './i18n.js';

export interface ClassifiedSample extends Omit<Sample, 'notes'> {
  classified: ClassifiedModel[];
  /** The Hub layer's notes in the reply's language. */
  notes: string[];
}

/** Models classified between two yields to the event loop (a few milliseconds of work). */
const CLASSIFY_CHUNK = 2_000;

export async function classifiedSample(ctx: CommandContext, options: { tag?: string; size?: number }, thresholds: Thresholds): Promise<ClassifiedSample> {
  const sample = await ctx.hub.sample({ tag: options.tag, size: options.size ?? ctx.config.SAMPLE_SIZE });
  // A 50,000-model sample takes about a second to classify: in chunks, so other users' commands
  // (Discord's 3-second acknowledgement) are not held up meanwhile.
  const classified: ClassifiedModel[] = [];
  for (let i = 0; i < sample.models.length; i += CLASSIFY_CHUNK) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    classified.push(...classifyAll(sample.models.slice(i, i + CLASSIFY_CHUNK), sample.lookup, thresholds, sample.calibration));
  }
  return { ...sample, notes: sample.notes.map((n) => n[ctx.locale]), classified };
}

/** The note every sample-based reply carries: unknown counts are shown apart, never as LLMs. */
export function unknownNote(unknown: number, total: number, locale: Locale): string {
  return t(locale, 'samples.unknownNote', { unknown, total });
}

/** "the top 10,000 models by 30-day downloads (text-generation)", as the sample actually came. */
export function sampleWords(sample: Pick<Sample, 'models'>, tag: string | undefined, locale: Locale): string {
  return t(locale, 'samples.words', { count: sample.models.length, tag: optional(tag) });
}

/** "Sample: the top 10,000 models by 30-day downloads." */
export function sampleNote(sample: Pick<Sample, 'models'>, tag: string | undefined, locale: Locale): string {
  return t(locale, 'samples.note', { sample: sampleWords(sample, tag, locale) });
}

/** Chart titles name what was sampled: "text-generation, top 10,000 by downloads". */
export function sampleScope(sample: Pick<Sample, 'models'>, tag: string | undefined, locale: Locale): string {
  return t(locale, 'charts.scope', { tag: optional(tag), count: sample.models.length });
}

/** The lines under a sample chart: the sample, the thresholds in effect, the data source. */
export function sampleCaption(sample: Pick<Sample, 'models' | 'source'>, tag: string | undefined, thresholds: Thresholds, locale: Locale): string[] {
  return [t(locale, 'charts.sample', { sample: sampleWords(sample, tag, locale) }), thresholdsLine(thresholds, locale), sourceLine(sample.source, locale)];
}

/** "Verdicts: SLM < 7B ≤ borderline < 20B ≤ LLM", for chart captions. */
export function thresholdsLine(thresholds: Thresholds, locale: Locale): string {
  return t(locale, 'charts.thresholds', { slm: formatParameters(thresholds.slmBelow, locale), llm: formatParameters(thresholds.llmFrom, locale) });
}
