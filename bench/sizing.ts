// How well names alone size models. Three measures, so that tuning on the snapshot cannot hide
// overfitting:
// 1. the snapshot's models that have a safetensors count, their count hidden, resolved from their
//    name (and the names of the base models they declare) with a calibration learned in 10 folds
//    WITHOUT the model's own fold;
// 2. the same with folds by family (the name's first word: every `llama3.1…` or `bert…` model is
//    held out together), so a family is sized without anything learned from its own models;
// 3. real models that are not in the snapshot (test/held-out-models.ts), with the calibration the
//    bot learns from the snapshot and with none at all (the family table and the name alone).
// `npm run bench:sizing` prints the figures (`--misses` lists the misses); `npm run bench` includes them.
import { pathToFileURL } from 'node:url';
import { HELD_OUT_MODELS, heldOutRecord } from '../test/held-out-models.js';
import { EMPTY_CALIBRATION, learnCalibration, nameTokens, TAG_FAMILY, type Calibration } from '../src/core/families.js';
import { measuredCount } from '../src/core/measured.js';
import { parseParameterCountFromName, resolveParameters, type ParameterCount } from '../src/core/parameters.js';
import { DEFAULT_THRESHOLDS, type ModelRecord } from '../src/core/types.js';
import { verdictOf } from '../src/core/verdict.js';
import { getSnapshot } from '../src/hub/snapshot.js';

export interface AccuracyFigures {
  /** Models with a known count (the truth). */
  models: number;
  /** Share whose verdict from the name equals the verdict from the true count (unknown counts as wrong). */
  verdictRight: number;
  /** Share whose count from the name is within ±25% of the true count. */
  within25: number;
}

export interface Miss {
  id: string;
  task: string;
  measured: number;
  named: ParameterCount;
}

export interface SizingAccuracy extends AccuracyFigures {
  /** The same figures for text-generation models, and for models whose name states a size (`7B`, `560m`). */
  textGeneration: AccuracyFigures;
  sizedNames: AccuracyFigures;
  /** Share of text-generation models of the whole snapshot with any count (every source). */
  textGenerationCoverage: number;
  /** Per source of the name-only count (`family_table`, `family_median`, `tag`, `name`, `unknown`): models, share within ±25%. */
  bySource: Record<string, { models: number; within25: number }>;
  /** Models whose name-only count is off by more than 25% or unknown: id, measured, from name. */
  misses: Miss[];
  /** Folds by family: every model of a family held out together. */
  familyFolds: AccuracyFigures & { sizedNames: AccuracyFigures };
  /** Real models outside the snapshot, with the snapshot's calibration and with none. */
  heldOut: AccuracyFigures & { misses: Miss[] };
  heldOutWithoutCalibration: AccuracyFigures;
}

/** Stable fold of a key, so runs are repeatable. */
function foldOf(key: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

/** The family a model is held out with in family folds: the first word of its name (`llama3.1`, `bert`). */
const familyOf = (id: string) => nameTokens(id)[0] ?? id;

/** What is left of a record once its counts are hidden: the name, the tags (base models), the task. */
const nameOnly = (m: ModelRecord): ModelRecord => ({ id: m.id, tags: m.tags, ...(m.pipelineTag ? { pipelineTag: m.pipelineTag } : {}) });

interface Outcome {
  model: ModelRecord;
  measured: number;
  named: ParameterCount;
  right: boolean;
  within: boolean;
}

function judge(model: ModelRecord, measured: number, calibration: Calibration): Outcome {
  const named = resolveParameters(nameOnly(model), () => undefined, calibration);
  const right = verdictOf(named.parameters, DEFAULT_THRESHOLDS) === verdictOf(measured, DEFAULT_THRESHOLDS);
  const within = named.parameters !== null && Math.abs(named.parameters / measured - 1) <= 0.25;
  return { model, measured, named, right, within };
}

const figures = (list: readonly Outcome[]): AccuracyFigures => ({
  models: list.length,
  verdictRight: list.filter((o) => o.right).length / list.length,
  within25: list.filter((o) => o.within).length / list.length,
});

const missesOf = (list: readonly Outcome[]): Miss[] =>
  list.filter((o) => !o.within).map((o) => ({ id: o.model.id, task: o.model.pipelineTag ?? '', measured: o.measured, named: o.named }));

/** Every measured model resolved from its name, with a calibration learned without its fold. */
function crossValidate(models: readonly ModelRecord[], foldKey: (id: string) => string, folds: number): Outcome[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  const truth = models.filter((m) => measuredCount(m) !== null);
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = new Set(truth.filter((m) => foldOf(foldKey(m.id), folds) === fold).map((m) => m.id));
    // Learned from everything but the held-out fold; the held-out models' counts are not even looked up.
    const calibration = learnCalibration(models.filter((m) => !held.has(m.id)), (id) => (held.has(id) ? undefined : byId.get(id)));
    for (const id of held) {
      const model = byId.get(id)!;
      outcomes.push(judge(model, measuredCount(model)!, calibration));
    }
  }
  return outcomes;
}

const statesSize = (o: Outcome) => parseParameterCountFromName(o.model.id) !== null;

export function sizingAccuracy(models: readonly ModelRecord[], folds = 10): SizingAccuracy {
  const outcomes = crossValidate(models, (id) => id, folds);
  const byFamily = crossValidate(models, familyOf, folds);
  const byId = new Map(models.map((m) => [m.id, m]));
  const lookup = (id: string) => byId.get(id);
  const calibration = learnCalibration(models, lookup);
  const textGeneration = models.filter((m) => m.pipelineTag === 'text-generation');
  const covered = textGeneration.filter((m) => resolveParameters(m, lookup, calibration).parameters !== null).length;
  const bySource: SizingAccuracy['bySource'] = {};
  for (const o of outcomes) {
    const source = o.named.family?.startsWith(TAG_FAMILY) ? 'tag' : (o.named.source ?? 'unknown');
    const s = (bySource[source] ??= { models: 0, within25: 0 });
    s.models++;
    if (o.within) s.within25++;
  }
  for (const s of Object.values(bySource)) s.within25 /= s.models;
  const heldOut = HELD_OUT_MODELS.map((m) => judge(heldOutRecord(m), m.parameters, calibration));
  const heldOutBare = HELD_OUT_MODELS.map((m) => judge(heldOutRecord(m), m.parameters, EMPTY_CALIBRATION));
  return {
    ...figures(outcomes),
    bySource,
    textGeneration: figures(outcomes.filter((o) => o.model.pipelineTag === 'text-generation')),
    sizedNames: figures(outcomes.filter(statesSize)),
    textGenerationCoverage: covered / textGeneration.length,
    misses: missesOf(outcomes),
    familyFolds: { ...figures(byFamily), sizedNames: figures(byFamily.filter(statesSize)) },
    heldOut: { ...figures(heldOut), misses: missesOf(heldOut) },
    heldOutWithoutCalibration: figures(heldOutBare),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = sizingAccuracy(getSnapshot().models);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const line = (f: AccuracyFigures) => `verdict right ${pct(f.verdictRight)}, count within ±25% ${pct(f.within25)}`;
  console.log(`Sizing from names alone, 10-fold on ${result.models} snapshot models with a measured count`);
  console.log(`verdict right ${pct(result.verdictRight)} (target ≥ 97%), count within ±25% ${pct(result.within25)} (target ≥ 90%), text-generation coverage ${pct(result.textGenerationCoverage)} (target ≥ 97%)`);
  for (const [what, f] of [['text-generation models', result.textGeneration], ['names that state a size', result.sizedNames]] as const) {
    console.log(`  ${what} (${f.models}): ${line(f)}`);
  }
  const sources = Object.entries(result.bySource).map(([source, s]) => `${source} ${s.models} (${pct(s.within25)} within ±25%)`);
  console.log(`  where the name-only counts came from: ${sources.join(', ')}`);
  console.log(`Folds by family (a family never learned from its own models): ${line(result.familyFolds)}; names that state a size (${result.familyFolds.sizedNames.models}): ${line(result.familyFolds.sizedNames)}`);
  console.log(`Held-out real models outside the snapshot (${result.heldOut.models}): ${line(result.heldOut)}; without any calibration: ${line(result.heldOutWithoutCalibration)}`);
  if (process.argv.includes('--misses')) {
    const fmt = (n: number | null) => (n === null ? '-' : n >= 1e9 ? `${(n / 1e9).toFixed(2)}B` : `${(n / 1e6).toFixed(1)}M`);
    for (const m of [...result.heldOut.misses, ...result.misses]) {
      console.log(`${m.id}\t${m.task}\t${fmt(m.measured)}\t${fmt(m.named.parameters)}\t${m.named.source ?? ''}\t${m.named.family ?? ''}`);
    }
  }
}
