// ISO weeks (`2026-W48`) in a subscription's time zone.

/** The calendar date (year, month 1-12, day) of an instant in an IANA time zone. */
function localDate(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The ISO week of an instant as seen in `timeZone`: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(instant: Date, timeZone = 'UTC'): string {
  const { year, month, day } = localDate(instant, timeZone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const isoYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** True for a valid IANA time zone name (`Europe/Paris`, `UTC`). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Monday 00:00 UTC of the ISO week holding `instant`. */
export function startOfIsoWeekUtc(instant: Date): Date {
  const d = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() || 7) - 1));
  return d;
}

/** Monday 00:00 UTC of an ISO week such as `2026-W48`. */
export function isoWeekStartUtc(isoWeek: string): Date {
  const [year, week] = isoWeek.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4)); // always in week 1
  const monday = startOfIsoWeekUtc(jan4);
  monday.setUTCDate(monday.getUTCDate() + (week - 1) * 7);
  return monday;
}
