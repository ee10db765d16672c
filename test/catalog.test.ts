// The message catalogs: every language has every key, with the same placeholders, and every
// message parses as ICU. A sentence added in one language only fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    expect(t('en', 'compare.title', { count: 1 })).toBe('Comparing 1 model');
    expect(t('en', 'compare.title', { count: 1234 })).toBe('Comparing 1,234 models');
    expect(t('fr', 'compare.title', { count: 1 })).toBe('Comparaison de 1 modèle');
    // French groups thousands with a narrow no-break space.
    expect(t('fr', 'compare.title', { count: 1234 })).toBe('Comparaison de 1\u202f234 modèles');
    expect(tAll('common.sorry')).toEqual({ en: 'Sorry', fr: 'Désolé' });
  });
});

// ---- the code side: every key it asks for exists, every key is asked for, no sentences left in code ----

/** Every .ts file under the given folders, with its text. */
function sources(...folders: string[]): { path: string; text: string }[] {
  const files: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push({ path, text: readFileSync(path, 'utf8') });
    }
  };
  for (const folder of folders) walk(folder);
  return files;
}

const CODE = sources('src', 'commands', 'scripts');
const AREAS = new Set(Object.keys(CATALOGS.en));
const isArea = (id: string) => AREAS.has(id.split('.')[0]);

/** Quoted ids such as 'trend.headline', and the heads of built ids such as `format.verdict.${v}`. */
function keysInCode(): { literal: Map<string, string>; prefixes: Set<string> } {
  const literal = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const { path, text } of CODE) {
    for (const m of text.matchAll(/'([a-z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_@]+)+)'/g)) if (isArea(m[1]) && !/\.(png|json|ts|js|arrow)$/.test(m[1])) literal.set(m[1], path);
    for (const m of text.matchAll(/`([a-z][a-zA-Z0-9_]*(?:\.[a-zA-Z0-9_@]+)*\.)\$\{/g)) if (isArea(m[1])) prefixes.add(m[1]);
  }
  return { literal, prefixes };
}

describe('message catalogs and the code', () => {
  const { literal, prefixes } = keysInCode();

  it('have every key the code asks for', () => {
    const missing = [...literal].filter(([id]) => !(id in flat.en)).map(([id, path]) => `${id} (${path})`);
    expect(missing).toEqual([]);
  });

  it('have no key the code never asks for', () => {
    const unused = Object.keys(flat.en).filter((id) => !literal.has(id) && ![...prefixes].some((p) => id.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('leave no French branch or {en, fr} sentence in src/ or commands/', () => {
    const rules: [RegExp, string][] = [
      [/\bfr\s+\?|\bfr\?\s/, '`fr ? … : …` branch'],
      [/===?\s*'fr'|'fr'\s*===?/, "comparison with 'fr'"],
      // Values such as 'en-US' (Intl locale tags) are not sentences.
      [/\b(?:en|fr):\s*(?:'(?![a-z]{2}-[A-Z]{2}')|"|`|\(|\{)/, '{ en: …, fr: … } literal'],
    ];
    const found: string[] = [];
    for (const { path, text } of sources('src', 'commands')) {
      text.split('\n').forEach((line, i) => {
        for (const [rule, what] of rules) if (rule.test(line)) found.push(`${path}:${i + 1} ${what}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
