// /unsubscribe [tag]: this channel stops getting the weekly digest (for that tag).
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { isReply, placeOrError } from '../src/digest/place.js';
import { TAG_OPTION, tagSchema } from '../src/options.js';
import { errorReply, type Reply } from '../src/reply.js';

const schema = z.object({ tag: tagSchema.optional() });

const command: Command<typeof schema> = {
  name: 'unsubscribe',
  description: { en: 'Stop the weekly SLM digest in this channel', fr: 'Arrêter le digest hebdomadaire dans ce salon' },
  usage: '/unsubscribe [tag]',
  options: [TAG_OPTION],
  schema,
  adminOnly: true,
  async run(ctx, args): Promise<Reply> {
    const place = placeOrError(ctx, 'unsubscribe');
    if (isReply(place)) return place;
    const fr = ctx.locale === 'fr';
    const what = args.tag ?? (fr ? 'toutes les tâches' : 'all tasks');
    if (!ctx.store().unsubscribe(place.platform, place.channelId, args.tag ?? null)) {
      return errorReply(
        'not_found',
        fr
          ? `Ce salon n’a pas de digest pour ${what}. Tapez /subscriptions pour voir ceux du serveur.`
          : `This channel has no digest for ${what}. Type /subscriptions to see the ones here.`,
        ctx.locale,
      );
    }
    return {
      title: fr ? 'Digest arrêté' : 'Digest stopped',
      summary: fr ? `Ce salon ne recevra plus le digest des SLM (${what}).` : `This channel no longer gets the SLM digest (${what}).`,
      fields: [],
      notes: [],
      links: [],
      data: { unsubscribed: { channelId: place.channelId, tag: args.tag ?? null } },
    };
  },
};

export default command;
