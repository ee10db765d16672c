// Reply languages and the message catalogs. Every sentence a user reads lives in
// src/locales/<locale>.json as an ICU message (plurals, numbers, selects), grouped by area;
// code asks for it by key with values: t(locale, 'trend.headline', { direction, from, to }).
// Adding a language = one catalog file + its entry in CATALOGS below (see README, "Languages");
// test/catalog.test.ts then checks it has every key with the same placeholders.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

/** Nested catalog as written in the JSON files: areas hold messages or further areas. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/** One catalog per reply language, keyed by its ISO 639-1 code; English is the reference and the fallback. */
export const CATALOGS = { en, fr } satisfies Record<string, Catalog>;

export type Locale = keyof typeof CATALOGS;
export const LOCALES = Object.keys(CATALOGS) as readonly Locale[];

/** A text in every reply language. */
export type Localized = Record<Locale, string>;

/** `{ trend: { headline: '…' } }` → `{ 'trend.headline': '…' }`. */
export function flattenCatalog(catalog: Catalog, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[id] = value;
    else Object.assign(out, flattenCatalog(value, id));
  }
  return out;
}

/** Regions whose number and date conventions a language's replies follow; other languages use Intl's default for the code. */
const REGIONS: Partial<Record<Locale, string>> = { en: 'en-US', fr: 'fr-FR' };

/** BCP 47 tags for Intl: numbers and dates as people of that language write them. */
export const INTL_LOCALE = Object.fromEntries(LOCALES.map((l) => [l, REGIONS[l] ?? l])) as Record<Locale, string>;

const FLAT = Object.fromEntries(LOCALES.map((l) => [l, flattenCatalog(CATALOGS[l])])) as Record<Locale, Record<string, string>>;

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

function intlFor(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        locale: INTL_LOCALE[locale],
        // A key missing in a language falls back to English (the catalog test keeps that from happening).
        messages: { ...FLAT.en, ...FLAT[locale] },
        // A missing key or bad value is a bug the catalog test catches; at run time it must not throw.
        onError: () => {},
      },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

export type MessageValues = Record<string, string | number | boolean | Date | null | undefined>;

/** The message `id` of `locale`'s catalog with `values` filled in (ICU plural, number, select). */
export function t(locale: Locale, id: string, values?: MessageValues): string {
  return intlFor(locale).formatMessage({ id }, values) as string;
}

/** Whether the catalogs have message `id` (for optional variants such as `input.<key>_missing`). */
export function hasMessage(id: string): boolean {
  return id in FLAT.en;
}

/**
 * The value for an optional part of a message, read with ICU select:
 * `{tag, select, none {} other { ({tag})}}` gets `tag: optional(args.tag)`.
 */
export function optional(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? 'none' : value;
}

/** `text(locale)` for every reply language. */
export function perLocale(text: (locale: Locale) => string): Localized {
  return Object.fromEntries(LOCALES.map((l) => [l, text(l)])) as Localized;
}

/** The same message in every language: for notes made before the reply language is known. */
export function tAll(id: string, values?: MessageValues): Localized {
  return perLocale((l) => t(l, id, values));
}

/** Maps a platform or POSIX locale tag (`fr`, `fr-FR`, `fr_FR.UTF-8`, `en-US`…) to a reply language; English by default. */
export function toLocale(tag: string | undefined | null): Locale {
  const language = tag?.toLowerCase().split(/[-_.@]/)[0];
  return LOCALES.find((l) => l === language) ?? 'en';
}
