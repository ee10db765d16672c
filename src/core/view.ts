// What the analyses read: columns of numbers, one entry per model, instead of one object per model.
// The census store hands out views of its typed-array columns; a classified sample (ClassifiedModel[])
// becomes a view through viewOf(), so every analysis has one implementation for both.
import { CREATED_BACKFILL } from './date-floor.js';
import { dayOf, NO_DAY } from './months.js';
import { VERDICTS, type Thresholds, type Verdict } from './types.js';
import type { ClassifiedModel } from './verdict.js';

/** Index of a verdict in VERDICTS: SLM 0, borderline 1, LLM 2, unknown 3. */
export const VERDICT_CODE: Record<Verdict, number> = { SLM: 0, borderline: 1, LLM: 2, unknown: 3 };
export const UNKNOWN_CODE = VERDICT_CODE.unknown;

export interface ModelView {
  /** How many models the view holds. */
  readonly length: number;
  /** Which rows of the columns belong to the view, in view order; absent = rows 0 … length-1. */
  readonly rows?: ArrayLike<number>;
  /** Verdict code per row (see VERDICT_CODE). */
  readonly verdict: ArrayLike<number>;
  /** Creation day per row, days since 1970-01-01 UTC; NO_DAY when unknown. */
  readonly createdDay: ArrayLike<number>;
  /** Bits per row; CREATED_BACKFILL: the creation day is the Hub's backfill, an upper bound. Absent = no bits set. */
  readonly flags?: ArrayLike<number>;
  /** 30-day downloads per row. */
  readonly downloads: ArrayLike<number>;
  /** Pipeline task per row, an index into taskNames; 0 = no task. */
  readonly task: ArrayLike<number>;
  /** taskNames[0] is the empty string (no task). */
  readonly taskNames: readonly string[];
}

/** Verdict codes of parameter counts (NaN = unknown) under some thresholds. */
export function verdictCodes(parameters: ArrayLike<number>, length: number, thresholds: Thresholds, out = new Uint8Array(length)): Uint8Array {
  const { slmBelow, llmFrom } = thresholds;
  for (let i = 0; i < length; i++) {
    const p = parameters[i];
    out[i] = p !== p ? 3 : p < slmBelow ? 0 : p < llmFrom ? 1 : 2;
  }
  return out;
}

/** A classified sample as columns (hand-made samples in tests, the top-N sample, the snapshot). */
export function viewOf(sample: readonly ClassifiedModel[]): ModelView {
  const n = sample.length;
  const verdict = new Uint8Array(n);
  const createdDay = new Int32Array(n);
  const flags = new Uint8Array(n);
  const downloads = new Float64Array(n);
  const task = new Uint16Array(n);
  const taskNames = [''];
  const taskIndex = new Map<string, number>([['', 0]]);
  for (let i = 0; i < n; i++) {
    const { model, verdict: v } = sample[i];
    verdict[i] = VERDICT_CODE[v];
    createdDay[i] = dayOf(model.createdAt);
    if (model.createdAtBackfill) flags[i] = CREATED_BACKFILL;
    downloads[i] = model.downloads ?? 0;
    const tag = model.pipelineTag ?? '';
    let t = taskIndex.get(tag);
    if (t === undefined) {
      t = taskNames.length;
      taskNames.push(tag);
      taskIndex.set(tag, t);
    }
    task[i] = t;
  }
  return { length: n, verdict, createdDay, flags, downloads, task, taskNames };
}

export function isView(sample: readonly ClassifiedModel[] | ModelView): sample is ModelView {
  return !Array.isArray(sample);
}

export const asView = (sample: readonly ClassifiedModel[] | ModelView): ModelView => (isView(sample) ? sample : viewOf(sample));

/** How many models of the view have each verdict, in VERDICTS order. */
export function verdictCounts(view: ModelView): Record<Verdict, number> {
  const counts = [0, 0, 0, 0];
  const { verdict, rows, length } = view;
  for (let i = 0; i < length; i++) counts[verdict[rows ? rows[i] : i]]++;
  return Object.fromEntries(VERDICTS.map((v, i) => [v, counts[i]])) as Record<Verdict, number>;
}

export { NO_DAY };
