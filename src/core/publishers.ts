// How publishers label their own models, from the study's reading of their announcements
// (data/reference/publisher-size-labels.json).
import labels from '../../data/reference/publisher-size-labels.json' with { type: 'json' };

export interface PublisherLabel {
  publisher: string;
  /** Total parameter count in billions, as published (a mixture of experts' total, not its active count). */
  sizeB: number;
  /** A mixture of experts' active parameters in billions, which is what the study's chart printed for it. */
  activeB?: number;
  /** The publisher's own word: "small", "lightweight", "LLM series"… */
  label: string;
  /** The study's best identification of the model. */
  model: string;
}

const column = (name: string) => labels.columns.indexOf(name);

/**
 * Every labelled bar of the study's chart; rows with an unreadable size or label are left out.
 * Mixtures of experts, printed with their active count, are placed by their total like every other model.
 */
export const PUBLISHER_LABELS: readonly PublisherLabel[] = labels.rows.flatMap((row) => {
  const printed = row[column('value_B')];
  const label = String(row[column('publisher_label')]);
  if (typeof printed !== 'number' || label === '?') return [];
  const active = row[column('count_kind')] === 'active';
  const entry: PublisherLabel = {
    publisher: String(row[column('publisher')]),
    sizeB: active ? Number(row[column('total_B')]) : printed,
    label,
    model: String(row[column('identified_model')]),
  };
  if (active) entry.activeB = printed;
  return [entry];
});

/** Hub organisations of the publishers in the study. */
const PUBLISHER_OF_ORG: Record<string, string> = {
  google: 'Google',
  'meta-llama': 'Meta',
  facebook: 'Meta',
  microsoft: 'Microsoft',
  mistralai: 'Mistral',
  nvidia: 'NVIDIA',
  qwen: 'Qwen',
};

/** The study's publisher behind a repo id (`mistralai/Mistral-7B-v0.1` → Mistral), if any. */
export function publisherOf(repoId: string): string | undefined {
  return PUBLISHER_OF_ORG[repoId.split('/')[0].toLowerCase()];
}

/**
 * Up to `max` publishers' labels for models of about this size (within a factor of 1.5),
 * one per publisher, the model's own publisher first, then nearest size.
 */
export function publisherContext(parameters: number | null, max = 3, ownPublisher?: string): PublisherLabel[] {
  if (parameters === null) return [];
  const sizeB = parameters / 1e9;
  const distance = (r: PublisherLabel) => Math.abs(Math.log(r.sizeB / sizeB));
  const nearest = new Map<string, PublisherLabel>();
  for (const row of PUBLISHER_LABELS) {
    if (distance(row) > Math.log(1.5)) continue;
    const best = nearest.get(row.publisher);
    if (!best || distance(row) < distance(best)) nearest.set(row.publisher, row);
  }
  const own = (r: PublisherLabel) => (r.publisher === ownPublisher ? 0 : 1);
  return [...nearest.values()]
    .sort((a, b) => own(a) - own(b) || distance(a) - distance(b) || a.publisher.localeCompare(b.publisher))
    .slice(0, max);
}
