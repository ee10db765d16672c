// /classify and /compare: everything known about one model's parameter count and verdict.
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
  caveat?: ParameterCount['caveat'];
  band: SizeBand | null;
  task: string | null;
  downloads: number | null;
  likes: number | null;
  createdAt: string | null;
  url: string;
  percentile: TaskPercentile | null;
  publishers: PublisherLabel[];
}

/** Where a count sits among the counts of the same task's models (the model itself left out). */
export function taskPercentile(id: string, parameters: number | null, task: string | null, sample: readonly ClassifiedModel[]): TaskPercentile | null {
  if (parameters === null || !task) return null;
  const peers = sample.filter((c) => c.model.pipelineTag === task && c.count.parameters !== null && c.model.id !== id);
  if (peers.length === 0) return null;
  const smaller = peers.filter((c) => c.count.parameters! < parameters).length;
  return { task, percentile: (100 * smaller) / peers.length, among: peers.length };
}

export function classifyModel(model: ModelRecord, lookup: ModelLookup, thresholds: Thresholds, sample: readonly ClassifiedModel[] = []): ClassifyResult {
  const count = resolveParameters(model, lookup);
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
    url: `https://huggingface.co/${model.id}`,
    percentile: taskPercentile(model.id, count.parameters, model.pipelineTag ?? null, sample),
    publishers: publisherContext(count.parameters, 3, publisherOf(model.id)),
  };
  if (count.activeParameters !== undefined) result.activeParameters = count.activeParameters;
  if (count.baseModel !== undefined) result.baseModel = count.baseModel;
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
export function sizeHistogram(values: readonly number[], binsPerDecade = 2): HistogramBin[] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return [];
  const binOf = (v: number) => Math.floor(Math.log10(v) * binsPerDecade + 1e-9);
  const first = Math.min(...positive.map(binOf));
  const last = Math.max(...positive.map(binOf));
  const bins: HistogramBin[] = [];
  // Edges rounded to 3 significant digits (3.16B): exact enough to draw, short in a chart URL.
  const edge = (b: number) => Number((10 ** (b / binsPerDecade)).toPrecision(3));
  for (let b = first; b <= last; b++) bins.push({ from: edge(b), to: edge(b + 1), count: 0 });
  for (const v of positive) bins[binOf(v) - first].count++;
  return bins;
}
