// What a model record says about itself: the count it measured (safetensors or GGUF metadata),
// the base models it names, and whether that count can be trusted (packed quantized weights and
// adapters cannot). Shared by the count resolution and the family calibration.
import type { ModelRecord } from './types.js';

/** Finds a record already known, by repo id, without any I/O. */
export type ModelLookup = (id: string) => ModelRecord | undefined;

export interface BaseModel {
  id: string;
  /** `finetune`, `quantized`, `adapter`, `merge`, or `base` for a plain `base_model:` tag. */
  relation: string;
}

const RELATION = /^(finetune|quantized|adapter|merge):/;

/** Base models named in `base_model:` tags (`base_model:org/x`, `base_model:quantized:org/x`…), with how the repo relates to them. */
export function baseModelsOf(model: Pick<ModelRecord, 'id' | 'tags'>): BaseModel[] {
  let bases: Map<string, string> | undefined;
  for (const tag of model.tags) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    const relation = RELATION.exec(rest);
    const id = relation ? rest.slice(relation[0].length) : rest;
    if (id === '' || id === model.id) continue;
    bases ??= new Map();
    // A relation tag says more than the plain tag for the same id.
    if (relation) bases.set(id, relation[1]);
    else if (!bases.has(id)) bases.set(id, 'base');
  }
  return bases ? [...bases].map(([id, relation]) => ({ id, relation })) : [];
}

/** Names of repos whose weights are packed several to an integer (4-bit and below, GPTQ, AWQ, bitsandbytes 4-bit…). */
const PACKED_NAME = /(?:^|[-_.])(gptq|awq|int4|nf4|bnb-4bit|exl2|hqq|[1-4]-?bits?|w4a16|q[2-4]_k(?:_[msl])?)(?:$|[-_.])/i;
/** MLX quantizes to 8, 6 or fewer bits in uint32 words (`…-MLX-8Bit`): packed too, unlike bitsandbytes 8-bit. */
const MLX_BITS = /(?:^|[-_.])[2-8]-?bits?(?:$|[-_.])/i;
const MLX_NAME = /mlx/i;
/** Above this share of elements in packed integer dtypes, `safetensors.total` counts packs, not parameters. */
const PACKED_SHARE = 0.25;

/**
 * Whether `safetensors.total` undercounts: quantized repos store 2 to 8 weights per integer element.
 * The Hub's per-dtype counts say so directly (I32/U32/U8 elements); without them, the repo name.
 */
export function hasPackedWeights(model: ModelRecord): boolean {
  if (model.safetensorsPackedShare !== undefined) return model.safetensorsPackedShare > PACKED_SHARE;
  const name = model.id.slice(model.id.lastIndexOf('/') + 1);
  return PACKED_NAME.test(name) || (MLX_BITS.test(name) && (MLX_NAME.test(model.id) || model.tags.includes('mlx')));
}

/** An adapter (LoRA…) repo holds only the adapter's weights; the model people run is its base. */
export function isAdapter(model: ModelRecord, bases: BaseModel[] = baseModelsOf(model)): boolean {
  return model.tags.includes('peft') || bases.some((b) => b.relation === 'adapter');
}

const UNIT: Record<string, number> = { m: 1e6, b: 1e9, t: 1e12 };
const NAME_SIZE = /(\d+(?:\.\d+)?)([mbt])(?![a-z])/gi;

/** Whether `total` is a round number equal to a size written in the name (39,000,000,000 for `…-39B-…`). */
function repeatsNameSize(id: string, total: number): boolean {
  if (total % 1e8 !== 0) return false;
  for (const m of id.matchAll(NAME_SIZE)) if (Math.abs(Number(m[1]) * UNIT[m[2].toLowerCase()] - total) < 1) return true;
  return false;
}

export interface OwnCount {
  parameters: number;
  source: 'safetensors' | 'gguf';
}

/**
 * The count a record states itself, without looking anywhere else. A safetensors total that is a
 * round number equal to a size in the name was filled in from the name by whoever collected it,
 * not measured: it is not a safetensors count.
 */
export function ownCount(model: ModelRecord): OwnCount | null {
  const total = model.safetensorsTotal;
  if (total && !repeatsNameSize(model.id, total)) return { parameters: total, source: 'safetensors' };
  if (model.ggufTotal) return { parameters: model.ggufTotal, source: 'gguf' };
  return null;
}

/** An own count that is the model's real parameter count: GGUF, or safetensors of a repo that is neither packed nor an adapter. */
export function trustedOwnCount(model: ModelRecord, bases: BaseModel[] = baseModelsOf(model)): OwnCount | null {
  const own = ownCount(model);
  if (!own) return null;
  return own.source === 'gguf' || !(hasPackedWeights(model) || isAdapter(model, bases)) ? own : null;
}

/** The measured parameter count of a record (see trustedOwnCount), or null. */
export function measuredCount(model: ModelRecord): number | null {
  return trustedOwnCount(model)?.parameters ?? null;
}
