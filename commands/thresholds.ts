// /thresholds: the study's H1 — there is no universal line; what publishers call their models.
import { z } from 'zod';
import type { Command } from '../src/command.js';
import type { PublisherLabel } from '../src/core/publishers.js';
import { STUDY_LINES_B, thresholdsOf } from '../src/core/thresholds.js';
import type { Locale } from '../src/i18n.js';
import { thresholdsChart } from '../src/charts/configs.js';
import { formatParameters, verdictWord } from '../src/format.js';
import { THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { t } from '../src/i18n.js';
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
  description: { en: 'Where SLMs end and LLMs begin, and what publishers say', fr: 'Où finissent les SLM, où commencent les LLM, et ce qu’en disent les éditeurs' },
  usage: '/thresholds [slm_below:7] [llm_from:20]',
  options: [...THRESHOLD_OPTIONS],
  schema,
  async run(ctx, args): Promise<Reply> {
    const fr = ctx.locale === 'fr';
    const thresholds = thresholdsFrom(args, ctx.config);
    const result = thresholdsOf(thresholds);
    const s = formatParameters(thresholds.slmBelow, ctx.locale);
    const l = formatParameters(thresholds.llmFrom, ctx.locale);
    // The largest grey-zone model of each publisher shows the disagreement best (14B "lightweight" vs 14.8B "LLM series").
    const examples = result.disagreements
      .slice()
      .sort((a, b) => b.sizeB - a.sizeB)
      .filter((r, i, all) => all.findIndex((o) => o.publisher === r.publisher) === i)
      .slice(0, 4)
      .map((r) => (fr ? `${r.publisher} ${r.sizeB}B « ${r.label} »` : `${r.publisher} ${r.sizeB}B "${r.label}"`))
      .join(', ');
    const summary = fr
      ? `Pas de seuil universel. SLM sous ${s}, LLM à partir de ${l} ; entre les deux, les éditeurs ne sont pas d’accord${examples ? ` (${examples})` : ''}.`
      : `There is no universal line. SLM below ${s}, LLM from ${l}; in between, publishers disagree${examples ? ` (${examples})` : ''}.`;
    const labelList = (labels: Record<string, number>) =>
      Object.entries(labels)
        .sort((a, b) => b[1] - a[1])
        .map(([label, n]) => `${label} ×${n}`)
        .join(', ') || '–';
    return {
      title: fr ? 'Seuils SLM / LLM' : 'SLM / LLM thresholds',
      summary,
      fields: result.zones.map((z) => ({
        name: `${verdictWord(z.verdict, ctx.locale)} (${z.fromB === null ? `<${z.belowB}B` : z.belowB === null ? `≥${z.fromB}B` : `${z.fromB}–${z.belowB}B`})`,
        value: labelList(z.labels),
        inline: false,
      })),
      chart: {
        config: thresholdsChart(result, {
          title: fr ? 'Tailles et étiquettes des éditeurs' : "Publishers' model sizes and their own labels",
          caption: fr ? 'Étude LLM vs SLM (Polytech Nice-Sophia, 2025)' : 'LLM vs SLM study (Polytech Nice-Sophia, 2025)',
          yTitle: fr ? 'Paramètres (échelle log)' : 'Parameters (log scale)',
        }),
        fileName: 'thresholds.png',
        alt: summary,
      },
      notes: [
        ...mixtureNotes(result.rows, ctx.locale),
        fr
          ? `Lignes de l’étude : ${STUDY_LINES_B.join(', ')}B. Étiquettes relevées dans les annonces de Google, Meta, Microsoft, Mistral, NVIDIA et Qwen.`
          : `The study's lines: ${STUDY_LINES_B.join(', ')}B. Labels taken from Google, Meta, Microsoft, Mistral, NVIDIA and Qwen announcements.`,
      ],
      links: [],
      data: result,
    };
  },
};

export default command;
