// /lifespan [tag]: the study's H5 — do SLMs keep their downloads longer than LLMs?
import { z } from 'zod';
import type { Command, CommandContext } from '../src/command.js';
import { lifespanHistoryOf, lifespanOf } from '../src/core/lifespan.js';
import { lifespanChart, lifespanHistoryChart } from '../src/charts/configs.js';
import { formatDate, formatPercent, sourceLine } from '../src/format.js';
import { booleanSchema, HISTORY_OPTION, SAMPLE_OPTION, sampleChoiceSchema, TAG_OPTION, tagSchema, THRESHOLD_OPTIONS, thresholdFields, thresholdsFrom, withOrderedThresholds } from '../src/options.js';
import type { Reply } from '../src/reply.js';
import { analysisSample, sampleData, sampleNote, unknownNote } from '../src/samples.js';

/** history:true — the top models' downloads the bot recorded each week. */
function historyReply(ctx: CommandContext): Reply {
  const fr = ctx.locale === 'fr';
  const weeks = lifespanHistoryOf(ctx.store().weeklyDownloads());
  const title = fr ? 'Historique des téléchargements' : 'Download history';
  if (weeks.length === 0) {
    return {
      title,
      summary: fr
        ? 'Pas encore d’historique : le bot enregistre chaque semaine les téléchargements des modèles les plus utilisés tant qu’il tourne sur Discord ou Slack. Tapez `/lifespan` pour la vue actuelle.'
        : 'No history yet: while it runs on Discord or Slack, the bot records the top models’ downloads every week. Type `/lifespan` for the current view.',
      fields: [],
      notes: [],
      links: [],
      data: { history: true, weeks: [] },
    };
  }
  const last = weeks.at(-1)!;
  const summary = fr
    ? `Semaine ${last.week} : les modèles de plus de 12 mois reçoivent ${formatPercent(last.olderThan12Months.slm, ctx.locale, 0)} des téléchargements des SLM et ${formatPercent(last.olderThan12Months.llm, ctx.locale, 0)} de ceux des LLM (${weeks.length} semaine(s) enregistrée(s)).`
    : `Week ${last.week}: models over 12 months old draw ${formatPercent(last.olderThan12Months.slm, ctx.locale, 0)} of SLM downloads and ${formatPercent(last.olderThan12Months.llm, ctx.locale, 0)} of LLM downloads (${weeks.length} week${weeks.length > 1 ? 's' : ''} recorded).`;
  return {
    title,
    summary,
    fields: weeks.slice(-6).map((w) => ({
      name: w.week,
      value: `SLM ${formatPercent(w.olderThan12Months.slm, ctx.locale, 0)} · LLM ${formatPercent(w.olderThan12Months.llm, ctx.locale, 0)}`,
      inline: true,
    })),
    chart: {
      config: lifespanHistoryChart(weeks, {
        title: fr ? 'Part des téléchargements aux modèles de plus de 12 mois' : 'Share of downloads going to models over 12 months old',
        caption: fr ? `Enregistré par SLM Radar chaque semaine depuis ${weeks[0].week}` : `Recorded by SLM Radar every week since ${weeks[0].week}`,
        xTitle: fr ? 'Semaine ISO' : 'ISO week',
        yTitle: fr ? 'Part des téléchargements du groupe (%)' : "Share of the group's downloads (%)",
      }),
      fileName: 'lifespan-history.png',
      alt: summary,
    },
    notes: [fr ? 'Téléchargements sur 30 jours des modèles les plus téléchargés, relevés chaque semaine par le bot.' : '30-day downloads of the top models, as the bot recorded them each week.'],
    links: [],
    data: { history: true, weeks },
  };
}

const schema = withOrderedThresholds(
  z.object({ tag: tagSchema.optional(), sample: sampleChoiceSchema.optional(), history: booleanSchema.optional(), ...thresholdFields }),
);

const command: Command<typeof schema> = {
  name: 'lifespan',
  description: { en: 'Do SLMs keep their downloads longer than LLMs?', fr: 'Les SLM gardent-ils leurs téléchargements plus longtemps que les LLM ?' },
  usage: '/lifespan [tag] [sample:census|top|N] [history:true]',
  options: [
    TAG_OPTION,
    SAMPLE_OPTION,
    HISTORY_OPTION,
    ...THRESHOLD_OPTIONS,
  ],
  schema,
  async run(ctx, args): Promise<Reply> {
    if (args.history) return historyReply(ctx);
    const fr = ctx.locale === 'fr';
    const thresholds = thresholdsFrom(args, ctx.config);
    const sample = await analysisSample(ctx, { tag: args.tag, sample: args.sample }, thresholds);
    const result = lifespanOf(sample.view, { collectedAt: new Date(sample.source.collectedAt) });
    const old = result.olderThan12Months;
    const cutoff = formatDate(result.cutoff);
    const collected = formatDate(sample.source.collectedAt);
    const summary = fr
      ? `Les modèles créés avant le ${cutoff} (plus de 12 mois avant la collecte du ${collected}) reçoivent ${formatPercent(old.slm, ctx.locale, 0)} des téléchargements des SLM, contre ${formatPercent(old.llm, ctx.locale, 0)} pour les LLM.`
      : `Models created before ${cutoff} (over 12 months before the data was collected on ${collected}) draw ${formatPercent(old.slm, ctx.locale, 0)} of SLM downloads, against ${formatPercent(old.llm, ctx.locale, 0)} for LLMs.`;
    const notes = [...sample.notes, sampleNote(sample, ctx.locale), unknownNote(result.unknown, sample.view.length, ctx.locale)];
    notes.push(
      fr
        ? 'Téléchargements des 30 derniers jours, tels que le Hub les compte ; la zone grise (7–20B) est à part.'
        : 'Downloads over the last 30 days, as the Hub counts them; borderline models (7–20B) are kept apart.',
    );
    if (result.undated) notes.push(fr ? `${result.undated} modèles sans date de création sont laissés de côté.` : `${result.undated} models without a creation date are left out.`);
    return {
      title: fr ? `Durée de vie des téléchargements${args.tag ? ` — ${args.tag}` : ''}` : `Download lifespan${args.tag ? ` — ${args.tag}` : ''}`,
      summary,
      fields: [
        { name: fr ? 'SLM : part des modèles de plus de 12 mois' : 'SLM: share to models over 12 months old', value: formatPercent(old.slm, ctx.locale), inline: true },
        { name: fr ? 'LLM : part des modèles de plus de 12 mois' : 'LLM: share to models over 12 months old', value: formatPercent(old.llm, ctx.locale), inline: true },
        { name: fr ? 'Zone grise : idem' : 'Borderline: same', value: formatPercent(old.borderline, ctx.locale), inline: true },
      ],
      chart: {
        config: lifespanChart(result, {
          title: fr ? `Téléchargements par mois de création${args.tag ? ` — ${args.tag}` : ''}` : `Downloads by creation month${args.tag ? ` — ${args.tag}` : ''}`,
          caption: sourceLine(sample.source, ctx.locale),
          xTitle: fr ? 'Mois de création (UTC)' : 'Creation month (UTC)',
          yTitle: fr ? 'Part des téléchargements du groupe (%)' : "Share of the group's downloads (%)",
          series: { SLM: 'SLM', LLM: 'LLM', cutoff: fr ? '12 mois avant la collecte' : '12 months before collection' },
        }),
        fileName: 'lifespan.png',
        alt: summary,
      },
      notes,
      links: [],
      source: sample.source,
      data: {
        tag: args.tag ?? null,
        months: result.months,
        olderThan12Months: result.olderThan12Months,
        cutoff: result.cutoff,
        totals: result.totals,
        sample: sampleData(sample),
      },
    };
  },
};

export default command;
