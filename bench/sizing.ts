// How well names alone size models, measured on the snapshot's models that have a safetensors
// count: the count is hidden, the model is resolved from its name (and the names of the base
// models it declares), with a calibration learned in k folds WITHOUT the model's own fold.
// `npm run bench:sizing` prints the figures; `npm run bench` includes them.
import { pathToFileURL } from 'node:url';
import { learnCalibration } from '../src/core/families.js';
import { measuredCount } from '../src/core/measured.js';
import { parseParameterCountFromName, resolveParameters, type ParameterCount } from '../src/core/parameters.js';
import { DEFAULT_THRESHOLDS, type ModelRecord } from '../src/core/types.js';
import { verdictOf } from '../src/core/verdict.js';
import { getSnapshot } from '../src/hub/snapshot.js';

export interface AccuracyFigures {
  /** Models with a measured count (the truth). */
  models: number;
  /** Share whose verdict from the name equals the verdict from the measured count (unknown counts as wrong). */
  verdictRight: number;
  /** Share whose count from the name is within ±25% of the measured count. */
  within25: number;
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
  misses: { id: string; task: string; measured: number; named: ParameterCount }[];
}

/** Stable fold of a repo id, so runs are repeatable. */
function foldOf(id: string, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

/** What is left of a record once its counts are hidden: the name, the tags (base models), the task. */
const nameOnly = (m: ModelRecord): ModelRecord => ({ id: m.id, tags: m.tags, ...(m.pipelineTag ? { pipelineTag: m.pipelineTag } : {}) });

export function sizingAccuracy(models: readonly ModelRecord[], folds = 10): SizingAccuracy {
  const byId = new Map(models.map((m) => [m.id, m]));
  const lookup = (id: string) => byId.get(id);
  const truth = models.filter((m) => measuredCount(m) !== null);
  const misses: SizingAccuracy['misses'] = [];
  const outcomes: { model: ModelRecord; right: boolean; within: boolean; source: string }[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = new Set(truth.filter((m) => foldOf(m.id, folds) === fold).map((m) => m.id));
    // Learned from everything but the held-out fold; the held-out models' counts are not even looked up.
    const calibration = learnCalibration(models.filter((m) => !held.has(m.id)), (id) => (held.has(id) ? undefined : lookup(id)));
    for (const id of held) {
      const model = byId.get(id)!;
      const measured = measuredCount(model)!;
      const named = resolveParameters(nameOnly(model), () => undefined, calibration);
      const right = verdictOf(named.parameters, DEFAULT_THRESHOLDS) === verdictOf(measured, DEFAULT_THRESHOLDS);
      const within = named.parameters !== null && Math.abs(named.parameters / measured - 1) <= 0.25;
      const source = named.family?.startsWith('tag:') ? 'tag' : (named.source ?? 'unknown');
      outcomes.push({ model, right, within, source });
      if (!within) misses.push({ id, task: model.pipelineTag ?? '', measured, named });
    }
  }
  const calibration = learnCalibration(models, lookup);
  const textGeneration = models.filter((m) => m.pipelineTag === 'text-generation');
  const covered = textGeneration.filter((m) => resolveParameters(m, lookup, calibration).parameters !== null).length;
  const figures = (list: typeof outcomes): AccuracyFigures => ({
    models: list.length,
    verdictRight: list.filter((o) => o.right).length / list.length,
    within25: list.filter((o) => o.within).length / list.length,
  });
  const bySource: SizingAccuracy['bySource'] = {};
  for (const o of outcomes) {
    const s = (bySource[o.source] ??= { models: 0, within25: 0 });
    s.models++;
    if (o.within) s.within25++;
  }
  for (const s of Object.values(bySource)) s.within25 /= s.models;
  return {
    ...figures(outcomes),
    bySource,
    textGeneration: figures(outcomes.filter((o) => o.model.pipelineTag === 'text-generation')),
    sizedNames: figures(outcomes.filter((o) => parseParameterCountFromName(o.model.id) !== null)),
    textGenerationCoverage: covered / textGeneration.length,
    misses,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = sizingAccuracy(getSnapshot().models);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`Sizing from names alone, 10-fold on ${result.models} snapshot models with a measured count`);
  console.log(`verdict right ${pct(result.verdictRight)} (target ≥ 97%), count within ±25% ${pct(result.within25)} (target ≥ 90%), text-generation coverage ${pct(result.textGenerationCoverage)} (target ≥ 97%)`);
  for (const [what, f] of [['text-generation models', result.textGeneration], ['names that state a size', result.sizedNames]] as const) {
    console.log(`  ${what} (${f.models}): verdict right ${pct(f.verdictRight)}, count within ±25% ${pct(f.within25)}`);
  }
  const sources = Object.entries(result.bySource).map(([source, s]) => `${source} ${s.models} (${pct(s.within25)} within ±25%)`);
  console.log(`  where the name-only counts came from: ${sources.join(', ')}`);
  if (process.argv.includes('--misses')) {
    const fmt = (n: number | null) => (n === null ? '-' : n >= 1e9 ? `${(n / 1e9).toFixed(2)}B` : `${(n / 1e6).toFixed(1)}M`);
    for (const m of result.misses) console.log(`${m.id}\t${m.task}\t${fmt(m.measured)}\t${fmt(m.named.parameters)}\t${m.named.source ?? ''}\t${m.named.family ?? ''}`);
  }
}
