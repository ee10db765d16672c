// /lifespan (the study's H5): do SLMs keep their downloads longer than LLMs?
// Each verdict's 30-day downloads are split by the month its models were created.
import { CREATED_BACKFILL, FLOOR_MONTH } from './date-floor.js';
import { DAY_MS, dayOf, monthIndexOf, monthIndexOfDay, monthOf, monthOfIndex, NO_DAY, oneYearBefore } from './months.js';
import type { Verdict } from './types.js';
import { isoWeekStartUtc } from './weeks.js';
import type { ClassifiedModel } from './verdict.js';
import { asView, UNKNOWN_CODE, type ModelView } from './view.js';

type Group = 'slm' | 'borderline' | 'llm';

/** Each group's share (0..1) of its downloads going to some models; null for a group without downloads. */
export type GroupShares = Record<Group, number | null>;

export interface LifespanMonth {
  month: string;
  /** Share (0..1) of all SLM downloads that went to SLMs created this month. */
  slmDownloadShare: number;
  llmDownloadShare: number;
  borderlineDownloadShare: number;
}

/** The study's sample was models created from 2023-01 on: its H5 figures compare with those only. */
export const STUDY_SINCE = '2023-01';
/**
 * What the study found (H5): SLMs created over a year before its collection drew about 40% of SLM
 * downloads, LLMs about 20% of LLM downloads ("LLM vs SLM", Polytech Nice-Sophia, 2025).
 */
export const STUDY_OLDER_THAN_12_MONTHS = { slm: 0.4, llm: 0.2 } as const;

export interface LifespanResult {
  /** Real creation months, oldest first; the Hub's backfilled models are in `beforeFloor`, never in a month. */
  months: LifespanMonth[];
  /** Downloads of the models the Hub dates only by its backfill (created on or before 2022-03-02): one bucket "before 2022-03"; null when there are none. */
  beforeFloor: (Omit<LifespanMonth, 'month'> & { before: string; models: number }) | null;
  /** Share of each group's downloads going to models created more than 12 months before collection, backfilled models included. */
  olderThan12Months: GroupShares;
  /** The same without the backfilled models, whose true age is unknown beyond "before 2022-03". */
  olderThan12MonthsWithoutFloor: GroupShares;
  /** The study's comparison: only models created since `since` (the study's 2023-01), against what the study found. */
  study: { since: string; olderThan12Months: GroupShares; found: { slm: number; llm: number } };
  /** Models created before this instant count as older than 12 months. */
  cutoff: string;
  totals: Record<Group, number>;
  /** Models with a known verdict but no creation date, left out. */
  undated: number;
  /** Models with an unknown count, left out. */
  unknown: number;
}

/**
 * Each verdict's downloads by creation month. "Older than 12 months" is decided by creation day: a model
 * created before the UTC day one year before collection (the day the reply names) counts as older.
 * Backfilled models are older than any cut-off after 2023-03, and one bucket apart from the months.
 */
export function lifespanOf(sample: readonly ClassifiedModel[] | ModelView, options: { collectedAt: Date; studySince?: string }): LifespanResult {
  const view = asView(sample);
  const cutoffDay = Math.floor(oneYearBefore(options.collectedAt).getTime() / DAY_MS);
  const studySince = options.studySince ?? STUDY_SINCE;
  const studyFromDay = dayOf(`${studySince}-01T00:00:00Z`);
  // Per verdict code (SLM 0, borderline 1, LLM 2): all downloads and those of models older than the
  // cut-off; the same for the backfilled models, and for the models of the study's period.
  const totals = [0, 0, 0];
  const older = [0, 0, 0];
  const floorTotals = [0, 0, 0];
  const floorOlder = [0, 0, 0];
  const studyTotals = [0, 0, 0];
  const studyOlder = [0, 0, 0];
  let floorModels = 0;
  // Downloads per month and verdict code, three per month, over a window from the first to the last
  // month seen (grown when a model falls outside it): typed arrays, no object per model or month.
  let base = 0;
  let byMonth = new Float64Array(0);
  let firstSeen = Infinity;
  let lastSeen = -Infinity;
  let undated = 0;
  let unknown = 0;
  const { verdict, createdDay, flags, downloads, rows, length } = view;
  for (let i = 0; i < length; i++) {
    const r = rows ? rows[i] : i;
    const v = verdict[r];
    if (v === UNKNOWN_CODE) {
      unknown++;
      continue;
    }
    const day = createdDay[r];
    if (day === NO_DAY) {
      undated++;
      continue;
    }
    const d = downloads[r];
    const isOlder = day < cutoffDay;
    totals[v] += d;
    if (isOlder) older[v] += d;
    if (day >= studyFromDay) {
      studyTotals[v] += d;
      if (isOlder) studyOlder[v] += d;
    }
    if (flags && flags[r] & CREATED_BACKFILL) {
      floorModels++;
      floorTotals[v] += d;
      if (isOlder) floorOlder[v] += d;
      continue;
    }
    const m = monthIndexOfDay(day);
    if (m < base || m >= base + byMonth.length / 3) {
      const from = Math.min(m, byMonth.length ? base : m) - 12;
      const to = Math.max(m, byMonth.length ? base + byMonth.length / 3 - 1 : m) + 12;
      const grown = new Float64Array((to - from + 1) * 3);
      if (byMonth.length) grown.set(byMonth, (base - from) * 3);
      byMonth = grown;
      base = from;
    }
    if (m < firstSeen) firstSeen = m;
    if (m > lastSeen) lastSeen = m;
    byMonth[(m - base) * 3 + v] += d;
  }
  const share = (part: number, whole: number) => (whole ? part / whole : 0);
  const months: LifespanMonth[] = [];
  if (firstSeen !== Infinity) {
    const last = Math.max(lastSeen, monthIndexOf(monthOf(options.collectedAt)!));
    for (let m = firstSeen; m <= last; m++) {
      const at = (m - base) * 3;
      const row = m <= lastSeen ? [byMonth[at], byMonth[at + 1], byMonth[at + 2]] : [0, 0, 0];
      months.push({
        month: monthOfIndex(m),
        slmDownloadShare: share(row[0], totals[0]),
        llmDownloadShare: share(row[2], totals[2]),
        borderlineDownloadShare: share(row[1], totals[1]),
      });
    }
  }
  const shares = (part: number[], whole: number[]): GroupShares => {
    const of = (v: number) => (whole[v] ? part[v] / whole[v] : null);
    return { slm: of(0), llm: of(2), borderline: of(1) };
  };
  const minus = (a: number[], b: number[]) => a.map((x, v) => x - b[v]);
  return {
    months,
    beforeFloor: floorModels
      ? {
          before: FLOOR_MONTH,
          models: floorModels,
          slmDownloadShare: share(floorTotals[0], totals[0]),
          llmDownloadShare: share(floorTotals[2], totals[2]),
          borderlineDownloadShare: share(floorTotals[1], totals[1]),
        }
      : null,
    olderThan12Months: shares(older, totals),
    olderThan12MonthsWithoutFloor: shares(minus(older, floorOlder), minus(totals, floorTotals)),
    study: { since: studySince, olderThan12Months: shares(studyOlder, studyTotals), found: { ...STUDY_OLDER_THAN_12_MONTHS } },
    cutoff: new Date(cutoffDay * DAY_MS).toISOString(),
    totals: { slm: totals[0], borderline: totals[1], llm: totals[2] },
    undated,
    unknown,
  };
}

/** One model's 30-day downloads as the bot recorded them in a week (see src/digest/history.ts). */
export interface RecordedDownloads {
  isoWeek: string;
  downloads: number;
  verdict: Verdict;
  createdAt: string | null;
}

export interface LifespanWeek {
  week: string;
  /** Share (0..1) of the recorded top models' downloads that went to SLMs (among known verdicts). */
  slmDownloadShare: number | null;
  /** Share (0..1) of each group's downloads going to models created over 12 months before that week. */
  olderThan12Months: { slm: number | null; llm: number | null };
}

/** How the downloads of the top models moved, week by week, from what the bot recorded. */
export function lifespanHistoryOf(rows: readonly RecordedDownloads[]): LifespanWeek[] {
  const weeks = new Map<string, RecordedDownloads[]>();
  for (const r of rows) weeks.set(r.isoWeek, [...(weeks.get(r.isoWeek) ?? []), r]);
  return [...weeks.keys()].sort().map((week) => {
    const cutoff = oneYearBefore(isoWeekStartUtc(week));
    const of = (verdict: Verdict) => weeks.get(week)!.filter((r) => r.verdict === verdict);
    const sum = (list: RecordedDownloads[]) => list.reduce((n, r) => n + r.downloads, 0);
    const olderShare = (list: RecordedDownloads[]) => {
      const total = sum(list);
      return total ? sum(list.filter((r) => r.createdAt !== null && new Date(r.createdAt) < cutoff)) / total : null;
    };
    const known = sum(of('SLM')) + sum(of('borderline')) + sum(of('LLM'));
    return {
      week,
      slmDownloadShare: known ? sum(of('SLM')) / known : null,
      olderThan12Months: { slm: olderShare(of('SLM')), llm: olderShare(of('LLM')) },
    };
  });
}
