// Reply languages. Commands keep their own strings beside their code as `{ en, fr }`;
// only words shared by several commands live here.
export type Locale = 'en' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'fr'];

/** A text in every reply language. */
export type Localized = Record<Locale, string>;

/** Maps a platform locale tag (`fr`, `fr-FR`, `en-US`…) to a reply language; English by default. */
export function toLocale(tag: string | undefined | null): Locale {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
