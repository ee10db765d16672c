// Calendar months in UTC, as `YYYY-MM` strings (they sort as text).

/** The UTC month of a date or ISO date-time, `YYYY-MM`; null for a missing or invalid date. */
export function monthOf(date: string | Date | undefined | null): string | null {
  if (!date) return null;
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 7);
}

/** True for a real month such as `2024-01` (not `2024-13`, not `24-1`). */
export function isMonth(text: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The same instant one calendar year earlier. */
export function oneYearBefore(date: Date): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  // 2024-02-29 minus a year would overflow to 2023-03-01; pin it to the last day of February.
  if (d.getUTCMonth() !== date.getUTCMonth()) d.setUTCDate(0);
  return d;
}
