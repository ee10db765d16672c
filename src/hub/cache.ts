// Caches for Hub answers: fresh entries in memory (node-cache, TTL), the last good answer kept
// beyond the TTL as a fallback, and the last good sample per key on disk so a restart answers at once.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import NodeCache from 'node-cache';
import { isBackfillDate } from '../core/date-floor.js';
import type { ModelRecord } from '../core/types.js';
import type { Logger } from '../log.js';
import { writeFileAtomic } from '../atomic-file.js';

/** Concurrent callers with the same key share one promise (one set of Hub requests). */
export class SingleFlight {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const promise = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  has(key: string): boolean {
    return this.inFlight.has(key);
  }
}

export interface StoredSample {
  key: string;
  tag?: string;
  size: number;
  /** ISO date-time the Hub answered. */
  collectedAt: string;
  models: ModelRecord[];
}

export interface CachedSample extends StoredSample {
  /** 'disk' until this process fetches the key itself: such data gets an age note. */
  origin: 'fetched' | 'disk';
  byLowerId: Map<string, ModelRecord>;
}

export const sampleKey = (tag: string | undefined, size: number) => `${tag ?? '*'}|${size}`;

/** One file per key; tags are `a-z0-9-` on the Hub, anything else is flattened to stay a safe file name. */
const fileName = (tag: string | undefined, size: number) =>
  `sample-${size}-${tag ? tag.replace(/[^A-Za-z0-9._-]/g, '_') : '_all'}.json`;

const isRecord = (m: unknown): m is ModelRecord =>
  typeof m === 'object' && m !== null && typeof (m as ModelRecord).id === 'string' && Array.isArray((m as ModelRecord).tags);

/** Records read back from disk: files saved before records carried the backfill flag get it here. */
function withBackfillFlag(record: ModelRecord): ModelRecord {
  if (!record.createdAtBackfill && isBackfillDate(record.createdAt)) record.createdAtBackfill = true;
  return record;
}

function withIndex(stored: StoredSample, origin: CachedSample['origin']): CachedSample {
  return { ...stored, origin, byLowerId: new Map(stored.models.map((m) => [m.id.toLowerCase(), m])) };
}

export class SampleCache {
  /** Entries younger than the TTL: served without asking the Hub. */
  private readonly freshCache: NodeCache;
  /** The last good sample per key, whatever its age: the fallback when the Hub fails. */
  private readonly lastGood = new Map<string, CachedSample>();
  private readonly dir: string;
  /** Disk entries loaded once at start; every read waits for it. */
  private readonly loaded: Promise<void>;

  constructor(
    dataDir: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {
    this.dir = join(dataDir, 'cache');
    // useClones:false: samples are large and never mutated; checkperiod:0: no timer to keep alive.
    this.freshCache = new NodeCache({ stdTTL: ttlSeconds, useClones: false, checkperiod: 0 });
    this.loaded = this.loadFromDisk();
  }

  ageSeconds(sample: StoredSample): number {
    return (this.now().getTime() - new Date(sample.collectedAt).getTime()) / 1000;
  }

  async getFresh(key: string): Promise<CachedSample | undefined> {
    await this.loaded;
    return this.freshCache.get<CachedSample>(key);
  }

  /** The last good sample for a key (memory, which holds what was on disk at start), or undefined. */
  async lastGoodFor(key: string): Promise<CachedSample | undefined> {
    await this.loaded;
    return this.lastGood.get(key);
  }

  /** Stores a sample the Hub just gave: memory now, disk before the promise settles. */
  async put(stored: StoredSample): Promise<CachedSample> {
    await this.loaded;
    const entry = withIndex(stored, 'fetched');
    this.lastGood.set(entry.key, entry);
    this.freshCache.set(entry.key, entry);
    await this.writeFile(stored).catch((err) => this.logger.warn({ err, key: stored.key }, 'hub: could not save sample cache'));
    return entry;
  }

  /** What status() shows: every last good sample this process knows. */
  list(): { key: string; models: number; collectedAt: string }[] {
    return [...this.lastGood.values()].map((s) => ({ key: s.key, models: s.models.length, collectedAt: s.collectedAt }));
  }

  /** Records of every cached sample, for lookups and search (newest sample first). */
  samples(): CachedSample[] {
    return [...this.lastGood.values()].sort((a, b) => b.collectedAt.localeCompare(a.collectedAt));
  }

  private async writeFile(stored: StoredSample): Promise<void> {
    // A crash mid-write leaves a stray .tmp file, never half a sample.
    await writeFileAtomic(join(this.dir, fileName(stored.tag, stored.size)), JSON.stringify(stored));
  }

  private async loadFromDisk(): Promise<void> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((f) => f.startsWith('sample-') && f.endsWith('.json'));
    } catch {
      return; // No cache directory yet: first start.
    }
    for (const file of files) {
      try {
        const parsed = JSON.parse(await readFile(join(this.dir, file), 'utf8')) as Partial<StoredSample>;
        if (typeof parsed.key !== 'string' || typeof parsed.size !== 'number' || !Array.isArray(parsed.models)) continue;
        if (!Number.isFinite(new Date(parsed.collectedAt ?? '').getTime())) continue;
        const stored: StoredSample = {
          key: parsed.key,
          size: parsed.size,
          collectedAt: parsed.collectedAt!,
          models: parsed.models.filter(isRecord).map(withBackfillFlag),
          ...(typeof parsed.tag === 'string' ? { tag: parsed.tag } : {}),
        };
        const entry = withIndex(stored, 'disk');
        this.lastGood.set(entry.key, entry);
        const remaining = this.ttlSeconds - this.ageSeconds(stored);
        if (remaining > 0) this.freshCache.set(entry.key, entry, remaining);
      } catch (err) {
        this.logger.warn({ err, file }, 'hub: ignoring unreadable sample cache file');
      }
    }
  }
}

interface CachedModel {
  record: ModelRecord;
  fetchedAt: string;
}

/** Keeps memory bounded: the last good copy of at most this many single models. */
const MAX_LAST_GOOD_MODELS = 5_000;

/** Single models, keyed by lower-case id (the Hub treats repo ids case-insensitively). */
export class ModelCache {
  private readonly freshCache: NodeCache;
  private readonly lastGood = new Map<string, CachedModel>();
  /**
   * Ids the Hub said do not exist, with when that stops holding (ms), so nobody asks again within the
   * TTL — across restarts too: they are kept in `missingFile` (`DATA_DIR/cache/missing.json`).
   */
  private readonly missing = new Map<string, number>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly ttlSeconds: number,
    private readonly missingFile?: string,
    private readonly now: () => number = Date.now,
  ) {
    this.freshCache = new NodeCache({ stdTTL: ttlSeconds, useClones: false, checkperiod: 0 });
    if (missingFile) {
      try {
        const saved = JSON.parse(readFileSync(missingFile, 'utf8')) as Record<string, unknown>;
        for (const [id, until] of Object.entries(saved)) if (typeof until === 'number' && until > this.now()) this.missing.set(id, until);
      } catch {
        // No file yet, or an unreadable one: nothing is known missing.
      }
    }
  }

  put(record: ModelRecord, fetchedAt: string): void {
    const key = record.id.toLowerCase();
    const entry = { record, fetchedAt };
    this.freshCache.set(key, entry);
    this.lastGood.delete(key); // re-insert so Map order stays oldest-first
    this.lastGood.set(key, entry);
    if (this.lastGood.size > MAX_LAST_GOOD_MODELS) this.lastGood.delete(this.lastGood.keys().next().value!);
    if (this.missing.delete(key)) this.saveMissing();
  }

  /** A fresh entry (younger than the TTL) for this id, any case. */
  getFresh(id: string): CachedModel | undefined {
    return this.freshCache.get<CachedModel>(id.toLowerCase());
  }

  /** The last good entry for this id, any case and any age. */
  any(id: string): CachedModel | undefined {
    return this.lastGood.get(id.toLowerCase());
  }

  markMissing(id: string): void {
    this.missing.set(id.toLowerCase(), this.now() + this.ttlSeconds * 1000);
    this.saveMissing();
  }

  isMissing(id: string): boolean {
    const until = this.missing.get(id.toLowerCase());
    return until !== undefined && until > this.now();
  }

  /** Resolves when the list of missing ids on disk is up to date. */
  whenSaved(): Promise<void> {
    return this.saving;
  }

  /** One write at a time, each of the whole (small) list as it is then. */
  private saveMissing(): void {
    const file = this.missingFile;
    if (!file) return;
    this.saving = this.saving.then(async () => {
      const live = Object.fromEntries([...this.missing].filter(([, until]) => until > this.now()));
      await writeFileAtomic(file, JSON.stringify(live)).catch(() => {});
    });
  }

  ids(): string[] {
    return [...this.lastGood.values()].map((e) => e.record.id);
  }

  get size(): number {
    return this.lastGood.size;
  }
}
