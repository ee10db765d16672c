// /subscriptions [page]: the digests of this Discord server or Slack workspace, and their state,
// SUBSCRIPTIONS_PER_PAGE at a time (a Discord embed holds 25 fields): the reply says how many more
// there are and which page shows them.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { isReply, placeOrError } from '../src/digest/place.js';
import { missedWeeks, nextSlot } from '../src/digest/slots.js';
import { describeSchedule } from '../src/digest/words.js';
import { formatDate } from '../src/format.js';
import { t, tAll } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';

export const SUBSCRIPTIONS_PER_PAGE = 10;

const schema = z.object({ page: z.coerce.number().int().min(1).optional() });

const command: Command<typeof schema> = {
  name: 'subscriptions',
  description: tAll('commands.subscriptions.description'),
  usage: '/subscriptions [page:2]',
  options: [{ name: 'page', type: 'integer', min: 1, description: tAll('commands.subscriptions.options.page') }],
  schema,
  needsChannel: true,
  async run(ctx, args): Promise<Reply> {
    const place = placeOrError(ctx, 'subscriptions');
    if (isReply(place)) return place;
    const { locale, marks } = ctx;
    const subs = ctx.store().subscriptionsOf(place.platform, place.placeId);
    const pages = Math.max(1, Math.ceil(subs.length / SUBSCRIPTIONS_PER_PAGE));
    const page = Math.min(args.page ?? 1, pages);
    const shown = subs.slice((page - 1) * SUBSCRIPTIONS_PER_PAGE, page * SUBSCRIPTIONS_PER_PAGE);
    const state = (s: (typeof subs)[number]) =>
      s.pausedAt
        ? t(locale, 'subscriptions.paused', { date: formatDate(s.pausedAt), weeks: s.failedWeeks, error: s.lastError ?? '?' })
        : t(locale, 'subscriptions.active', { time: marks.time(nextSlot(s, ctx.now)), failed: s.failedWeeks });
    // Weeks that did not go out (refused, interrupted, lost while the bot was down or the Hub unreadable).
    const missed = (s: (typeof subs)[number]) =>
      missedWeeks(s, ctx.store().sendsOf(s.id), ctx.now).map((w) => `\n${t(locale, `digest.week.${w.kind}`, { week: w.isoWeek, error: w.error ?? '' })}`).join('');
    const after = subs.length - page * SUBSCRIPTIONS_PER_PAGE;
    const count = subs.length ? t(locale, 'subscriptions.count', { count: subs.length }) : t(locale, 'subscriptions.none');
    return {
      title: t(locale, 'subscriptions.title'),
      summary: pages > 1 ? `${count} ${t(locale, 'subscriptions.page', { page, pages })}` : count,
      // The channel and the next post in the value: platforms show mentions and timestamps there, not in field names.
      fields: shown.map((s) => ({ name: describeSchedule(s, locale), value: `${marks.channel(s.channelId)} — ${state(s)}${missed(s)}`, inline: false })),
      notes: after > 0 ? [t(locale, 'subscriptions.more', { count: after, page: page + 1 })] : [],
      links: [],
      data: { subscriptions: subs },
    };
  },
};

export default command;
