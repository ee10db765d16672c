// /unsubscribe [tag]: this channel stops getting the weekly digest (for that tag).
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { isReply, placeOrError } from '../src/digest/place.js';
import { TAG_OPTION, tagSchema } from '../src/options.js';
import { t, tAll } from '../src/i18n.js';
import { errorReply, type Reply } from '../src/reply.js';

const schema = z.object({ tag: tagSchema.optional() });

const command: Command<typeof schema> = {
  name: 'unsubscribe',
  description: tAll('commands.unsubscribe.description'),
  usage: '/unsubscribe [tag]',
  options: [TAG_OPTION],
  schema,
  adminOnly: true,
  needsChannel: true,
  async run(ctx, args): Promise<Reply> {
    const place = placeOrError(ctx, 'unsubscribe');
    if (isReply(place)) return place;
    const { locale } = ctx;
    const what = args.tag ?? t(locale, 'unsubscribe.allTasks');
    if (!ctx.store().unsubscribe(place.platform, place.channelId, args.tag ?? null)) {
      return errorReply('not_found', t(locale, 'unsubscribe.none', { what }), locale);
    }
    return {
      title: t(locale, 'unsubscribe.title'),
      summary: t(locale, 'unsubscribe.summary', { what }),
      fields: [],
      notes: [],
      links: [],
      data: { unsubscribed: { channelId: place.channelId, tag: args.tag ?? null } },
    };
  },
};

export default command;
