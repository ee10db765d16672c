// The one pager for every Hub model listing (census walk and sync, the top-N sample, the newest-first
// listing of digests): one page at a time through createHubFetch, following the absolute
// `Link: <…>; rel="next"` URL, and handing that URL back as the cursor so a walk can be persisted and
// resumed. @huggingface/hub's listModels follows the same links internally but never exposes the
// cursor, so it still serves the search (autocomplete) and nothing that pages far.
import type { ModelRecord } from '../core/types.js';
import { sleep } from '../time.js';
import { fromRawHub } from './records.js';

/** The fields the analyses and the census read, as the Hub's `expand` keys. */
export const LIST_FIELDS = ['createdAt', 'downloads', 'likes', 'pipeline_tag', 'tags', 'library_name', 'safetensors', 'gguf'] as const;

/** The Hub's largest page. */
export const MAX_PAGE_SIZE = 1_000;

export function modelListUrl(endpoint: string, options: { sort: 'createdAt' | 'downloads'; limit: number; tag?: string }): string {
  const query = new URLSearchParams({ sort: options.sort, direction: '-1', limit: String(Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.limit)))) });
  if (options.tag) query.set('pipeline_tag', options.tag);
  for (const field of LIST_FIELDS) query.append('expand', field);
  return `${endpoint.replace(/\/+$/, '')}/api/models?${query}`;
}

export type PagingFailure = 'repeated' | 'cap' | 'status' | 'empty';

/** A listing that cannot be trusted: a cursor that does not advance, too many pages, a refused request. */
export class PagingError extends Error {
  constructor(
    readonly reason: PagingFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PagingError';
  }
}

export interface ModelPage {
  url: string;
  /** Models of the page not already seen in this listing, in the Hub's order. */
  models: ModelRecord[];
  /** How many entries the Hub sent (duplicates and unreadable entries included). */
  received: number;
  /** Entries already given earlier in the listing. */
  duplicates: number;
  /** The next page's absolute URL: the cursor to persist. Undefined on the last page. */
  next: string | undefined;
  /** How long the Hub's RateLimit header asks to wait before the next request (0 = none). */
  waitMs: number;
}

/** `<https://…>; rel="next"` from a Link header; only absolute URLs, as the Hub sends them. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const [, url, rel] of header.matchAll(/<(https?:\/\/[^>]+)>;\s*rel="([^"]+)"/g)) if (rel === 'next') return url;
  return undefined;
}

/**
 * How long to wait before the next request, from the Hub's rate-limit headers: the IETF draft's
 * `RateLimit: "api";r=0;t=120` (remaining r, reset in t seconds) or the older `RateLimit-Remaining` /
 * `RateLimit-Reset` pair. Only an exhausted quota (remaining 0) asks for a wait.
 */
export function rateLimitWaitMs(headers: Headers): number {
  const combined = headers.get('ratelimit');
  let remaining: number | undefined;
  let reset: number | undefined;
  if (combined) {
    remaining = Number(/(?:^|[;,\s])r=(\d+)/.exec(combined)?.[1] ?? /remaining=(\d+)/.exec(combined)?.[1]);
    reset = Number(/(?:^|[;,\s])t=(\d+)/.exec(combined)?.[1] ?? /reset=(\d+)/.exec(combined)?.[1]);
  } else {
    remaining = Number(headers.get('ratelimit-remaining') ?? NaN);
    reset = Number(headers.get('ratelimit-reset') ?? NaN);
  }
  return remaining === 0 && Number.isFinite(reset) && reset! > 0 ? reset! * 1000 : 0;
}

/** Which ids a listing has already given (a Set, or the census store's own memory of this walk). */
export interface SeenIds {
  has(id: string): boolean;
  add(id: string): void;
}

export interface PagingOptions {
  token?: string;
  /** Hard cap on requests for this listing. */
  maxPages: number;
  /** Ids seen so far; a new Set by default. */
  seen?: SeenIds;
  /** Longest wait a RateLimit header may impose before the pager gives up instead. */
  maxWaitMs: number;
}

/** One page: GET through the policy fetch (deadlines, retries, checked JSON), models read, next link and rate limit parsed. */
export async function fetchModelPage(fetchPolicy: typeof fetch, url: string, token: string | undefined, seen: SeenIds): Promise<ModelPage> {
  const res = await fetchPolicy(url, { headers: { accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  if (!res.ok) {
    await res.body?.cancel();
    throw new PagingError('status', `HTTP ${res.status} from ${url}`, res.status);
  }
  const entries = (await res.json()) as unknown[];
  const models: ModelRecord[] = [];
  let duplicates = 0;
  for (const entry of entries) {
    const record = fromRawHub(entry);
    if (!record) continue;
    if (seen.has(record.id)) {
      duplicates++;
      continue;
    }
    seen.add(record.id);
    models.push(record);
  }
  return { url, models, received: entries.length, duplicates, next: nextLink(res.headers.get('link')), waitMs: rateLimitWaitMs(res.headers) };
}

/**
 * Pages of a listing from `first` (a first-page URL or a persisted cursor). Ends after the last page or
 * an empty one; throws PagingError when a `next` link points at a page already fetched, when a
 * non-empty page holds only models already given (the same page again under another cursor), or when
 * more than `maxPages` would be needed.
 */
export async function* modelPages(fetchPolicy: typeof fetch, first: string, options: PagingOptions): AsyncGenerator<ModelPage> {
  const fetched = new Set<string>();
  const seen = options.seen ?? new Set<string>();
  let url: string | undefined = first;
  while (url) {
    if (fetched.has(url)) throw new PagingError('repeated', `The Hub's next link points back at a page already fetched (${url})`);
    if (fetched.size >= options.maxPages) throw new PagingError('cap', `More than ${options.maxPages} pages for one listing (stopped at ${url})`);
    fetched.add(url);
    const page = await fetchModelPage(fetchPolicy, url, options.token, seen);
    if (page.received > 0 && page.duplicates === page.received) throw new PagingError('repeated', `The Hub sent a page of models it had already listed (${url})`);
    yield page;
    if (page.received === 0) return;
    url = page.next;
    if (url && page.waitMs > 0) {
      if (page.waitMs > options.maxWaitMs) throw new PagingError('cap', `The Hub asks to wait ${Math.round(page.waitMs / 1000)} s before the next page`);
      await sleep(page.waitMs);
    }
  }
}

/** Pages needed for `size` models, plus one: the hard cap of a bounded listing. */
export const pageCap = (size: number, pageSize: number) => Math.ceil(size / pageSize) + 1;
