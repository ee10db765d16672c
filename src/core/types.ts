// Shared vocabulary of the analysis core. Everything here is plain data: no I/O, no clock.

/** One Hugging Face model as the analyses see it, whatever the source (live Hub, cache, snapshot). */
export interface ModelRecord {
  /** Repo id, `org/name`. */
  id: string;
  /** ISO date-time of creation on the Hub; absent for some old repos. */
  createdAt?: string;
  /** createdAt is the Hub's backfill instant (see core/date-floor.ts): created on or before that day. */
  createdAtBackfill?: true;
  /** Downloads over the last 30 days, as the Hub defines them. */
  downloads?: number;
  likes?: number;
  pipelineTag?: string;
  libraryName?: string;
  tags: string[];
  /** `safetensors.total` from the Hub's safetensors metadata. */
  safetensorsTotal?: number;
  /** Share (0..1) of those elements stored in packed integer dtypes (I32, U32, U8), when the Hub gives dtypes. */
  safetensorsPackedShare?: number;
  /** `gguf.total` from the Hub's GGUF metadata. */
  ggufTotal?: number;
}

export type Verdict = 'SLM' | 'borderline' | 'LLM' | 'unknown';
export const VERDICTS: readonly Verdict[] = ['SLM', 'borderline', 'LLM', 'unknown'];

/** Where a count came from; `family_table` and `family_median` are the repo name read with the family table or the learned family medians, `config` an estimate from the repo's config.json. */
export type ParameterSource = 'safetensors' | 'gguf' | 'base_model' | 'family_table' | 'family_median' | 'name' | 'config';

export interface Thresholds {
  /** Models below this parameter count are SLMs. */
  slmBelow: number;
  /** Models at or above this parameter count are LLMs; in between is borderline. */
  llmFrom: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { slmBelow: 7e9, llmFrom: 20e9 };

/** Where the data of a reply came from, and when it was collected. */
export interface DataSource {
  /** census = the census store (every model on the Hub), collected by its walk and syncs. */
  kind: 'live' | 'cache' | 'snapshot' | 'census';
  /** ISO date-time the data was collected (fetch time for live data, the snapshot's date otherwise). */
  collectedAt: string;
}
