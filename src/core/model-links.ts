// The models a chat message names: Hugging Face model links and `owner/name` ids, as the Slack
// message shortcut, link unfurls and Discord's message menu find them. Pure text work.
import { isModelId } from './model-id.js';

/** Hub hosts: the site and its short links. */
const HUB_HOST = /^(?:www\.)?(?:huggingface\.co|hf\.co)$/i;

/**
 * First path segments of huggingface.co pages that are not a model's (datasets, Spaces, docs,
 * listings, the site's own pages): the Hub reserves these names, so no owner is called that.
 */
const NOT_MODEL_PAGES = new Set([
  'api', 'blog', 'brand', 'changelog', 'chat', 'code-of-conduct', 'collections', 'datasets', 'docs', 'enterprise',
  'hardware', 'huggingchat', 'inference-endpoints', 'join', 'learn', 'login', 'models', 'new', 'new-dataset', 'new-space',
  'notifications', 'organizations', 'papers', 'posts', 'pricing', 'privacy', 'search', 'settings', 'spaces', 'storage',
  'tasks', 'terms-of-service',
]);

/** A link in chat text: stops at spaces and at the brackets, pipes and quotes chat markup puts around links. */
const LINK = /https?:\/\/[^\s<>|"'`()[\]]+/gi;
/** An `owner/name` id standing alone in text (not inside a path or an address). */
const BARE_ID = /(?<![\w./:@#-])([A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95})(?![\w/@-])/g;

/** The model id of a link to a model's Hub page (`…/org/name`, `/tree/main`, `/blob/…` too); undefined for anything else. */
export function modelOfLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || !HUB_HOST.test(url.hostname)) return undefined;
  // One segment is an owner's page (or a legacy id, which a link cannot tell apart): not a model.
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  if (!owner || !name || NOT_MODEL_PAGES.has(owner.toLowerCase())) return undefined;
  const id = `${decodeURIComponent(owner)}/${decodeURIComponent(name)}`;
  return isModelId(id) ? id : undefined;
}

/** Trailing sentence punctuation is not part of an id: `… Qwen/Qwen2.5-0.5B.` */
const trimId = (id: string) => id.replace(/[.-]+$/, '');

/**
 * Every distinct model a message names, in the order it names them: model links first where they
 * stand, and `owner/name` ids in the text (ids made of digits only, such as `2024/01`, are dates).
 */
export function modelsInText(text: string): string[] {
  const found = new Map<string, string>();
  const add = (id: string | undefined) => {
    if (id && isModelId(id) && !found.has(id.toLowerCase())) found.set(id.toLowerCase(), id);
  };
  const mentions: { at: number; id: string | undefined }[] = [];
  const withoutLinks = text.replace(LINK, (link, at: number) => {
    mentions.push({ at, id: modelOfLink(link) });
    return ' '.repeat(link.length);
  });
  for (const match of withoutLinks.matchAll(BARE_ID)) {
    const id = trimId(match[1]);
    if (!/^[\d./-]+$/.test(id)) mentions.push({ at: match.index, id });
  }
  for (const mention of mentions.sort((a, b) => a.at - b.at)) add(mention.id);
  return [...found.values()];
}
