// How numbers, dates and shared words look in replies, per reply language. The words live in the
// message catalogs (src/locales); numbers are formatted with Intl for the reply language.
import { FLOOR_MONTH } from './core/date-floor.js';
import type { Marks } from './command.js';
import type { DataSource, Verdict } from './core/types.js';
import type { SizeBand } from './core/verdict.js';
import { INTL_LOCALE, t, type Locale } from './i18n.js';

/** 494032768 → "494M", 7241732096 → "7.24B", 1.2e12 → "1.2T" (French uses a decimal comma). */
export function formatParameters(n: number | null, locale: Locale = 'en'): string {
  if (n === null) return t(locale, 'format.unknownCount');
  const [value, unit] = n >= 1e12 ? [n / 1e12, 'T'] : n >= 1e9 ? [n / 1e9, 'B'] : n >= 1e6 ? [n / 1e6, 'M'] : [n / 1e3, 'K'];
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits }).format(value);
  return `${text}${unit}`;
}

/** 0.523 → "52.3%" ("52,3 %" in French); null → "–". */
export function formatPercent(share: number | null, locale: Locale = 'en', digits = 1): string {
  if (share === null || !Number.isFinite(share)) return '–';
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(share);
}

/** 75.7 → "75.7" ("75,7" in French), at most `digits` decimals. */
export function formatNumber(n: number, locale: Locale = 'en', digits = 1, signed = false): string {
  // signed: "+2.5", "-1", and "0" for what rounds to zero (never "+0" or "-0").
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: digits, signDisplay: signed ? 'exceptZero' : 'auto' }).format(n);
}

/** 1234567 → "1,234,567" ("1 234 567" in French). */
export function formatCount(n: number | null | undefined, locale: Locale = 'en'): string {
  if (n === null || n === undefined) return '–';
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(n);
}

/** ISO date-time → `YYYY-MM-DD` (UTC). */
export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '–';
}

/** A creation date: `YYYY-MM-DD`, or "before March 2022" for the Hub's backfilled date (an upper bound, not a day). */
export function formatCreated(iso: string | null | undefined, backfill: boolean | undefined, locale: Locale): string {
  return backfill ? t(locale, 'dates.beforeFloor') : formatDate(iso);
}

/** "before 2022-03": the bucket of backfilled models in charts and tables. */
export function floorBucketLabel(locale: Locale): string {
  return t(locale, 'dates.floorBucket', { month: FLOOR_MONTH });
}

/** ISO date-time → `YYYY-MM-DD HH:MM UTC`: exact enough for a chat message, unambiguous across time zones. */
export function formatDateTime(iso: string): string {
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}

/** Channels and moments as plain text: `#C123`, `2025-01-06 09:00 UTC` (the console; platforms pass their own). */
export const plainMarks: Marks = { channel: (id) => `#${id}`, time: (at) => formatDateTime(at.toISOString()) };

export function verdictWord(verdict: Verdict, locale: Locale): string {
  return t(locale, `format.verdict.${verdict}`);
}

const BAND_KEYS: Record<SizeBand, string> = { 'very small': 'verySmall', 'sub-5B': 'sub5B', 'sub-10B': 'sub10B', large: 'large' };

export function bandWord(band: SizeBand | null, locale: Locale): string {
  return t(locale, `format.band.${band ? BAND_KEYS[band] : 'unknown'}`);
}

/** The line every reply carries: where the data came from and when it was collected. */
export function sourceLine(source: DataSource, locale: Locale): string {
  return t(locale, `format.source.${source.kind}`, { date: formatDate(source.collectedAt), time: formatDateTime(source.collectedAt) });
}
