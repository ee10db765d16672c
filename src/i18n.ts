// Reply languages and the message catalogs. Every sentence a user reads lives in
// src/locales/<locale>.json as an ICU message (plurals, numbers, selects), grouped by area;
// code asks for it by key with values: t(locale, 'trend.headline', { direction, from, to }).
// Adding a language = one catalog file + one entry in CATALOGS (see README, "Languages").
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };

export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];

/** A text in every reply language. */
export type Localized = Record<Locale, string>;

/** Nested catalog as written in the JSON files: areas hold messages or further areas. */
export interface Catalog {
  [key: string]: string | Catalog;
}

export const CATALOGS: Record<Locale, Catalog> = { en, fr };

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

/** BCP 47 tags for Intl: numbers and dates as people of that language write them. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', fr: 'fr-FR' };

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

function intlFor(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        locale: INTL_LOCALE[locale],
        messages: flattenCatalog(CATALOGS[locale]),
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
  return intlFor(locale).formatMessage({ id }, values as Record<string, string | number | boolean | Date | null | undefined>) as string;
}

/** The same message in every language: for notes made before the reply language is known. */
export function tAll(id: string, values?: MessageValues): Localized {
  return { en: t('en', id, values), fr: t('fr', id, values) };
}

/** Maps a platform locale tag (`fr`, `fr-FR`, `en-US`…) to a reply language; English by default. */
export function toLocale(tag: string | undefined | null): Locale {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
