// Several models looked up at once, for replies that show them side by side (/compare, the message
// menu): each classified when found, the Hub's notes once each, and the data source the reply can vouch for.
import type { CommandContext } from './command.js';
import { classifyModel, type ClassifyResult } from './core/classify.js';
import type { DataSource, Thresholds } from './core/types.js';
import type { ModelResult } from './hub/types.js';

export interface LookedUpModels {
  results: ModelResult[];
  /** Per id, in order: the classified model, or null when it was not found. */
  classified: (ClassifyResult | null)[];
  notes: string[];
  /** The oldest data among the answers: what the reply can vouch for. */
  source: DataSource;
}

export async function lookUpModels(ctx: CommandContext, ids: readonly string[], thresholds: Thresholds): Promise<LookedUpModels> {
  const results = await Promise.all(ids.map((id) => ctx.hub.model(id)));
  return {
    results,
    classified: results.map((r) => (r.found ? classifyModel(r.model, r.lookup, thresholds, [], { calibration: r.calibration }) : null)),
    notes: [...new Set(results.flatMap((r) => r.notes.map((n) => n[ctx.locale])))],
    source: results.map((r) => r.source).sort((a, b) => a.collectedAt.localeCompare(b.collectedAt))[0],
  };
}
