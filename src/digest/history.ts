// The history the Hub API does not give: each week the bot stores how many models created that
// week were SLMs, borderline, LLMs or unknown (overall and per task), and the 30-day downloads of
// the top models, so /trend and /lifespan can show how things moved (`history:true`).
import { shareOf } from '../core/share.js';
import type { Thresholds } from '../core/types.js';
import { classifyAll } from '../core/verdict.js';
import type { HubData } from '../hub/types.js';
import type { Store } from './store.js';
import { isoWeekOf, startOfIsoWeekUtc } from '../core/weeks.js';

/** How many of the top models' downloads are kept each week. */
export const TOP_MODELS_KEPT = 200;
/** At most this many new models are listed for one week (the Hub gets tens of thousands; 500 a request). */
export const WEEKLY_NEW_MODELS_MAX = 50_000;

const WEEK_MS = 7 * 86_400_000;

/**
 * Records last week's counts and this week's top-model downloads, once each (UTC weeks).
 * Returns what it recorded, for logs and tests.
 */
export async function recordHistory(hub: HubData, store: Store, thresholds: Thresholds, now: Date, sampleSize: number): Promise<string[]> {
  const recorded: string[] = [];
  const thisWeekStart = startOfIsoWeekUtc(now);
  const lastWeekStart = new Date(thisWeekStart.getTime() - WEEK_MS);
  const lastWeek = isoWeekOf(lastWeekStart);
  if (!store.hasWeeklyCounts(lastWeek)) {
    const created = await hub.createdSince(lastWeekStart, { max: WEEKLY_NEW_MODELS_MAX });
    // Only the live Hub tells what was created last week; anything else would write a false history. Next tick tries again.
    if (created.source.kind !== 'live') return recorded;
    const week = created.models.filter((m) => m.createdAt && new Date(m.createdAt) < thisWeekStart);
    const classified = classifyAll(week, created.lookup, thresholds, created.calibration);
    const tags = [...new Set(week.map((m) => m.pipelineTag).filter((t): t is string => !!t))];
    const complete = created.complete !== false;
    store.saveWeeklyCounts([
      { isoWeek: lastWeek, tag: null, counts: shareOf(classified).counts, complete },
      ...tags.map((tag) => ({ isoWeek: lastWeek, tag, counts: shareOf(classified.filter((c) => c.model.pipelineTag === tag)).counts, complete })),
    ]);
    recorded.push(`counts ${lastWeek}`);
  }
  const thisWeek = isoWeekOf(now);
  if (!store.hasWeeklyDownloads(thisWeek)) {
    const sample = await hub.sample({ size: sampleSize });
    // This week's downloads: data collected this week (live, or cached since), never older.
    if (sample.source.kind === 'snapshot' || isoWeekOf(new Date(sample.source.collectedAt)) !== thisWeek) return recorded;
    const top = classifyAll(sample.models, sample.lookup, thresholds, sample.calibration)
      .sort((a, b) => (b.model.downloads ?? 0) - (a.model.downloads ?? 0))
      .slice(0, TOP_MODELS_KEPT);
    store.saveWeeklyDownloads(
      top.map((c) => ({ isoWeek: thisWeek, modelId: c.model.id, downloads: c.model.downloads ?? 0, verdict: c.verdict, createdAt: c.model.createdAt ?? null })),
    );
    recorded.push(`downloads ${thisWeek}`);
  }
  return recorded;
}
