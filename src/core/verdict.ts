// The verdict and the study's size bands, from a parameter count.
import type { Calibration } from './families.js';
import { resolveParameters, type ModelLookup, type ParameterCount } from './parameters.js';
import type { ModelRecord, Thresholds, Verdict } from './types.js';

/** SLM below `slmBelow`; borderline from `slmBelow` to below `llmFrom`; LLM from `llmFrom`. */
export function verdictOf(parameters: number | null, thresholds: Thresholds): Verdict {
  if (parameters === null) return 'unknown';
  if (parameters < thresholds.slmBelow) return 'SLM';
  if (parameters < thresholds.llmFrom) return 'borderline';
  return 'LLM';
}

export type SizeBand = 'very small' | 'sub-5B' | 'sub-10B' | 'large';

/** The study's size bands: very small (<1B), sub-5B, sub-10B, large (10B and more). */
export function sizeBandOf(parameters: number | null): SizeBand | null {
  if (parameters === null) return null;
  if (parameters < 1e9) return 'very small';
  if (parameters < 5e9) return 'sub-5B';
  if (parameters < 10e9) return 'sub-10B';
  return 'large';
}

export interface ClassifiedModel {
  model: ModelRecord;
  count: ParameterCount;
  verdict: Verdict;
}

/** Resolves the count and verdict of every model of a sample, names read with the sample's calibration. */
export function classifyAll(models: readonly ModelRecord[], lookup: ModelLookup, thresholds: Thresholds, calibration?: Calibration): ClassifiedModel[] {
  return models.map((model) => {
    const count = resolveParameters(model, lookup, calibration);
    return { model, count, verdict: verdictOf(count.parameters, thresholds) };
  });
}
