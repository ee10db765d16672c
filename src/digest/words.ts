// Days and subscription descriptions shared by the digest commands.
import { optional, t, type Locale } from '../i18n.js';
import type { Marks } from '../command.js';
import { plainMarks } from '../format.js';
import type { Subscription } from './store.js';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
/** French day names people type (`day:lundi`); replies word days through the catalogs. */
const FRENCH_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** `monday`, `mon`, `lundi`, `lun` → 1 … `sunday` → 7 (ISO weekdays); undefined for anything else. */
export function weekdayOf(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t.length < 2) return undefined;
  const index = [WEEKDAYS, FRENCH_DAYS].map((days) => days.findIndex((d) => d === t || (t.length >= 3 && d.startsWith(t)))).find((i) => i >= 0);
  return index === undefined ? undefined : index + 1;
}

/** "Mondays at 09:00 (Europe/Paris), all tasks" / "le lundi à 09:00 (Europe/Paris), toutes les tâches". */
export function describeSchedule(sub: Pick<Subscription, 'weekday' | 'time' | 'timeZone' | 'tag'>, locale: Locale): string {
  return t(locale, 'digestWords.schedule', { day: String(sub.weekday), time: sub.time, timeZone: sub.timeZone, tag: optional(sub.tag) });
}

export function describeNext(next: Date, locale: Locale, marks: Marks = plainMarks): string {
  return t(locale, 'digestWords.next', { time: marks.time(next) });
}
