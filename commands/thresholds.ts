// /thresholds: the study's H1 — there is no universal line; what publishers call their models.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import type { PublisherLabel } from '../src/core/publishers.js';
import { STUDY_LINES_B, thresholdsOf } from '../src/core/thresholds.js';
import { thresholdsChart } from '../src/charts/configs.js';
import { formatParameters, verdictWord } from '../src/format.js';
import { THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import { optional, t, tAll, type Locale } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';
import { thresholdsLine } from '../src/samples.js';
import { publishedSize } from '../src/sizing-words.js';

const schema = withOrderedThresholds(z.object({ ...thresholdFields }));

/** Which publishers' labels are for mixtures of experts, with their total and active counts. */
function mixtureNotes(rows: readonly PublisherLabel[], locale: Locale): string[] {
  const mixtures = rows.filter((r) => r.activeB !== undefined);
  if (mixtures.length === 0) return [];
  const models = mixtures.map((r) => t(locale, 'sizing.mixtureLabel', { publisher: r.publisher, size: publishedSize(r.sizeB, r.activeB, locale), label: r.label })).join(', ');
  return [t(locale, 'sizing.mixturesNote', { models })];
}

const command: Command<typeof schema> = {
  name: 'thresholds',
  description: tAll('commands.thresholds.description'),
  usage: '/thresholds [slm_below:7] [llm_from:20]',
  options: [...THRESHOLD_OPTIONS],
  schema,
  async run(ctx, args): Promise<Reply> {
    const { locale } = ctx;
    const thresholds = thresholdsFrom(args, ctx.config);
    const result = thresholdsOf(thresholds);
    const slm = formatParameters(thresholds.slmBelow, locale);
    const llm = formatParameters(thresholds.llmFrom, locale);
    // The largest grey-zone model of each publisher shows the disagreement best (14B "lightweight" vs 14.8B "LLM series").
    const examples = result.disagreements
      .slice()
      .sort((a, b) => b.sizeB - a.sizeB)
      .filter((r, i, all) => all.findIndex((o) => o.publisher === r.publisher) === i)
      .slice(0, 4)
      .map((r) => t(locale, 'thresholds.example', { publisher: r.publisher, size: r.sizeB, label: r.label }))
      .join(', ');
    const summary = t(locale, 'thresholds.summary', { slm, llm, examples: optional(examples) });
    const labelList = (labels: Record<string, number>) =>
      Object.entries(labels)
        .sort((a, b) => b[1] - a[1])
        .map(([label, n]) => `${label} ×${n}`)
        .join(', ') || '–';
    return {
      title: t(locale, 'thresholds.title'),
      summary,
      fields: result.zones.map((z) => ({
        name: `${verdictWord(z.verdict, locale)} (${z.fromB === null ? `<${z.belowB}B` : z.belowB === null ? `≥${z.fromB}B` : `${z.fromB}–${z.belowB}B`})`,
        value: labelList(z.labels),
        inline: false,
      })),
      chart: {
        config: thresholdsChart(result, {
          title: t(locale, 'thresholds.chartTitle'),
          caption: [thresholdsLine(thresholds, locale), t(locale, 'thresholds.chartSource')],
          xTitle: t(locale, 'thresholds.xTitle'),
          yTitle: t(locale, 'thresholds.yTitle'),
          locale,
        }),
        fileName: 'thresholds.png',
        alt: summary,
      },
      notes: [
        ...mixtureNotes(result.rows, locale),
        t(locale, 'thresholds.note', { lines: STUDY_LINES_B.join(', ') }),
      ],
      links: [],
      data: result,
    };
  },
};

export default command;
