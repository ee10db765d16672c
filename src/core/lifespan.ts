// /lifespan (the study's H5): do SLMs keep their downloads longer than LLMs?
// Each verdict's 30-day downloads are split by the month its models were created.
import { DAY_MS, monthIndexOf, monthIndexOfDay, monthOf, monthOfIndex, NO_DAY, oneYearBefore } from './months.js';
import type { Verdict } from './types.js';
import { isoWeekStartUtc } from './weeks.js';
import type { ClassifiedModel } from './verdict.js';
import { asView, UNKNOWN_CODE, type ModelView } from './view.js';

type Group = 'slm' | 'borderline' | 'llm';

export interface LifespanMonth {
  month: string;
  /** Share (0..1) of all SLM downloads that went to SLMs created this month. */
  slmDownloadShare: number;
  llmDownloadShare: number;
  borderlineDownloadShare: number;
}

export interface LifespanResult {
  months: LifespanMonth[];
  /** Share (0..1) of each group's downloads going to models created more than 12 months before collection; null without downloads. */
  olderThan12Months: { slm: number | null; llm: number | null; borderline: number | null };
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
 */
export function lifespanOf(sample: readonly ClassifiedModel[] | ModelView, options: { collectedAt: Date }): LifespanResult {
  const view = asView(sample);
  const cutoffDay = Math.floor(oneYearBefore(options.collectedAt).getTime() / DAY_MS);
  // Per verdict code (SLM 0, borderline 1, LLM 2): all downloads, and those of models older than the cut-off.
  const totals = [0, 0, 0];
  const older = [0, 0, 0];
  // Downloads per month and verdict code, three per month, over a window from the first to the last
  // month seen (grown when a model falls outside it): typed arrays, no object per model or month.
  let base = 0;
  let byMonth = new Float64Array(0);
  let firstSeen = Infinity;
  let lastSeen = -Infinity;
  let undated = 0;
  let unknown = 0;
  const { verdict, createdDay, downloads, rows, length } = view;
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
    totals[v] += d;
    if (day < cutoffDay) older[v] += d;
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
  const olderShare = (v: number) => (totals[v] ? older[v] / totals[v] : null);
  return {
    months,
    olderThan12Months: { slm: olderShare(0), llm: olderShare(2), borderline: olderShare(1) },
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
