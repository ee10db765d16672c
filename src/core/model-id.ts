// Repo ids as people type them.

const HUB_LINK = /^https?:\/\/(?:www\.)?huggingface\.co\//i;
/** Hub repo names: letters, digits, `-`, `_`, `.`; at most 96 characters each side; an owner is optional (legacy ids such as `gpt2`). */
const REPO_ID = /^(?:[A-Za-z0-9][\w.-]{0,95}\/)?[A-Za-z0-9][\w.-]{0,95}$/;

/** A repo id as typed, or a huggingface.co link to one (`…/org/name/tree/main` too); spaces trimmed. */
export function normalizeModelId(text: string): string {
  const trimmed = text.trim();
  if (!HUB_LINK.test(trimmed)) return trimmed;
  return trimmed.replace(HUB_LINK, '').split(/[?#]/)[0].split('/').slice(0, 2).join('/');
}

/** True for something the Hub could hold: `owner/name` or a legacy `name`, no `..`, no spaces. */
export function isModelId(id: string): boolean {
  return REPO_ID.test(id) && !id.includes('..');
}
