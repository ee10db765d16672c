// /subscriptions: the digests of this Discord server or Slack workspace, and their state.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { isReply, placeOrError } from '../src/digest/place.js';
import { missedWeeks, nextSlot } from '../src/digest/scheduler.js';
import { describeSchedule } from '../src/digest/words.js';
import { formatDate, formatDateTime } from '../src/format.js';
import { t, tAll } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';

const schema = z.object({});

const command: Command<typeof schema> = {
  name: 'subscriptions',
  description: tAll('commands.subscriptions.description'),
  usage: '/subscriptions',
  options: [],
  schema,
  needsChannel: true,
  async run(ctx): Promise<Reply> {
    const place = placeOrError(ctx, 'subscriptions');
    if (isReply(place)) return place;
    const { locale } = ctx;
    const subs = ctx.store().subscriptionsOf(place.platform, place.placeId);
    const state = (s: (typeof subs)[number]) =>
      s.pausedAt
        ? t(locale, 'subscriptions.paused', { date: formatDate(s.pausedAt), weeks: s.failedWeeks, error: s.lastError ?? '?' })
        : t(locale, 'subscriptions.active', { time: formatDateTime(nextSlot(s, ctx.now).toISOString()), failed: s.failedWeeks });
    // Weeks that did not go out (refused, interrupted, lost while the bot was down or the Hub unreadable).
    const missed = (s: (typeof subs)[number]) =>
      missedWeeks(s, ctx.store().sendsOf(s.id), ctx.now).map((w) => `\n${t(locale, `digest.week.${w.kind}`, { week: w.isoWeek, error: w.error ?? '' })}`).join('');
    return {
      title: t(locale, 'subscriptions.title'),
      summary: subs.length ? t(locale, 'subscriptions.count', { count: subs.length }) : t(locale, 'subscriptions.none'),
      fields: subs.map((s) => ({ name: `#${s.channelId} — ${describeSchedule(s, locale)}`, value: `${state(s)}${missed(s)}`, inline: false })),
      notes: [],
      links: [],
      data: { subscriptions: subs },
    };
  },
};

export default command;
