// /subscribe [tag] [day] [time] [timezone]: this channel gets the weekly SLM digest.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { SCHEDULE_OPTIONS, timeSchema, timeZoneSchema, weekdaySchema } from '../src/digest/options.js';
import { isReply, placeOrError } from '../src/digest/place.js';
import { nextSlot } from '../src/digest/slots.js';
import { describeNext, describeSchedule } from '../src/digest/words.js';
import { TAG_OPTION, tagSchema } from '../src/options.js';
import { t, tAll } from '../src/i18n.js';
import { errorReply, type Reply } from '../src/reply.js';

const schema = z.object({
  tag: tagSchema.optional(),
  day: weekdaySchema.default(1),
  time: timeSchema.default('09:00'),
  timezone: timeZoneSchema.default('UTC'),
});

const command: Command<typeof schema> = {
  name: 'subscribe',
  description: tAll('commands.subscribe.description'),
  usage: '/subscribe [tag] [day:monday] [time:09:00] [timezone:UTC]',
  options: [TAG_OPTION, ...SCHEDULE_OPTIONS],
  schema,
  adminOnly: true,
  needsChannel: true,
  async run(ctx, args): Promise<Reply> {
    const place = placeOrError(ctx, 'subscribe');
    if (isReply(place)) return place;
    const { locale } = ctx;
    if (place.canPost === false) return errorReply('cannot_post', t(locale, 'subscribe.cannotPost'), locale);
    const sub = ctx.store().subscribe(
      { platform: place.platform, placeId: place.placeId, channelId: place.channelId, tag: args.tag ?? null, weekday: args.day, time: args.time, timeZone: args.timezone, locale: ctx.locale, createdBy: place.userId },
      ctx.now,
    );
    return {
      title: t(locale, 'subscribe.title'),
      summary: t(locale, 'subscribe.summary', { schedule: describeSchedule(sub, locale), next: describeNext(nextSlot(sub, ctx.now), locale, ctx.marks) }),
      fields: [],
      notes: [t(locale, 'subscribe.note')],
      links: [],
      data: { subscription: sub },
    };
  },
};

export default command;
