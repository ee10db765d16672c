// /benchmark (the study's H2): can a small specialised model beat a much larger one?
// Published results from data/reference/ (MedQA, BigCodeBench, RTE).
import bigcodebench from '../../data/reference/bigcodebench.json' with { type: 'json' };
import medqa from '../../data/reference/medqa.json' with { type: 'json' };
import rte from '../../data/reference/rte.json' with { type: 'json' };
import type { Thresholds, Verdict } from './types.js';
import { verdictOf } from './verdict.js';

export const BENCHMARK_DOMAINS = ['medical', 'code', 'nli'] as const;
export type BenchmarkDomain = (typeof BENCHMARK_DOMAINS)[number];

export interface BenchmarkEntry {
  model: string;
  /** Parameter count in billions; null when the publisher never said (closed models). */
  parametersB: number | null;
  score: number;
  /** `YYYY-MM` or `YYYY`, when the result is dated. */
  date: string | null;
  verdict: Verdict;
}

export interface BenchmarkResult {
  domain: BenchmarkDomain;
  benchmark: string;
  /** What the score measures, in percent. */
  metric: 'accuracy' | 'pass@1';
  /** Where the numbers were published (a citation). */
  source: string;
  entries: BenchmarkEntry[];
  bestSlm: BenchmarkEntry | null;
  bestLlm: BenchmarkEntry | null;
  /** The smallest model that scores above a larger one, and the largest model it beats. */
  smallestWinner: { model: BenchmarkEntry; beats: BenchmarkEntry; beatenCount: number } | null;
  /** Score points per billion parameters, best first (models with a known count). */
  perBillion: { model: string; parametersB: number; score: number; scorePerBillion: number }[];
}

interface ReferenceTable {
  columns: string[];
  rows: unknown[][];
  source_figure: string;
}

function rowsOf(table: ReferenceTable): Record<string, unknown>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
}

/** The last size printed in a label: `ST-MoE-32B 269B` → 269, `Dragon 360M` → 0.36. */
export function billionsFromLabel(label: string | null): number | null {
  const sizes = [...(label ?? '').matchAll(/(\d+(?:\.\d+)?)\s*([MB])\b/g)];
  const last = sizes.at(-1);
  if (!last) return null;
  return Number(last[1]) / (last[2] === 'M' ? 1000 : 1);
}

function entriesOf(domain: BenchmarkDomain, thresholds: Thresholds): Omit<BenchmarkResult, 'bestSlm' | 'bestLlm' | 'smallestWinner' | 'perBillion'> {
  const make = (model: string, parametersB: number | null, score: number, date: string | null): BenchmarkEntry => ({
    model,
    parametersB,
    score,
    date,
    verdict: verdictOf(parametersB === null ? null : parametersB * 1e9, thresholds),
  });
  if (domain === 'medical') {
    return {
      domain,
      benchmark: 'MedQA (USMLE)',
      metric: 'accuracy',
      source: 'MedMobile, arXiv 2410.09019, Fig. 1',
      entries: rowsOf(medqa).map((r) => make(String(r.model), billionsFromLabel(r.params_label as string | null), Number(r.accuracy_pct), String(r.date))),
    };
  }
  if (domain === 'code') {
    return {
      domain,
      benchmark: 'BigCodeBench',
      metric: 'pass@1',
      source: 'BigCodeBench leaderboard',
      entries: rowsOf(bigcodebench).map((r) => make(String(r.model), Number(r.size_B), Number(r.pass_at_1), null)),
    };
  }
  return {
    domain,
    benchmark: 'RTE (natural language inference)',
    metric: 'accuracy',
    source: 'RTE, LLM vs SLM study (Polytech Nice-Sophia, 2025)',
    entries: rowsOf(rte).map((r) => make(String(r.model), billionsFromLabel(String(r.model)), Number(r.accuracy_csv), String(r.year))),
  };
}

const best = (entries: BenchmarkEntry[]) => entries.reduce<BenchmarkEntry | null>((a, b) => (!a || b.score > a.score ? b : a), null);

export function benchmarkOf(domain: BenchmarkDomain, thresholds: Thresholds): BenchmarkResult {
  const base = entriesOf(domain, thresholds);
  const sized = base.entries.filter((e) => e.parametersB !== null);
  let smallestWinner: BenchmarkResult['smallestWinner'] = null;
  for (const candidate of [...sized].sort((a, b) => a.parametersB! - b.parametersB! || b.score - a.score)) {
    const beaten = sized.filter((e) => e.parametersB! > candidate.parametersB! && e.score < candidate.score);
    if (beaten.length) {
      const largest = beaten.reduce((a, b) => (b.parametersB! > a.parametersB! ? b : a));
      smallestWinner = { model: candidate, beats: largest, beatenCount: beaten.length };
      break;
    }
  }
  const perBillion = sized
    .map((e) => ({ model: e.model, parametersB: e.parametersB!, score: e.score, scorePerBillion: e.score / e.parametersB! }))
    .sort((a, b) => b.scorePerBillion - a.scorePerBillion);
  return {
    ...base,
    bestSlm: best(base.entries.filter((e) => e.verdict === 'SLM')),
    bestLlm: best(base.entries.filter((e) => e.verdict === 'LLM')),
    smallestWinner,
    perBillion,
  };
}
