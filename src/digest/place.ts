// The subscription commands only make sense in a chat channel.
import type { CommandContext, Place } from '../command.js';
import { errorReply, type Reply } from '../reply.js';

/** The channel the command came from, or the reply that explains it needs one. */
export function placeOrError(ctx: CommandContext, command: string): Place | Reply {
  if (ctx.place) return ctx.place;
  return errorReply(
    'needs_channel',
    ctx.locale === 'fr'
      ? `/${command} règle les digests d’un salon : tapez-la dans un salon Discord ou Slack où SLM Radar est installé.`
      : `/${command} sets up a channel's digest: type it in a Discord or Slack channel where SLM Radar is installed.`,
    ctx.locale,
  );
}

export const isReply = (value: Place | Reply): value is Reply => 'summary' in value;
