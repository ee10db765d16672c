// Where a model's parameter count comes from, in order of trust:
// safetensors.total → GGUF total → the base model's own count → the repo name read with the family
// table or the family medians learned from the data → the bare size in the name → unknown.
// This runs once per model at ingest, over millions of models: RegExps are built once, at load,
// and a record's base models are read once per call.
import { estimateFromLayersInName } from './config-size.js';
import { architectureEntryCount, architectureFamilyCount, EMPTY_CALIBRATION, familyCountOf, nameTokens, nominalOf, patchedVitCount, sizeWordOf, tagFamilyCount, type Calibration, type FamilyCount } from './families.js';
import { baseModelsOf, hasPackedWeights, isAdapter, ownCount, trustedOwnCount, type BaseModel, type ModelLookup } from './measured.js';
import type { ModelRecord, ParameterSource } from './types.js';

export { baseModelsOf, hasPackedWeights, isAdapter, type ModelLookup };

export interface ParameterCount {
  parameters: number | null;
  source: ParameterSource | null;
  /** Active parameters of a mixture of experts, when the name or the family table says so (`235B-A22B`). */
  activeParameters?: number;
  /** The base model whose count was used, or whose name gave it. */
  baseModel?: string;
  /** The family that gave the count: a table entry's name (`Llama-2-7b`) or a learned key (`llama2|7b`). */
  family?: string;
  /** How many measured models a family median comes from, and the 10th–90th percentile of their counts. */
  familyModels?: number;
  familyRange?: [number, number];
  /** Why the number deserves caution, if it does. */
  caveat?: 'quantized_packed' | 'name_estimate' | 'mixture_estimate';
}

export const UNKNOWN_COUNT: ParameterCount = { parameters: null, source: null };

/** Image-text models named after their training data and samples seen (OpenCLIP, DFN, DataComp, LAION). */
const CONTRASTIVE_NAME = /clip|laion|datacomp|dfn\d/i;
/** `a22b`: active parameters of a mixture (`Qwen3-235B-A22B`). */
const ACTIVE = /^a(\d+(?:\.\d+)?)([mb])$/;
const UNIT: Record<string, number> = { m: 1e6, b: 1e9 };

/**
 * Reads a parameter count from a repo or model name: `Qwen2.5-0.5B`, `bloom-560m`, `bloom-1b7`,
 * `Kokoro-82M`, `Mixtral-8x7B` (8 × 7B, an upper estimate), `Qwen3-235B-A22B` (235B total, 22B active).
 * A size must be a whole name token, so dataset and training-token counts glued to a word
 * (`laion2B-s32B-b79K`) are not read as sizes; `k` (context lengths) is never a size. Billions are
 * preferred over millions (`Qwen2.5-7B-Instruct-1M` is 7B with a 1M context), and the largest of
 * several billions is the total (`OLMoE-1B-7B`: 1B active, 7B total). CLIP-style names count
 * training samples (`DFN2B-CLIP-ViT-L-14-39B`: 39B samples seen), so they give no size.
 */
export function parseParameterCountFromName(name: string): NominalSize | null {
  return nominalSize(name, nameTokens(name));
}

interface NominalSize {
  total: number;
  active?: number;
  mixture?: boolean;
  /** The name token that states the total (`7b`, `8x7b`): with a Hub architecture tag it can name a family (`llama` + `7b`). */
  token: string;
}

/** Words after a size that make it a count of training tokens, not of parameters (`100B-tokens`). */
const TRAINING_WORDS = new Set(['tokens', 'toks']);
/**
 * Share of a dense model's parameters in its feed-forward layers, the part a mixture of experts
 * copies per expert (Mistral 7B: 32 layers × 3 × 4096 × 14336 = 5.64B of 7.24B). Attention and
 * embeddings are shared, so `8x7B` is about 7 + 7 × 0.78 × 7 = 45B (Mixtral: 46.7B), not 56B.
 */
const EXPERT_SHARE = 0.78;
const MIXTURE = /^(\d{1,3})x/;

function nominalSize(name: string, tokens: string[]): NominalSize | null {
  if (CONTRASTIVE_NAME.test(name.slice(name.lastIndexOf('/') + 1))) return null;
  let billions: { value: number; token: string } | undefined;
  let other: { value: number; token: string } | undefined;
  let active: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const value = nominalOf(token);
    if (value === null) {
      const a = ACTIVE.exec(token);
      if (a) active = Number(a[1]) * UNIT[a[2]];
      continue;
    }
    if (value <= 0 || TRAINING_WORDS.has(tokens[i + 1])) continue;
    const mixture = MIXTURE.exec(token);
    if (mixture) {
      const experts = Number(mixture[1]);
      const expert = value / experts;
      return { total: expert + (experts - 1) * EXPERT_SHARE * expert, mixture: true, token };
    }
    if (token.includes('b')) {
      if (!billions || value > billions.value) billions = { value, token };
    } else if (!other || token.endsWith('t')) other = { value, token };
  }
  const size = billions ?? other;
  if (!size) return null;
  return active !== undefined ? { total: size.value, active, token: size.token } : { total: size.value, token: size.token };
}

function fromFamily(family: FamilyCount, nominal: NominalSize | null): ParameterCount {
  const count: ParameterCount = { parameters: family.parameters, source: family.source, family: family.family };
  if (family.familyModels !== undefined) count.familyModels = family.familyModels;
  if (family.familyRange !== undefined) count.familyRange = family.familyRange;
  const active = family.activeParameters ?? nominal?.active;
  if (active !== undefined) count.activeParameters = active;
  return count;
}

function fromNominal(nominal: NominalSize): ParameterCount {
  const count: ParameterCount = { parameters: nominal.total, source: 'name', caveat: nominal.mixture ? 'mixture_estimate' : 'name_estimate' };
  if (nominal.active) count.activeParameters = nominal.active;
  return count;
}

/** What one name says: its family (table or learned median) and the size it states. */
function readName(id: string, calibration: Calibration): { tokens: string[]; family: ParameterCount | null; nominal: NominalSize | null } {
  const tokens = nameTokens(id);
  const nominal = nominalSize(id, tokens);
  const family = familyCountOf(id, tokens, calibration);
  return { tokens, family: family && fromFamily(family, nominal), nominal };
}

const MIXTURES_FROM = 10e9;
/** Two counts that describe the same model size (a family's exact count and a nominal `7B`). */
const AGREE = 0.25;
const agree = (a: number, b: number) => Math.abs(a / b - 1) <= AGREE;

/**
 * What names say, from the most to the least precise: the repo's own family (a learned one gives
 * way to a published base family that disagrees); the size its name states, refined by a family
 * that agrees with it — the base model's (`medical-7B` fine-tuned from Mistral-7B is 7.24B), else
 * the one its architecture tag names — but not overruled by one (`SmolVLM2-256M` is not its 360M
 * language model); a base model's family; the size a base model's name states; the learned family
 * of a Hub tag (`vit`, `whisper`); and last a small published model its architecture tag names (`gpt2`).
 */
function fromNames(model: ModelRecord, bases: BaseModel[], calibration: Calibration): ParameterCount | null {
  const own = readName(model.id, calibration);
  // A published family of the name wins, then the layers and width it states.
  if (own.family?.source === 'family_table') return own.family;
  const layered = estimateFromLayersInName(model.id, model.tags);
  if (layered) return { parameters: layered.parameters, source: 'name', caveat: 'name_estimate' };
  const baseNames = bases.map((base) => ({ id: base.id, ...readName(base.id, calibration) }));
  const base = baseNames.find((b) => b.family !== null);
  const baseFamily = base ? { ...base.family!, baseModel: base.id } : null;
  // The family of a declared base model knows more than a size word (`Kaleidoscope_small` from ruBert-base).
  const sized = baseFamily ? null : architectureSizeCount(model, own.tokens, own.family);
  if (sized) return sized;
  // A learned family yields to the published family of the base model the repo declares when they
  // disagree (`bert-base-NER-Russian` from RuBERT is not BERT's 110M).
  if (own.family) return baseFamily?.source === 'family_table' && !agree(baseFamily.parameters!, own.family.parameters!) ? baseFamily : own.family;
  if (own.nominal) return refined(own.nominal, baseFamily, model.tags, calibration);
  if (baseFamily) return baseFamily;
  const named = baseNames.find((b) => b.nominal !== null);
  if (named) return { ...refined(named.nominal!, null, model.tags, calibration), baseModel: named.id };
  const tagged = architectureEntryCount(model.tags) ?? tagFamilyCount(model.tags, calibration);
  return tagged && fromFamily(tagged, null);
}

/**
 * A size word read as the size of the repo's Hub architecture in the family table: `coedit-large`
 * tagged `t5` is T5-large (738M), `tapex-large` tagged `bart` BART-large, `Political_DEBATE_large`
 * tagged `deberta-v2` DeBERTa-V3-large. It beats a median learned from a name's leading words
 * (`tapex` mixes base and large) or from a tag, not a learned key that states the size word.
 */
function architectureSizeCount(model: ModelRecord, tokens: string[], learnedFamily: ParameterCount | null): ParameterCount | null {
  if (learnedFamily?.family?.includes('|')) return null;
  const sizeWord = sizeWordOf(tokens);
  const tagged = sizeWord === null ? null : (architectureFamilyCount(model.tags, sizeWord) ?? patchedVitCount(tokens));
  return tagged && fromFamily(tagged, null);
}

/**
 * A size a name states, made exact by a family that agrees with it: the base model's family, else
 * the one the repo's architecture tag and that size name (`llama` + `7b` is LLaMA 7B, 6.74B: a
 * nominal 7B Llama fine-tune is an SLM, a nominal 7B Mistral one 7.24B).
 */
function refined(nominal: NominalSize, baseFamily: ParameterCount | null, tags: readonly string[], calibration: Calibration): ParameterCount {
  if (baseFamily && agree(baseFamily.parameters!, nominal.total)) return baseFamily;
  const tagged = architectureFamilyCount(tags, nominal.token, calibration);
  return tagged && agree(tagged.parameters, nominal.total) ? fromFamily(tagged, nominal) : fromNominal(nominal);
}


interface Context {
  lookup: ModelLookup;
  calibration: Calibration;
  seen: Set<string>;
}

/** A known base model's own count (its metadata, its own base, or its name), following at most `depth` links. */
function baseCount(bases: BaseModel[], ctx: Context, depth: number): ParameterCount | null {
  for (const base of bases) {
    if (ctx.seen.has(base.id)) continue;
    ctx.seen.add(base.id);
    const record = ctx.lookup(base.id);
    const count = record ? resolveWith(record, ctx, depth - 1) : null;
    if (count?.parameters) return { ...count, source: 'base_model', baseModel: record!.id };
  }
  return null;
}

function resolveWith(model: ModelRecord, ctx: Context, depth: number): ParameterCount | null {
  const bases = baseModelsOf(model);
  // The same rule as the counts the calibration learns from (measuredCount).
  const trusted = trustedOwnCount(model, bases);
  if (trusted) return trusted;
  const own = ownCount(model);
  const base = depth > 0 && bases.length > 0 ? baseCount(bases, ctx, depth) : null;
  if (base) return base;
  const named = fromNames(model, bases, ctx.calibration);
  // A quantized repo without a known base: what its name says beats the packed element count.
  if (own) return named && named.parameters! > own.parameters ? named : { ...own, caveat: 'quantized_packed' };
  return named;
}

/**
 * Resolves a model's parameter count and records which source gave it. Unknown stays unknown.
 * `calibration` (learnCalibration over the census or sample) lets names of families the table does
 * not list resolve to the median measured count of their family.
 */
export function resolveParameters(model: ModelRecord, lookup: ModelLookup = () => undefined, calibration: Calibration = EMPTY_CALIBRATION): ParameterCount {
  const count = resolveWith(model, { lookup, calibration, seen: new Set([model.id]) }, 3);
  return count ? withActive(count, model.id) : UNKNOWN_COUNT;
}

/**
 * A measured mixture of experts (Mixtral's 46.7B from safetensors) gets the active count the family
 * table publishes for its name, when the table's total agrees with the measured one.
 */
function withActive(count: ParameterCount, id: string): ParameterCount {
  // Every mixture in the table is above 10B: smaller models (most of them) skip the lookup.
  if (count.activeParameters !== undefined || count.source === 'family_table' || count.parameters === null || count.parameters < MIXTURES_FROM) return count;
  const family = familyCountOf(id, nameTokens(id));
  if (family?.source !== 'family_table' || family.activeParameters === undefined) return count;
  return agree(family.parameters, count.parameters) ? { ...count, activeParameters: family.activeParameters } : count;
}
