// /share: how many models of a sample fall in each verdict.
import { VERDICTS, type Verdict } from './types.js';
import type { ClassifiedModel } from './verdict.js';
import { asView, verdictCounts, type ModelView } from './view.js';

export interface ShareResult {
  counts: Record<Verdict, number>;
  total: number;
  /** Share (0..1) of each verdict among all models, unknown included. */
  shares: Record<Verdict, number>;
  /** SLM share (0..1) among models with a known count; null when none is known. */
  slmShareOfKnown: number | null;
}

export function emptyVerdictCounts(): Record<Verdict, number> {
  return { SLM: 0, borderline: 0, LLM: 0, unknown: 0 };
}

export function shareOf(sample: readonly ClassifiedModel[] | ModelView): ShareResult {
  const view = asView(sample);
  const counts = verdictCounts(view);
  const total = view.length;
  const shares = emptyVerdictCounts();
  for (const v of VERDICTS) shares[v] = total ? counts[v] / total : 0;
  const known = total - counts.unknown;
  return { counts, total, shares, slmShareOfKnown: known ? counts.SLM / known : null };
}
