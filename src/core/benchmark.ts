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
  /** Published total parameter count in billions; null when the publisher never disclosed it (closed models). */
  parametersB: number | null;
  /** Parameters a mixture of experts uses per token, in billions. */
  activeB?: number;
  /** Where the count comes from (paper, model card, Hub page), or why it is undisclosed. */
  parametersSource: string;
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
  /**
   * The study's headline case: the best model under 5B parameters (the study's sub-5B band and
   * below) and the largest model it beats, with how many times larger that model is.
   */
  headline: { model: BenchmarkEntry; beats: BenchmarkEntry; timesLarger: number } | null;
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

/** Below this many billions a model is in the study's sub-5B band or below: the small models its headline cases are about. */
const HEADLINE_BELOW_B = 5;

function entriesOf(domain: BenchmarkDomain, thresholds: Thresholds): Omit<BenchmarkResult, 'bestSlm' | 'bestLlm' | 'smallestWinner' | 'headline' | 'perBillion'> {
  // The published sizes (parameters_B, active_parameters_B, parameters_source) every reference row carries.
  const make = (row: Record<string, unknown>, model: string, score: number, date: string | null): BenchmarkEntry => {
    const parametersB = typeof row.parameters_B === 'number' ? row.parameters_B : null;
    const entry: BenchmarkEntry = {
      model,
      parametersB,
      parametersSource: String(row.parameters_source),
      score,
      date,
      verdict: verdictOf(parametersB === null ? null : parametersB * 1e9, thresholds),
    };
    if (typeof row.active_parameters_B === 'number') entry.activeB = row.active_parameters_B;
    return entry;
  };
  if (domain === 'medical') {
    return {
      domain,
      benchmark: 'MedQA (USMLE)',
      metric: 'accuracy',
      source: 'MedMobile, arXiv 2410.09019, Fig. 1',
      entries: rowsOf(medqa).map((r) => make(r, String(r.model), Number(r.accuracy_pct), String(r.date))),
    };
  }
  if (domain === 'code') {
    return {
      domain,
      benchmark: 'BigCodeBench',
      metric: 'pass@1',
      source: 'BigCodeBench leaderboard',
      entries: rowsOf(bigcodebench).map((r) => make(r, String(r.model), Number(r.pass_at_1), null)),
    };
  }
  return {
    domain,
    benchmark: 'RTE (natural language inference)',
    metric: 'accuracy',
    source: 'RTE, LLM vs SLM study (Polytech Nice-Sophia, 2025)',
    entries: rowsOf(rte).map((r) => make(r, String(r.model), Number(r.accuracy_csv), String(r.year))),
  };
}

const best = (entries: BenchmarkEntry[]) => entries.reduce<BenchmarkEntry | null>((a, b) => (!a || b.score > a.score ? b : a), null);

/**
 * The size a "beats a larger model" claim compares: the total, or for a mixture of experts its
 * active parameters, so that no claim makes a mixture look larger than the work it does per token.
 */
const comparedB = (e: BenchmarkEntry) => e.activeB ?? e.parametersB!;

/** The models with a known size that are larger than `winner` and score lower, and the largest of them. */
function beatenBy(winner: BenchmarkEntry, sized: BenchmarkEntry[]): { beaten: BenchmarkEntry[]; largest: BenchmarkEntry | null } {
  const beaten = sized.filter((e) => comparedB(e) > comparedB(winner) && e.score < winner.score);
  return { beaten, largest: beaten.reduce<BenchmarkEntry | null>((a, b) => (!a || comparedB(b) > comparedB(a) ? b : a), null) };
}

export function benchmarkOf(domain: BenchmarkDomain, thresholds: Thresholds): BenchmarkResult {
  const base = entriesOf(domain, thresholds);
  // Undisclosed sizes are never placed on a size axis, nor counted as larger or smaller than anything.
  const sized = base.entries.filter((e) => e.parametersB !== null);
  let smallestWinner: BenchmarkResult['smallestWinner'] = null;
  for (const candidate of [...sized].sort((a, b) => comparedB(a) - comparedB(b) || b.score - a.score)) {
    const { beaten, largest } = beatenBy(candidate, sized);
    if (largest) {
      smallestWinner = { model: candidate, beats: largest, beatenCount: beaten.length };
      break;
    }
  }
  const small = best(sized.filter((e) => e.parametersB! < HEADLINE_BELOW_B));
  const upset = small && beatenBy(small, sized).largest;
  const headline = small && upset ? { model: small, beats: upset, timesLarger: comparedB(upset) / comparedB(small) } : null;
  const perBillion = sized
    .map((e) => ({ model: e.model, parametersB: e.parametersB!, score: e.score, scorePerBillion: e.score / e.parametersB! }))
    .sort((a, b) => b.scorePerBillion - a.scorePerBillion);
  return {
    ...base,
    bestSlm: best(base.entries.filter((e) => e.verdict === 'SLM')),
    bestLlm: best(base.entries.filter((e) => e.verdict === 'LLM')),
    smallestWinner,
    headline,
    perBillion,
  };
}
