// Where a model's parameter count comes from, in order of trust:
// safetensors.total → GGUF total → the base model's own count → the repo name → unknown.
import type { ModelRecord, ParameterSource } from './types.js';

export type ModelLookup = (id: string) => ModelRecord | undefined;

export interface ParameterCount {
  parameters: number | null;
  source: ParameterSource | null;
  /** Active parameters of a mixture of experts, when the name says so (`235B-A22B`). */
  activeParameters?: number;
  /** The base model whose count was used, or that was looked for. */
  baseModel?: string;
  /** Why the number deserves caution, if it does. */
  caveat?: 'quantized_packed' | 'name_estimate' | 'mixture_estimate';
}

export const UNKNOWN_COUNT: ParameterCount = { parameters: null, source: null };

const UNIT: Record<string, number> = { m: 1e6, b: 1e9, t: 1e12 };

/**
 * Reads a parameter count from a repo or model name: `Qwen2.5-0.5B`, `bloom-560m`, `Kokoro-82M`,
 * `Mixtral-8x7B` (8 × 7B, an upper estimate), `Qwen3-235B-A22B` (235B total, 22B active).
 * A size token must stand alone between separators, so dataset and training-token counts glued
 * to a word (`laion2B-s32B-b79K`) are not read as sizes; `k` (context lengths) is never a size.
 * Billions are preferred over millions (`Qwen2.5-7B-Instruct-1M` is 7B with a 1M context).
 */
export function parseParameterCountFromName(name: string): { total: number; active?: number; mixture?: boolean } | null {
  const repo = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  const sep = '(?:^|[-_ .,(])';
  const end = '(?=$|[-_ .,)])';

  const mixture = new RegExp(`${sep}(\\d{1,3})x(\\d+(?:\\.\\d+)?)([mbt])${end}`, 'i').exec(repo);
  if (mixture) {
    const total = Number(mixture[1]) * Number(mixture[2]) * UNIT[mixture[3].toLowerCase()];
    return { total, mixture: true };
  }

  const sizes = [...repo.matchAll(new RegExp(`${sep}(\\d+(?:\\.\\d+)?)([mbt])${end}`, 'gi'))]
    .map((m) => ({ value: Number(m[1]) * UNIT[m[2].toLowerCase()], unit: m[2].toLowerCase(), index: m.index ?? 0 }))
    .filter((s) => s.value > 0);
  if (sizes.length === 0) return null;
  const preferred = sizes.find((s) => s.unit === 'b') ?? sizes.find((s) => s.unit === 't') ?? sizes[0];

  const active = new RegExp(`${sep}a(\\d+(?:\\.\\d+)?)([mb])${end}`, 'i').exec(repo);
  return active
    ? { total: preferred.value, active: Number(active[1]) * UNIT[active[2].toLowerCase()] }
    : { total: preferred.value };
}

/** Base models named in `base_model:` tags (`base_model:org/x`, `base_model:quantized:org/x`…), with how the repo relates to them. */
export function baseModelsOf(model: Pick<ModelRecord, 'id' | 'tags'>): { id: string; relation: string }[] {
  const bases = new Map<string, string>();
  for (const tag of model.tags) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    const relation = /^(finetune|quantized|adapter|merge):/.exec(rest);
    const id = relation ? rest.slice(relation[0].length) : rest;
    if (id === '' || id === model.id) continue;
    // A relation tag says more than the plain tag for the same id.
    if (relation) bases.set(id, relation[1]);
    else if (!bases.has(id)) bases.set(id, 'base');
  }
  return [...bases].map(([id, relation]) => ({ id, relation }));
}

const QUANTIZED_NAME = /(?:^|[-_.])(gptq|awq|bnb|mlx|int4|int8|[248]-?bits?|nf4|fp8|exl2|hqq|q[2-8]_k(?:_[msl])?)(?:$|[-_.])/i;
const QUANTIZED_TAGS = new Set(['gptq', 'awq', '4-bit', '8-bit', 'bitsandbytes', 'mlx', 'exl2', 'hqq']);

/**
 * Quantized repos (and adapters) can report packed element counts in `safetensors.total`
 * (4-bit weights stored 8 to a U32), which undercounts the real model.
 */
export function isQuantizedOrAdapter(model: ModelRecord): boolean {
  const repo = model.id.slice(model.id.lastIndexOf('/') + 1);
  if (QUANTIZED_NAME.test(repo)) return true;
  if (model.tags.some((t) => QUANTIZED_TAGS.has(t.toLowerCase()))) return true;
  return baseModelsOf(model).some((b) => b.relation === 'quantized' || b.relation === 'adapter');
}

/** The count a record states itself, without looking anywhere else. */
function ownCount(model: ModelRecord): ParameterCount | null {
  if (model.safetensorsTotal) return { parameters: model.safetensorsTotal, source: 'safetensors' };
  if (model.ggufTotal) return { parameters: model.ggufTotal, source: 'gguf' };
  return null;
}

function fromName(model: ModelRecord): ParameterCount | null {
  const parsed = parseParameterCountFromName(model.id);
  if (!parsed) return null;
  const count: ParameterCount = { parameters: parsed.total, source: 'name', caveat: parsed.mixture ? 'mixture_estimate' : 'name_estimate' };
  if (parsed.active) count.activeParameters = parsed.active;
  return count;
}

/** A known base model's own count (its metadata, its own base, or its name), following at most `depth` links. */
function baseCount(model: ModelRecord, lookup: ModelLookup, depth: number, seen: Set<string>): ParameterCount | null {
  for (const base of baseModelsOf(model)) {
    if (seen.has(base.id)) continue;
    seen.add(base.id);
    const record = lookup(base.id);
    const count = record ? resolveWith(record, lookup, depth - 1, seen) : null;
    if (count?.parameters) return { ...count, source: 'base_model', baseModel: record!.id };
  }
  return null;
}

/** Last resort: the size written in the name of a base model nobody has a record of (yet). */
function baseNameCount(model: ModelRecord): ParameterCount | null {
  for (const base of baseModelsOf(model)) {
    const named = fromName({ id: base.id, tags: [] });
    if (named) return { ...named, baseModel: base.id };
  }
  return null;
}

function resolveWith(model: ModelRecord, lookup: ModelLookup, depth: number, seen: Set<string>): ParameterCount | null {
  const own = ownCount(model);
  if (own && (own.source === 'gguf' || !isQuantizedOrAdapter(model))) return own;
  const base = depth > 0 ? baseCount(model, lookup, depth, seen) : null;
  if (base) return base;
  const named = fromName(model) ?? baseNameCount(model);
  // A quantized repo without a known base: a size in its name beats the packed element count.
  if (own) return named && named.parameters! > own.parameters! ? named : { ...own, caveat: 'quantized_packed' };
  return named;
}

/** Resolves a model's parameter count and records which source gave it. Unknown stays unknown. */
export function resolveParameters(model: ModelRecord, lookup: ModelLookup = () => undefined): ParameterCount {
  return resolveWith(model, lookup, 3, new Set([model.id])) ?? UNKNOWN_COUNT;
}
