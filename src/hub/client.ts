// Live calls to the Hub through @huggingface/hub, with our own fetch wrapper for timeouts,
// bounded retries and checking that answers are well-formed before the library reads them.
import { HubApiError, listModels, modelInfo, type PipelineType } from '@huggingface/hub';
import type { ModelRecord } from '../core/types.js';
import type { Logger } from '../log.js';
import { downloadModelConfig } from './config-file.js';
import { fromHubEntry } from './records.js';
import { sleep } from '../time.js';

export type HubFailure = 'timeout' | 'rate-limited' | 'server' | 'network' | 'malformed';

/** A Hub call that failed in a way retries did not fix. */
export class HubError extends Error {
  constructor(
    readonly reason: HubFailure,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/** Short words for a reply note: "The Hub did not answer (timeout)". */
export function describeFailure(err: unknown): string {
  if (err instanceof HubError) {
    if (err.reason === 'timeout') return 'timeout';
    if (err.reason === 'rate-limited') return 'rate limited';
    if (err.reason === 'server') return `HTTP ${err.status}`;
    if (err.reason === 'malformed') return 'malformed answer';
    return 'unreachable';
  }
  if (err instanceof HubApiError) return `HTTP ${err.statusCode}`;
  return 'error';
}

/** The fields the analyses read. pipeline_tag, downloads and likes are the library's default expand keys. */
export const ADDITIONAL_FIELDS = ['createdAt', 'tags', 'library_name', 'safetensors', 'gguf'];
// `gguf` is missing from the library's type but is passed through as an expand key at run time.
const FIELDS = ADDITIONAL_FIELDS as ('createdAt' | 'tags' | 'library_name' | 'safetensors')[];

const MAX_RATE_LIMIT_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 10_000;
const DEFAULT_RETRY_AFTER_MS = 1_000;
const MAX_FAILURE_RETRIES = 1;
const FAILURE_BACKOFF_MS = 250;

/** How long the Hub is left alone after it could not be reached. */
const UNREACHABLE_PAUSE_MS = 30_000;


/** Retry-After is seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Lists must be JSON arrays of objects and single models JSON objects, or the library would choke later. */
function checkShape(url: string, body: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HubError('malformed', `Bad JSON from ${url}`);
  }
  const path = new URL(url).pathname;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (path.endsWith('/api/models')) {
    if (!Array.isArray(parsed) || !parsed.every(isObject)) throw new HubError('malformed', `Not a list of models from ${url}`);
  } else if (path.includes('/api/models/') && !isObject(parsed)) {
    throw new HubError('malformed', `Not a model from ${url}`);
  }
}

/**
 * After the Hub could not be reached at all (network error, timeout), requests fail at once for a
 * while: replies use the last good data or the snapshot instead of each waiting out a timeout.
 */
export class Reachability {
  private downUntil = 0;

  constructor(
    private readonly pauseMs = UNREACHABLE_PAUSE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  check(url: string): void {
    if (this.now() < this.downUntil) throw new HubError('network', `the Hub was unreachable moments ago; not asking again before ${new Date(this.downUntil).toISOString()} (${url})`);
  }

  record(error: HubError | undefined): void {
    if (!error) this.downUntil = 0;
    else if (error.reason === 'network' || error.reason === 'timeout') this.downUntil = this.now() + this.pauseMs;
  }
}

export interface FetchPolicy {
  timeoutMs: number;
  /** Whether to retry at all; autocomplete has a deadline and cannot wait. */
  retries: boolean;
  /** Shared by every fetch of one client. */
  reachability?: Reachability;
}

/** A fetch for the library: per-attempt timeout, 429 and 5xx retries, answers checked before use. */
export function createHubFetch(baseFetch: typeof fetch, policy: FetchPolicy, logger: Logger): typeof fetch {
  async function attempt(url: string, init: RequestInit | undefined): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), policy.timeoutMs);
    try {
      const res = await baseFetch(url, { ...init, signal: controller.signal });
      if (res.status === 429) {
        await res.body?.cancel();
        throw new HubError('rate-limited', `HTTP 429 from ${url}`, 429, retryAfterMs(res.headers.get('retry-after'), Date.now()));
      }
      if (res.status >= 500) {
        await res.body?.cancel();
        throw new HubError('server', `HTTP ${res.status} from ${url}`, res.status);
      }
      // 404 and other client errors go to the library, which turns them into HubApiError.
      if (!res.ok) return res;
      // Reading the body here keeps it under the timeout and lets us reject malformed pages.
      const body = await res.text();
      checkShape(url, body);
      const headers = new Headers(res.headers);
      headers.delete('content-length');
      headers.delete('content-encoding');
      return new Response(body, { status: res.status, statusText: res.statusText, headers });
    } catch (err) {
      if (err instanceof HubError) throw err;
      if (controller.signal.aborted) throw new HubError('timeout', `No answer within ${policy.timeoutMs} ms from ${url}`);
      throw new HubError('network', `${(err as Error).message ?? err} (${url})`);
    } finally {
      clearTimeout(timer);
    }
  }

  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let rateLimited = 0;
    let failed = 0;
    policy.reachability?.check(url);
    for (;;) {
      try {
        const res = await attempt(url, init);
        policy.reachability?.record(undefined);
        return res;
      } catch (err) {
        const e = err as HubError;
        let wait: number | undefined;
        if (policy.retries && e.reason === 'rate-limited' && rateLimited < MAX_RATE_LIMIT_RETRIES) {
          const after = e.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
          if (after <= MAX_RETRY_AFTER_MS) {
            rateLimited++;
            wait = after;
          }
        } else if (
          policy.retries &&
          (e.reason === 'server' || e.reason === 'network' || e.reason === 'malformed') &&
          failed < MAX_FAILURE_RETRIES
        ) {
          // A timeout is not retried: the caller has already waited the whole timeout once.
          failed++;
          wait = FAILURE_BACKOFF_MS;
        }
        if (wait === undefined) {
          // A quick (autocomplete) request timing out under its short deadline says nothing about reachability.
          if (policy.retries || e.reason !== 'timeout') policy.reachability?.record(e);
          throw e;
        }
        logger.debug({ url, reason: e.reason, waitMs: wait }, 'hub: retrying');
        await sleep(wait);
      }
    }
  };
}

export interface HubClientOptions {
  endpoint: string;
  token?: string;
  timeoutMs: number;
  fetch: typeof fetch;
  logger: Logger;
}

/** Autocomplete must answer Discord within 3 s, so its Hub search gets at most 2 s and no retries. */
export const SEARCH_DEADLINE_MS = 2_000;

export interface HubClient {
  /** Top `size` models by 30-day downloads, optionally for one pipeline tag. */
  listTop(tag: string | undefined, size: number): Promise<ModelRecord[]>;
  /** Models created at or after `since`, newest first, at most `max`. Returns `complete:false` when `max` cut it short. */
  listNewest(since: Date, tag: string | undefined, max: number): Promise<{ models: ModelRecord[]; complete: boolean }>;
  /** Repo ids the Hub's search finds for `query`. `quick` = autocomplete deadline, no retries. */
  searchIds(query: string, limit: number, quick?: boolean): Promise<string[]>;
  /** One model by exact repo id; undefined when the Hub says it does not exist. */
  modelInfo(id: string): Promise<ModelRecord | undefined>;
  /** A model repo's parsed config.json; undefined when there is none. */
  modelConfig(id: string): Promise<Record<string, unknown> | undefined>;
}

export function createHubClient(options: HubClientOptions): HubClient {
  const hubUrl = options.endpoint.replace(/\/+$/, '');
  const accessToken = options.token;
  const reachability = new Reachability();
  const normal = createHubFetch(options.fetch, { timeoutMs: options.timeoutMs, retries: true, reachability }, options.logger);
  const quick = createHubFetch(
    options.fetch,
    { timeoutMs: Math.min(options.timeoutMs, SEARCH_DEADLINE_MS), retries: false, reachability },
    options.logger,
  );
  const task = (tag: string | undefined) => (tag ? { task: tag as PipelineType } : undefined);

  return {
    async listTop(tag, size) {
      const models: ModelRecord[] = [];
      const entries = listModels({
        hubUrl, accessToken, fetch: normal, sort: 'downloads', limit: size, search: task(tag), additionalFields: FIELDS,
      });
      for await (const entry of entries) {
        const record = fromHubEntry(entry);
        if (record) models.push(record);
      }
      return models;
    },

    async listNewest(since, tag, max) {
      const models: ModelRecord[] = [];
      const entries = listModels({
        hubUrl, accessToken, fetch: normal, sort: 'createdAt', limit: max, search: task(tag), additionalFields: FIELDS,
      });
      for await (const entry of entries) {
        const record = fromHubEntry(entry);
        if (!record?.createdAt) continue;
        // Newest first: the first model older than `since` ends the period (and stops paging).
        if (new Date(record.createdAt) < since) return { models, complete: true };
        models.push(record);
      }
      return { models, complete: models.length < max };
    },

    async searchIds(query, limit, isQuick = false) {
      const ids: string[] = [];
      const entries = listModels({ hubUrl, accessToken, fetch: isQuick ? quick : normal, limit, search: { query } });
      for await (const entry of entries) if (typeof entry.name === 'string') ids.push(entry.name);
      return ids;
    },

    async modelInfo(id) {
      try {
        return fromHubEntry(await modelInfo({ hubUrl, accessToken, fetch: normal, name: id, additionalFields: FIELDS }));
      } catch (err) {
        if (err instanceof HubApiError && err.statusCode === 404) return undefined;
        throw err;
      }
    },

    modelConfig: (id) => downloadModelConfig(id, { hubUrl, accessToken, fetch: normal }),
  };
}
