// /thresholds (the study's H1): there is no universal line; what publishers call their models.
import { PUBLISHER_LABELS, type PublisherLabel } from './publishers.js';
import type { Thresholds, Verdict } from './types.js';
import { verdictOf } from './verdict.js';

/** The study's reference lines, in billions: 7B (SLM limit), 14B, 20B (LLM from). */
export const STUDY_LINES_B = [7, 14, 20] as const;

export interface ThresholdZone {
  verdict: Exclude<Verdict, 'unknown'>;
  fromB: number | null;
  belowB: number | null;
  /** How many of the publishers' models of this zone carry each label. */
  labels: Record<string, number>;
  models: number;
}

export interface ThresholdsResult {
  thresholds: Thresholds;
  zones: ThresholdZone[];
  /** In the grey zone, models whose publisher calls them small or lightweight next to ones called LLMs. */
  disagreements: PublisherLabel[];
  rows: (PublisherLabel & { verdict: Verdict })[];
}

const SMALL_WORDS = /small|light/i;

export function thresholdsOf(thresholds: Thresholds): ThresholdsResult {
  const rows = PUBLISHER_LABELS.map((r) => ({ ...r, verdict: verdictOf(r.sizeB * 1e9, thresholds) }));
  const zone = (verdict: ThresholdZone['verdict'], fromB: number | null, belowB: number | null): ThresholdZone => {
    const inZone = rows.filter((r) => r.verdict === verdict);
    const labels: Record<string, number> = {};
    for (const r of inZone) labels[r.label] = (labels[r.label] ?? 0) + 1;
    return { verdict, fromB, belowB, labels, models: inZone.length };
  };
  const greyZone = rows.filter((r) => r.verdict === 'borderline');
  const callsSmall = greyZone.filter((r) => SMALL_WORDS.test(r.label));
  const callsLarge = greyZone.filter((r) => !SMALL_WORDS.test(r.label));
  return {
    thresholds,
    zones: [
      zone('SLM', null, thresholds.slmBelow / 1e9),
      zone('borderline', thresholds.slmBelow / 1e9, thresholds.llmFrom / 1e9),
      zone('LLM', thresholds.llmFrom / 1e9, null),
    ],
    disagreements: callsSmall.length && callsLarge.length ? greyZone : [],
    rows,
  };
}
