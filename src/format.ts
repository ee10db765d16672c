// How numbers, dates and shared words look in replies, per reply language.
import type { DataSource, Verdict } from './core/types.js';
import type { SizeBand } from './core/verdict.js';
import { t, type Locale } from './i18n.js';

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-US');

/** 494032768 → "494M", 7241732096 → "7.24B", 1.2e12 → "1.2T" (French uses a decimal comma). */
export function formatParameters(n: number | null, locale: Locale = 'en'): string {
  if (n === null) return locale === 'fr' ? 'inconnu' : 'unknown';
  const [value, unit] = n >= 1e12 ? [n / 1e12, 'T'] : n >= 1e9 ? [n / 1e9, 'B'] : n >= 1e6 ? [n / 1e6, 'M'] : [n / 1e3, 'K'];
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
  return `${text}${unit}`;
}

/** 0.523 → "52.3%" ("52,3 %" in French); null → "–". */
export function formatPercent(share: number | null, locale: Locale = 'en', digits = 1): string {
  if (share === null || !Number.isFinite(share)) return '–';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(share);
}

/** 75.7 → "75.7" ("75,7" in French), at most `digits` decimals. */
export function formatNumber(n: number, locale: Locale = 'en', digits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(n);
}

/** 1234567 → "1,234,567" ("1 234 567" in French). */
export function formatCount(n: number | null | undefined, locale: Locale = 'en'): string {
  if (n === null || n === undefined) return '–';
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** ISO date-time → `YYYY-MM-DD` (UTC). */
export function formatDate(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '–';
}

/** ISO date-time → `YYYY-MM-DD HH:MM UTC`: exact enough for a chat message, unambiguous across time zones. */
export function formatDateTime(iso: string): string {
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
}

const VERDICT_WORDS: Record<Locale, Record<Verdict, string>> = {
  en: { SLM: 'SLM', borderline: 'borderline', LLM: 'LLM', unknown: 'unknown' },
  fr: { SLM: 'SLM', borderline: 'zone grise', LLM: 'LLM', unknown: 'inconnu' },
};

export function verdictWord(verdict: Verdict, locale: Locale): string {
  return VERDICT_WORDS[locale][verdict];
}

const BAND_WORDS: Record<Locale, Record<SizeBand, string>> = {
  en: { 'very small': 'very small (<1B)', 'sub-5B': 'sub-5B (1–5B)', 'sub-10B': 'sub-10B (5–10B)', large: 'large (≥10B)' },
  fr: { 'very small': 'très petit (<1B)', 'sub-5B': 'moins de 5B (1–5B)', 'sub-10B': 'moins de 10B (5–10B)', large: 'grand (≥10B)' },
};

export function bandWord(band: SizeBand | null, locale: Locale): string {
  return band ? BAND_WORDS[locale][band] : locale === 'fr' ? 'inconnue' : 'unknown';
}

/** The line every reply carries: where the data came from and when it was collected. */
export function sourceLine(source: DataSource, locale: Locale): string {
  const date = formatDate(source.collectedAt);
  if (source.kind === 'census') return t(locale, 'census.source', { date });
  if (locale === 'fr') {
    if (source.kind === 'snapshot') return `Hugging Face Hub — instantané du ${date}`;
    if (source.kind === 'cache') return `Hugging Face Hub — données en cache du ${formatDateTime(source.collectedAt)}`;
    return `Hugging Face Hub — en direct, ${formatDateTime(source.collectedAt)}`;
  }
  if (source.kind === 'snapshot') return `Hugging Face Hub — snapshot of ${date}`;
  if (source.kind === 'cache') return `Hugging Face Hub — cached data of ${formatDateTime(source.collectedAt)}`;
  return `Hugging Face Hub — live, ${formatDateTime(source.collectedAt)}`;
}
