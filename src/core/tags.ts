// /tags (the study's H3): which tasks do SLMs and LLMs serve? Task names and modalities come from
// the Hub's own pipeline taxonomy (@huggingface/tasks), not a hand-written list.
import { MODALITY_LABELS, PIPELINE_DATA, type Modality, type PipelineType } from '@huggingface/tasks';
import type { Verdict } from './types.js';
import type { ClassifiedModel } from './verdict.js';

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

function tasksOf(models: readonly ClassifiedModel[]): VerdictTasks {
  const counts = new Map<PipelineType, number>();
  let untagged = 0;
  for (const c of models) {
    const tag = c.model.pipelineTag;
    if (tag && isPipelineTag(tag)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    else untagged++;
  }
  const tagged = models.length - untagged;
  const tasks = [...counts]
    .map(([tag, count]) => ({
      tag,
      name: PIPELINE_DATA[tag].name,
      modality: MODALITY_LABELS[PIPELINE_DATA[tag].modality as Modality],
      count,
      share: count / tagged,
    }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  const modalities: Record<string, number> = {};
  for (const t of tasks) modalities[t.modality] = (modalities[t.modality] ?? 0) + t.share;
  return { tagged, untagged, distinctTasks: tasks.length, tasks, modalities };
}

export function tagsOf(sample: readonly ClassifiedModel[], top = 10): TagsResult {
  const verdicts = {
    SLM: tasksOf(sample.filter((c) => c.verdict === 'SLM')),
    borderline: tasksOf(sample.filter((c) => c.verdict === 'borderline')),
    LLM: tasksOf(sample.filter((c) => c.verdict === 'LLM')),
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
