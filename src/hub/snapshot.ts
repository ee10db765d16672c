// The bundled offline data: two Hub API dumps (March and January 2025) merged by repo id.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelRecord } from '../core/types.js';
import { fromRawHub, type RawHubModel } from './records.js';

/**
 * `data/snapshot/` of the project, whatever the working directory: two levels up from src/hub when
 * run from source (tsx), three from dist/src/hub when compiled (`npm run build`).
 */
export const SNAPSHOT_DIR = ['../../data/snapshot/', '../../../data/snapshot/']
  .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
  .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('../../data/snapshot/', import.meta.url));

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
      // Most ids are in one dump only: those are kept as they are, and only the others are copied.
      const older = merged.get(raw.id);
      merged.set(raw.id, older ? withDefinedFields(older, raw) : raw);
    }
  }
  return [...merged.values()];
}

/** `older` with every field `newer` defines (null and undefined say nothing, so they do not overwrite). */
function withDefinedFields(older: RawHubModel, newer: RawHubModel): RawHubModel {
  const out: RawHubModel = { ...older };
  for (const [key, value] of Object.entries(newer)) if (value !== undefined && value !== null) out[key] = value;
  return out;
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

/** Whether the snapshot has been read yet (readiness: the bot has data to answer from). */
export function snapshotLoaded(): boolean {
  return loaded !== undefined;
}

/** When the bundled data was collected (2025-03-22T10:04:49.000Z for the shipped files). */
export function snapshotCollectedAt(): string {
  return getSnapshot().collectedAt;
}
