// /subscriptions: the digests of this Discord server or Slack workspace, and their state.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { isReply, placeOrError } from '../src/digest/place.js';
import { missedWeeks, nextSlot } from '../src/digest/scheduler.js';
import { describeSchedule } from '../src/digest/words.js';
import { formatDate, formatDateTime } from '../src/format.js';
import { t } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';

const schema = z.object({});

const command: Command<typeof schema> = {
  name: 'subscriptions',
  description: { en: 'Weekly digests of this server or workspace', fr: 'Les digests hebdomadaires de ce serveur ou espace' },
  usage: '/subscriptions',
  options: [],
  schema,
  async run(ctx): Promise<Reply> {
    const place = placeOrError(ctx, 'subscriptions');
    if (isReply(place)) return place;
    const fr = ctx.locale === 'fr';
    const subs = ctx.store().subscriptionsOf(place.platform, place.placeId);
    const state = (s: (typeof subs)[number]) =>
      s.pausedAt
        ? fr
          ? `en pause depuis le ${formatDate(s.pausedAt)} après ${s.failedWeeks} semaines d’échec (${s.lastError ?? '?'}) : /subscribe dans ce salon la relance`
          : `paused since ${formatDate(s.pausedAt)} after ${s.failedWeeks} failed weeks (${s.lastError ?? '?'}): /subscribe in that channel resumes it`
        : `${fr ? 'active, prochain envoi' : 'active, next post'} ${formatDateTime(nextSlot(s, ctx.now).toISOString())}${s.failedWeeks ? (fr ? ` (${s.failedWeeks} échec(s))` : ` (${s.failedWeeks} failed)`) : ''}`;
    // Weeks that did not go out (refused, interrupted, lost while the bot was down or the Hub unreadable).
    const missed = (s: (typeof subs)[number]) =>
      missedWeeks(s, ctx.store().sendsOf(s.id), ctx.now).map((w) => `\n${t(ctx.locale, `digest.week.${w.kind}`, { week: w.isoWeek, error: w.error ?? '' })}`).join('');
    return {
      title: fr ? 'Digests hebdomadaires' : 'Weekly digests',
      summary: subs.length
        ? fr
          ? `${subs.length} abonnement(s) ici.`
          : `${subs.length} subscription${subs.length > 1 ? 's' : ''} here.`
        : fr
          ? 'Aucun digest ici. Un administrateur peut en créer un avec /subscribe.'
          : 'No digest here yet. An admin can start one with /subscribe.',
      fields: subs.map((s) => ({ name: `#${s.channelId} — ${describeSchedule(s, ctx.locale)}`, value: `${state(s)}${missed(s)}`, inline: false })),
      notes: [],
      links: [],
      data: { subscriptions: subs },
    };
  },
};

export default command;
