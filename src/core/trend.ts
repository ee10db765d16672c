// /trend (the study's H4): is the SLM share of newly created models rising or falling?
import { monthOf, monthRange } from './months.js';
import type { ClassifiedModel } from './verdict.js';

export interface TrendMonth {
  month: string;
  slm: number;
  borderline: number;
  llm: number;
  unknown: number;
  /** slm / (slm + borderline + llm); null when no model of the month has a known count. */
  slmShare: number | null;
  /** The month the data was collected in: not over yet. */
  partial: boolean;
  /** Fewer than 10 models with a known count: the share says little. */
  lowConfidence: boolean;
}

export type Direction = 'rising' | 'falling' | 'flat' | 'unclear';

export interface TrendHeadline {
  direction: Direction;
  /** Least-squares slope of the SLM share, in percentage points per month. */
  slopePointsPerMonth: number | null;
  /** The complete months the headline looks at (up to the last 4). */
  months: string[];
  firstShare: number | null;
  lastShare: number | null;
}

export interface TrendResult {
  since: string;
  months: TrendMonth[];
  headline: TrendHeadline;
  /** Models without a creation date, left out. */
  undated: number;
  /** Models created before `since`, left out. */
  beforeSince: number;
}

export const LOW_CONFIDENCE_BELOW = 10;
/** A slope under 1 point a month either way is called flat. */
const FLAT_SLOPE = 1;

/** Least-squares slope of y over x = 0, 1, 2…; null with fewer than 2 points. */
export function slope(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

export function trendOf(sample: readonly ClassifiedModel[], options: { since: string; collectedAt: Date }): TrendResult {
  const lastMonth = monthOf(options.collectedAt)!;
  const months = new Map(
    monthRange(options.since, lastMonth).map((month) => [month, { month, slm: 0, borderline: 0, llm: 0, unknown: 0 }]),
  );
  let undated = 0;
  let beforeSince = 0;
  for (const c of sample) {
    const month = monthOf(c.model.createdAt);
    if (!month) undated++;
    else if (month < options.since) beforeSince++;
    const row = month ? months.get(month) : undefined;
    if (!row) continue;
    if (c.verdict === 'SLM') row.slm++;
    else if (c.verdict === 'borderline') row.borderline++;
    else if (c.verdict === 'LLM') row.llm++;
    else row.unknown++;
  }
  const rows: TrendMonth[] = [...months.values()].map((r) => {
    const known = r.slm + r.borderline + r.llm;
    return { ...r, slmShare: known ? r.slm / known : null, partial: r.month === lastMonth, lowConfidence: known < LOW_CONFIDENCE_BELOW };
  });
  return { since: options.since, months: rows, headline: headlineOf(rows), undated, beforeSince };
}

/** Direction of the SLM share over the last 4 complete months that have a share. */
function headlineOf(rows: readonly TrendMonth[]): TrendHeadline {
  const complete = rows.filter((r) => !r.partial).slice(-4).filter((r) => r.slmShare !== null);
  const shares = complete.map((r) => r.slmShare! * 100);
  const s = slope(shares);
  const direction: Direction = s === null ? 'unclear' : s > FLAT_SLOPE ? 'rising' : s < -FLAT_SLOPE ? 'falling' : 'flat';
  return {
    direction,
    slopePointsPerMonth: s,
    months: complete.map((r) => r.month),
    firstShare: complete[0]?.slmShare ?? null,
    lastShare: complete.at(-1)?.slmShare ?? null,
  };
}
