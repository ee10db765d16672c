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
