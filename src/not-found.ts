// The reply for a model id the Hub does not know: "did you mean" with up to 5 candidates.
import { t, type Locale } from './i18n.js';
import { quoted } from './options.js';
import { errorReply, type Reply } from './reply.js';

/**
 * `retype` turns a model id into the command line to type instead: `/classify <id>`, or for
 * /compare the same list with the unknown id replaced.
 */
export function notFoundReply(
  id: string,
  suggestions: string[],
  notes: string[],
  locale: Locale,
  retype: (id: string) => string,
  /** The Hub could not say whether the model exists: never "No model … on the Hub" then. */
  hubFailed?: 'bad-answer' | 'unreachable',
): Reply {
  if (hubFailed) {
    const message = t(locale, hubFailed === 'bad-answer' ? 'hub.badAnswer' : 'hub.unreachableModel', { id: quoted(id), command: retype(id) });
    const reply = errorReply('hub_unavailable', message, locale);
    reply.notes = notes;
    return reply;
  }
  const tries = suggestions.slice(0, 5);
  const message = tries.length
    ? t(locale, 'notFound.suggest', { id: quoted(id), suggestions: tries.join(', '), retype: retype(tries[0]) })
    : t(locale, 'notFound.none', { id: quoted(id), retype: retype('Qwen/Qwen2.5-0.5B') });
  const reply = errorReply('not_found', message, locale);
  reply.notes = notes;
  reply.data = { error: { code: 'not_found', message }, suggestions: tries };
  return reply;
}
