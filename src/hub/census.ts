// The census sync: walks the whole Hub newest first into the census store, then keeps it up to date —
// only models newer than the newest stored every CENSUS_SYNC_MINUTES, everything again every
// CENSUS_REWALK_DAYS (fresh downloads and likes, deleted repos dropped). One request at a time through
// the pager and createHubFetch; the cursor is persisted, so a restart or a failure resumes the walk.
import { existsSync } from 'node:fs';
import type { Config } from '../config.js';
import { DAY_MS, NO_DAY } from '../core/months.js';
import { silentLogger, type Logger } from '../log.js';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { censusFile, CensusStore, type Sizes } from '../store/census.js';
import { runInWorker } from '../worker.js';
import { createHubFetch, HubError } from './client.js';
import { modelListUrl, modelPages, PagingError } from './pages.js';

/** Persist a walk in progress every this many pages: a restart re-fetches at most these. */
const SAVE_EVERY_PAGES = 50;
/** A rate-limit window the census waits out between pages (a command never waits for the census). */
const MAX_RATE_LIMIT_WAIT_MS = 15 * 60_000;
/** After a failure, the next attempt (unless the Hub's Retry-After says longer). */
const RETRY_AFTER_FAILURE_MS = 5 * 60_000;
/** Models stored between two yields to the event loop (sizing each at ingest: a few milliseconds). */
const UPSERT_CHUNK = 200;
/** The Hub's creation-date backfill day (2022-03-02): a first walk that reaches it is nearly done. */
const BACKFILL_DAY = Math.floor(Date.parse('2022-03-02T00:00:00Z') / DAY_MS);

export interface CensusProgress {
  /** Models stored. */
  models: number;
  /** Creation dates of the newest and oldest models stored (`YYYY-MM-DD`). */
  newest: string | null;
  oldest: string | null;
  /** A walk is in progress (first, resumed, or weekly). */
  walking: boolean;
  /** Share (0..100) of the walk in progress, or 100 when none is running; an estimate on a first walk. */
  walkPercent: number;
  /** Whether a walk has ever completed: until then replies use the top-N sample. */
  complete: boolean;
  lastWalkAt: string | null;
  lastSyncAt: string | null;
  /** When the background sync runs next (null when it does not run in this process). */
  nextRunAt: string | null;
}

export interface CensusDeps {
  fetch?: typeof fetch;
  logger?: Logger;
  now?: () => Date;
}

const isoDay = (day: number) => (day === NO_DAY ? null : new Date(day * DAY_MS).toISOString().slice(0, 10));

export class Census {
  private store: CensusStore | undefined;
  private loading: Promise<CensusStore> | undefined;
  private running: Promise<unknown> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private nextRunAt: Date | null = null;
  private stopped = false;
  /** Ends a sizing pass's worker when the loop stops (the pass runs again after a restart). */
  private stopping = new AbortController();
  private readonly policyFetch: typeof fetch;
  private readonly logger: Logger;
  private readonly now: () => Date;
  readonly file: string;

  constructor(
    private readonly config: Config,
    deps: CensusDeps = {},
  ) {
    this.logger = deps.logger ?? silentLogger;
    this.now = deps.now ?? (() => new Date());
    this.file = censusFile(config.DATA_DIR);
    // endpoint: HF_TOKEN goes only to HF_ENDPOINT's origin, and without it to none (see createHubFetch).
    this.policyFetch = createHubFetch(deps.fetch ?? fetch, { timeoutMs: config.HUB_TIMEOUT_MS, retries: true, endpoint: config.HF_ENDPOINT }, this.logger);
  }

  /** The store, read from DATA_DIR once (an empty one when there is no file yet). */
  load(): Promise<CensusStore> {
    this.loading ??= readCensusFile(this.file)
      .catch((err) => {
        this.logger.warn({ err, file: this.file }, 'census: unreadable file, starting a new census');
        return undefined;
      })
      .then((loaded) => (this.store = loaded ?? new CensusStore(this.config.HF_ENDPOINT)));
    return this.loading;
  }

  /** The store if it is loaded and a walk has completed: what replies may answer from. */
  ready(): CensusStore | undefined {
    return this.store && this.store.meta.lastWalkAt ? this.store : undefined;
  }

  progress(): CensusProgress {
    const store = this.store;
    const meta = store?.meta;
    const range = store ? store.dayRange() : { oldest: NO_DAY, newest: NO_DAY };
    const walking = meta?.cursor !== undefined;
    let walkPercent = 100;
    if (!meta?.lastWalkAt) walkPercent = 0;
    if (meta && walking) {
      if (meta.lastWalkModels) walkPercent = Math.min(99, (100 * meta.walkSeen) / meta.lastWalkModels);
      else if (meta.walkOldestDay !== undefined) {
        // First walk, newest first: how far back in time it has come, towards the Hub's first day.
        const today = Math.floor(this.now().getTime() / DAY_MS);
        walkPercent = Math.max(0, Math.min(99, (100 * (today - meta.walkOldestDay)) / Math.max(1, today - BACKFILL_DAY)));
      } else walkPercent = 0;
    }
    return {
      models: store?.size ?? 0,
      newest: isoDay(range.newest),
      oldest: isoDay(range.oldest),
      walking,
      walkPercent,
      complete: Boolean(meta?.lastWalkAt),
      lastWalkAt: meta?.lastWalkAt ?? null,
      lastSyncAt: meta?.lastSyncAt ?? null,
      nextRunAt: this.nextRunAt?.toISOString() ?? null,
    };
  }

  /** What runs next: the walk (first, resumed, or due again), else an incremental sync. */
  private async due(): Promise<'walk' | 'sync'> {
    const { meta } = await this.load();
    if (meta.cursor !== undefined || !meta.lastWalkAt) return 'walk';
    const rewalkAt = Date.parse(meta.lastWalkAt) + this.config.CENSUS_REWALK_DAYS * DAY_MS;
    return this.now().getTime() >= rewalkAt ? 'walk' : 'sync';
  }

  /** One walk or sync, then persist (what `npm run census` and the background loop run). */
  runOnce(onPage: (progress: CensusProgress) => void = () => {}): Promise<{ kind: 'walk' | 'sync'; added: number; dropped: number; requests: number }> {
    const run = (async () => {
      const store = await this.load();
      // A walk completed but its sizing pass did not (a restart in between): it comes first.
      if (store.meta.sizingPending && store.meta.cursor === undefined) await this.sizingPass(store);
      const kind = await this.due();
      return kind === 'walk' ? { kind, ...(await this.walk(onPage)) } : { kind, ...(await this.sync(onPage)), dropped: 0 };
    })();
    this.running = run.then(
      () => (this.running = undefined),
      () => (this.running = undefined),
    );
    return run;
  }

  private firstPage(): string {
    return modelListUrl(this.config.HF_ENDPOINT, { sort: 'createdAt', limit: this.config.CENSUS_PAGE_SIZE });
  }

  private pageCap(): number {
    return Math.ceil(this.config.CENSUS_MAX_MODELS / this.config.CENSUS_PAGE_SIZE) + 1;
  }

  private async walk(onPage: (progress: CensusProgress) => void): Promise<{ added: number; dropped: number; requests: number }> {
    const store = await this.load();
    if (store.meta.cursor === undefined) store.startWalk(this.firstPage(), this.now().toISOString());
    const before = store.size;
    let requests = 0;
    let unsaved = 0;
    const seen = { has: (id: string) => store.seenInThisRun(id), add: () => {} };
    const pages = (from: string) => modelPages(this.policyFetch, from, { token: this.config.HF_TOKEN, maxPages: this.pageCap(), seen, maxWaitMs: MAX_RATE_LIMIT_WAIT_MS });
    let resumed = store.meta.cursor !== this.firstPage();
    for (;;) {
      try {
        for await (const page of pages(store.meta.cursor!)) {
          requests++;
          await store.reserve(page.models.length);
          for (let i = 0; i < page.models.length; i++) {
            if (i > 0 && i % UPSERT_CHUNK === 0) await yieldToLoop();
            const day = store.createdDayOf(store.upsert(page.models[i]));
            if (day !== NO_DAY && (store.meta.walkOldestDay === undefined || day < store.meta.walkOldestDay)) store.meta.walkOldestDay = day;
          }
          store.meta.walkSeen += page.models.length;
          // The last page has no next link: keep the cursor on it until the walk is complete.
          if (page.next) store.meta.cursor = page.next;
          if (++unsaved >= SAVE_EVERY_PAGES) {
            await writeCensusFile(store, this.file);
            unsaved = 0;
          }
          onPage(this.progress());
          if (this.stopped) return { added: store.size - before, dropped: 0, requests };
        }
        break;
      } catch (err) {
        // A persisted cursor the Hub no longer accepts: walk again from the newest model.
        if (resumed && err instanceof PagingError && err.reason === 'status' && err.status !== undefined && err.status < 500) {
          this.logger.warn({ cursor: store.meta.cursor }, 'census: the saved cursor was refused, walking again from the start');
          store.meta.cursor = this.firstPage();
          resumed = false;
          continue;
        }
        await writeCensusFile(store, this.file).catch(() => {});
        throw err;
      }
    }
    const { dropped } = store.endWalk(this.now().toISOString());
    store.meta.lastSyncAt = store.meta.lastWalkAt;
    await writeCensusFile(store, this.file);
    this.logger.info({ models: store.size, dropped, requests }, 'census: walk complete');
    await this.sizingPass(store);
    return { added: Math.max(0, store.size - before), dropped, requests };
  }

  /**
   * After a walk: the family medians learned again and every estimated count resolved again, in a
   * worker thread over the file just saved (seconds of CPU at millions of models, which commands must
   * not wait behind); then the counts are taken and saved. Replies read the previous counts meanwhile.
   * A pass that fails or is stopped stays pending and runs again first thing next time; the sync goes on.
   */
  private async sizingPass(store: CensusStore): Promise<void> {
    const started = Date.now();
    try {
      const sizes = await runInWorker<Sizes>(new URL('../store/sizing-worker.js', import.meta.url), { file: this.file }, this.stopping.signal);
      await store.reserve(0);
      store.applySizes(sizes);
      await writeCensusFile(store, this.file);
      this.logger.info({ models: store.size, ms: Date.now() - started }, 'census: models sized again');
    } catch (err) {
      this.logger.warn({ err }, 'census: the sizing pass after the walk did not finish; it runs again next time');
    }
  }

  /** Only models newer than the newest stored: newest first until the first one already known. */
  private async sync(onPage: (progress: CensusProgress) => void): Promise<{ added: number; requests: number }> {
    const store = await this.load();
    // New models are sized with the family medians of the census's last sizing pass (kept in its file).
    const newest = store.meta.newestCreatedAt ?? '';
    let added = 0;
    let requests = 0;
    pages: for await (const page of modelPages(this.policyFetch, this.firstPage(), { token: this.config.HF_TOKEN, maxPages: this.pageCap(), maxWaitMs: MAX_RATE_LIMIT_WAIT_MS })) {
      requests++;
      await store.reserve(page.models.length);
      for (const model of page.models) {
        if (model.createdAt !== undefined && model.createdAt <= newest) break pages;
        if (added > 0 && added % UPSERT_CHUNK === 0) await yieldToLoop();
        store.upsert(model);
        added++;
      }
      onPage(this.progress());
      if (this.stopped) break;
    }
    store.meta.lastSyncAt = this.now().toISOString();
    await writeCensusFile(store, this.file);
    if (added) this.logger.info({ added, models: store.size }, 'census: new models stored');
    return { added, requests };
  }

  /** The background loop of the platform process: never blocks a command, logs its progress. */
  start(): void {
    if (this.config.CENSUS_SYNC_MINUTES <= 0 || this.config.OFFLINE) return;
    this.stopped = false;
    this.stopping = new AbortController();
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.nextRunAt = new Date(this.now().getTime() + ms);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let lastLog = 0;
    try {
      await this.runOnce((p) => {
        if (Date.now() - lastLog < 60_000) return;
        lastLog = Date.now();
        this.logger.info(p, 'census: progress');
      });
      this.logger.info(this.progress(), 'census: up to date');
      this.schedule(this.config.CENSUS_SYNC_MINUTES * 60_000);
    } catch (err) {
      const wait = err instanceof HubError && err.retryAfterMs ? Math.max(err.retryAfterMs, 1_000) : RETRY_AFTER_FAILURE_MS;
      this.logger.warn({ err, retryInMs: wait, ...this.progress() }, 'census: sync failed; it resumes from its cursor');
      this.schedule(wait);
    }
  }

  /** Stops the loop; a page in progress is finished and saved, a sizing pass is left for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort(new Error('census: stopping'));
    if (this.timer) clearTimeout(this.timer);
    this.nextRunAt = null;
    await this.running?.catch(() => {});
  }
}

// apache-arrow (the census file's format) is imported only when there is a census file to read or a
// walk to save: a console start without a census does not pay for loading it.
async function readCensusFile(file: string): Promise<CensusStore | undefined> {
  if (!existsSync(file)) return undefined;
  const { loadCensus } = await import('../store/census-file.js');
  return loadCensus(file);
}

async function writeCensusFile(store: CensusStore, file: string): Promise<void> {
  const { saveCensus } = await import('../store/census-file.js');
  await saveCensus(store, file);
}
