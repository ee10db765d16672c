// "Classify models in this message": the Slack message shortcut, Slack link unfurls and mentions, and
// Discord's message menu. The adapter finds the models a message names (src/core/model-links.ts) and
// passes at most MAX_MESSAGE_MODELS of them; each gets one line: verdict, count and its source, task,
// downloads. Not a slash command: it is reached from a message, not typed.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import type { ClassifyResult } from '../src/core/classify.js';
import { isModelId } from '../src/core/model-id.js';
import { formatCount, formatDate, formatParameters, verdictWord } from '../src/format.js';
import { t, tAll } from '../src/i18n.js';
import { lookUpModels } from '../src/look-up-models.js';
import { notFoundReply } from '../src/not-found.js';
import { thresholdsFrom } from '../src/options.js';
import { errorReply, type Reply } from '../src/reply.js';
import { countSource } from './classify.js';

/** At most this many models of one message are looked up (a pasted list of 50 links must not flood the Hub). */
export const MAX_MESSAGE_MODELS = 5;

const schema = z.object({
  models: z
    .string()
    .optional()
    .transform((text) => (text ?? '').split(/\s+/).filter((id) => id.length > 0))
    .refine((ids) => ids.length <= MAX_MESSAGE_MODELS && ids.every(isModelId), { message: 'message_models' }),
  named: z.coerce.number().int().min(0).optional(),
});

/** One line for a model: its count and where it came from, its task and its downloads. */
export function modelLine(r: ClassifyResult, locale: Parameters<typeof t>[0]): string {
  return t(locale, 'classifyMessage.line', {
    parameters: formatParameters(r.parameters, locale),
    source: countSource(r, locale),
    task: r.task ?? '–',
    downloads: formatCount(r.downloads, locale),
  });
}

const command: Command<typeof schema> = {
  name: 'classify-message',
  description: tAll('commands.classifyMessage.description'),
  usage: '/classify <owner/model>',
  options: [
    { name: 'models', type: 'string', rest: true, description: tAll('commands.classifyMessage.options.models') },
    { name: 'named', type: 'integer', min: 0, description: tAll('commands.classifyMessage.options.named') },
  ],
  schema,
  replyPrivately: true,
  async run(ctx, args): Promise<Reply> {
    const { locale } = ctx;
    if (args.models.length === 0) return errorReply('no_models', t(locale, 'classifyMessage.none'), locale);
    const thresholds = thresholdsFrom({}, ctx.config);
    const { results, classified, notes, source } = await lookUpModels(ctx, args.models, thresholds);
    if (results.every((r) => !r.found)) {
      const first = results[0];
      // One model: the same "did you mean" as /classify; several: which ones are not known, and why.
      if (results.length === 1 && !first.found) return notFoundReply(args.models[0], first, locale, (id) => `/classify ${id}`);
      // Offline or with the Hub down, the models may well exist: "not on the Hub" only when the Hub said so.
      const why = results.some((r) => !r.found && r.hubFailed) ? 'unreachable' : results.every((r) => !r.found && r.offline) ? 'offline' : 'hub';
      const message = t(locale, 'classifyMessage.noneFound', { ids: args.models.join(', '), why, date: formatDate(first.source.collectedAt) });
      const reply = errorReply(why === 'unreachable' ? 'hub_unavailable' : 'not_found', message, locale);
      reply.notes = notes;
      return reply;
    }
    const fields = results.map((r, i) => {
      const result = classified[i];
      if (result) return { name: `${result.id} — ${verdictWord(result.verdict, locale)}`, value: modelLine(result, locale), inline: false };
      // Not found (classified is null only then).
      const value = r.found
        ? ''
        : r.hubFailed
          ? t(locale, 'classifyMessage.hubFailed')
          : r.offline
            ? t(locale, 'classifyMessage.notInSnapshot', { date: formatDate(r.source.collectedAt) })
            : r.suggestions.length
              ? t(locale, 'classifyMessage.notFoundSuggest', { suggestion: r.suggestions[0] })
              : t(locale, 'classifyMessage.notFound');
      return { name: args.models[i], value, inline: false };
    });
    const named = args.named ?? args.models.length;
    if (named > args.models.length) notes.unshift(t(locale, 'classifyMessage.firstOnly', { named, shown: args.models.length }));
    const found = classified.filter((r): r is ClassifyResult => r !== null);
    return {
      title: t(locale, 'classifyMessage.title', { count: fields.length }),
      summary: '',
      fields,
      notes,
      links: found.map((r) => ({ label: r.id, url: r.url })),
      source,
      data: { models: classified.map((r, i) => r ?? { id: args.models[i], found: false }) },
    };
  },
};

export default command;
