// /tags (the study's H3): which tasks do SLMs and LLMs serve? Task names and modalities come from
// the Hub's own pipeline taxonomy (@huggingface/tasks), not a hand-written list.
import { MODALITY_LABELS, PIPELINE_DATA, type Modality, type PipelineType } from '@huggingface/tasks';
import type { Verdict } from './types.js';
import type { ClassifiedModel } from './verdict.js';
import { asView, type ModelView } from './view.js';

export interface TaskShare {
  tag: PipelineType;
  name: string;
  modality: string;
  count: number;
  /** Share (0..1) of the verdict's models with a task tag that carry this one. */
  share: number;
}

export interface VerdictTasks {
  /** Models of this verdict with a pipeline task from the taxonomy. */
  tagged: number;
  /** Models of this verdict without one. */
  untagged: number;
  distinctTasks: number;
  tasks: TaskShare[];
  /** Share (0..1) of tagged models per modality label ("Natural Language Processing", "Computer Vision"…). */
  modalities: Record<string, number>;
}

export interface TagsResult {
  verdicts: Record<Exclude<Verdict, 'unknown'>, VerdictTasks>;
  /** The tasks that matter most to SLMs or LLMs, with both shares side by side (chart rows). */
  top: { tag: PipelineType; name: string; slmShare: number; llmShare: number; borderlineShare: number }[];
}

export function isPipelineTag(tag: string): tag is PipelineType {
  return Object.hasOwn(PIPELINE_DATA, tag);
}

export function taskName(tag: string): string {
  return isPipelineTag(tag) ? PIPELINE_DATA[tag].name : tag;
}

export const PIPELINE_TAGS = Object.keys(PIPELINE_DATA) as PipelineType[];

/** One verdict's tasks from its model count per task index (taskNames of the view). */
function tasksOf(countsByTask: ArrayLike<number>, taskNames: readonly string[], models: number): VerdictTasks {
  const tasks: TaskShare[] = [];
  let tagged = 0;
  for (let t = 0; t < taskNames.length; t++) {
    const tag = taskNames[t];
    if (countsByTask[t] > 0 && isPipelineTag(tag)) tagged += countsByTask[t];
  }
  for (let t = 0; t < taskNames.length; t++) {
    const tag = taskNames[t];
    const count = countsByTask[t];
    if (count === 0 || !isPipelineTag(tag)) continue;
    tasks.push({
      tag,
      name: PIPELINE_DATA[tag].name,
      modality: MODALITY_LABELS[PIPELINE_DATA[tag].modality as Modality],
      count,
      share: count / tagged,
    });
  }
  tasks.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  const modalities: Record<string, number> = {};
  for (const t of tasks) modalities[t.modality] = (modalities[t.modality] ?? 0) + t.share;
  return { tagged, untagged: models - tagged, distinctTasks: tasks.length, tasks, modalities };
}

export function tagsOf(sample: readonly ClassifiedModel[] | ModelView, top = 10): TagsResult {
  const view = asView(sample);
  const names = view.taskNames;
  // Models per task index for each verdict code (SLM 0, borderline 1, LLM 2; unknown 3 is not shown).
  const counts = [0, 1, 2, 3].map(() => new Int32Array(names.length));
  const totals = [0, 0, 0, 0];
  const { verdict, task, rows: selected, length } = view;
  for (let i = 0; i < length; i++) {
    const r = selected ? selected[i] : i;
    const v = verdict[r];
    counts[v][task[r]]++;
    totals[v]++;
  }
  const verdicts = {
    SLM: tasksOf(counts[0], names, totals[0]),
    borderline: tasksOf(counts[1], names, totals[1]),
    LLM: tasksOf(counts[2], names, totals[2]),
  };
  const shareIn = (v: VerdictTasks, tag: PipelineType) => v.tasks.find((t) => t.tag === tag)?.share ?? 0;
  const tags = new Set([...verdicts.SLM.tasks, ...verdicts.LLM.tasks].map((t) => t.tag));
  const rows = [...tags]
    .map((tag) => ({
      tag,
      name: PIPELINE_DATA[tag].name,
      slmShare: shareIn(verdicts.SLM, tag),
      llmShare: shareIn(verdicts.LLM, tag),
      borderlineShare: shareIn(verdicts.borderline, tag),
    }))
    .sort((a, b) => Math.max(b.slmShare, b.llmShare) - Math.max(a.slmShare, a.llmShare) || a.tag.localeCompare(b.tag))
    .slice(0, top);
  return { verdicts, top: rows };
}
