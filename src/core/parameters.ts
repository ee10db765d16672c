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
/** Image-text models named after their training data and samples seen (OpenCLIP, DFN, DataComp, LAION). */
const CONTRASTIVE_NAME = /clip|laion|datacomp|dfn\d/i;

/**
 * Reads a parameter count from a repo or model name: `Qwen2.5-0.5B`, `bloom-560m`, `Kokoro-82M`,
 * `Mixtral-8x7B` (8 × 7B, an upper estimate), `Qwen3-235B-A22B` (235B total, 22B active).
 * A size token must stand alone between separators, so dataset and training-token counts glued
 * to a word (`laion2B-s32B-b79K`) are not read as sizes; `k` (context lengths) is never a size.
 * Billions are preferred over millions (`Qwen2.5-7B-Instruct-1M` is 7B with a 1M context), and the
 * largest of several billions is the total (`OLMoE-1B-7B`: 1B active, 7B total). CLIP-style names
 * count training samples (`DFN2B-CLIP-ViT-L-14-39B`: 39B samples seen), so they give no size.
 */
export function parseParameterCountFromName(name: string): { total: number; active?: number; mixture?: boolean } | null {
  const repo = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (CONTRASTIVE_NAME.test(repo)) return null;
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
  const billions = sizes.filter((s) => s.unit === 'b');
  const preferred = billions.length ? billions.reduce((a, b) => (b.value > a.value ? b : a)) : (sizes.find((s) => s.unit === 't') ?? sizes[0]);

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

/** Names of repos whose weights are packed several to an integer (4-bit and below, GPTQ, AWQ, bitsandbytes 4-bit…). */
const PACKED_NAME = /(?:^|[-_.])(gptq|awq|int4|nf4|bnb-4bit|exl2|hqq|[1-4]-?bits?|w4a16|q[2-4]_k(?:_[msl])?)(?:$|[-_.])/i;
/** Above this share of elements in packed integer dtypes, `safetensors.total` counts packs, not parameters. */
const PACKED_SHARE = 0.25;

/**
 * Whether `safetensors.total` undercounts: quantized repos store 2 to 8 weights per integer element.
 * The Hub's per-dtype counts say so directly (I32/U32/U8 elements); without them, the repo name.
 */
export function hasPackedWeights(model: ModelRecord): boolean {
  if (model.safetensorsPackedShare !== undefined) return model.safetensorsPackedShare > PACKED_SHARE;
  return PACKED_NAME.test(model.id.slice(model.id.lastIndexOf('/') + 1));
}

/** An adapter (LoRA…) repo holds only the adapter's weights; the model people run is its base. */
export function isAdapter(model: ModelRecord): boolean {
  return model.tags.includes('peft') || baseModelsOf(model).some((b) => b.relation === 'adapter');
}

/** All sizes written in a name, to spot totals that were filled in from the name rather than measured. */
function nameSizes(id: string): number[] {
  return [...id.matchAll(/(\d+(?:\.\d+)?)([mbt])(?![a-z])/gi)].map((m) => Number(m[1]) * UNIT[m[2].toLowerCase()]);
}

/**
 * The count a record states itself, without looking anywhere else. A safetensors total that is a
 * round number equal to a size in the name (39,000,000,000 for `…-39B-…`) was filled in from the
 * name by whoever collected it, not measured: it is not a safetensors count.
 */
function ownCount(model: ModelRecord): ParameterCount | null {
  const total = model.safetensorsTotal;
  const fromName = total !== undefined && total % 1e8 === 0 && nameSizes(model.id).some((n) => Math.abs(n - total) < 1);
  if (total && !fromName) return { parameters: total, source: 'safetensors' };
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
  if (own && (own.source === 'gguf' || !(hasPackedWeights(model) || isAdapter(model)))) return own;
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
