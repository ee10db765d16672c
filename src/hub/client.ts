// Live calls to the Hub through @huggingface/hub, with one fetch policy for every request (cockatiel):
// a deadline per attempt that covers the whole answer, body included; bounded retries with jittered
// backoff that honour Retry-After; a circuit breaker per endpoint kind that opens on repeated 5xx,
// timeouts and unreachable answers; answers checked before the library reads them; the token only
// ever sent to HF_ENDPOINT's host.
import {
  BrokenCircuitError,
  CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  type FailureReason,
} from 'cockatiel';
import type { ModelRecord } from '../core/types.js';
import type { Logger } from '../log.js';
import { downloadModelConfig } from './config-file.js';
import { hubApiStatus, hubLibrary } from './library.js';
import { fromHubEntry, isObject } from './records.js';
import { MAX_PAGE_SIZE, modelListUrl, modelPages, pageCap, PagingError } from './pages.js';

export type HubFailure = 'timeout' | 'rate-limited' | 'server' | 'network' | 'malformed' | 'cancelled';

/** A Hub call that failed in a way retries did not fix. */
export class HubError extends Error {
  constructor(
    readonly reason: HubFailure,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    readonly details: {
      /** A timeout under a short deadline (autocomplete): it says nothing about the Hub's health. */
      shortDeadline?: boolean;
      /** Not sent at all: the endpoint's breaker is open after repeated failures. */
      circuitOpen?: boolean;
    } = {},
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
    if (err.reason === 'cancelled') return 'cancelled';
    return 'unreachable';
  }
  const status = hubApiStatus(err);
  if (status !== undefined) return `HTTP ${status}`;
  if (err instanceof PagingError) return err.status ? `HTTP ${err.status}` : 'malformed answer';
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
/** First wait before retrying a 5xx, a dropped connection or a bad answer; doubled, then ±50 % jitter. */
const FAILURE_BACKOFF_MS = 250;

/** Consecutive outage-like failures (5xx, timeouts, unreachable, bad answers) that open an endpoint kind's breaker. */
export const BREAKER_THRESHOLD = 5;
/** How long an open breaker fails requests at once before letting one test request through; doubles up to the max. */
export const BREAKER_HALF_OPEN_MS = 10_000;
const BREAKER_HALF_OPEN_MAX_MS = 5 * 60_000;

/** The Hub's endpoints, each with its own breaker: one failing (or one slow model) does not stop the others. */
export type EndpointKind = 'list' | 'model' | 'search' | 'files';

export function endpointKind(url: string): EndpointKind {
  const { pathname, searchParams } = new URL(url);
  if (/\/api\/models\/?$/.test(pathname)) return searchParams.has('search') ? 'search' : 'list';
  if (pathname.includes('/api/models/')) return 'model';
  return 'files';
}

/** Retry-After is seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Lists must be JSON arrays of objects and single models JSON objects with an id, or the library would choke later (not for files). */
function checkShape(url: string, kind: EndpointKind, body: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new HubError('malformed', `Bad JSON from ${url}`);
  }
  if (kind === 'list' || kind === 'search') {
    if (!Array.isArray(parsed) || !parsed.every(isObject)) throw new HubError('malformed', `Not a list of models from ${url}`);
  } else if (kind === 'model') {
    // `{}` or an object without the repo id is the Hub answering badly, not "no such model" (that is a 404).
    const model = parsed as Record<string, unknown>;
    if (!isObject(parsed) || !(typeof model.id === 'string' || typeof model.modelId === 'string')) throw new HubError('malformed', `Not a model from ${url}`);
  }
}

/** Failures that say the endpoint is in trouble; a rate limit, a 404 or a cancelled request do not. */
const isOutage = (err: unknown) =>
  err instanceof HubError && (err.reason === 'server' || err.reason === 'network' || err.reason === 'malformed' || (err.reason === 'timeout' && !err.details.shortDeadline));

/** One circuit breaker per endpoint kind, shared by every fetch of one client (and its background work). */
export class HubBreakers {
  private readonly breakers = new Map<EndpointKind, CircuitBreakerPolicy>();

  constructor(
    private readonly logger?: Logger,
    private readonly options: { threshold?: number; halfOpenAfterMs?: number } = {},
  ) {}

  get(kind: EndpointKind): CircuitBreakerPolicy {
    let breaker = this.breakers.get(kind);
    if (!breaker) {
      const first = this.options.halfOpenAfterMs ?? BREAKER_HALF_OPEN_MS;
      breaker = circuitBreaker(handleWhen(isOutage), {
        breaker: new ConsecutiveBreaker(this.options.threshold ?? BREAKER_THRESHOLD),
        halfOpenAfter: new ExponentialBackoff({ initialDelay: first, maxDelay: Math.max(first, BREAKER_HALF_OPEN_MAX_MS) }),
      });
      breaker.onBreak(() => this.logger?.warn({ kind }, 'hub: circuit open after repeated failures; failing at once for a while'));
      breaker.onReset(() => this.logger?.info({ kind }, 'hub: circuit closed; the Hub answers again'));
      this.breakers.set(kind, breaker);
    }
    return breaker;
  }

  /** False while requests of this kind fail at once (breaker open); background work waits for it. */
  available(kind: EndpointKind): boolean {
    const state = this.breakers.get(kind)?.state;
    return state !== CircuitState.Open && state !== CircuitState.Isolated;
  }
}

export interface FetchPolicy {
  /** Deadline of one attempt, from the request to the last byte of the answer. */
  timeoutMs: number;
  /** Whether to retry at all; autocomplete has a deadline and cannot wait. */
  retries: boolean;
  /** Shared by every fetch of one client; a fetch without one gets its own. */
  breakers?: HubBreakers;
  /** HF_ENDPOINT: an Authorization header only ever goes to this origin (none goes anywhere without it). */
  endpoint?: string;
  /** Cancels every request of this fetch, waiting or running (shutdown, one-shot commands). */
  signal?: AbortSignal;
}

/** The request's headers without Authorization when it goes anywhere but the endpoint's origin (a Link to another host). */
function headersFor(url: string, init: RequestInit | undefined, endpoint: string | undefined): Headers {
  const headers = new Headers(init?.headers);
  if (headers.has('authorization') && (!endpoint || new URL(url).origin !== new URL(endpoint).origin)) headers.delete('authorization');
  return headers;
}

/**
 * A fetch for the library: per-attempt deadline over the whole answer, bounded retries with jittered
 * backoff (Retry-After honoured), a breaker per endpoint kind, answers checked before use. Failures
 * are HubError.
 */
export function createHubFetch(baseFetch: typeof fetch, policy: FetchPolicy, logger: Logger): typeof fetch {
  const breakers = policy.breakers ?? new HubBreakers(logger);
  const deadline = timeout(policy.timeoutMs, TimeoutStrategy.Aggressive);

  /** One request, answer read in full under `signal`: 429 and 5xx become HubError, other answers a fresh Response. */
  async function attempt(url: string, kind: EndpointKind, init: RequestInit, signal: AbortSignal): Promise<Response> {
    const res = await baseFetch(url, { ...init, signal });
    if (res.status === 429) {
      await res.body?.cancel();
      throw new HubError('rate-limited', `HTTP 429 from ${url}`, 429, retryAfterMs(res.headers.get('retry-after'), Date.now()));
    }
    if (res.status >= 500) {
      await res.body?.cancel();
      throw new HubError('server', `HTTP ${res.status} from ${url}`, res.status);
    }
    // Every body is read here, 404s too, so the deadline covers it: a hanging body is a timeout.
    // As bytes: files (config.json, safetensors headers) need not be text.
    const body = await res.arrayBuffer();
    // A repo's files (config.json…) are whatever they are: their readers check them.
    if (res.ok && kind !== 'files') checkShape(url, kind, new TextDecoder().decode(body));
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    // 404 and other client errors go to the library, which turns them into HubApiError.
    return new Response(body, { status: res.status, statusText: res.statusText, headers });
  }

  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const kind = endpointKind(url);
    const breaker = breakers.get(kind);
    const cancel = AbortSignal.any([policy.signal, init?.signal].filter((s): s is AbortSignal => !!s));
    const request: RequestInit = { ...init, headers: headersFor(url, init, policy.endpoint) };
    const short = !policy.retries;

    /** One attempt under the deadline and the breaker; every failure becomes a HubError. */
    const guarded = () =>
      breaker
        .execute(() =>
          deadline.execute(({ signal }) => attempt(url, kind, request, signal), cancel).catch((err: unknown) => {
            if (cancel.aborted) throw new HubError('cancelled', `Cancelled: ${url}`);
            if (err instanceof HubError) throw err;
            if (err instanceof TaskCancelledError) throw new HubError('timeout', `No complete answer within ${policy.timeoutMs} ms from ${url}`, undefined, undefined, { shortDeadline: short });
            throw new HubError('network', `${(err as Error).message ?? err} (${url})`);
          }),
        )
        .catch((err: unknown) => {
          if (!(err instanceof BrokenCircuitError)) throw err;
          // Fail at once, with the failure that opened the breaker, so the reply says what is wrong.
          const last = (breaker.lastFailure as FailureReason<unknown> | undefined) && 'error' in breaker.lastFailure! ? breaker.lastFailure.error : undefined;
          const reason = last instanceof HubError ? last : new HubError('network', 'unreachable');
          throw new HubError(reason.reason, `Circuit open for Hub ${kind} requests after repeated failures (${reason.message})`, reason.status, undefined, { circuitOpen: true });
        });

    let rateLimited = 0;
    let failed = 0;
    const retrying = retry(
      handleWhen((err) => {
        if (!policy.retries || !(err instanceof HubError)) return false;
        if (err.reason === 'rate-limited') return (err.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS) <= MAX_RETRY_AFTER_MS && rateLimited++ < MAX_RATE_LIMIT_RETRIES;
        // A timeout is not retried: the caller has already waited the whole deadline once.
        return (err.reason === 'server' || err.reason === 'network' || err.reason === 'malformed') && !err.details.circuitOpen && failed++ < MAX_FAILURE_RETRIES;
      }),
      {
        maxAttempts: MAX_RATE_LIMIT_RETRIES + MAX_FAILURE_RETRIES,
        backoff: new DelegateBackoff((context: { attempt: number; result: FailureReason<unknown> }) => {
          const err = 'error' in context.result ? context.result.error : undefined;
          if (err instanceof HubError && err.reason === 'rate-limited') return err.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
          return FAILURE_BACKOFF_MS * 2 ** (context.attempt - 1) * (0.5 + Math.random());
        }),
      },
    );
    // A wait between attempts never keeps the process alive (a one-shot command that has answered exits).
    retrying.dangerouslyUnref();
    retrying.onRetry(({ delay, attempt }) => logger.debug({ url, kind, attempt, waitMs: Math.round(delay) }, 'hub: retrying'));
    return retrying.execute(guarded, cancel);
  };
}

export interface HubClientOptions {
  endpoint: string;
  token?: string;
  timeoutMs: number;
  fetch: typeof fetch;
  logger: Logger;
  /** Cancels every request of this client (shutdown). */
  signal?: AbortSignal;
  /** Breaker settings (tests); see BREAKER_THRESHOLD and BREAKER_HALF_OPEN_MS. */
  breaker?: { threshold?: number; halfOpenAfterMs?: number };
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
  /** One model by exact repo id; undefined when the Hub says it does not exist. Throws HubError('malformed') for an answer that is not a model. */
  modelInfo(id: string): Promise<ModelRecord | undefined>;
  /** False while this kind of request fails at once (its breaker is open): background work waits. */
  available(kind: EndpointKind): boolean;
  /** A model repo's parsed config.json; undefined when there is none. */
  modelConfig(id: string): Promise<Record<string, unknown> | undefined>;
}

export function createHubClient(options: HubClientOptions): HubClient {
  const hubUrl = options.endpoint.replace(/\/+$/, '');
  const accessToken = options.token;
  const breakers = new HubBreakers(options.logger, options.breaker);
  const shared = { breakers, endpoint: hubUrl, signal: options.signal };
  const normal = createHubFetch(options.fetch, { timeoutMs: options.timeoutMs, retries: true, ...shared }, options.logger);
  const quick = createHubFetch(options.fetch, { timeoutMs: Math.min(options.timeoutMs, SEARCH_DEADLINE_MS), retries: false, ...shared }, options.logger);

  return {
    async listTop(tag, size) {
      const models: ModelRecord[] = [];
      const first = modelListUrl(hubUrl, { sort: 'downloads', limit: Math.min(size, MAX_PAGE_SIZE), tag });
      for await (const page of modelPages(normal, first, { token: accessToken, maxPages: pageCap(size, MAX_PAGE_SIZE), maxWaitMs: MAX_RETRY_AFTER_MS })) {
        models.push(...page.models.slice(0, size - models.length));
        if (models.length >= size) break;
      }
      return models;
    },

    async listNewest(since, tag, max) {
      const models: ModelRecord[] = [];
      const first = modelListUrl(hubUrl, { sort: 'createdAt', limit: Math.min(max, MAX_PAGE_SIZE), tag });
      for await (const page of modelPages(normal, first, { token: accessToken, maxPages: pageCap(max, MAX_PAGE_SIZE), maxWaitMs: MAX_RETRY_AFTER_MS })) {
        for (const record of page.models) {
          if (!record.createdAt) continue;
          // Newest first: the first model older than `since` ends the period (and stops paging).
          if (new Date(record.createdAt) < since) return { models, complete: true };
          models.push(record);
          if (models.length >= max) return { models, complete: false };
        }
      }
      return { models, complete: true };
    },

    async searchIds(query, limit, isQuick = false) {
      const ids: string[] = [];
      const { listModels } = await hubLibrary();
      const entries = listModels({ hubUrl, accessToken, fetch: isQuick ? quick : normal, limit, search: { query } });
      for await (const entry of entries) if (typeof entry.name === 'string') ids.push(entry.name);
      return ids;
    },

    async modelInfo(id) {
      const { modelInfo } = await hubLibrary();
      let entry: unknown;
      try {
        entry = await modelInfo({ hubUrl, accessToken, fetch: normal, name: id, additionalFields: FIELDS });
      } catch (err) {
        if (hubApiStatus(err) === 404) return undefined;
        throw err;
      }
      const record = fromHubEntry(entry);
      if (!record) throw new HubError('malformed', `Not a model from the Hub for ${id}`);
      return record;
    },

    available: (kind) => breakers.available(kind),
    modelConfig: (id) => downloadModelConfig(id, { hubUrl, accessToken, fetch: normal }),
  };
}
