// The models an analysis command answers from, named honestly: the census of every model on the Hub
// (the default once its first walk has completed), the study's top-N-by-downloads sample (`sample:top`
// or `sample:N`, and the fallback until the census is ready), or the bundled snapshot.
import type { CommandContext } from './command.js';
import type { DataSource, Thresholds } from './core/types.js';
import { classifyAll } from './core/verdict.js';
import { verdictCounts, viewOf, type ModelView } from './core/view.js';
import { formatCount, formatDate, formatPercent } from './format.js';
import { t, type Locale } from './i18n.js';
import type { SampleChoice } from './options.js';

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
  models: number;
  since: string | null;
  collectedAt: string;
}

export async function analysisSample(ctx: CommandContext, options: { sample?: SampleChoice; tag?: string }, thresholds: Thresholds): Promise<AnalysisSample> {
  const wantsTop = options.sample === 'top' || typeof options.sample === 'number';
  const notes: string[] = [];
  // Loaded for the top-N sample too: its base models resolve inside the census, without Hub requests.
  const census = await ctx.hub.census();
  if (!wantsTop) {
    if (census) {
      const collectedAt = census.meta.lastSyncAt ?? census.meta.lastWalkAt!;
      return { view: census.view(thresholds, { tag: options.tag }), kind: 'census', tag: options.tag, source: { kind: 'census', collectedAt }, notes };
    }
  }
  const size = typeof options.sample === 'number' ? options.sample : ctx.config.SAMPLE_SIZE;
  const sample = await ctx.hub.sample({ tag: options.tag, size });
  notes.push(...sample.notes.map((n) => n[ctx.locale]));
  const kind: SampleKind = sample.source.kind === 'snapshot' ? 'snapshot' : 'top';
  if (!wantsTop && kind === 'top') {
    notes.push(t(ctx.locale, 'census.notReady', { percent: formatPercent(ctx.hub.censusProgress().walkPercent / 100, ctx.locale, 0), count: formatCount(sample.models.length, ctx.locale) }));
  }
  const view = viewOf(classifyAll(sample.models, sample.lookup, thresholds, sample.calibration));
  const whole = kind === 'snapshot' && !options.tag && sample.models.length === ctx.hub.status().snapshotModels;
  return { view, kind, tag: options.tag, source: sample.source, notes, whole };
}

/** The sample in `--json`; `models` is how many the reply counted (for /trend: those created since `since`). */
export function sampleData(sample: AnalysisSample, models = sample.view.length, since: string | null = null): SampleData {
  return { kind: sample.kind, models, since, collectedAt: sample.source.collectedAt };
}

/** "all 2,143,550 models on the Hub created since 2023-01 (census of 2026-12-01)", "the 10,000 most downloaded models (the study's sample)". */
export function sampleWords(sample: AnalysisSample, locale: Locale, models = sample.view.length, since: string | null = null): string {
  return t(locale, `sample.${sample.kind}`, {
    count: formatCount(models, locale),
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
