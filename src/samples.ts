// The models an analysis command answers from, named honestly: the census of every model on the Hub
// (the default once its first walk has completed), the study's top-N-by-downloads sample (`sample:top`
// or `sample:N`, and the fallback until the census is ready), or the bundled snapshot.
import type { CommandContext } from './command.js';
import type { DataSource, Thresholds } from './core/types.js';
import { classifyAll, type ClassifiedModel } from './core/verdict.js';
import { coverageNote } from './hub/notes.js';
import type { Sample } from './hub/types.js';
import { verdictCounts, viewOf, type ModelView } from './core/view.js';
import { formatCount, formatDate, formatParameters, formatPercent, sourceLine } from './format.js';
import { optional, t, type Locale } from './i18n.js';
import type { SampleChoice } from './options.js';
import type { CensusStore } from './store/census.js';

export type SampleKind = 'census' | 'top' | 'snapshot';

export interface AnalysisSample {
  view: ModelView;
  kind: SampleKind;
  tag: string | undefined;
  source: DataSource;
  /** Notes for the reply, in its language (stale data, fallbacks, census progress). */
  notes: string[];
  /** Snapshot only: the sample is the whole snapshot, not its most downloaded part. */
  whole?: boolean;
}

/** What `--json` carries about the sample: `{kind, models, since, collectedAt}`. */
export interface SampleData {
  kind: SampleKind;
  /** The models counted (those created since `since`, when given). */
  models: number;
  /** The whole sample they were taken from. */
  sampleSize: number;
  since: string | null;
  collectedAt: string;
}

/** Models classified between two yields to the event loop (a few milliseconds of work). */
const CLASSIFY_CHUNK = 2_000;

/** A sample's models classified in chunks, so other users' commands are not held up meanwhile. */
async function classifyInChunks(sample: Sample, thresholds: Thresholds): Promise<ClassifiedModel[]> {
  const classified: ClassifiedModel[] = [];
  for (let i = 0; i < sample.models.length; i += CLASSIFY_CHUNK) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    classified.push(...classifyAll(sample.models.slice(i, i + CLASSIFY_CHUNK), sample.lookup, thresholds, sample.calibration));
  }
  return classified;
}

export async function analysisSample(ctx: CommandContext, options: { sample?: SampleChoice; tag?: string }, thresholds: Thresholds): Promise<AnalysisSample> {
  const wantsTop = options.sample === 'top' || typeof options.sample === 'number';
  const size = typeof options.sample === 'number' ? options.sample : ctx.config.SAMPLE_SIZE;
  const notes: string[] = [];
  // Loaded for the top-N sample too: its base models resolve inside the census, without Hub requests.
  const census = await ctx.hub.census();
  if (census) {
    const source: DataSource = { kind: 'census', collectedAt: census.collectedAt()! };
    if (!wantsTop) return { view: census.view(thresholds, { tag: options.tag }), kind: 'census', tag: options.tag, source, notes };
    // The study's sample as a view of the census: its top N by downloads, sized once at ingest.
    const view = census.view(thresholds, { tag: options.tag, top: size });
    if (view.length < size) notes.push(coverageNote(view.length, size, options.tag, 'hub')[ctx.locale]);
    return { view, kind: 'top', tag: options.tag, source, notes };
  }
  // Until the census has completed a walk: the top N listed live from the Hub (or the snapshot).
  const sample = await ctx.hub.sample({ tag: options.tag, size });
  notes.push(...sample.notes.map((n) => n[ctx.locale]));
  const kind: SampleKind = sample.source.kind === 'snapshot' ? 'snapshot' : 'top';
  if (!wantsTop && kind === 'top') {
    notes.push(t(ctx.locale, 'census.notReady', { percent: formatPercent(ctx.hub.censusProgress().walkPercent / 100, ctx.locale, 0), count: formatCount(sample.models.length, ctx.locale) }));
  }
  const view = viewOf(await classifyInChunks(sample, thresholds));
  const whole = kind === 'snapshot' && !options.tag && sample.models.length === ctx.hub.status().snapshotModels;
  return { view, kind, tag: options.tag, source: sample.source, notes, whole };
}

/** The sample in `--json`; `models` is how many the reply counted (for /trend: those created since `since`). */
export function sampleData(sample: AnalysisSample, models = sample.view.length, since: string | null = null): SampleData {
  return { kind: sample.kind, models, sampleSize: sample.view.length, since, collectedAt: sample.source.collectedAt };
}

/** "all 2,143,550 models on the Hub created since 2023-01 (census of 2026-12-01)", "the 10,000 most downloaded models (the study's sample)". */
export function sampleWords(sample: AnalysisSample, locale: Locale, models = sample.view.length, since: string | null = null): string {
  return t(locale, `sample.${sample.kind}`, {
    count: formatCount(models, locale),
    // The whole sample the counted models were taken from ("the 42 created since 2023-01 among the 100 most downloaded").
    of: formatCount(sample.view.length, locale),
    tag: sample.tag ?? 'none',
    since: since ?? 'none',
    date: formatDate(sample.source.collectedAt),
    whole: sample.whole ? 'yes' : 'no',
  });
}

/** "Sample: …." */
export function sampleNote(sample: AnalysisSample, locale: Locale, models?: number, since: string | null = null): string {
  return t(locale, 'sample.note', { words: sampleWords(sample, locale, models, since) });
}

/** How many models of the sample have no known parameter count. */
export const unknownCount = (sample: AnalysisSample) => verdictCounts(sample.view).unknown;

/** The note every sample-based reply carries: unknown counts are shown apart, never as LLMs. */
export function unknownNote(unknown: number, total: number, locale: Locale): string {
  return t(locale, 'samples.unknownNote', { unknown, total });
}

/** Chart titles name what was counted: "text-generation, all 2,143,550 models", "all tasks, top 10,000 by downloads". */
export function sampleScope(sample: AnalysisSample, locale: Locale, models = sample.view.length): string {
  return t(locale, 'charts.scope', { tag: optional(sample.tag), kind: sample.kind, count: models });
}

/** The lines under a sample chart: the sample, the thresholds in effect, the data source. */
export function sampleCaption(sample: AnalysisSample, thresholds: Thresholds, locale: Locale, models?: number, since: string | null = null): string[] {
  return [t(locale, 'charts.sample', { sample: sampleWords(sample, locale, models, since) }), thresholdsLine(thresholds, locale), sourceLine(sample.source, locale)];
}

/** "Verdicts: SLM < 7B ≤ borderline < 20B ≤ LLM", for chart captions. */
export function thresholdsLine(thresholds: Thresholds, locale: Locale): string {
  return t(locale, 'charts.thresholds', { slm: formatParameters(thresholds.slmBelow, locale), llm: formatParameters(thresholds.llmFrom, locale) });
}

/** "all 2,143,550 models on the Hub (census of 2026-12-01)": what /classify compares a model with. */
export function censusWords(census: CensusStore, locale: Locale): string {
  const date = formatDate(census.collectedAt() ?? null);
  return t(locale, 'sample.census', { count: formatCount(census.size, locale), tag: 'none', since: 'none', date });
}

/** "the 10,000 most downloaded models (the study's sample)", or the snapshot's words when the list came from it. */
export function topWords(models: number, fromSnapshot: boolean, wholeSnapshot: boolean, locale: Locale): string {
  return t(locale, fromSnapshot ? 'sample.snapshot' : 'sample.top', { count: formatCount(models, locale), of: formatCount(models, locale), tag: 'none', since: 'none', whole: wholeSnapshot ? 'yes' : 'no' });
}
