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

export const DAY_MS = 86_400_000;
/** A creation day that is not known (the Hub gave no date). */
export const NO_DAY = -2_147_483_648;

/** Days since 1970-01-01 (UTC) of an ISO date-time; NO_DAY for a missing or invalid date. */
export function dayOf(date: string | undefined | null): number {
  if (!date) return NO_DAY;
  const ms = Date.parse(date);
  return Number.isFinite(ms) ? Math.floor(ms / DAY_MS) : NO_DAY;
}

/** Months since 0000-01 of a month text `YYYY-MM` (they compare and subtract as numbers). */
export function monthIndexOf(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthOfIndex(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Month index of a day since the epoch, by civil-calendar arithmetic (no Date object per model). */
function computeMonthIndexOfDay(day: number): number {
  // Howard Hinnant's civil_from_days.
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/** 1970-01-01 to 2099-12-31 looked up in a table: analyses over millions of models call this per model. */
const TABLE_DAYS = 47_482;
let monthTable: Int32Array | undefined;

export function monthIndexOfDay(day: number): number {
  if (day < 0 || day >= TABLE_DAYS) return computeMonthIndexOfDay(day);
  if (!monthTable) {
    monthTable = new Int32Array(TABLE_DAYS);
    for (let d = 0; d < TABLE_DAYS; d++) monthTable[d] = computeMonthIndexOfDay(d);
  }
  return monthTable[day];
}
