// /lifespan (the study's H5): do SLMs keep their downloads longer than LLMs?
// Each verdict's 30-day downloads are split by the month its models were created.
import { monthOf, monthRange, oneYearBefore } from './months.js';
import type { Verdict } from './types.js';
import { isoWeekStartUtc } from './weeks.js';
import type { ClassifiedModel } from './verdict.js';

type Group = 'slm' | 'borderline' | 'llm';
const GROUP: Record<string, Group | undefined> = { SLM: 'slm', borderline: 'borderline', LLM: 'llm' };

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

export function lifespanOf(sample: readonly ClassifiedModel[], options: { collectedAt: Date }): LifespanResult {
  const cutoff = oneYearBefore(options.collectedAt);
  const totals: Record<Group, number> = { slm: 0, borderline: 0, llm: 0 };
  const older: Record<Group, number> = { slm: 0, borderline: 0, llm: 0 };
  const byMonth = new Map<string, Record<Group, number>>();
  let undated = 0;
  let unknown = 0;
  for (const c of sample) {
    const group = GROUP[c.verdict];
    if (!group) {
      unknown++;
      continue;
    }
    const month = monthOf(c.model.createdAt);
    if (!month) {
      undated++;
      continue;
    }
    const downloads = c.model.downloads ?? 0;
    totals[group] += downloads;
    if (new Date(c.model.createdAt!) < cutoff) older[group] += downloads;
    const row = byMonth.get(month) ?? { slm: 0, borderline: 0, llm: 0 };
    row[group] += downloads;
    byMonth.set(month, row);
  }
  const share = (part: number, whole: number) => (whole ? part / whole : 0);
  const known = [...byMonth.keys()].sort();
  const months = known.length
    ? monthRange(known[0], [known.at(-1)!, monthOf(options.collectedAt)!].sort()[1]).map((month) => {
        const row = byMonth.get(month) ?? { slm: 0, borderline: 0, llm: 0 };
        return {
          month,
          slmDownloadShare: share(row.slm, totals.slm),
          llmDownloadShare: share(row.llm, totals.llm),
          borderlineDownloadShare: share(row.borderline, totals.borderline),
        };
      })
    : [];
  const olderShare = (g: Group) => (totals[g] ? older[g] / totals[g] : null);
  return {
    months,
    olderThan12Months: { slm: olderShare('slm'), llm: olderShare('llm'), borderline: olderShare('borderline') },
    cutoff: cutoff.toISOString(),
    totals,
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
