// /trend (the study's H4): is the SLM share of newly created models rising or falling?
// Periods are calendar months (from creation dates) or, for the bot's own history, ISO weeks.
import { CREATED_BACKFILL, FLOOR_MONTH } from './date-floor.js';
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
  /** Fewer than `rules.minKnown` models with a known count: the share says little, and no direction is read from it. */
  lowConfidence: boolean;
}

export type Direction = 'rising' | 'falling' | 'flat' | 'unclear';

/** When a direction may be stated. */
export interface TrendRules {
  /** A period counts toward a direction only with at least this many models of known size. */
  minKnown: number;
  /** A direction needs at least this many such periods among the last `window` complete ones. */
  minPeriods: number;
  /** How many of the last complete periods the headline looks at. */
  window: number;
}

export const DEFAULT_TREND_RULES: TrendRules = { minKnown: 10, minPeriods: 3, window: 4 };

export interface TrendHeadline {
  /** 'unclear' when fewer than `rules.minPeriods` of the window's periods have enough known models. */
  direction: Direction;
  /** Least-squares slope of the SLM share over the periods used, in percentage points per period. */
  slopePointsPerPeriod: number | null;
  /** The last complete periods the headline looks at (up to `rules.window`), oldest first. */
  window: string[];
  /** Those of them with at least `rules.minKnown` models of known size: the direction is read from these only. */
  periods: string[];
  /** The SLM share of the first and last period used; null without a direction. */
  firstShare: number | null;
  lastShare: number | null;
  rules: TrendRules;
}

export interface TrendResult {
  periods: TrendPeriod[];
  headline: TrendHeadline;
}

/** Models created before 2022-03: those the Hub dates only by its backfill (on or before 2022-03-02), counted as one bucket. */
export interface FloorBucket extends Omit<TrendPeriod, 'period' | 'partial'> {
  /** The bucket's label: "before 2022-03". */
  before: string;
}

export interface MonthlyTrendResult extends TrendResult {
  since: string;
  /** Models without a creation date, left out. */
  undated: number;
  /** Models created before `since`, left out. */
  beforeSince: number;
  /** When `since` reaches back to the floor month: the models created before it (the backfilled ones), one bucket before the months; else null (they are before `since`). */
  beforeFloor: FloorBucket | null;
}

/** A slope under 1 point a period either way is called flat. */
const FLAT_SLOPE = 1;

/** Least-squares slope of y over x (x = 0, 1, 2… unless given); null with fewer than 2 points. */
export function slope(values: readonly number[], xs: readonly number[] = values.map((_, i) => i)): number | null {
  const n = values.length;
  if (n < 2) return null;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, i) => {
    num += (xs[i] - meanX) * (y - meanY);
    den += (xs[i] - meanX) ** 2;
  });
  return den === 0 ? null : num / den;
}

/** The share and confidence of one set of counts. */
function sharesOf(counts: Omit<PeriodCounts, 'period'>, minKnown: number) {
  const known = counts.slm + counts.borderline + counts.llm;
  return { slmShare: known ? counts.slm / known : null, lowConfidence: known < minKnown };
}

/** Shares, flags and the headline from counts per period, oldest first; `current` is the unfinished period. */
export function trendFromCounts(counts: readonly PeriodCounts[], current: string, rules: TrendRules = DEFAULT_TREND_RULES): TrendResult {
  const periods = counts.map((r) => ({ ...r, ...sharesOf(r, rules.minKnown), partial: r.period === current }));
  return { periods, headline: headlineOf(periods, rules) };
}

/**
 * Models of the sample counted by creation month (UTC) from `since` to the month the data was collected.
 * Models dated by the Hub's backfill are never counted in its month: when `since` reaches back to
 * 2022-03 they are one bucket "before 2022-03" (with any model dated between `since` and then) and the
 * months start at 2022-03; otherwise they were created before `since`.
 */
export function trendOf(sample: readonly ClassifiedModel[] | ModelView, options: { since: string; collectedAt: Date; rules?: TrendRules }): MonthlyTrendResult {
  const rules = options.rules ?? DEFAULT_TREND_RULES;
  const view = asView(sample);
  const lastMonth = monthOf(options.collectedAt)!;
  const floorShown = options.since <= FLOOR_MONTH;
  // With the bucket shown, the months start at the floor month: the bucket holds everything before it.
  const sinceIndex = monthIndexOf(options.since);
  const first = floorShown ? monthIndexOf(FLOOR_MONTH) : sinceIndex;
  const last = monthIndexOf(lastMonth);
  const months = Math.max(0, last - first + 1);
  // Four counters per month, in verdict-code order: slm, borderline, llm, unknown.
  const counts = new Int32Array(months * 4);
  const floor = new Int32Array(4);
  let undated = 0;
  let beforeSince = 0;
  const { createdDay, verdict, flags, rows: selected, length } = view;
  for (let i = 0; i < length; i++) {
    const r = selected ? selected[i] : i;
    const day = createdDay[r];
    if (day === NO_DAY) {
      undated++;
      continue;
    }
    if (flags && flags[r] & CREATED_BACKFILL) {
      if (floorShown) floor[verdict[r]]++;
      else beforeSince++;
      continue;
    }
    const month = monthIndexOfDay(day);
    if (month < sinceIndex) beforeSince++;
    else if (month < first) floor[verdict[r]]++;
    else if (month - first < months) counts[(month - first) * 4 + verdict[r]]++;
  }
  const rows: PeriodCounts[] = [];
  for (let m = 0; m < months; m++) {
    rows.push({ period: monthOfIndex(first + m), slm: counts[m * 4], borderline: counts[m * 4 + 1], llm: counts[m * 4 + 2], unknown: counts[m * 4 + 3] });
  }
  const floorCounts = { slm: floor[0], borderline: floor[1], llm: floor[2], unknown: floor[3] };
  const beforeFloor = floorShown ? { before: FLOOR_MONTH, ...floorCounts, ...sharesOf(floorCounts, rules.minKnown) } : null;
  return { ...trendFromCounts(rows, lastMonth, rules), since: options.since, undated, beforeSince, beforeFloor };
}

/**
 * The direction of the SLM share, stated only from the last `window` complete periods that have at
 * least `minKnown` models of known size, and only when at least `minPeriods` of them do; the slope is
 * fitted at each period's place in the window, so a skipped period leaves its gap.
 */
function headlineOf(rows: readonly TrendPeriod[], rules: TrendRules): TrendHeadline {
  const window = rows.filter((r) => !r.partial).slice(-rules.window);
  const used = window.map((r, x) => ({ r, x })).filter(({ r }) => !r.lowConfidence && r.slmShare !== null);
  const enough = used.length >= rules.minPeriods;
  const s = enough ? slope(used.map(({ r }) => r.slmShare! * 100), used.map(({ x }) => x)) : null;
  const direction: Direction = s === null ? 'unclear' : s > FLAT_SLOPE ? 'rising' : s < -FLAT_SLOPE ? 'falling' : 'flat';
  return {
    direction,
    slopePointsPerPeriod: s,
    window: window.map((r) => r.period),
    periods: used.map(({ r }) => r.period),
    firstShare: enough ? used[0].r.slmShare : null,
    lastShare: enough ? used.at(-1)!.r.slmShare : null,
    rules,
  };
}
