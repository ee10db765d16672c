// /digest preview [tag]: the weekly digest as it would be posted now, to the caller only.
// Scheduled posts are this same reply (src/digest/scheduler.ts invokes it like a user).
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { shareOf } from '../src/core/share.js';
import type { ModelRecord } from '../src/core/types.js';
import { classifyAll, type ClassifiedModel } from '../src/core/verdict.js';
import { WEEKLY_NEW_MODELS_MAX } from '../src/digest/history.js';
import { formatCount, formatDate, formatParameters, formatPercent, sourceLine, verdictWord } from '../src/format.js';
import type { Locale } from '../src/i18n.js';
import { TAG_OPTION, tagSchema, thresholdsFrom } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { unknownNote } from '../src/samples.js';
import trend from './trend.js';

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
    c.count.parameters === null ? (locale === 'fr' ? 'taille inconnue' : 'size unknown') : `${formatParameters(c.count.parameters, locale)}, ${verdictWord(c.verdict, locale)}`;
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
  description: { en: 'Preview the weekly SLM digest (only you see it)', fr: 'Aperçu du digest hebdomadaire (vous seul le voyez)' },
  usage: '/digest preview [tag]',
  options: [
    { name: 'action', type: 'string', required: true, choices: ['preview'], description: { en: 'preview: show the digest now, to you only', fr: 'preview : voir le digest maintenant, pour vous seul' } },
    TAG_OPTION,
  ],
  schema,
  replyPrivately: true,
  async run(ctx, args): Promise<Reply> {
    const fr = ctx.locale === 'fr';
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
    const earlierShares = earlier
      .map((w) => {
        const known = w.counts.SLM + w.counts.borderline + w.counts.LLM;
        return `${w.isoWeek} ${formatPercent(known ? w.counts.SLM / known : null, ctx.locale, 0)}`;
      })
      .join(', ');
    const period = `${formatDate(weekStart.toISOString())} → ${formatDate(weekEnd.toISOString())}`;
    const scope = args.tag ?? (fr ? 'toutes tâches' : 'all tasks');
    const summary = fr
      ? `Du ${period} (${scope}) : ${formatCount(share.total, ctx.locale)} nouveaux modèles, dont ${formatPercent(share.slmShareOfKnown, ctx.locale)} de SLM parmi les ${formatCount(share.total - share.counts.unknown, ctx.locale)} de taille connue.`
      : `${period} (${scope}): ${formatCount(share.total, ctx.locale)} new models; ${formatPercent(share.slmShareOfKnown, ctx.locale)} SLMs among the ${formatCount(share.total - share.counts.unknown, ctx.locale)} with a known count.`;
    const trendReply = await trend.run(ctx, { tag: args.tag });
    const notes = created.notes.map((n) => n[ctx.locale]);
    if (created.models.length >= WEEKLY_NEW_MODELS_MAX) {
      notes.push(fr ? `Limité aux ${formatCount(WEEKLY_NEW_MODELS_MAX, ctx.locale)} modèles les plus récents.` : `Limited to the ${formatCount(WEEKLY_NEW_MODELS_MAX, ctx.locale)} newest models.`);
    }
    notes.push(unknownNote(share.counts.unknown, share.total, ctx.locale));
    return {
      title: fr ? `Digest SLM de la semaine — ${scope}` : `Weekly SLM digest — ${scope}`,
      summary,
      fields: [
        { name: 'SLM', value: formatCount(share.counts.SLM, ctx.locale), inline: true },
        { name: verdictWord('borderline', ctx.locale), value: formatCount(share.counts.borderline, ctx.locale), inline: true },
        { name: 'LLM', value: formatCount(share.counts.LLM, ctx.locale), inline: true },
        { name: verdictWord('unknown', ctx.locale), value: formatCount(share.counts.unknown, ctx.locale), inline: true },
        {
          name: fr ? 'Semaines précédentes (part des SLM)' : 'Previous weeks (SLM share)',
          value: earlierShares || (fr ? 'pas encore enregistrées : le bot en garde une par semaine' : 'none recorded yet: the bot keeps one a week'),
          inline: false,
        },
        { name: fr ? 'Nouveaux modèles les plus téléchargés' : 'Most downloaded new models', value: topList(classified, (m) => m.downloads ?? 0, ctx.locale), inline: false },
        { name: fr ? 'Nouveaux modèles les plus aimés' : 'Most liked new models', value: topList(classified, (m) => m.likes ?? 0, ctx.locale), inline: false },
        { name: fr ? 'Tendance mensuelle' : 'Monthly trend', value: trendReply.summary, inline: false },
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
        source: sourceLine(created.source, ctx.locale),
      },
    };
  },
};

export default command;
