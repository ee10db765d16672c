// Days and subscription descriptions shared by the digest commands.
import type { Locale } from '../i18n.js';
import { formatDateTime } from '../format.js';
import type { Subscription } from './store.js';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const FRENCH_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const ENGLISH_PLURAL = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** `monday`, `mon`, `lundi`, `lun` → 1 … `sunday` → 7 (ISO weekdays); undefined for anything else. */
export function weekdayOf(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t.length < 2) return undefined;
  const index = [WEEKDAYS, FRENCH_DAYS].map((days) => days.findIndex((d) => d === t || (t.length >= 3 && d.startsWith(t)))).find((i) => i >= 0);
  return index === undefined ? undefined : index + 1;
}

/** "Mondays at 09:00 (Europe/Paris), all tasks" / "le lundi à 09:00 (Europe/Paris), toutes les tâches". */
export function describeSchedule(sub: Pick<Subscription, 'weekday' | 'time' | 'timeZone' | 'tag'>, locale: Locale): string {
  if (locale === 'fr') return `le ${FRENCH_DAYS[sub.weekday - 1]} à ${sub.time} (${sub.timeZone}), ${sub.tag ?? 'toutes les tâches'}`;
  return `${ENGLISH_PLURAL[sub.weekday - 1]} at ${sub.time} (${sub.timeZone}), ${sub.tag ?? 'all tasks'}`;
}

export function describeNext(next: Date, locale: Locale): string {
  return locale === 'fr' ? `Prochain envoi : ${formatDateTime(next.toISOString())}.` : `Next post: ${formatDateTime(next.toISOString())}.`;
}
