// The subscription commands only make sense in a chat channel.
import type { CommandContext, Place } from '../command.js';
import { t } from '../i18n.js';
import { errorReply, type Reply } from '../reply.js';

/** The channel the command came from, or the reply that explains it needs one. */
export function placeOrError(ctx: CommandContext, command: string): Place | Reply {
  if (ctx.place) return ctx.place;
  return errorReply('needs_channel', t(ctx.locale, 'digestWords.needsChannel', { command }), ctx.locale);
}

export const isReply = (value: Place | Reply): value is Reply => 'summary' in value;
