// /classify and /compare: everything known about one model's parameter count and verdict.
import type { ConfigEstimate } from './config-size.js';
import type { Calibration } from './families.js';
import { resolveParameters, type ModelLookup, type ParameterCount } from './parameters.js';
import { publisherContext, publisherOf, type PublisherLabel } from './publishers.js';
import type { ModelRecord, ParameterSource, Thresholds, Verdict } from './types.js';
import { sizeBandOf, verdictOf, type ClassifiedModel, type SizeBand } from './verdict.js';

export interface TaskPercentile {
  task: string;
  /** Share (0..100) of the task's other models in the sample with a smaller parameter count. */
  percentile: number;
  /** How many other models of the task in the sample have a known count. */
  among: number;
}

export interface ClassifyResult {
  id: string;
  parameters: number | null;
  parameterSource: ParameterSource | null;
  verdict: Verdict;
  activeParameters?: number;
  baseModel?: string;
  /** The family that gave the count (table entry or learned key), with how many measured models and their 10th–90th percentile. */
  family?: string;
  familyModels?: number;
  familyRange?: [number, number];
  /** What a config.json estimate was computed from. */
  config?: ConfigEstimate;
  caveat?: ParameterCount['caveat'];
  band: SizeBand | null;
  task: string | null;
  downloads: number | null;
  likes: number | null;
  createdAt: string | null;
  /** createdAt is the Hub's backfill: created on or before that day (shown as "before March 2022"). */
  createdAtBackfill: boolean;
  url: string;
  percentile: TaskPercentile | null;
  publishers: PublisherLabel[];
}

/** A task's known counts sorted ascending (the census keeps one per task), and the model's own count among them, if it is. */
export interface TaskPeers {
  sorted: ArrayLike<number>;
  self: number | null;
}

/** How many of `sorted` (ascending) are below `value`: a binary search. */
export function countBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a count sits among the counts of the same task's models (the model itself left out). */
export function taskPercentile(id: string, parameters: number | null, task: string | null, sample: readonly ClassifiedModel[] | TaskPeers): TaskPercentile | null {
  if (parameters === null || !task) return null;
  if (!Array.isArray(sample)) {
    const { sorted, self } = sample as TaskPeers;
    const among = sorted.length - (self === null ? 0 : 1);
    if (among <= 0) return null;
    const smaller = countBelow(sorted, parameters) - (self !== null && self < parameters ? 1 : 0);
    return { task, percentile: (100 * smaller) / among, among };
  }
  sample = sample as readonly ClassifiedModel[];
  const peers = sample.filter((c) => c.model.pipelineTag === task && c.count.parameters !== null && c.model.id !== id);
  if (peers.length === 0) return null;
  const smaller = peers.filter((c) => c.count.parameters! < parameters).length;
  return { task, percentile: (100 * smaller) / peers.length, among: peers.length };
}

/** Sources a config.json estimate is better than: nothing, a bare size in a name, a family median. */
const WEAKER_THAN_CONFIG = new Set<ParameterSource | null>([null, 'name', 'family_median']);

/** Whether a config.json estimate would be the best count a model with this source has (worth one request to the Hub). */
export function wantsConfig(source: ParameterSource | null): boolean {
  return WEAKER_THAN_CONFIG.has(source);
}

export interface ClassifyOptions {
  calibration?: Calibration;
  /** An estimate from the repo's config.json, used only where no better source exists. */
  config?: ConfigEstimate | null;
}

export function classifyModel(model: ModelRecord, lookup: ModelLookup, thresholds: Thresholds, sample: readonly ClassifiedModel[] | TaskPeers = [], options: ClassifyOptions = {}): ClassifyResult {
  const resolved = resolveParameters(model, lookup, options.calibration);
  const fromConfig = options.config && wantsConfig(resolved.source);
  const count: ParameterCount = fromConfig ? { parameters: options.config!.parameters, source: 'config' } : resolved;
  const result: ClassifyResult = {
    id: model.id,
    parameters: count.parameters,
    parameterSource: count.source,
    verdict: verdictOf(count.parameters, thresholds),
    band: sizeBandOf(count.parameters),
    task: model.pipelineTag ?? null,
    downloads: model.downloads ?? null,
    likes: model.likes ?? null,
    createdAt: model.createdAt ?? null,
    createdAtBackfill: model.createdAtBackfill === true,
    url: `https://huggingface.co/${model.id}`,
    percentile: taskPercentile(model.id, count.parameters, model.pipelineTag ?? null, sample),
    publishers: publisherContext(count.parameters, 3, publisherOf(model.id)),
  };
  if (count.activeParameters !== undefined) result.activeParameters = count.activeParameters;
  if (count.baseModel !== undefined) result.baseModel = count.baseModel;
  if (count.family !== undefined) result.family = count.family;
  if (count.familyModels !== undefined) result.familyModels = count.familyModels;
  if (count.familyRange !== undefined) result.familyRange = count.familyRange;
  if (fromConfig) result.config = options.config!;
  if (count.caveat !== undefined) result.caveat = count.caveat;
  return result;
}

export interface HistogramBin {
  /** Lower edge, in parameters (included). */
  from: number;
  /** Upper edge, in parameters (excluded). */
  to: number;
  count: number;
}

/**
 * Counts parameter counts in logarithmic bins of half a decade (1M, 3.16M, 10M, …), from the bin of
 * the smallest value to the bin of the largest. Empty input gives no bins.
 */
export function sizeHistogram(values: ArrayLike<number>, binsPerDecade = 2): HistogramBin[] {
  return sizeHistogramOfSorted(Float64Array.from(values).sort(), binsPerDecade);
}

/**
 * The same from counts already sorted ascending (the census's per-task columns): two binary searches
 * per bin, however many models the task has.
 */
export function sizeHistogramOfSorted(sorted: ArrayLike<number>, binsPerDecade = 2): HistogramBin[] {
  const start = countBelow(sorted, Number.MIN_VALUE); // skip counts of 0 or less
  if (start === sorted.length) return [];
  const binOf = (v: number) => Math.floor(Math.log10(v) * binsPerDecade + 1e-9);
  /** The smallest value whose bin is `b` or higher (binOf's 1e-9 tolerance included). */
  const lowest = (b: number) => 10 ** ((b - 1e-9) / binsPerDecade);
  const first = binOf(sorted[start]);
  const last = binOf(sorted[sorted.length - 1]);
  // Edges rounded to 3 significant digits (3.16B): exact enough to draw, short in a chart URL.
  const edge = (b: number) => Number((10 ** (b / binsPerDecade)).toPrecision(3));
  const bins: HistogramBin[] = [];
  for (let b = first; b <= last; b++) {
    const below = b === first ? start : countBelow(sorted, lowest(b));
    const upTo = b === last ? sorted.length : countBelow(sorted, lowest(b + 1));
    bins.push({ from: edge(b), to: edge(b + 1), count: upTo - below });
  }
  return bins;
}
