// "Classify models in this message": the Slack message shortcut, Slack link unfurls and mentions, and
// Discord's message menu. The adapter finds the models a message names (src/core/model-links.ts) and
// passes at most MAX_MESSAGE_MODELS of them; each gets one line: verdict, count and its source, task,
// downloads. Not a slash command: it is reached from a message, not typed.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import { classifyModel, type ClassifyResult } from '../src/core/classify.js';
import { isModelId } from '../src/core/model-id.js';
import { formatCount, formatDate, formatParameters, verdictWord } from '../src/format.js';
import { t, tAll } from '../src/i18n.js';
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
    const results = await Promise.all(args.models.map((id) => ctx.hub.model(id)));
    const notes = [...new Set(results.flatMap((r) => r.notes.map((n) => n[locale])))];
    if (results.every((r) => !r.found)) {
      const first = results[0];
      // One model: the same "did you mean" as /classify; several: which ones the Hub does not know.
      if (results.length === 1 && !first.found) return notFoundReply(args.models[0], first, locale, (id) => `/classify ${id}`);
      const reply = errorReply('not_found', t(locale, 'classifyMessage.noneFound', { ids: args.models.join(', ') }), locale);
      reply.notes = notes;
      return reply;
    }
    const classified = results.map((r) => (r.found ? classifyModel(r.model, r.lookup, thresholds, [], { calibration: r.calibration }) : null));
    const fields = results.map((r, i) => {
      const result = classified[i];
      if (result) return { name: `${result.id} — ${verdictWord(result.verdict, locale)}`, value: modelLine(result, locale), inline: false };
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
    // The oldest data among the answers is what the reply can vouch for.
    const source = results.map((r) => r.source).sort((a, b) => a.collectedAt.localeCompare(b.collectedAt))[0];
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
