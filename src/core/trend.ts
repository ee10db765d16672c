// /trend (the study's H4): is the SLM share of newly created models rising or falling?
// Periods are calendar months (from creation dates) or, for the bot's own history, ISO weeks.
import { monthIndexOf, monthIndexOfDay, monthOf, monthOfIndex, NO_DAY } from './months.js';
import type { ClassifiedModel } from './verdict.js';
import { asView, type ModelView } from './view.js';

export interface PeriodCounts {
  /** `YYYY-MM` for a month, `YYYY-Www` for an ISO week. */
  period: string;
  slm: number;
  borderline: number;
  llm: number;
  unknown: number;
}

export interface TrendPeriod extends PeriodCounts {
  /** slm / (slm + borderline + llm); null when no model of the period has a known count. */
  slmShare: number | null;
  /** The period the data was collected in: not over yet. */
  partial: boolean;
  /** Fewer than 10 models with a known count: the share says little. */
  lowConfidence: boolean;
}

export type Direction = 'rising' | 'falling' | 'flat' | 'unclear';

export interface TrendHeadline {
  direction: Direction;
  /** Least-squares slope of the SLM share, in percentage points per period. */
  slopePointsPerPeriod: number | null;
  /** The complete periods the headline looks at (up to the last 4 that have a share). */
  periods: string[];
  firstShare: number | null;
  lastShare: number | null;
}

export interface TrendResult {
  periods: TrendPeriod[];
  headline: TrendHeadline;
}

export interface MonthlyTrendResult extends TrendResult {
  since: string;
  /** Models without a creation date, left out. */
  undated: number;
  /** Models created before `since`, left out. */
  beforeSince: number;
}

export const LOW_CONFIDENCE_BELOW = 10;
/** A slope under 1 point a period either way is called flat. */
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

/** Shares, flags and the headline from counts per period, oldest first; `current` is the unfinished period. */
export function trendFromCounts(counts: readonly PeriodCounts[], current: string): TrendResult {
  const periods = counts.map((r) => {
    const known = r.slm + r.borderline + r.llm;
    return { ...r, slmShare: known ? r.slm / known : null, partial: r.period === current, lowConfidence: known < LOW_CONFIDENCE_BELOW };
  });
  return { periods, headline: headlineOf(periods) };
}

/** Models of the sample counted by creation month (UTC) from `since` to the month the data was collected. */
export function trendOf(sample: readonly ClassifiedModel[] | ModelView, options: { since: string; collectedAt: Date }): MonthlyTrendResult {
  const view = asView(sample);
  const lastMonth = monthOf(options.collectedAt)!;
  const first = monthIndexOf(options.since);
  const last = monthIndexOf(lastMonth);
  const months = Math.max(0, last - first + 1);
  // Four counters per month, in verdict-code order: slm, borderline, llm, unknown.
  const counts = new Int32Array(months * 4);
  let undated = 0;
  let beforeSince = 0;
  const { createdDay, verdict, rows: selected, length } = view;
  for (let i = 0; i < length; i++) {
    const r = selected ? selected[i] : i;
    const day = createdDay[r];
    if (day === NO_DAY) {
      undated++;
      continue;
    }
    const m = monthIndexOfDay(day) - first;
    if (m < 0) beforeSince++;
    else if (m < months) counts[m * 4 + verdict[r]]++;
  }
  const rows: PeriodCounts[] = [];
  for (let m = 0; m < months; m++) {
    rows.push({ period: monthOfIndex(first + m), slm: counts[m * 4], borderline: counts[m * 4 + 1], llm: counts[m * 4 + 2], unknown: counts[m * 4 + 3] });
  }
  return { ...trendFromCounts(rows, lastMonth), since: options.since, undated, beforeSince };
}

/** Direction of the SLM share over the last 4 complete periods that have a share. */
function headlineOf(rows: readonly TrendPeriod[]): TrendHeadline {
  const complete = rows.filter((r) => !r.partial).slice(-4).filter((r) => r.slmShare !== null);
  const s = slope(complete.map((r) => r.slmShare! * 100));
  const direction: Direction = s === null ? 'unclear' : s > FLAT_SLOPE ? 'rising' : s < -FLAT_SLOPE ? 'falling' : 'flat';
  return {
    direction,
    slopePointsPerPeriod: s,
    periods: complete.map((r) => r.period),
    firstShare: complete[0]?.slmShare ?? null,
    lastShare: complete.at(-1)?.slmShare ?? null,
  };
}
