// What commands need from the Hub layer. Implemented by createHub() in src/hub/hub.ts.
import type { Calibration } from '../core/families.js';
import type { DataSource, ModelRecord } from '../core/types.js';
import type { Localized } from '../i18n.js';
import type { CensusStore } from '../store/census.js';
import type { CensusProgress } from './census.js';

/** Finds a model record already known (in a sample, the cache or the snapshot) without any I/O. */
export type ModelLookup = (id: string) => ModelRecord | undefined;

export interface Sample {
  models: ModelRecord[];
  /** Known records for base-model lookups (the sample itself, the cache, the snapshot). */
  lookup: ModelLookup;
  /** Family medians learned from the measured counts of the sample and the snapshot, to read names with. */
  calibration: Calibration;
  source: DataSource;
  /** Notes for people, in every reply language: stale data, fallback to the snapshot, coverage. */
  notes: Localized[];
  /** createdSince only: false when the listing stopped at `max` before reaching `since`. */
  complete?: boolean;
}

export type ModelResult =
  | {
      found: true;
      model: ModelRecord;
      /** Lookup that knows the model's base models (fetched, up to a few levels). */
      lookup: ModelLookup;
      /** Family medians to read names with (see Sample.calibration). */
      calibration: Calibration;
      source: DataSource;
      notes: Localized[];
    }
  | {
      found: false;
      /**
       * Up to 5 repo ids close to what was typed ("did you mean"), from the source that will answer them:
       * the Hub's search when it answered, else the data known without it (saved data, the snapshot).
       */
      suggestions: string[];
      source: DataSource;
      notes: Localized[];
      /** Set when the Hub could not say (it answered badly, or not at all): the model may well exist. */
      hubFailed?: 'bad-answer' | 'unreachable';
      /** Offline: only the bundled snapshot was searched, the Hub was not asked; the model may well exist. */
      offline?: true;
    };

export interface HubStatus {
  mode: 'live' | 'offline';
  endpoint: string;
  snapshotCollectedAt: string;
  snapshotModels: number;
  cachedSamples: { key: string; models: number; collectedAt: string }[];
  cachedModels: number;
}

export interface HubData {
  /** The study's sample: top `size` models by 30-day downloads, optionally for one pipeline tag. */
  sample(options: { tag?: string; size: number }): Promise<Sample>;
  /** One model by an id a person typed: exact id, else case-insensitive match, else suggestions. */
  model(id: string): Promise<ModelResult>;
  /** Repo ids matching a partial query, for autocomplete; never throws, may return []. */
  search(query: string, limit: number): Promise<string[]>;
  /** A model repo's parsed config.json (one request, cached); undefined offline, when absent, or when the Hub fails. */
  modelConfig(id: string): Promise<Record<string, unknown> | undefined>;
  /** Models created since `since` (newest first from the Hub), for digests. */
  createdSince(since: Date, options?: { tag?: string; max?: number }): Promise<Sample>;
  /** The census store once a walk has completed (loaded from DATA_DIR on first use); undefined until then and offline. */
  census(): Promise<CensusStore | undefined>;
  /** Where the census stands (models, dates, walk %, next run). */
  censusProgress(): CensusProgress;
  status(): HubStatus;
}
