// Wording of the notes replies carry about where their data came from.

/** `2026-11-26 08:00 UTC`: exact enough for a chat message, unambiguous across time zones. */
export function formatUtc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatAge(seconds: number): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

export const hubFailedUsingCache = (reason: string, collectedAt: string) =>
  `The Hub did not answer (${reason}); using data collected ${formatUtc(collectedAt)}.`;

export const hubFailedUsingSnapshot = (reason: string, collectedAt: string) =>
  `The Hub did not answer (${reason}); using the bundled snapshot collected ${formatUtc(collectedAt)}.`;

export const savedDataNote = (collectedAt: string, ageSeconds: number, refreshing: boolean) =>
  `Using data saved ${formatAge(ageSeconds)} ago (collected ${formatUtc(collectedAt)})` +
  (refreshing ? '; refreshing it from the Hub in the background.' : '.');

export const coverageNote = (got: number, asked: number, tag: string | undefined, where: string) =>
  `${where} has ${got.toLocaleString('en-US')} models${tag ? ` for ${tag}` : ''}, fewer than the ${asked.toLocaleString('en-US')} asked for.`;

export const snapshotOnlyTopModels = (collectedAt: string) =>
  `The bundled snapshot (collected ${formatUtc(collectedAt)}) only holds top-downloaded models, so most new models are missing from it.`;
