// The message catalogs: every language has every key, with the same placeholders, and every
// message parses as ICU. A sentence added in one language only fails here.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CATALOGS, flattenCatalog, LOCALES, t, tAll } from '../src/i18n.js';

/** Names of the values a message reads: `{count, plural, …}`, `{id}`, `<b>…</b>` tags. */
function placeholders(elements: MessageFormatElement[], names = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    names.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) placeholders(option.value, names);
    if (el.type === TYPE.tag) placeholders(el.children, names);
  }
  return names;
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flattenCatalog(CATALOGS[l])])) as Record<string, Record<string, string>>;

describe('message catalogs', () => {
  it('have the same keys in every language', () => {
    const keys = (l: string) => Object.keys(flat[l]).sort();
    for (const locale of LOCALES) expect(keys(locale), locale).toEqual(keys('en'));
  });

  it('parse as ICU and use the same placeholders in every language', () => {
    for (const id of Object.keys(flat.en)) {
      const wanted = [...placeholders(parse(flat.en[id]))].sort();
      for (const locale of LOCALES) {
        const got = [...placeholders(parse(flat[locale][id]))].sort();
        expect(got, `${locale}: ${id}`).toEqual(wanted);
      }
    }
  });

  it('formats plurals and numbers per language', () => {
    expect(t('en', 'common.models', { count: 1 })).toBe('1 model');
    expect(t('en', 'common.models', { count: 1234 })).toBe('1,234 models');
    expect(t('fr', 'common.models', { count: 1 })).toBe('1 modèle');
    // French groups thousands with a narrow no-break space.
    expect(t('fr', 'common.models', { count: 1234 })).toBe('1\u202f234 modèles');
    expect(tAll('common.sorry')).toEqual({ en: 'Sorry', fr: 'Désolé' });
  });
});
