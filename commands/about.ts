// /about: where the data comes from, how fresh it is, the cache, the version.
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import type { Command } from '../src/command.js';
import { formatCount, formatDate, formatDateTime, formatParameters, formatPercent } from '../src/format.js';
import type { Reply } from '../src/reply.js';
import { t } from '../src/i18n.js';

const schema = z.object({});

const command: Command<typeof schema> = {
  name: 'about',
  description: { en: 'Data source and date, cache state, version', fr: 'Source et date des données, cache, version' },
  usage: '/about',
  options: [],
  schema,
  async run(ctx): Promise<Reply> {
    const fr = ctx.locale === 'fr';
    const status = ctx.hub.status();
    await ctx.hub.census(); // loads the saved census, so its progress is shown
    const census = ctx.hub.censusProgress();
    const never = t(ctx.locale, 'census.never');
    const live = status.mode === 'live';
    const samples = status.cachedSamples.map((s) => `${s.key}: ${formatCount(s.models, ctx.locale)} (${formatDateTime(s.collectedAt)})`).join('\n') || '–';
    return {
      title: `SLM Radar ${packageJson.version}`,
      summary: live
        ? fr
          ? `Données en direct du Hugging Face Hub (${status.endpoint}), avec l’instantané du ${formatDate(status.snapshotCollectedAt)} en secours.`
          : `Live data from the Hugging Face Hub (${status.endpoint}), with the snapshot of ${formatDate(status.snapshotCollectedAt)} as a fallback.`
        : fr
          ? `Hors ligne : instantané du ${formatDate(status.snapshotCollectedAt)} (${formatCount(status.snapshotModels, ctx.locale)} modèles).`
          : `Offline: snapshot of ${formatDate(status.snapshotCollectedAt)} (${formatCount(status.snapshotModels, ctx.locale)} models).`,
      fields: [
        { name: fr ? 'Mode' : 'Mode', value: live ? (fr ? 'en direct' : 'live') : fr ? 'hors ligne' : 'offline', inline: true },
        { name: fr ? 'Instantané' : 'Snapshot', value: `${formatDate(status.snapshotCollectedAt)}, ${formatCount(status.snapshotModels, ctx.locale)}`, inline: true },
        { name: fr ? 'Modèles en cache' : 'Cached models', value: formatCount(status.cachedModels, ctx.locale), inline: true },
        { name: fr ? 'Échantillons en cache' : 'Cached samples', value: samples, inline: false },
        {
          name: t(ctx.locale, 'census.aboutName'),
          value: t(ctx.locale, 'census.aboutValue', {
            models: census.models,
            oldest: census.oldest ?? '–',
            newest: census.newest ?? '–',
            walking: census.walking ? 'yes' : 'no',
            percent: formatPercent(census.walkPercent / 100, ctx.locale, 0),
            lastWalk: census.lastWalkAt ? formatDateTime(census.lastWalkAt) : never,
            lastSync: census.lastSyncAt ? formatDateTime(census.lastSyncAt) : never,
            next: census.nextRunAt ? formatDateTime(census.nextRunAt) : t(ctx.locale, 'census.notScheduled'),
          }),
          inline: false,
        },
        {
          name: fr ? 'Seuils' : 'Thresholds',
          value: `SLM < ${formatParameters(ctx.config.SLM_BELOW_B * 1e9, ctx.locale)} ≤ ${fr ? 'zone grise' : 'borderline'} < ${formatParameters(ctx.config.LLM_FROM_B * 1e9, ctx.locale)} ≤ LLM`,
          inline: false,
        },
      ],
      notes: [t(ctx.locale, 'census.aboutNote', { complete: census.complete ? 'yes' : 'no' })],
      links: [{ label: 'Hugging Face Hub', url: status.endpoint }],
      data: { version: packageJson.version, ...status, census },
    };
  },
};

export default command;
