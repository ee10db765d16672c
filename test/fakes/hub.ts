// A fake Hugging Face Hub API on 127.0.0.1 for tests: the model list and model-info endpoints
// the real @huggingface/hub client calls, every request recorded, and switchable faults.
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RawHubModel } from '../../src/hub/records.js';
import { loadRawSnapshot } from '../../src/hub/snapshot.js';

export type { RawHubModel };

export interface FakeHubRequest {
  method: string;
  /** Decoded path, e.g. `/api/models` or `/api/models/Qwen/Qwen2.5-0.5B/revision/HEAD`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface FakeHubFault {
  /** Answer with this status (and a JSON error body) instead of the data. */
  status?: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** Wait this long before answering (longer than the client's timeout = a timeout). */
  delayMs?: number;
  /** Close the socket without an answer. */
  dropConnection?: boolean;
  /** 200 with a body that is not JSON. */
  malformed?: boolean;
  /** 200 with well-formed JSON of the wrong shape (e.g. an object where a list is expected). */
  body?: unknown;
  /** Send half of the real page, then cut the connection. */
  truncated?: boolean;
  /** The real page, but its `Link: rel="next"` points back at the page itself (a cursor that does not advance). */
  selfLink?: boolean;
  /** The real page with the Hub's rate-limit header: `RateLimit: "api";r=<remaining>;t=<resetSeconds>`. */
  rateLimit?: { remaining: number; resetSeconds: number };
  /** Send the headers and half of the body (of the error body with `status`), then the rest this much later (Infinity: never). */
  slowBodyMs?: number;
  /** The `Link: rel="next"` header points at this origin instead of the fake's own (e.g. another host). */
  nextLinkOrigin?: string;
  /** How many requests this fault applies to (default 1; Infinity = until reset). */
  times?: number;
  /** Only requests whose path starts with this (default: every request). */
  pathPrefix?: string;
  /** Only requests to exactly this path (`/api/models`: the list, not single models). */
  path?: string;
}

export interface FakeHub {
  /** `http://127.0.0.1:PORT`, for HF_ENDPOINT / hubUrl. */
  url: string;
  /** Every request received, in order. */
  requests: FakeHubRequest[];
  /** The models served; tests may push to or replace it. */
  models: RawHubModel[];
  /** Repo files served at `/{org}/{name}/resolve/{rev}/{path}`, keyed `org/name/path` (JSON values are sent as JSON). */
  files: Map<string, unknown>;
  /** Requests to the list endpoint (`GET /api/models`). */
  listRequests(): FakeHubRequest[];
  /** Requests to the single-model endpoint. */
  modelRequests(): FakeHubRequest[];
  /** Queues a fault for the next matching request(s). */
  fail(fault: FakeHubFault): void;
  /**
   * From now on, each request fails with probability `rate` in one of the assorted ways (5xx, 429,
   * delay past `delayMs`, dropped connection, bad JSON, wrong shape, slow body); 0 turns it off.
   * `random` makes runs repeatable. Returns how many requests it failed so far.
   */
  chaos(rate: number, options?: { random?: () => number; delayMs?: number }): void;
  /** Requests the chaos setting failed. */
  chaosFailures(): number;
  /** Forgets requests and faults (models stay). */
  reset(): void;
  close(): Promise<void>;
}

/** Fields the list endpoint returns when no `expand` is given (as the Hub does). */
const DEFAULT_LIST_FIELDS = ['_id', 'id', 'likes', 'trendingScore', 'private', 'downloads', 'tags', 'pipeline_tag', 'library_name', 'createdAt', 'modelId'];
/** The Hub's list page cap. */
const MAX_LIMIT = 1000;

let snapshotModels: RawHubModel[] | undefined;

/** The project's two snapshot files merged by id, in the raw Hub shape (read once, copied per call). */
export function loadSnapshotModels(): RawHubModel[] {
  snapshotModels ??= loadRawSnapshot();
  return snapshotModels.map((m) => ({ ...m }));
}

/** `n` made-up models (`synthetic/model-00000`…), downloads descending, for paging tests. */
export function makeSyntheticModels(n: number, options: { owner?: string; pipelineTag?: string } = {}): RawHubModel[] {
  const owner = options.owner ?? 'synthetic';
  return Array.from({ length: n }, (_, i) => ({
    id: `${owner}/model-${String(i).padStart(5, '0')}`,
    pipeline_tag: options.pipelineTag ?? 'text-generation',
    library_name: 'transformers',
    downloads: n - i,
    likes: i % 100,
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    tags: ['transformers', 'safetensors', options.pipelineTag ?? 'text-generation'],
    safetensors: { total: 1_000_000 + i },
  }));
}

/** The Hub's `_id` is a 24-hex Mongo id; derive a stable one when a record has none. */
const mongoId = (id: string) => createHash('sha1').update(id).digest('hex').slice(0, 24);

/** What the Hub would store for a record: the fields every model has, filled in. */
function served(model: RawHubModel): RawHubModel {
  return {
    _id: mongoId(model.id),
    private: false,
    gated: false,
    likes: 0,
    downloads: 0,
    tags: [],
    lastModified: model.createdAt ?? '2024-01-01T00:00:00.000Z',
    ...model,
    modelId: model.id,
  };
}

/** With `expand`, the Hub returns `id`, `_id` and only the expanded fields. */
function project(model: RawHubModel, expand: string[]): Record<string, unknown> {
  const full = served(model);
  const fields = expand.length > 0 ? ['_id', 'id', ...expand] : DEFAULT_LIST_FIELDS;
  return Object.fromEntries(fields.filter((f) => full[f] !== undefined).map((f) => [f, full[f]]));
}

const SORTS = new Set(['downloads', 'createdAt', 'likes']);

function sortValue(model: RawHubModel, key: string): number {
  const v = model[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Date.parse(v) || -Infinity;
  return -Infinity; // missing values sort last
}

export async function startFakeHub(options: { models?: RawHubModel[] } = {}): Promise<FakeHub> {
  const requests: FakeHubRequest[] = [];
  let faults: (FakeHubFault & { left: number })[] = [];
  let chaos = { rate: 0, random: Math.random, delayMs: 30_000, failed: 0 };
  const timers = new Set<NodeJS.Timeout>();
  let baseUrl = '';

  const hub: FakeHub = {
    url: '',
    requests,
    models: options.models ?? loadSnapshotModels(),
    files: new Map(),
    listRequests: () => requests.filter((r) => r.path === '/api/models'),
    modelRequests: () => requests.filter((r) => r.path.startsWith('/api/models/')),
    fail(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    reset() {
      requests.length = 0;
      faults = [];
      chaos = { ...chaos, rate: 0 };
    },
    chaos(rate, options = {}) {
      chaos = { rate, random: options.random ?? Math.random, delayMs: options.delayMs ?? 30_000, failed: chaos.failed };
    },
    chaosFailures: () => chaos.failed,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  /** Sorted listings are kept while the filtered list is the same (a census walk asks for 100+ pages of one listing). */
  let sortedCache: { source: RawHubModel[]; length: number; sort: string; sorted: RawHubModel[] } | undefined;
  function sortedBy(list: RawHubModel[], sort: string): RawHubModel[] {
    const reusable = list === hub.models && sortedCache?.source === list && sortedCache.length === list.length && sortedCache.sort === sort;
    if (reusable) return sortedCache!.sorted;
    // Decorate first: parsing dates inside the comparator is slow on 16,000 models.
    const sorted = list
      .map((m, i) => ({ m, i, v: sortValue(m, sort) }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .map((x) => x.m);
    if (list === hub.models) sortedCache = { source: list, length: list.length, sort, sorted };
    return sorted;
  }

  /** The normal answer for a request: status, body and headers. */
  /** A fault picked at random among the assorted kinds, or undefined (most requests). */
  function chaosFault(): FakeHubFault | undefined {
    if (chaos.rate <= 0 || chaos.random() >= chaos.rate) return undefined;
    chaos.failed++;
    const kinds: FakeHubFault[] = [
      { status: 500 },
      { status: 503 },
      { status: 429, retryAfter: 1 },
      { delayMs: chaos.delayMs },
      { dropConnection: true },
      { malformed: true },
      { body: { error: 'not what you asked for' } },
      { slowBodyMs: chaos.delayMs },
      { truncated: true },
    ];
    return kinds[Math.floor(chaos.random() * kinds.length)];
  }

  function answer(path: string, query: URLSearchParams, nextOrigin = baseUrl): { status: number; body: unknown; headers?: Record<string, string> } {
    const expand = query.getAll('expand');
    if (path === '/api/models') {
      let list = hub.models;
      const search = query.get('search')?.toLowerCase();
      if (search) list = list.filter((m) => m.id.toLowerCase().includes(search));
      const task = query.get('pipeline_tag');
      if (task) list = list.filter((m) => m.pipeline_tag === task);
      const author = query.get('author')?.toLowerCase();
      if (author) list = list.filter((m) => m.id.toLowerCase().startsWith(`${author}/`));
      for (const tag of query.getAll('filter')) list = list.filter((m) => m.tags?.includes(tag));
      const sort = query.get('sort');
      if (sort && SORTS.has(sort)) list = sortedBy(list, sort);
      const limit = Math.min(Number(query.get('limit')) || MAX_LIMIT, MAX_LIMIT);
      const offset = Number(query.get('cursor')) || 0;
      const page = list.slice(offset, offset + limit).map((m) => project(m, expand));
      const headers: Record<string, string> = {};
      if (offset + limit < list.length) {
        // Absolute, as the real Hub sends it: the client ignores a relative next link.
        const next = new URLSearchParams(query);
        next.set('cursor', String(offset + limit));
        headers.link = `<${nextOrigin}/api/models?${next}>; rel="next"`;
      }
      return { status: 200, body: page, headers };
    }
    const file = /^\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/.exec(path);
    if (file) {
      const body = hub.files.get(`${file[1]}/${file[2]}`);
      // The Hub tells a missing file from a missing repo with X-Error-Code.
      if (body !== undefined) return { status: 200, body };
      const repoExists = hub.models.some((m) => m.id === file[1]);
      return { status: 404, body: { error: 'Entry not found' }, headers: { 'x-error-code': repoExists ? 'EntryNotFound' : 'RepoNotFound' } };
    }
    const single = /^\/api\/models\/(.+?)(?:\/revision\/[^/]+)?$/.exec(path);
    if (single) {
      const model = hub.models.find((m) => m.id === single[1]); // exact: the fake is case-sensitive
      if (!model) return { status: 404, body: { error: 'Repository not found' } };
      return { status: 200, body: expand.length > 0 ? project(model, expand) : served(model) };
    }
    return { status: 404, body: { error: 'Not found' } };
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const path = decodeURIComponent(url.pathname);
    requests.push({ method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers });

    const queued = faults.find((f) => f.left > 0 && (!f.pathPrefix || path.startsWith(f.pathPrefix)) && (!f.path || path === f.path));
    if (queued) queued.left--;
    const fault = queued ?? chaosFault();

    const respond = () => {
      if (res.destroyed) return;
      if (fault?.dropConnection) return void req.socket.destroy();
      /** Headers and half the text now, the rest after slowBodyMs (never, for Infinity). */
      const slowly = (status: number, text: string) => {
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        if (Number.isFinite(fault!.slowBodyMs)) later(fault!.slowBodyMs!, () => !res.destroyed && res.end(text.slice(Math.floor(text.length / 2))));
      };
      if (fault?.status) {
        const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
        if (fault.slowBodyMs !== undefined) return slowly(fault.status, JSON.stringify({ error: `Fake error ${fault.status}` }));
        return json(res, fault.status, { error: `Fake error ${fault.status}` }, headers);
      }
      if (fault?.malformed) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('[{"id": "broken/json", ');
      }
      if (fault?.body !== undefined) return json(res, 200, fault.body);
      const { status, body, headers = {} } = answer(path, url.searchParams, fault?.nextLinkOrigin);
      if (fault?.selfLink) headers.link = `<${baseUrl}${req.url}>; rel="next"`;
      if (fault?.rateLimit) headers.ratelimit = `"api";r=${fault.rateLimit.remaining};t=${fault.rateLimit.resetSeconds}`;
      if (fault?.slowBodyMs !== undefined) return slowly(status, JSON.stringify(body));
      if (fault?.truncated) {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        return void later(10, () => req.socket.destroy());
      }
      json(res, status, body, headers);
    };
    if (fault?.delayMs) later(fault.delayMs, respond);
    else respond();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  hub.url = baseUrl;
  return hub;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same synthetic Hub. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYNTHETIC_TASKS: [string, number][] = [
  ['text-generation', 30], ['text-classification', 10], ['', 18], ['automatic-speech-recognition', 4], ['image-classification', 5],
  ['fill-mask', 4], ['feature-extraction', 5], ['text-to-image', 6], ['image-text-to-text', 3], ['sentence-similarity', 3],
  ['token-classification', 3], ['translation', 2], ['reinforcement-learning', 4], ['text2text-generation', 3],
];
/** Model types as the Hub tags them (from config.json), weighted roughly as on the Hub. */
const SYNTHETIC_MODEL_TYPES: [string, number][] = [
  ['llama', 20], ['qwen2', 14], ['mistral', 6], ['gemma3', 3], ['gemma2', 2], ['phi3', 2], ['qwen3', 4], ['gpt2', 4], ['bert', 10],
  ['roberta', 4], ['xlm-roberta', 2], ['distilbert', 3], ['deberta-v2', 1], ['t5', 3], ['bart', 1], ['marian', 2], ['whisper', 3],
  ['wav2vec2', 2], ['vit', 3], ['clip', 1], ['siglip', 1], ['stable-diffusion', 4], ['flux', 2], ['gguf', 3],
];
/** Tags the Hub shows beside the model type: languages, licences, file formats, endpoint flags (none names a family) and common free-form ones. */
const SYNTHETIC_OTHER_TAGS = ['en', 'license:apache-2.0', 'license:mit', 'safetensors', 'pytorch', 'autotrain_compatible', 'endpoints_compatible', 'text-generation-inference'];
const SYNTHETIC_COMMON_TAGS = ['unsloth', 'trl', 'sft', 'lora', 'mergekit', 'merge', '4-bit', 'generated_from_trainer', 'chat', 'code'];
const SYNTHETIC_SIZES = ['0.5B', '1.5B', '3B', '7B', '8B', '13B', '70B', '125M', '350M'];
/** The Hub's creation-date backfill: repos older than the Hub's records carry this instant. */
export const BACKFILL_CREATED_AT = '2022-03-02T23:29:04.000Z';

/**
 * `n` records shaped like the Hub's for paging, census and benchmark runs: created from 2022-03-02
 * (a share at the backfill instant) to `newest`, more of them recently; a realistic mix of tasks,
 * safetensors / GGUF counts, sizes in names, heavy-tailed downloads, and fine-tunes, quantizations and
 * adapters of older models named in `base_model:` tags. Returned newest first.
 */
export function makeHubLikeModels(n: number, options: { seed?: number; newest?: string; owner?: string } = {}): RawHubModel[] {
  return [...hubLikeModels(n, options)].reverse();
}

/** makeHubLikeModels one record at a time, oldest first, holding only the ids (benchmarks of millions). */
export function* hubLikeModels(n: number, options: { seed?: number; newest?: string; owner?: string } = {}): Generator<RawHubModel> {
  const rand = random(options.seed ?? 1);
  const newest = Date.parse(options.newest ?? '2026-11-30T12:00:00Z');
  const oldest = Date.parse(BACKFILL_CREATED_AT);
  const owner = options.owner ?? 'org';
  const totalWeight = SYNTHETIC_TASKS.reduce((s, [, w]) => s + w, 0);
  const pickTask = () => {
    let x = rand() * totalWeight;
    for (const [task, w] of SYNTHETIC_TASKS) if ((x -= w) < 0) return task;
    return '';
  };
  // Tags beyond the task from a stream of their own, so the other fields stay those of earlier versions.
  const tagRand = random((options.seed ?? 1) + 7919);
  const typeWeight = SYNTHETIC_MODEL_TYPES.reduce((s, [, w]) => s + w, 0);
  const pickType = () => {
    let x = tagRand() * typeWeight;
    for (const [type, w] of SYNTHETIC_MODEL_TYPES) if ((x -= w) < 0) return type;
    return 'llama';
  };
  const ids: string[] = [];
  // Oldest first, so base models always exist before the models that name them.
  for (let i = 0; i < n; i++) {
    const backfill = i < n * 0.03;
    // Density grows with time: the square root puts more models near `newest`.
    const createdAt = backfill ? BACKFILL_CREATED_AT : new Date(oldest + Math.sqrt((i + rand()) / n) * (newest - oldest)).toISOString();
    const task = pickTask();
    const size = rand() < 0.25 ? SYNTHETIC_SIZES[Math.floor(rand() * SYNTHETIC_SIZES.length)] : undefined;
    const id = `${owner}-${Math.floor(rand() * Math.max(1, n / 20))}/model-${i}${size ? `-${size}` : ''}`;
    const tags = ['transformers', ...(task ? [task] : [])];
    if (tagRand() < 0.7) tags.push(pickType());
    if (task === 'text-generation' && tagRand() < 0.5) tags.push('conversational');
    for (const other of SYNTHETIC_OTHER_TAGS) if (tagRand() < 0.4) tags.push(other);
    if (tagRand() < 0.15) tags.push(SYNTHETIC_COMMON_TAGS[Math.floor(tagRand() * SYNTHETIC_COMMON_TAGS.length)]);
    // A long tail of free-form tags: about one distinct tag per 20 models.
    if (tagRand() < 0.2) tags.push(`topic-${Math.floor(tagRand() ** 2 * Math.max(1, n / 20))}`);
    tags.push('region:us');
    const relation = i > 10 ? rand() : 1;
    if (relation < 0.3) {
      const base = ids[Math.floor(rand() * ids.length)];
      const kind = relation < 0.15 ? 'finetune' : relation < 0.25 ? 'quantized' : 'adapter';
      tags.push(`base_model:${base}`, `base_model:${kind}:${base}`);
      if (kind === 'adapter') tags.push('peft');
    }
    const record: RawHubModel = {
      id,
      createdAt,
      downloads: Math.floor(1 / (rand() ** 1.6 + 1e-6)) - 1,
      likes: Math.floor(rand() ** 4 * 200),
      tags,
      ...(task ? { pipeline_tag: task } : {}),
      ...(rand() < 0.8 ? { library_name: rand() < 0.7 ? 'transformers' : 'diffusers' } : {}),
    };
    const measured = rand();
    if (measured < 0.4) record.safetensors = { total: Math.floor(10 ** (6 + rand() * 5)) };
    else if (measured < 0.45) record.gguf = { total: Math.floor(10 ** (8 + rand() * 3)) };
    ids.push(id);
    yield record;
  }
}
