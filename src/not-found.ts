// The reply for a model id that no source could find: "not on the Hub" only when the live Hub said
// so; offline or with the Hub down, "not in the bundled snapshot" (it may well exist). "Did you mean"
// lists what the same source holds, so a suggestion is answered by the source that offered it.
import { formatDate } from './format.js';
import type { ModelResult } from './hub/types.js';
import { t, type Locale } from './i18n.js';
import { quoted } from './options.js';
import { errorReply, type Reply } from './reply.js';

export type NotFound = Extract<ModelResult, { found: false }>;

/**
 * `retype` turns a model id into the command line to type instead: `/classify <id>`, or for
 * /compare the same list with the unknown id replaced.
 */
export function notFoundReply(id: string, result: NotFound, locale: Locale, retype: (id: string) => string): Reply {
  const tries = result.suggestions.slice(0, 5);
  const values = {
    id: quoted(id),
    suggestions: tries.join(', '),
    suggest: tries.length ? 'yes' : 'no',
    retype: retype(tries[0] ?? 'Qwen/Qwen2.5-0.5B'),
    command: retype(id),
    date: formatDate(result.source.collectedAt),
  };
  let code = 'not_found';
  let message: string;
  if (result.hubFailed === 'bad-answer') {
    code = 'hub_unavailable';
    message = t(locale, 'hub.badAnswer', values);
  } else if (result.hubFailed === 'unreachable' || result.offline) {
    if (result.hubFailed) code = 'hub_unavailable';
    message = t(locale, 'notFound.snapshot', { ...values, why: result.offline ? 'offline' : 'unreachable' });
  } else {
    message = t(locale, tries.length ? 'notFound.suggest' : 'notFound.none', values);
  }
  const reply = errorReply(code, message, locale);
  reply.notes = result.notes.map((n) => n[locale]);
  reply.source = result.source;
  reply.data = { error: { code, message }, suggestions: tries };
  return reply;
}
