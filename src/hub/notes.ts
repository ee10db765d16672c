// The notes replies carry about where their data came from, in every reply language (made before
// the reply language is known). Commands pick the reply's language (`note[ctx.locale]`).
import { formatDateTime } from '../format.js';
import { optional, perLocale, t, tAll, type Localized } from '../i18n.js';

export function formatAge(seconds: number): Localized {
  const minutes = Math.max(0, Math.round(seconds / 60));
  if (minutes < 60) return tAll('hubNotes.age.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return tAll('hubNotes.age.hours', { n: hours });
  return tAll('hubNotes.age.days', { n: Math.round(hours / 24) });
}

/** describeFailure's reasons, by the words it gives; others (`HTTP 503`) read the same in every language. */
const REASON_KEYS: Record<string, string> = {
  timeout: 'timeout',
  'rate limited': 'rateLimited',
  'malformed answer': 'malformed',
  unreachable: 'unreachable',
  error: 'error',
};

/** The note `id` in every language, with the failure reason in each language's words. */
function withReason(id: string, reason: string, values: Record<string, string> = {}): Localized {
  const key = REASON_KEYS[reason];
  return perLocale((l) => t(l, id, { ...values, reason: key ? t(l, `hubNotes.reason.${key}`) : reason }));
}

export const hubFailedUsingCache = (reason: string, collectedAt: string): Localized =>
  withReason('hubNotes.failedUsingCache', reason, { time: formatDateTime(collectedAt) });

export const hubFailedUsingSnapshot = (reason: string, collectedAt: string): Localized =>
  withReason('hubNotes.failedUsingSnapshot', reason, { time: formatDateTime(collectedAt) });

export const hubUnreachable = (reason: string, suggestionsFromKnown: boolean): Localized =>
  withReason(suggestionsFromKnown ? 'hubNotes.unreachableSuggestions' : 'hubNotes.unreachable', reason);

export const savedDataNote = (collectedAt: string, ageSeconds: number, refreshing: boolean): Localized => {
  const age = formatAge(ageSeconds);
  const id = refreshing ? 'hubNotes.savedDataRefreshing' : 'hubNotes.savedData';
  const time = formatDateTime(collectedAt);
  return perLocale((l) => t(l, id, { age: age[l], time }));
};

export const coverageNote = (got: number, asked: number, tag: string | undefined, where: 'hub' | 'snapshot'): Localized =>
  tAll('hubNotes.coverage', { got, asked, tag: optional(tag), where });

export const snapshotOnlyTopModels = (collectedAt: string): Localized => tAll('hubNotes.snapshotOnlyTop', { time: formatDateTime(collectedAt) });

export const stoppedAt = (max: number, since: Date): Localized => tAll('hubNotes.stoppedAt', { max, date: since.toISOString().slice(0, 10) });
