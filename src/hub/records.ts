// Turns the two shapes a Hub model arrives in (raw Hub API JSON, and the entries
// @huggingface/hub yields) into the one ModelRecord the core works with.
import { isBackfillDate } from '../core/date-floor.js';
import { baseModelsOf } from '../core/parameters.js';
import type { ModelRecord } from '../core/types.js';

/** A model as the Hub API spells it (`GET /api/models`), which is also the snapshot files' shape. */
export interface RawHubModel {
  /** Repo id, `org/name`. */
  id: string;
  /** The Hub's internal id. */
  _id?: string;
  modelId?: string;
  pipeline_tag?: string;
  library_name?: string;
  safetensors?: { total?: number; parameters?: Record<string, number> };
  gguf?: { total?: number; [key: string]: unknown };
  createdAt?: string;
  lastModified?: string;
  downloads?: number;
  likes?: number;
  trendingScore?: number;
  private?: boolean;
  gated?: false | 'auto' | 'manual';
  tags?: string[];
  cardData?: { base_model?: string | string[]; [key: string]: unknown };
  [key: string]: unknown;
}

type Loose = Record<string, unknown>;

export const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** No model has more parameters than this (the largest are around 2T): a bigger total is a bad record. */
export const MAX_PARAMETERS = 1e13;
/** No 30-day download or like count comes near this; a bigger one is a bad record. */
export const MAX_COUNT = 1e12;

/** Counts must be finite, not negative and plausible; anything else is noise from a bad record, so unknown. */
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_COUNT ? v : undefined);

/**
 * A metadata block's parameter total (`safetensors.total`, `gguf.total`); without a total, the sum of
 * `safetensors.parameters` per dtype. Totals of 0 or less, or above MAX_PARAMETERS (1.7e308 has been
 * seen), say nothing about a model's size: unknown.
 */
const total = (v: unknown): number | undefined => {
  if (!isObject(v)) return undefined;
  const perDtype = isObject(v.parameters) ? Object.values(v.parameters).filter((n): n is number => typeof n === 'number' && Number.isFinite(n)) : [];
  const value = typeof v.total === 'number' ? v.total : perDtype.length ? perDtype.reduce((a, b) => a + b, 0) : undefined;
  return value !== undefined && Number.isFinite(value) && value > 0 && value <= MAX_PARAMETERS ? value : undefined;
};

/** The library may hand dates over as strings or Date objects; keep valid ones as ISO strings. */
const isoDate = (v: unknown): string | undefined => {
  if (!(typeof v === 'string' || v instanceof Date)) return undefined;
  const time = new Date(v).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
};

function tagsWithCardBases(tags: unknown, cardData: unknown): string[] {
  const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
  const declared = isObject(cardData) ? cardData.base_model : undefined;
  const bases = (Array.isArray(declared) ? declared : [declared]).filter((b): b is string => text(b) !== undefined);
  if (bases.length === 0) return list;
  // The core reads base models from tags only, so card-declared bases become tags too.
  const known = new Set(baseModelsOf({ id: '', tags: list }).map((b) => b.id));
  const extra = bases.map((b) => b.trim()).filter((b) => !known.has(b));
  return [...list, ...[...new Set(extra)].map((b) => `base_model:${b}`)];
}

/** Dtypes that hold several quantized weights per element (GPTQ/AWQ/MLX in I32/U32, bitsandbytes 4-bit in U8). */
const PACKED_DTYPES = new Set(['I32', 'U32', 'U8']);

/** Share of `safetensors.parameters` elements in packed dtypes; undefined when the Hub gave no dtypes. */
const packedShare = (v: unknown): number | undefined => {
  if (!isObject(v) || !isObject(v.parameters)) return undefined;
  const entries = Object.entries(v.parameters).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] >= 0);
  const all = entries.reduce((n, [, c]) => n + c, 0);
  return Number.isFinite(all) && all > 0 ? entries.filter(([dtype]) => PACKED_DTYPES.has(dtype.toUpperCase())).reduce((n, [, c]) => n + c, 0) / all : undefined;
};

function build(id: string, fields: Loose, pipelineTag: unknown): ModelRecord {
  const record: ModelRecord = { id, tags: tagsWithCardBases(fields.tags, fields.cardData) };
  const createdAt = isoDate(fields.createdAt);
  const downloads = count(fields.downloads);
  const likes = count(fields.likes);
  const pipeline = text(pipelineTag);
  const library = text(fields.library_name);
  const safetensorsTotal = total(fields.safetensors);
  const ggufTotal = total(fields.gguf);
  // Only set what is known, so `undefined` never overwrites anything when records are merged.
  if (createdAt !== undefined) record.createdAt = createdAt;
  // The one place Hub dates enter: the backfill instant is an upper bound, said so once here.
  if (isBackfillDate(createdAt)) record.createdAtBackfill = true;
  if (downloads !== undefined) record.downloads = downloads;
  if (likes !== undefined) record.likes = likes;
  if (pipeline !== undefined) record.pipelineTag = pipeline;
  if (library !== undefined) record.libraryName = library;
  if (safetensorsTotal !== undefined) record.safetensorsTotal = safetensorsTotal;
  const packed = packedShare(fields.safetensors);
  if (packed !== undefined) record.safetensorsPackedShare = packed;
  if (ggufTotal !== undefined) record.ggufTotal = ggufTotal;
  return record;
}

/** A raw Hub API model (`id` = repo id). Returns undefined when there is no usable repo id. */
export function fromRawHub(raw: unknown): ModelRecord | undefined {
  if (!isObject(raw)) return undefined;
  const id = text(raw.id) ?? text(raw.modelId);
  return id === undefined ? undefined : build(id, raw, raw.pipeline_tag);
}

/** An entry yielded by @huggingface/hub's listModels/modelInfo (`name` = repo id, `task` = pipeline tag). */
export function fromHubEntry(entry: unknown): ModelRecord | undefined {
  if (!isObject(entry)) return undefined;
  const id = text(entry.name);
  return id === undefined ? undefined : build(id, entry, entry.task ?? entry.pipeline_tag);
}
