// /subscribe [tag] [day] [time] [timezone]: this channel gets the weekly SLM digest.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { SCHEDULE_OPTIONS, timeSchema, timeZoneSchema, weekdaySchema } from '../src/digest/options.js';
import { isReply, placeOrError } from '../src/digest/place.js';
import { nextSlot } from '../src/digest/scheduler.js';
import { describeNext, describeSchedule } from '../src/digest/words.js';
import { TAG_OPTION, tagSchema } from '../src/options.js';
import { errorReply, type Reply } from '../src/reply.js';

const schema = z.object({
  tag: tagSchema.optional(),
  day: weekdaySchema.default(1),
  time: timeSchema.default('09:00'),
  timezone: timeZoneSchema.default('UTC'),
});

const command: Command<typeof schema> = {
  name: 'subscribe',
  description: { en: 'Post the weekly SLM digest in this channel', fr: 'Publier le digest hebdomadaire des SLM dans ce salon' },
  usage: '/subscribe [tag] [day:monday] [time:09:00] [timezone:UTC]',
  options: [TAG_OPTION, ...SCHEDULE_OPTIONS],
  schema,
  adminOnly: true,
  async run(ctx, args): Promise<Reply> {
    const place = placeOrError(ctx, 'subscribe');
    if (isReply(place)) return place;
    const fr = ctx.locale === 'fr';
    if (place.canPost === false) {
      return errorReply(
        'cannot_post',
        fr
          ? 'SLM Radar ne peut pas publier ici : donnez-lui Envoyer des messages, Intégrer des liens et Joindre des fichiers dans ce salon, puis tapez /subscribe à nouveau.'
          : 'SLM Radar cannot post here: give it Send Messages, Embed Links and Attach Files in this channel, then type /subscribe again.',
        ctx.locale,
      );
    }
    const sub = ctx.store().subscribe(
      { platform: place.platform, placeId: place.placeId, channelId: place.channelId, tag: args.tag ?? null, weekday: args.day, time: args.time, timeZone: args.timezone, locale: ctx.locale, createdBy: place.userId },
      ctx.now,
    );
    const schedule = describeSchedule(sub, ctx.locale);
    return {
      title: fr ? 'Digest hebdomadaire activé' : 'Weekly digest on',
      summary: fr
        ? `Ce salon recevra le digest des SLM ${schedule}. ${describeNext(nextSlot(sub, ctx.now), ctx.locale)}`
        : `This channel gets the SLM digest ${schedule}. ${describeNext(nextSlot(sub, ctx.now), ctx.locale)}`,
      fields: [],
      notes: [fr ? 'Aperçu : /digest preview. Arrêt : /unsubscribe.' : 'Preview it with /digest preview; stop it with /unsubscribe.'],
      links: [],
      data: { subscription: sub },
    };
  },
};

export default command;
