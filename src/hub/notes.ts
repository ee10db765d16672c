// Wording of the notes replies carry about where their data came from, in every reply language.
// Commands pick the reply's language (`note[ctx.locale]`).
import { formatDateTime } from '../format.js';
import type { Localized } from '../i18n.js';


export function formatAge(seconds: number): Localized {
  const minutes = Math.max(0, Math.round(seconds / 60));
  if (minutes < 60) return { en: `${minutes} min`, fr: `${minutes} min` };
  const hours = Math.round(minutes / 60);
  if (hours < 48) return { en: `${hours} h`, fr: `${hours} h` };
  const days = Math.round(hours / 24);
  return { en: `${days} days`, fr: `${days} jours` };
}

/** describeFailure's words in French; `HTTP 503` and the like read the same in both. */
const FRENCH_REASONS: Record<string, string> = {
  timeout: 'délai dépassé',
  'rate limited': 'trop de requêtes',
  'malformed answer': 'réponse illisible',
  unreachable: 'injoignable',
  error: 'erreur',
};
const fr = (reason: string) => FRENCH_REASONS[reason] ?? reason;

const count = (n: number, locale: 'en-US' | 'fr-FR') => n.toLocaleString(locale);

export const hubFailedUsingCache = (reason: string, collectedAt: string): Localized => ({
  en: `The Hub did not answer (${reason}); using data collected ${formatDateTime(collectedAt)}.`,
  fr: `Le Hub n’a pas répondu (${fr(reason)}) ; données collectées le ${formatDateTime(collectedAt)}.`,
});

export const hubFailedUsingSnapshot = (reason: string, collectedAt: string): Localized => ({
  en: `The Hub did not answer (${reason}); using the bundled snapshot collected ${formatDateTime(collectedAt)}.`,
  fr: `Le Hub n’a pas répondu (${fr(reason)}) ; instantané fourni avec le bot, collecté le ${formatDateTime(collectedAt)}.`,
});

export const hubUnreachable = (reason: string, suggestionsFromKnown: boolean): Localized => ({
  en: `The Hub could not be reached (${reason})${suggestionsFromKnown ? '; suggestions come from the bundled snapshot and cached data' : ''}.`,
  fr: `Le Hub est injoignable (${fr(reason)})${suggestionsFromKnown ? ' ; suggestions tirées de l’instantané et du cache' : ''}.`,
});

export const savedDataNote = (collectedAt: string, ageSeconds: number, refreshing: boolean): Localized => {
  const age = formatAge(ageSeconds);
  return {
    en: `Using data saved ${age.en} ago (collected ${formatDateTime(collectedAt)})${refreshing ? '; refreshing it from the Hub in the background.' : '.'}`,
    fr: `Données enregistrées il y a ${age.fr} (collectées le ${formatDateTime(collectedAt)})${refreshing ? ' ; mise à jour depuis le Hub en arrière-plan.' : '.'}`,
  };
};

export const coverageNote = (got: number, asked: number, tag: string | undefined, where: 'hub' | 'snapshot'): Localized => ({
  en: `${where === 'hub' ? 'The Hub' : 'The snapshot'} has ${count(got, 'en-US')} models${tag ? ` for ${tag}` : ''}, fewer than the ${count(asked, 'en-US')} asked for.`,
  fr: `${where === 'hub' ? 'Le Hub' : 'L’instantané'} a ${count(got, 'fr-FR')} modèles${tag ? ` pour ${tag}` : ''}, moins que les ${count(asked, 'fr-FR')} demandés.`,
});

export const snapshotOnlyTopModels = (collectedAt: string): Localized => ({
  en: `The bundled snapshot (collected ${formatDateTime(collectedAt)}) only holds top-downloaded models, so most new models are missing from it.`,
  fr: `L’instantané fourni (collecté le ${formatDateTime(collectedAt)}) ne contient que les modèles les plus téléchargés : la plupart des nouveaux modèles y manquent.`,
});

export const stoppedAt = (max: number, since: Date): Localized => ({
  en: `Stopped at ${count(max, 'en-US')} models; more were created since ${since.toISOString().slice(0, 10)}.`,
  fr: `Arrêté à ${count(max, 'fr-FR')} modèles ; d’autres ont été créés depuis le ${since.toISOString().slice(0, 10)}.`,
});
