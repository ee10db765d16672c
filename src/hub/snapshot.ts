// The bundled offline data: two Hub API dumps (March and January 2025) merged by repo id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelRecord } from '../core/types.js';
import { fromRawHub, type RawHubModel } from './records.js';

/** `data/snapshot/` of the project: two levels up from src/hub, whatever the working directory. */
export const SNAPSHOT_DIR = fileURLToPath(new URL('../../data/snapshot/', import.meta.url));

/** Newest first: fields of the newer file win, the older one only fills gaps. */
export const SNAPSHOT_FILES = ['models-2025-03.json', 'models-2025-01.json'] as const;

export interface Snapshot {
  /** Merged records, by 30-day downloads, highest first. */
  models: ModelRecord[];
  byId: Map<string, ModelRecord>;
  byLowerId: Map<string, ModelRecord>;
  /** The newest `createdAt` in the data: it cannot have been collected before its newest model. */
  collectedAt: string;
}

/**
 * Merges Hub dumps by repo id, newest dump first. A field the newer dump has wins (downloads,
 * createdAt, safetensors, pipeline_tag, tags); the older dump fills what it lacks (likes,
 * library_name, and createdAt/pipeline_tag where March has none).
 */
export function mergeRawModels(newestFirst: RawHubModel[][]): RawHubModel[] {
  const merged = new Map<string, RawHubModel>();
  for (const dump of [...newestFirst].reverse()) {
    for (const raw of dump) {
      if (typeof raw?.id !== 'string') continue;
      const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== null));
      merged.set(raw.id, { ...merged.get(raw.id), ...defined } as RawHubModel);
    }
  }
  return [...merged.values()];
}

/** The snapshot files merged, in the raw Hub shape (also what the fake Hub serves). */
export function loadRawSnapshot(dir: string = SNAPSHOT_DIR): RawHubModel[] {
  const dumps = SNAPSHOT_FILES.map((file) => {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    if (!Array.isArray(parsed)) throw new Error(`Snapshot file ${file} is not a JSON array`);
    return parsed as RawHubModel[];
  });
  return mergeRawModels(dumps);
}

export function buildSnapshot(raws: RawHubModel[]): Snapshot {
  const models = raws
    .map(fromRawHub)
    .filter((m): m is ModelRecord => m !== undefined)
    .sort((a, b) => (b.downloads ?? 0) - (a.downloads ?? 0));
  const byId = new Map(models.map((m) => [m.id, m]));
  const byLowerId = new Map(models.map((m) => [m.id.toLowerCase(), m]));
  const newest = models.reduce((max, m) => (m.createdAt && m.createdAt > max ? m.createdAt : max), '');
  return { models, byId, byLowerId, collectedAt: newest || new Date(0).toISOString() };
}

let loaded: Snapshot | undefined;

/** The snapshot, read from disk on first use and then kept as one shared copy. */
export function getSnapshot(): Snapshot {
  loaded ??= buildSnapshot(loadRawSnapshot());
  return loaded;
}

/** When the bundled data was collected (2025-03-22T10:04:49.000Z for the shipped files). */
export function snapshotCollectedAt(): string {
  return getSnapshot().collectedAt;
}
