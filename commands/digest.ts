// /digest preview [tag]: the weekly digest as it would be posted now, to the caller only.
// Scheduled posts are this same reply (src/digest/scheduler.ts invokes it like a user).
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { shareOf } from '../src/core/share.js';
import { trendFromCounts } from '../src/core/trend.js';
import { VERDICTS, type ModelRecord } from '../src/core/types.js';
import { classifyAll, type ClassifiedModel } from '../src/core/verdict.js';
import { WEEKLY_NEW_MODELS_MAX } from '../src/digest/history.js';
import { formatCount, formatDate, formatParameters, formatPercent, verdictWord } from '../src/format.js';
import { t, tAll, type Locale } from '../src/i18n.js';
import { TAG_OPTION, tagSchema, thresholdsFrom } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { unknownNote } from '../src/samples.js';
import trend, { trendRules, weekCounts } from './trend.js';

const WEEK_MS = 7 * 86_400_000;
const TOP = 5;

const schema = z.object({
  action: z
    .string({ error: 'action' })
    .transform((a) => a.trim().toLowerCase())
    .refine((a) => a === 'preview', { message: 'action' }),
  tag: tagSchema.optional(),
});

/** The week's top 5 by downloads or likes; models with none are left out rather than ranked at 0. */
function topList(models: ClassifiedModel[], by: (m: ModelRecord) => number, locale: Locale): string {
  const size = (c: ClassifiedModel) =>
    c.count.parameters === null ? t(locale, 'digest.sizeUnknown') : `${formatParameters(c.count.parameters, locale)}, ${verdictWord(c.verdict, locale)}`;
  return (
    models
      .filter((c) => by(c.model) > 0)
      .sort((a, b) => by(b.model) - by(a.model))
      .slice(0, TOP)
      .map((c, i) => `${i + 1}. ${c.model.id} — ${size(c)} (${formatCount(by(c.model), locale)})`)
      .join('\n') || '–'
  );
}

const command: Command<typeof schema> = {
  name: 'digest',
  description: tAll('commands.digest.description'),
  usage: '/digest preview [tag]',
  options: [
    { name: 'action', type: 'string', required: true, choices: ['preview'], description: tAll('commands.digest.options.action') },
    TAG_OPTION,
  ],
  schema,
  replyPrivately: true,
  async run(ctx, args): Promise<Reply> {
    const { locale } = ctx;
    const thresholds = thresholdsFrom({}, ctx.config);
    // The week before now (to the hour, so previews within an hour share one Hub listing), or
    // before the snapshot's date when only the snapshot answers.
    let weekEnd = new Date(Math.floor(ctx.now.getTime() / 3_600_000) * 3_600_000);
    let created = await ctx.hub.createdSince(new Date(weekEnd.getTime() - WEEK_MS), { tag: args.tag, max: WEEKLY_NEW_MODELS_MAX });
    if (created.source.kind === 'snapshot') {
      weekEnd = new Date(created.source.collectedAt);
      created = await ctx.hub.createdSince(new Date(weekEnd.getTime() - WEEK_MS), { tag: args.tag, max: WEEKLY_NEW_MODELS_MAX });
    }
    const weekStart = new Date(weekEnd.getTime() - WEEK_MS);
    const week = created.models.filter((m) => m.createdAt && new Date(m.createdAt) >= weekStart && new Date(m.createdAt) <= weekEnd);
    const classified = classifyAll(week, created.lookup, thresholds, created.calibration);
    const share = shareOf(classified);
    const earlier = ctx.store().weeklyCounts(args.tag ?? null).slice(-4);
    // The same rule as every headline: a share from fewer than TREND_MIN_KNOWN models of known size is marked.
    const rules = trendRules(ctx);
    const min = rules.minKnown;
    const earlierWeeks = trendFromCounts(earlier.map(weekCounts), '', rules).periods;
    const earlierShares = earlierWeeks
      .map((w) => t(locale, 'digest.previousWeek', { week: w.period, share: formatPercent(w.slmShare, locale, 0), low: w.lowConfidence ? 'yes' : 'no' }))
      .join(', ');
    const period = `${formatDate(weekStart.toISOString())} → ${formatDate(weekEnd.toISOString())}`;
    const scope = args.tag ?? t(locale, 'digest.allTasks');
    const summary = t(locale, 'digest.summary', {
      period,
      scope,
      total: share.total,
      share: formatPercent(share.slmShareOfKnown, locale),
      known: share.total - share.counts.unknown,
      few: share.total - share.counts.unknown < min ? 'yes' : 'no',
      min,
    });
    const trendReply = await trend.run(ctx, { tag: args.tag });
    const notes = created.notes.map((n) => n[locale]);
    if (created.models.length >= WEEKLY_NEW_MODELS_MAX) {
      notes.push(t(locale, 'digest.limited', { max: WEEKLY_NEW_MODELS_MAX }));
    }
    notes.push(unknownNote(share.counts.unknown, share.total, locale));
    if (earlierWeeks.some((w) => w.lowConfidence)) notes.push(t(locale, 'digest.lowWeeks', { min }));
    return {
      title: t(locale, 'digest.title', { scope }),
      summary,
      fields: [
        ...VERDICTS.map((v) => ({ name: verdictWord(v, locale), value: formatCount(share.counts[v], locale), inline: true })),
        { name: t(locale, 'digest.previousWeeks'), value: earlierShares || t(locale, 'digest.noPreviousWeeks'), inline: false },
        { name: t(locale, 'digest.mostDownloaded'), value: topList(classified, (m) => m.downloads ?? 0, locale), inline: false },
        { name: t(locale, 'digest.mostLiked'), value: topList(classified, (m) => m.likes ?? 0, locale), inline: false },
        { name: t(locale, 'digest.monthlyTrend'), value: trendReply.summary, inline: false },
      ],
      chart: trendReply.chart,
      notes,
      links: [],
      ephemeral: true,
      source: created.source,
      data: {
        weekStart: weekStart.toISOString(),
        weekEnd: weekEnd.toISOString(),
        tag: args.tag ?? null,
        counts: share.counts,
        total: share.total,
        slmShareOfKnown: share.slmShareOfKnown,
        previousWeeks: earlier,
      },
    };
  },
};

export default command;
