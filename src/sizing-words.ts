// How a reply words the parameter counts that come from a name read with the family table or the
// learned family medians: the source in a few words and a note on how sure it is (config.json counts too).
import type { ClassifyResult } from './core/classify.js';
import { familyLabel, familyTableEntry, TAG_FAMILY } from './core/families.js';
import { formatCount, formatParameters } from './format.js';
import { t, type Locale } from './i18n.js';

/** "the repo name and the family table (Llama-2-7b)"; null for the other sources. */
export function familySourceWords(r: Pick<ClassifyResult, 'parameterSource' | 'family' | 'baseModel'>, locale: Locale): string | null {
  const source = r.parameterSource;
  if ((source !== 'family_table' && source !== 'family_median') || !r.family) return null;
  if (r.family.startsWith(TAG_FAMILY)) return t(locale, 'sizing.tagSource', { tag: r.family.slice(TAG_FAMILY.length) });
  const family = source === 'family_median' ? familyLabel(r.family) : r.family;
  return t(locale, `classify.source.${source}`, { fromBase: r.baseModel ? 'yes' : 'no', base: r.baseModel ?? '', family });
}

/** What the reader should know about a family or config.json count: its published source, its spread, what it was computed from. */
export function familyNotes(r: ClassifyResult, locale: Locale): string[] {
  const notes: string[] = [];
  if (r.parameterSource === 'family_table' && r.family) {
    const entry = familyTableEntry(r.family);
    if (entry) notes.push(t(locale, 'sizing.tableNote', { family: entry.name, parameters: formatParameters(entry.parameters, locale), source: entry.source }));
  }
  if (r.parameterSource === 'family_median' && r.familyModels && r.familyRange) {
    const [low, high] = r.familyRange;
    notes.push(t(locale, 'sizing.medianNote', { models: r.familyModels, low: formatParameters(low, locale), high: formatParameters(high, locale) }));
  }
  if (r.parameterSource === 'config' && r.config) {
    const c = r.config;
    notes.push(t(locale, 'sizing.configNote', { hidden: formatCount(c.hiddenSize, locale), layers: c.layers, vocab: formatCount(c.vocabSize, locale), experts: c.experts ?? 0 }));
    if (c.languageModelOnly) notes.push(t(locale, 'sizing.configLanguageOnly'));
  }
  return notes;
}

/** A published size as a reply shows it: "3.82B", "141B (39B active)", or "undisclosed". */
export function publishedSize(totalB: number | null, activeB: number | undefined, locale: Locale): string {
  if (totalB === null) return t(locale, 'sizing.undisclosedSize');
  const total = formatParameters(totalB * 1e9, locale);
  return activeB === undefined ? total : t(locale, 'sizing.activeSize', { total, active: formatParameters(activeB * 1e9, locale) });
}
