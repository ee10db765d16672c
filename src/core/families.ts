// Model families: what a repo name says about its parameter count beyond a bare `7B`.
// A name is cut into tokens and reduced to family keys (`llama2|7b`, `bert|base|multilingual`,
// `clip vit|large|patch14`), most specific first. Each key can be answered by the sourced table of
// published sizes (FAMILY_TABLE) or by the calibration learned from measured counts (the median
// count of the models whose names share that key). Everything here is pure and fast: it runs once
// per model at ingest, over millions of models, so every RegExp is built once, at load.
import { FAMILY_TABLE, type FamilyEntry } from './family-table.js';
import { baseModelsOf, measuredCount, type ModelLookup } from './measured.js';
import type { ModelRecord } from './types.js';

/** The prefix of a family learned from a Hub tag alone (`tag:bert`), as replies word it (sizing-words.ts). */
export const TAG_FAMILY = 'tag:';

/** Separators between name tokens; a dot between digits stays (`qwen2.5`, `0.5b`, `v1.5`). */
const SPLIT = /[-_ ,()+/:]+|\.(?!\d)|(?<!\d)\./;
/** A version number glued to its word: one digit, maybe with decimals (`llama-2`, `phi-3.5`), not `resnet-50` or `-2407`. */
const VERSION_DIGITS = /^\d(?:\.\d+)?$/;
const UNDERSCORE_DIGITS = /(?<![\d.])\d_\d(?![\d]|\.\d)/g;
const LETTER = /[a-z]/;
const UNIT_LETTER = /[bm]/;
/**
 * A size in billions glued to the word of a family the table knows: `llama8b`, `mistral7b`,
 * `qwen7b`. Only those words (`laion2b` counts images, `yolov10b` is YOLOv10-B), and never
 * millions (`yolo11m` is YOLO11 medium).
 */
const GLUED_SIZE = /^([a-z]{3,})(\d+(?:\.\d+)?b)$/;
const LEADING_WORD = /^[a-z]+/;
/** A size glued to the version after it: `SeQwence-14Bv6`. */
const SIZE_THEN_VERSION = /^(\d+(?:\.\d+)?[mb])(v\d[\d.]*)$/;
const GLUE_WORDS: ReadonlySet<string> = new Set(FAMILY_TABLE.map((e) => LEADING_WORD.exec(e.name.toLowerCase())?.[0] ?? ''));
const ENDS_WITH_LETTER = /[a-z]$/;
/** OpenCLIP writes ViT sizes as a letter and a patch size: `ViT-B-32`, `ViT-bigG-14`. */
const SIZE_LETTER = /^(?:[sblhg]|bigg)$/;
const PATCH = /^\d{1,2}$/;
/** `7b`, `0.5b`, `560m`, `1.2t`. */
const NOMINAL = /^(\d+(?:\.\d+)?)([mbt])$/;
/** BLOOM-style `1b7` (1.7B), `7b1` (7.1B). */
const NOMINAL_INFIX = /^(\d+)([mb])(\d)$/;
/** Mixtures written `8x7b`. */
const MIXTURE = /^(\d{1,3})x(\d+(?:\.\d+)?)([mb])$/;
/** ViT / OpenCLIP size codes (`b16`, `l14`, `h14`, `bigg14`, `s16`) and MiniLM-style layer counts (`l6`, `l12`). */
const SIZE_CODE = /^(?:[sblhg]|bigg)\d{1,2}$/;
/** Words that name a size within a family. */
const SIZE_WORDS = new Set([
  'nano', 'micro', 'tiny', 'mini', 'small', 'base', 'medium', 'large', 'xl', 'xlarge', 'xxl', 'xxlarge',
  'huge', 'giant', 'gigantic', 'so400m', 'so150m', 'bigg',
]);
/** Test fixtures: `tiny-random-*`, `*-testing`, `dummy-*` (a few million parameters or fewer). */
const TEST_WORDS = new Set(['random', 'dummy', 'testing']);
const TEST_OWNERS = /(?:^|-)(?:internal-)?testing$|^hf-tiny-model-private$/;
export const TEST_KEY = '(test)';

const UNIT: Record<string, number> = { m: 1e6, b: 1e9, t: 1e12 };

/**
 * An underscore between single digits is a dot (`internlm2_5`, `Qwen2_5`, `phi-1_5`, `1_8B`),
 * except between a word's version and a size (`LongVU_Qwen2_7B` is Qwen2 7B, not Qwen 2.7B) and
 * in names that separate their words with underscores (`Llama_2_7b`).
 */
function underscoreDigits(name: string): string {
  if (!name.includes('_')) return name;
  let out = name;
  UNDERSCORE_DIGITS.lastIndex = 0;
  for (let m = UNDERSCORE_DIGITS.exec(name); m !== null; m = UNDERSCORE_DIGITS.exec(name)) {
    const at = m.index;
    const before = name.charAt(at - 1);
    const versionThenSize = LETTER.test(before) && UNIT_LETTER.test(name.charAt(at + 3));
    const separated = before === '_' && LETTER.test(name.charAt(at - 2));
    // Not a dot: the second digit may start the next pair (`stablelm_2_1_6b`: 2, then 1.6b).
    if (versionThenSize || separated) UNDERSCORE_DIGITS.lastIndex = at + 2;
    else out = `${out.slice(0, at + 1)}.${out.slice(at + 2)}`;
  }
  return out;
}

/** Lower-case tokens of a repo name (owner left out), version numbers glued to their word: `Llama-2-7b` → llama2 7b. */
export function nameTokens(repoId: string): string[] {
  const lower = repoId.slice(repoId.lastIndexOf('/') + 1).toLowerCase();
  const name = underscoreDigits(lower);
  const tokens: string[] = [];
  for (const part of name.split(SPLIT)) {
    if (part === '') continue;
    const versioned = SIZE_THEN_VERSION.exec(part);
    if (versioned) {
      tokens.push(versioned[1], versioned[2]);
      continue;
    }
    const glued = GLUED_SIZE.exec(part);
    if (glued && GLUE_WORDS.has(glued[1])) {
      tokens.push(glued[1], glued[2]);
      continue;
    }
    const last = tokens.length - 1;
    // `llama-2` → llama2, `phi-3.5` → phi3.5, `ViT-H-14` → h14; never onto a size (`small-100` stays two).
    const glue = last >= 0 && ((VERSION_DIGITS.test(part) && ENDS_WITH_LETTER.test(tokens[last]) && !isSize(tokens[last])) || (SIZE_LETTER.test(tokens[last]) && PATCH.test(part)));
    if (glue) tokens[last] += part;
    else tokens.push(part);
  }
  return tokens;
}

/** The parameter count a size token states on its own: `7b` → 7e9, `1b7` → 1.7e9, `8x7b` → 56e9; null for words. */
export function nominalOf(token: string): number | null {
  let m = NOMINAL.exec(token);
  if (m) return Number(m[1]) * UNIT[m[2]];
  m = NOMINAL_INFIX.exec(token);
  if (m) return (Number(m[1]) + Number(m[3]) / 10) * UNIT[m[2]];
  m = MIXTURE.exec(token);
  if (m) return Number(m[1]) * Number(m[2]) * UNIT[m[3]];
  return null;
}

function isSize(token: string): boolean {
  return SIZE_WORDS.has(token) || SIZE_CODE.test(token) || nominalOf(token) !== null;
}

export function isTestModel(repoId: string, tokens: string[] = nameTokens(repoId)): boolean {
  const slash = repoId.indexOf('/');
  if (slash > 0 && TEST_OWNERS.test(repoId.slice(0, slash).toLowerCase())) return true;
  return tokens.some((t) => TEST_WORDS.has(t)) || (tokens[0] === 'tiny' && tokens.length > 1);
}

/** Words before a size that name no family on their own: versions (`v3`), single letters (`r`). */
const VERSION = /^v\d/;
const isFamilyWord = (token: string) => token.length > 1 && !VERSION.test(token);
/** Leading words of a name without a stated size that can make a family (`c4ai command r plus`). */
const MAX_STEM = 4;

/**
 * Calls `visit` with the family keys of a tokenized name, most specific first, until it returns
 * true (then returns true). The anchor is the name's first stated size (`7b`, `8x7b`), else its
 * first size word or code (`base`, `l14`). Keys are the one or two words before the anchor, the
 * anchor, and up to two words after it (`clip vit|large|patch14`, `llama2|7b`,
 * `bert|base|multilingual`), then the first word with the anchor (`blip|large` for
 * `blip-image-captioning-large`). Without a stated size, the name's leading words follow
 * (`mistral nemo`, `gpt2`); a name that states its size never falls back to them, since its size
 * says more. Test fixtures have the one key `(test)`. Keys are built only as far as needed: this
 * runs for every model at ingest.
 */
function eachKey(repoId: string, tokens: string[], visit: (key: string) => boolean): boolean {
  if (isTestModel(repoId, tokens)) return visit(TEST_KEY);
  let at = -1;
  for (let i = 0; i < tokens.length && at < 0; i++) if (nominalOf(tokens[i]) !== null) at = i;
  const nominal = at >= 0;
  if (!nominal) at = tokens.findIndex(isSize);
  if (at >= 0) {
    const anchor = tokens[at];
    const pre1 = at >= 1 ? tokens[at - 1] : '';
    const post1 = at + 1 < tokens.length ? tokens[at + 1] : '';
    const post2 = at + 2 < tokens.length ? `${post1} ${tokens[at + 2]}` : '';
    const around = (pre: string) =>
      (post2 !== '' && visit(`${pre}|${anchor}|${post2}`)) || (post1 !== '' && visit(`${pre}|${anchor}|${post1}`)) || visit(`${pre}|${anchor}`);
    if (at >= 2 && around(`${tokens[at - 2]} ${pre1}`)) return true;
    if (pre1 !== '' && isFamilyWord(pre1) && around(pre1)) return true;
    if (at >= 2 && isFamilyWord(tokens[0]) && visit(`${tokens[0]}|${anchor}`)) return true;
    if (nominal) return false;
  }
  const stem = at >= 0 ? at : tokens.length;
  for (let n = Math.min(stem, MAX_STEM); n >= 2; n--) if (visit(tokens.slice(0, n).join(' '))) return true;
  return stem >= 1 && isFamilyWord(tokens[0]) && visit(tokens[0]);
}

/** Every family key of a repo name, most specific first (see eachKey). */
export function familyKeys(repoId: string): string[] {
  const keys: string[] = [];
  eachKey(repoId, nameTokens(repoId), (key) => {
    keys.push(key);
    return false;
  });
  return keys;
}

/** The most specific key of a name: where a table entry written as that name is filed. */
export function primaryKey(name: string): string {
  const keys = familyKeys(name);
  if (keys.length === 0) throw new Error(`No family key in "${name}"`);
  return keys[0];
}

/** FAMILY_TABLE by primary key; built once at load. */
const TABLE = new Map<string, FamilyEntry>();
for (const entry of FAMILY_TABLE) {
  const key = primaryKey(entry.name);
  if (TABLE.has(key)) throw new Error(`Family table: "${entry.name}" and "${TABLE.get(key)!.name}" share the key ${key}`);
  TABLE.set(key, entry);
}

const BY_NAME = new Map(FAMILY_TABLE.map((e) => [e.name, e]));

/** The table entry of this name (`Llama-2-7b`), for its source. */
export function familyTableEntry(name: string): FamilyEntry | undefined {
  return BY_NAME.get(name);
}

/** A learned family for people: `llama2|7b` → `llama2 7b`. */
export const familyLabel = (key: string) => key.replaceAll('|', ' ');

/** What the data taught: for each family key and Hub tag, the median measured count of its models. */
export interface Calibration {
  /** By family key (`llama2|7b`, `mistral nemo`). */
  readonly families: ReadonlyMap<string, LearnedFamily>;
  /** By Hub tag (`vit`, `whisper`), only the tags whose models agree (see MIN_TAG_MODELS). */
  readonly tags: ReadonlyMap<string, LearnedFamily>;
}

export interface LearnedFamily {
  /** The median measured count. */
  parameters: number;
  models: number;
  /** Upper over lower quartile of the measured counts: 1 when the family's models all agree. */
  spread: number;
  /** 10th and 90th percentiles of the measured counts. */
  low: number;
  high: number;
}

export const EMPTY_CALIBRATION: Calibration = { families: new Map(), tags: new Map() };

/** A name key needs this many measured models before its median is trusted. */
export const MIN_FAMILY_MODELS = 2;
/**
 * A Hub tag (`bert`, `vit`, `whisper`: the architecture the Hub read from config.json) is a family
 * only when enough measured models carry it and they agree (quartiles within a factor of 1.5), or
 * when nine in ten of them are under 3B, well below the 7B line, so that whatever this one's exact
 * count, it is small. Most tags (`transformers`, `en`, `llama`) span many sizes and say nothing
 * about one model's count.
 */
const MIN_TAG_MODELS = 3;
const PRECISE_SPREAD = 1.5;
const SMALL_FAMILY = 3e9;

/**
 * Tags that can name a family: plain words (`bert`, `vit`, `timm`, `image-classification`), not
 * `license:…`, `dataset:…` or `base_model:…`, not languages (`en`, `ur`), and not the tags that
 * describe the repo rather than the model (a results table, a leaderboard, file formats).
 */
const LANGUAGE = /^[a-z]{2}$/;
const REPO_TAGS: ReadonlySet<string> = new Set([
  'model-index', 'mteb', 'autotrain_compatible', 'endpoints_compatible', 'text-generation-inference', 'generated_from_trainer',
  // file formats: every kind of model comes in them
  'pytorch', 'safetensors', 'tf', 'jax', 'onnx', 'gguf', 'tensorboard', 'coreml', 'openvino', 'rust', 'tflite', 'mlx',
]);
export const isFamilyTag = (tag: string) => !tag.includes(':') && !LANGUAGE.test(tag) && !REPO_TAGS.has(tag);

function push(values: Map<string, number[]>, key: string, n: number): void {
  const list = values.get(key);
  if (list) list.push(n);
  else values.set(key, [n]);
}

/** Linear-interpolated quantile of sorted values. */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return lo + 1 < sorted.length ? sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (at - lo) : sorted[lo];
}

function summarize(values: Map<string, number[]>, keep: (family: LearnedFamily) => boolean): Map<string, LearnedFamily> {
  const out = new Map<string, LearnedFamily>();
  for (const [key, list] of values) {
    list.sort((a, b) => a - b);
    const family: LearnedFamily = {
      parameters: Math.round(quantile(list, 0.5)),
      models: list.length,
      spread: quantile(list, 0.75) / quantile(list, 0.25),
      low: quantile(list, 0.1),
      high: quantile(list, 0.9),
    };
    if (keep(family)) out.set(key, family);
  }
  return out;
}

/**
 * Learns the median measured count per family key and per Hub tag from every model that has one
 * (safetensors or GGUF metadata; with a lookup, also the measured count of the base model that a
 * quantization, adapter or copy without its own count names). Only a model's own name gives its
 * keys: a fine-tune or a vision-language model built on `Qwen2.5-7B` need not be Qwen2.5-7B's size.
 */
export function learnCalibration(models: Iterable<ModelRecord>, lookup?: ModelLookup): Calibration {
  const byKey = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  for (const model of models) {
    let n = measuredCount(model);
    if (n === null && lookup) {
      for (const base of baseModelsOf(model)) {
        const record = lookup(base.id);
        n = record ? measuredCount(record) : null;
        if (n !== null) break;
      }
    }
    if (n === null) continue;
    const count = n;
    // A model the table names is evidence about that entry, not about the coarser keys after it:
    // whisper-large-v3-turbo would otherwise teach `whisper|large|v3` its 809M.
    eachKey(model.id, nameTokens(model.id), (key) => {
      push(byKey, key, count);
      return TABLE.has(key);
    });
    for (const tag of new Set(model.tags)) if (isFamilyTag(tag)) push(byTag, tag, count);
  }
  return {
    families: summarize(byKey, (f) => f.models >= MIN_FAMILY_MODELS),
    tags: summarize(byTag, (f) => f.models >= MIN_TAG_MODELS && (f.spread <= PRECISE_SPREAD || f.high < SMALL_FAMILY)),
  };
}

export interface FamilyCount {
  parameters: number;
  source: 'family_table' | 'family_median';
  /** The table entry's name, the learned key (`llama2|7b`), or `tag:vit` for a Hub tag. */
  family: string;
  activeParameters?: number;
  /** How many measured models a median comes from, and the 10th–90th percentile of their counts. */
  familyModels?: number;
  familyRange?: [number, number];
}

function learned(family: string, f: LearnedFamily): FamilyCount {
  return { parameters: f.parameters, source: 'family_median', family, familyModels: f.models, familyRange: [f.low, f.high] };
}

/**
 * A ViT named in a CLIP-style repo (`LongCLIP-GmP-ViT-L-14`, `XrayCLIP__vit-b-16`) is CLIP's image
 * tower with its text tower: CLIP ViT-L/14 (428M), not ViT-L/14 (304M). A CLIP word after the ViT
 * says how the image tower was trained (timm's `vit_large_patch14_clip_224` is the tower alone).
 */
const VIT_KEY = 'vit|';
function namesClipFirst(tokens: readonly string[]): boolean {
  const clip = tokens.findIndex((t) => t.includes('clip'));
  return clip >= 0 && clip < tokens.indexOf('vit');
}

/**
 * The most specific key of a tokenized name that the table or the calibration knows; at equal
 * specificity the published table wins.
 */
export function familyCountOf(repoId: string, tokens: string[], calibration: Calibration = EMPTY_CALIBRATION): FamilyCount | null {
  let found: FamilyCount | null = null;
  eachKey(repoId, tokens, (key) => {
    const entry = TABLE.get(key);
    if (entry) {
      found = published((key.startsWith(VIT_KEY) && namesClipFirst(tokens) && TABLE.get(`clip ${key}`)) || entry);
      return true;
    }
    const family = calibration.families.get(key);
    if (family) found = learned(key, family);
    return found !== null;
  });
  return found ?? publishedInside(tokens);
}

function published(entry: FamilyEntry): FamilyCount {
  const count: FamilyCount = { parameters: entry.parameters, source: 'family_table', family: entry.name };
  if (entry.active !== undefined) count.activeParameters = entry.active;
  return count;
}

/**
 * A published family named inside a name that states no size, after other words
 * (`Human-Like-Mistral-Nemo-Instruct-2407`, `gpt_bigcode-santacoder`): three or two words in a row
 * that are a table entry's name, or one word naming a small model (`santacoder`, `tinyllama`; a
 * lone `bloom` may be any BLOOM, so large entries need more words). The table only: learned keys
 * are built from leading words and sizes, so a window of words is no evidence for them.
 */
function publishedInside(tokens: string[]): FamilyCount | null {
  if (tokens.length < 2) return null;
  for (const token of tokens) if (nominalOf(token) !== null) return null;
  for (let i = 1; i < tokens.length; i++) {
    const pair = i + 1 < tokens.length ? `${tokens[i]} ${tokens[i + 1]}` : '';
    const entry = (i + 2 < tokens.length ? TABLE.get(`${pair} ${tokens[i + 2]}`) : undefined) ?? (pair ? TABLE.get(pair) : undefined);
    if (entry) return published(entry);
    const word = TABLE.get(tokens[i]);
    if (word && word.parameters < SMALL_FAMILY) return published(word);
  }
  return null;
}

export function familyCount(repoId: string, calibration: Calibration = EMPTY_CALIBRATION): FamilyCount | null {
  return familyCountOf(repoId, nameTokens(repoId), calibration);
}

/** First words of the table's names (`llama`, `qwen2`, `gemma2`, `mixtral`): the Hub architecture tags that can name a family. */
const TABLE_WORDS: ReadonlySet<string> = new Set(FAMILY_TABLE.map((e) => nameTokens(e.name)[0]));
const TAG_CUT = /[-_]/;
/**
 * Hub architecture tags whose models the table files under another name: DeBERTa-V3 checkpoints
 * declare `"model_type": "deberta-v2"` in their config.json (microsoft/deberta-v3-base).
 */
const ARCHITECTURE_NAMES: Readonly<Record<string, string>> = { 'deberta-v2': 'deberta-v3' };

/** The first size word or code of a tokenized name (`large`, `base`, `l14`), if it states no size in numbers. */
export function sizeWordOf(tokens: readonly string[]): string | null {
  for (const token of tokens) if (nominalOf(token) !== null) return null;
  return tokens.find((t) => SIZE_WORDS.has(t) || SIZE_CODE.test(t)) ?? null;
}

const PATCH_SIZE = /^patch\d{1,2}$/;

/**
 * A size word followed by a patch size names a vision transformer of that size, whatever the
 * recipe that trained it (`eva_large_patch14_196`, `beitv2_base_patch16_224`): ViT-L/14 is 304M.
 */
export function patchedVitCount(tokens: readonly string[]): FamilyCount | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!SIZE_WORDS.has(tokens[i]) || !PATCH_SIZE.test(tokens[i + 1])) continue;
    const name = `vit-${tokens[i]}-${tokens[i + 1]}`;
    const found = familyCountOf(name, nameTokens(name));
    return found?.source === 'family_table' ? found : null;
  }
  return null;
}

/**
 * The family that a Hub architecture tag (`llama`, `qwen2`, `gemma`, `llama-2`, `qwen2_5_vl`: the
 * model type the Hub read from config.json) and a size the name states make together: `llama` +
 * `7b` is LLaMA 7B (6.74B), `gemma` + `7b` Gemma 7B (8.54B), `qwen2_vl` + `7b` Qwen2-VL-7B. Only
 * tags whose first word starts a table name are tried, so most tags cost one Set lookup.
 */
export function architectureFamilyCount(tags: readonly string[], sizeToken: string, calibration: Calibration = EMPTY_CALIBRATION): FamilyCount | null {
  for (const tag of tags) {
    const cut = tag.search(TAG_CUT);
    if (!TABLE_WORDS.has((cut < 0 ? tag : tag.slice(0, cut)).toLowerCase())) continue;
    const name = `${ARCHITECTURE_NAMES[tag] ?? tag}-${sizeToken}`;
    const found = familyCountOf(name, nameTokens(name), calibration);
    if (found) return found;
  }
  return null;
}

/** First words of table names whose entries all agree on one size (`idefics2`: Idefics2 is 8B only; not `bloom`). */
const ONE_SIZE_WORDS: ReadonlySet<string> = (() => {
  const sizes = new Map<string, number[]>();
  for (const e of FAMILY_TABLE) {
    const word = nameTokens(e.name)[0];
    sizes.set(word, [...(sizes.get(word) ?? []), e.parameters]);
  }
  return new Set([...sizes].filter(([, list]) => list.every((n) => Math.abs(n / list[0] - 1) <= 0.25)).map(([word]) => word));
})();

/**
 * A Hub architecture tag that is itself the name of a published model (`gpt2`, `moondream1`,
 * `encodec`): a repo of that architecture whose name says nothing is that model or a close variant.
 * Large entries only when the architecture comes in one size (`idefics2`, 8B); not `bloom`: 176B,
 * but most BLOOM repos are 560M to 7B.
 */
export function architectureEntryCount(tags: readonly string[]): FamilyCount | null {
  for (const tag of tags) {
    const entry = TABLE.get(tag);
    if (entry && (entry.parameters < SMALL_FAMILY || ONE_SIZE_WORDS.has(tag))) return published(entry);
  }
  return null;
}

/** The learned family of the tag whose measured models agree best (`vit`, `whisper`), if any. */
export function tagFamilyCount(tags: readonly string[], calibration: Calibration): FamilyCount | null {
  if (calibration.tags.size === 0) return null;
  let best: LearnedFamily | undefined;
  let bestTag = '';
  for (const tag of tags) {
    const family = calibration.tags.get(tag);
    if (family && (!best || family.spread < best.spread || (family.spread === best.spread && family.models > best.models))) {
      best = family;
      bestTag = tag;
    }
  }
  return best ? learned(`${TAG_FAMILY}${bestTag}`, best) : null;
}
