// The Hub layer commands use: live Hub data when it answers, else the last good data, else
// the bundled snapshot. Nothing here throws to a caller; problems become notes on the answer.
import type { Config } from '../config.js';
import type { Localized } from '../i18n.js';
import { isModelId, normalizeModelId } from '../core/model-id.js';
import { learnCalibration, type Calibration } from '../core/families.js';
import { baseModelsOf } from '../core/parameters.js';
import type { DataSource, ModelRecord } from '../core/types.js';
import { silentLogger, type Logger } from '../log.js';
import NodeCache from 'node-cache';
import { join } from 'node:path';
import { BackgroundQueue, type BaseJob } from './background.js';
import { ModelCache, SampleCache, SingleFlight, sampleKey, type CachedSample } from './cache.js';
import { createHubClient, describeFailure, HubError } from './client.js';
import {
  coverageNote,
  hubFailedUsingCache,
  hubFailedUsingSnapshot,
  savedDataNote,
  snapshotOnlyTopModels,
  hubUnreachable,
  stoppedAt,
} from './notes.js';
import type { CensusStore } from '../store/census.js';
import { Census } from './census.js';
import { PagingError } from './pages.js';
import { getSnapshot } from './snapshot.js';
import { rankSuggestions } from './suggest.js';
import type { HubData, HubStatus, ModelLookup, ModelResult, Sample } from './types.js';

export interface HubDeps {
  fetch?: typeof fetch;
  now?: () => Date;
  logger?: Logger;
  /** Circuit breaker settings of the Hub client (tests shorten the pause). */
  breaker?: { threshold?: number; halfOpenAfterMs?: number };
}

/** HubData plus a way to wait for background work (tests, graceful shutdown). */
export interface Hub extends HubData {
  /** The census sync, started by the platform process (main.ts) and `npm run census`. */
  censusSync: Census;
  /** Resolves when no background base-model fetch is waiting or running. */
  whenIdle(): Promise<void>;
  /** Cancels background work and every Hub request in flight (a one-shot command has answered; shutdown). */
  close(): void;
}

/** How many levels of `base_model:` links a model lookup follows (fine-tune of a merge of a base…). */
const BASE_DEPTH = 3;
const DEFAULT_CREATED_SINCE_MAX = 5_000;
const SUGGESTIONS = 5;
/** How many Hub search results "did you mean" considers. */
const SUGGESTION_SEARCH_LIMIT = 50;
/** Where the Hub moved the canonical models that had no owner (`gpt2` → `openai-community/gpt2`). */
const LEGACY_ORGS = ['openai-community', 'google-bert', 'facebookai', 'distilbert', 'google-t5', 'albert'];

/** How long a newest-first listing (createdSince) is reused. */
const RECENT_LISTING_TTL_SECONDS = 600;

interface Known {
  record: ModelRecord;
  source: DataSource;
}

const lower = (id: string) => id.toLowerCase();
const indexOf = (models: ModelRecord[]) => new Map(models.map((m) => [lower(m.id), m]));

export function createHub(config: Config, deps: HubDeps = {}): Hub {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const offline = config.OFFLINE;
  const closing = new AbortController();
  const client = createHubClient({
    endpoint: config.HF_ENDPOINT,
    token: config.HF_TOKEN,
    timeoutMs: config.HUB_TIMEOUT_MS,
    fetch: deps.fetch ?? globalThis.fetch,
    logger,
    signal: closing.signal,
    breaker: deps.breaker,
  });
  // Offline means everything comes from the snapshot, so the caches are never read or filled.
  const samples = new SampleCache(config.DATA_DIR, config.CACHE_TTL_SECONDS, now, logger);
  const models = new ModelCache(config.CACHE_TTL_SECONDS, offline ? undefined : join(config.DATA_DIR, 'cache', 'missing.json'), () => now().getTime());
  /** Recent newest-first listings: a week's digest for many channels, or previews, ask the Hub once. */
  const recentListings = new NodeCache({ stdTTL: RECENT_LISTING_TTL_SECONDS, useClones: false });
  const flights = new SingleFlight();
  const censusSync = new Census(config, { fetch: deps.fetch, logger, now });
  /** When the census was last brought up to date (its walk or sync). */
  const censusDate = (store: CensusStore) => store.collectedAt() ?? nowIso();
  /** config.json of models asked about, or null when they have none (read once per TTL). */
  const configs = new NodeCache({ stdTTL: config.CACHE_TTL_SECONDS, useClones: false, checkperiod: 0 });
  /** Calibrations learned once per set of records (the snapshot, each cached sample). */
  const calibrations = new WeakMap<ModelRecord[], Calibration>();
  /** Last background-refresh failure per sample key, so a stale answer says why it is stale. */
  const refreshFailures = new Map<string, string>();

  const snapshot = () => getSnapshot();
  const snapshotSource = (): DataSource => ({ kind: 'snapshot', collectedAt: snapshot().collectedAt });
  const nowIso = () => now().toISOString();

  /** A record already known, with where it came from: model cache, cached samples, then the snapshot. */
  function findKnown(id: string): Known | undefined {
    const key = lower(id);
    const cached = offline ? undefined : models.any(key);
    if (cached) return { record: cached.record, source: { kind: 'cache', collectedAt: cached.fetchedAt } };
    if (!offline) {
      for (const sample of samples.samples()) {
        const record = sample.byLowerId.get(key);
        if (record) return { record, source: { kind: 'cache', collectedAt: sample.collectedAt } };
      }
      // Base models resolve inside the census: no Hub request for a base it holds.
      const census = censusSync.ready();
      const record = census?.lookup(id);
      if (census && record) return { record, source: { kind: 'census', collectedAt: censusDate(census) } };
    }
    // Legacy ids without an owner (`gpt2`, `bert-base-uncased`) moved under the organisations the Hub
    // redirects them to; the snapshot finds them there too, and nowhere else.
    const record = snapshot().byLowerId.get(key) ?? (key.includes('/') ? undefined : LEGACY_ORGS.map((org) => snapshot().byLowerId.get(`${org}/${key}`)).find(Boolean));
    return record ? { record, source: snapshotSource() } : undefined;
  }

  /**
   * Family medians learned from `models` and the snapshot (a sample of 100 models still knows the
   * snapshot's families); learned once per records array, so once per cached sample.
   */
  function calibrationFor(models: ModelRecord[]): Calibration {
    let calibration = calibrations.get(models);
    if (!calibration) {
      const snap = snapshot();
      const merged = new Map(snap.byLowerId);
      if (models !== snap.models) for (const m of models) merged.set(lower(m.id), m);
      calibration = learnCalibration(merged.values(), (id) => merged.get(lower(id)));
      calibrations.set(models, calibration);
    }
    return calibration;
  }

  /** The calibration for one model's reply: the largest cached sample's, else the snapshot's. */
  function currentCalibration(): Calibration {
    const cached = offline ? [] : samples.samples();
    const largest = cached.reduce<CachedSample | undefined>((a, b) => (!a || b.models.length > a.models.length ? b : a), undefined);
    return calibrationFor(largest?.models ?? snapshot().models);
  }

  /** Lookup over some records first (a sample, a model and its bases), then everything known. */
  const lookupWith =
    (first: Map<string, ModelRecord>): ModelLookup =>
    (id) =>
      first.get(lower(id)) ?? findKnown(id)?.record;

  function knownIds(): string[] {
    const ids = [...models.ids()];
    if (!offline) for (const sample of samples.samples()) for (const m of sample.models) ids.push(m.id);
    for (const m of snapshot().models) ids.push(m.id);
    return ids;
  }

  /** One modelInfo per id at a time; answers (and 404s) go to the model cache. */
  function fetchModel(id: string): Promise<ModelRecord | undefined> {
    return flights.run(`model:${id}`, async () => {
      const record = await client.modelInfo(id);
      if (record) models.put(record, nowIso());
      else models.markMissing(id);
      return record;
    });
  }

  const background = new BackgroundQueue(
    async ({ id, depth }: BaseJob) => {
      if (findKnown(id) || models.isMissing(id)) return;
      const record = await fetchModel(id);
      if (record && depth < BASE_DEPTH) queueBases([record], depth + 1);
    },
    logger,
    { paused: () => !client.available('model') },
  );

  /** Base models named by these records that nobody knows: fetch them behind the reply. */
  function queueBases(records: ModelRecord[], depth = 1, own?: Map<string, ModelRecord>): void {
    if (offline) return;
    const jobs: BaseJob[] = [];
    for (const record of records) {
      for (const { id } of baseModelsOf(record)) {
        if (own?.has(lower(id)) || findKnown(id) || models.isMissing(id)) continue;
        jobs.push({ id, depth });
      }
    }
    background.add(jobs);
  }

  function snapshotSample(tag: string | undefined, size: number): ModelRecord[] {
    const all = snapshot().models; // already by downloads, highest first
    return (tag ? all.filter((m) => m.pipelineTag === tag) : all).slice(0, size);
  }

  function sampleFrom(
    list: ModelRecord[],
    source: DataSource,
    notes: Localized[],
    index: Map<string, ModelRecord> = indexOf(list),
    learnedFrom: ModelRecord[] = source.kind === 'snapshot' ? snapshot().models : list,
  ): Sample {
    return { models: list, lookup: lookupWith(index), calibration: calibrationFor(learnedFrom), source, notes };
  }

  function fromCache(entry: CachedSample, notes: Localized[]): Sample {
    if (entry.models.length < entry.size) notes.push(coverageNote(entry.models.length, entry.size, entry.tag, 'hub'));
    queueBases(entry.models, 1, entry.byLowerId);
    return sampleFrom(entry.models, { kind: 'cache', collectedAt: entry.collectedAt }, notes, entry.byLowerId);
  }

  function fallbackToSnapshot(tag: string | undefined, size: number, reason: string): Sample {
    const list = snapshotSample(tag, size);
    const notes = [hubFailedUsingSnapshot(reason, snapshot().collectedAt)];
    if (list.length < size) notes.push(coverageNote(list.length, size, tag, 'snapshot'));
    return sampleFrom(list, snapshotSource(), notes);
  }

  function fetchSample(tag: string | undefined, size: number, key: string): Promise<CachedSample> {
    return flights.run(`sample:${key}`, async () => {
      const list = await client.listTop(tag, size);
      // Only a plausible sample is kept: an empty page must not become a "top 0 models" answer for hours.
      if (list.length === 0) throw new PagingError('empty', `The Hub listed no models for ${key}`);
      const entry = await samples.put({ key, size, collectedAt: nowIso(), models: list, ...(tag ? { tag } : {}) });
      refreshFailures.delete(key);
      return entry;
    });
  }

  async function sample(tag: string | undefined, size: number): Promise<Sample> {
    if (offline) {
      const list = snapshotSample(tag, size);
      const notes = list.length < size ? [coverageNote(list.length, size, tag, 'snapshot')] : [];
      return sampleFrom(list, snapshotSource(), notes);
    }
    const key = sampleKey(tag, size);
    const fresh = await samples.getFresh(key);
    if (fresh) {
      const notes = fresh.origin === 'disk' ? [savedDataNote(fresh.collectedAt, samples.ageSeconds(fresh), false)] : [];
      return fromCache(fresh, notes);
    }
    const saved = await samples.lastGoodFor(key);
    if (saved?.origin === 'disk') {
      // Loaded at start but older than the TTL: answer at once, refresh behind the reply.
      fetchSample(tag, size, key).catch((err) => {
        refreshFailures.set(key, describeFailure(err));
        logger.debug({ err, key }, 'hub: background sample refresh failed');
      });
      const failed = refreshFailures.get(key);
      const note = failed
        ? hubFailedUsingCache(failed, saved.collectedAt)
        : savedDataNote(saved.collectedAt, samples.ageSeconds(saved), true);
      return fromCache(saved, [note]);
    }
    try {
      const entry = await fetchSample(tag, size, key);
      const notes = entry.models.length < size ? [coverageNote(entry.models.length, size, tag, 'hub')] : [];
      queueBases(entry.models, 1, entry.byLowerId);
      return sampleFrom(entry.models, { kind: 'live', collectedAt: entry.collectedAt }, notes, entry.byLowerId);
    } catch (err) {
      const reason = describeFailure(err);
      logger.warn({ err, key }, 'hub: sample fetch failed, falling back');
      const last = await samples.lastGoodFor(key);
      if (last) return sampleFrom(last.models, { kind: 'cache', collectedAt: last.collectedAt }, [hubFailedUsingCache(reason, last.collectedAt)], last.byLowerId);
      return fallbackToSnapshot(tag, size, reason);
    }
  }

  /** Base models of `record`, up to BASE_DEPTH levels, from what is known or (if allowed) fetched. */
  async function basesOf(record: ModelRecord, fetchMissing: boolean): Promise<Map<string, ModelRecord>> {
    const found = new Map<string, ModelRecord>([[lower(record.id), record]]);
    let level = [record];
    for (let depth = 1; depth <= BASE_DEPTH && level.length > 0; depth++) {
      const ids = [...new Set(level.flatMap((r) => baseModelsOf(r).map((b) => b.id)))].filter((id) => !found.has(lower(id)));
      const records = await Promise.all(
        ids.map(async (id) => {
          const known = findKnown(id);
          // A snapshot record without a size (the January dump has none) is worth one live request.
          const good = known && (known.source.kind !== 'snapshot' || known.record.safetensorsTotal || known.record.ggufTotal);
          if (good || !fetchMissing || models.isMissing(id)) return known?.record;
          const fetched = await fetchModel(id).catch((err) => {
            logger.debug({ err, id }, 'hub: base model fetch failed');
            return undefined;
          });
          return fetched ?? known?.record;
        }),
      );
      level = records.filter((r): r is ModelRecord => r !== undefined);
      for (const r of level) found.set(lower(r.id), r);
    }
    return found;
  }

  async function foundModel(record: ModelRecord, source: DataSource, notes: Localized[], fetchMissing: boolean): Promise<ModelResult> {
    const bases = await basesOf(record, fetchMissing);
    return { found: true, model: record, lookup: lookupWith(bases), calibration: currentCalibration(), source, notes };
  }

  /**
   * More ids for "did you mean" from the Hub's own search, so every suggestion is a repo the Hub will
   * answer for: quick searches for the typed name alone and for its first word, side by side (a
   * not-found reply waits for one round of searches, not three in a row); a failed one finds nothing.
   */
  function broaderSearches(id: string): Promise<string[]> {
    const name = id.slice(id.indexOf('/') + 1);
    const queries = [...new Set([name, /^[a-z]+/i.exec(name)?.[0]].filter((q): q is string => !!q && q.length >= 2 && lower(q) !== lower(id)).map(lower))];
    return Promise.all(
      queries.map((query) =>
        client.searchIds(query, SUGGESTION_SEARCH_LIMIT, true).catch((err) => {
          logger.debug({ err, query }, 'hub: suggestion search failed');
          return [] as string[];
        }),
      ),
    ).then((found) => found.flat());
  }

  async function model(text: string): Promise<ModelResult> {
    const id = normalizeModelId(text);
    if (offline) {
      const record = findKnown(id)?.record;
      if (record) return foundModel(record, snapshotSource(), [], false);
      // Offline, only the snapshot was searched: its ids are what can answer a suggestion.
      return { found: false, suggestions: rankSuggestions(id, knownIds(), SUGGESTIONS), source: snapshotSource(), notes: [], offline: true };
    }

    const cached = models.getFresh(id);
    if (cached) return foundModel(cached.record, { kind: 'cache', collectedAt: cached.fetchedAt }, [], true);

    let hubIds: string[] = [];
    let record: ModelRecord | undefined;
    try {
      record = isModelId(id) ? await fetchModel(id) : undefined;
      if (!record) {
        // Not under this exact id: a known id that differs only in case, else one the Hub's search finds.
        const known = findKnown(id)?.record.id;
        if (known && known !== id) record = await fetchModel(known);
        if (!record) {
          const typed = client.searchIds(id, SUGGESTION_SEARCH_LIMIT);
          const broader = broaderSearches(id);
          hubIds = await typed;
          const match = hubIds.find((h) => lower(h) === lower(id) && h !== id && h !== known);
          if (match) record = await fetchModel(match);
          // The typed id's own search first; the broader ones only when it finds too few.
          else if (rankSuggestions(id, hubIds, SUGGESTIONS).length < SUGGESTIONS) hubIds.push(...(await broader));
        }
      }
    } catch (err) {
      const reason = describeFailure(err);
      logger.warn({ err, id }, 'hub: model lookup failed, falling back');
      const hubFailed = err instanceof HubError && err.reason === 'malformed' ? 'bad-answer' : 'unreachable';
      const known = findKnown(id);
      if (known) {
        const note =
          known.source.kind === 'snapshot'
            ? hubFailedUsingSnapshot(reason, known.source.collectedAt)
            : hubFailedUsingCache(reason, known.source.collectedAt);
        return foundModel(known.record, known.source, [note], false);
      }
      // While the Hub is down, what is known without it answers: suggestions come from there.
      return {
        found: false,
        suggestions: rankSuggestions(id, knownIds(), SUGGESTIONS),
        source: snapshotSource(),
        notes: [hubUnreachable(reason, true)],
        hubFailed,
      };
    }
    if (record) return foundModel(record, { kind: 'live', collectedAt: nowIso() }, [], true);
    // The Hub says there is no such repo.
    return { found: false, suggestions: rankSuggestions(id, hubIds, SUGGESTIONS), source: { kind: 'live', collectedAt: nowIso() }, notes: [] };
  }

  async function modelConfig(id: string): Promise<Record<string, unknown> | undefined> {
    if (offline) return undefined;
    const key = lower(id);
    const known = configs.get<Record<string, unknown> | null>(key);
    if (known !== undefined) return known ?? undefined;
    return flights.run(`config:${key}`, async () => {
      try {
        const config = await client.modelConfig(id);
        configs.set(key, config ?? null);
        return config;
      } catch (err) {
        logger.debug({ err, id }, 'hub: config.json fetch failed');
        return undefined;
      }
    });
  }

  async function search(query: string, limit: number): Promise<string[]> {
    const max = Math.floor(limit);
    if (!(max > 0)) return [];
    const q = lower(query.trim());
    // Known ids by downloads, so the likeliest completions come first.
    const known = new Map<string, ModelRecord>();
    for (const m of [...(offline ? [] : samples.samples().flatMap((s) => s.models)), ...snapshot().models]) {
      if (!known.has(lower(m.id))) known.set(lower(m.id), m);
    }
    if (!offline) for (const id of models.ids()) if (!known.has(lower(id))) known.set(lower(id), models.any(id)!.record);
    const byDownloads = [...known.values()].sort((a, b) => (b.downloads ?? 0) - (a.downloads ?? 0));
    const prefix: string[] = [];
    const substring: string[] = [];
    for (const m of byDownloads) {
      const id = lower(m.id);
      if (id.startsWith(q) || id.slice(id.indexOf('/') + 1).startsWith(q)) prefix.push(m.id);
      else if (id.includes(q)) substring.push(m.id);
    }
    let fromHub: string[] = [];
    if (!offline && q !== '') {
      fromHub = await client.searchIds(query.trim(), max, true).catch((err) => {
        logger.debug({ err, query }, 'hub: autocomplete search failed');
        return [];
      });
    }
    const out = new Map<string, string>();
    for (const id of [...prefix, ...fromHub, ...substring]) {
      if (!out.has(lower(id))) out.set(lower(id), id);
      if (out.size >= max) break;
    }
    return [...out.values()];
  }

  function snapshotSince(since: Date, tag: string | undefined, max: number): ModelRecord[] {
    const from = since.toISOString();
    return snapshot()
      .models.filter((m) => m.createdAt !== undefined && m.createdAt >= from && (!tag || m.pipelineTag === tag))
      .sort((a, b) => b.createdAt!.localeCompare(a.createdAt!))
      .slice(0, max);
  }

  async function createdSince(since: Date, options: { tag?: string; max?: number } = {}): Promise<Sample> {
    const { tag } = options;
    const max = Math.max(1, Math.floor(options.max ?? DEFAULT_CREATED_SINCE_MAX));
    const collectedAt = snapshot().collectedAt;
    if (offline) return sampleFrom(snapshotSince(since, tag, max), snapshotSource(), [snapshotOnlyTopModels(collectedAt)]);
    try {
      const { models: list, complete } = await client.listNewest(since, tag, max);
      const index = indexOf(list);
      queueBases(list, 1, index);
      return { ...sampleFrom(list, { kind: 'live', collectedAt: nowIso() }, complete ? [] : [stoppedAt(max, since)], index), complete };
    } catch (err) {
      const reason = describeFailure(err);
      logger.warn({ err }, 'hub: createdSince failed, using the snapshot');
      return sampleFrom(snapshotSince(since, tag, max), snapshotSource(), [
        hubFailedUsingSnapshot(reason, collectedAt),
        snapshotOnlyTopModels(collectedAt),
      ]);
    }
  }

  /** createdSince, shared by concurrent callers and reused for a few minutes when it came from the Hub. */
  function sharedCreatedSince(since: Date, options: { tag?: string; max?: number } = {}): Promise<Sample> {
    const key = `${options.tag ?? ''}|${since.toISOString()}|${options.max ?? ''}`;
    const recent = recentListings.get<Sample>(key);
    if (recent) return Promise.resolve(recent);
    return flights.run(`created:${key}`, async () => {
      const result = await createdSince(since, options);
      if (result.source.kind === 'live') recentListings.set(key, result);
      return result;
    });
  }

  /** Last line of defence for the never-throw promise: log and answer from the snapshot. */
  async function guarded<T>(what: string, work: () => Promise<T>, fallback: (reason: string) => T): Promise<T> {
    try {
      return await work();
    } catch (err) {
      logger.error({ err }, `hub: unexpected failure in ${what}`);
      return fallback('error');
    }
  }

  return {
    sample: ({ tag, size }) => {
      const n = Math.max(1, Math.floor(size));
      return guarded('sample', () => sample(tag || undefined, n), (reason) => fallbackToSnapshot(tag || undefined, n, reason));
    },
    model: (id) =>
      guarded('model', () => model(id), (reason) => ({
        found: false,
        suggestions: [],
        source: snapshotSource(),
        notes: [hubUnreachable(reason, false)],
        hubFailed: 'unreachable',
      })),
    search: (query, limit) => guarded('search', () => search(query, limit), () => []),
    modelConfig: (id) => guarded('modelConfig', () => modelConfig(id), () => undefined),
    createdSince: (since, options) =>
      guarded('createdSince', () => sharedCreatedSince(since, options), (reason) =>
        sampleFrom([], snapshotSource(), [hubFailedUsingSnapshot(reason, snapshot().collectedAt)]),
      ),
    status(): HubStatus {
      const snap = snapshot();
      return {
        mode: offline ? 'offline' : 'live',
        endpoint: config.HF_ENDPOINT,
        snapshotCollectedAt: snap.collectedAt,
        snapshotModels: snap.models.length,
        cachedSamples: offline ? [] : samples.list(),
        cachedModels: offline ? 0 : models.size,
      };
    },
    whenIdle: async () => {
      await background.idle();
      await models.whenSaved();
    },
    censusSync,
    async census() {
      if (offline) return undefined;
      await censusSync.load();
      return censusSync.ready();
    },
    censusProgress: () => censusSync.progress(),
    close() {
      background.cancel();
      closing.abort();
    },
  };
}
