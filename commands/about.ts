// /about: where the data comes from, how fresh it is, the cache, the version.
import { z } from 'zod';
import packageJson from '../package.json' with { type: 'json' };
import type { Command } from '../src/command.js';
import { FLOOR_DATE } from '../src/core/date-floor.js';
import { formatCount, formatDate, formatDateTime, formatParameters, formatPercent } from '../src/format.js';
import { t, tAll } from '../src/i18n.js';
import type { Reply } from '../src/reply.js';

const schema = z.object({});

const command: Command<typeof schema> = {
  name: 'about',
  description: tAll('commands.about.description'),
  usage: '/about',
  options: [],
  schema,
  async run(ctx): Promise<Reply> {
    const { locale } = ctx;
    const status = ctx.hub.status();
    await ctx.hub.census(); // loads the saved census, so its progress is shown
    const census = ctx.hub.censusProgress();
    const never = t(locale, 'census.never');
    const live = status.mode === 'live';
    const samples = status.cachedSamples.map((s) => `${s.key}: ${formatCount(s.models, locale)} (${formatDateTime(s.collectedAt)})`).join('\n') || '–';
    const date = formatDate(status.snapshotCollectedAt);
    return {
      title: `SLM Radar ${packageJson.version}`,
      summary: live ? t(locale, 'about.live', { endpoint: status.endpoint, date }) : t(locale, 'about.offline', { date, models: status.snapshotModels }),
      fields: [
        { name: t(locale, 'about.mode'), value: t(locale, live ? 'about.modeLive' : 'about.modeOffline'), inline: true },
        { name: t(locale, 'about.snapshot'), value: `${date}, ${formatCount(status.snapshotModels, locale)}`, inline: true },
        { name: t(locale, 'about.cachedModels'), value: formatCount(status.cachedModels, locale), inline: true },
        { name: t(locale, 'about.cachedSamples'), value: samples, inline: false },
        {
          name: t(locale, 'census.aboutName'),
          value: t(locale, 'census.aboutValue', {
            models: census.models,
            // The oldest stored day is the Hub's backfill day: those models were created on or before it.
            oldest: census.oldest === null ? '–' : census.oldest <= FLOOR_DATE ? t(locale, 'dates.beforeFloor') : census.oldest,
            newest: census.newest ?? '–',
            walking: census.walking ? 'yes' : 'no',
            percent: formatPercent(census.walkPercent / 100, locale, 0),
            lastWalk: census.lastWalkAt ? formatDateTime(census.lastWalkAt) : never,
            lastSync: census.lastSyncAt ? formatDateTime(census.lastSyncAt) : never,
            next: census.nextRunAt ? formatDateTime(census.nextRunAt) : t(locale, 'census.notScheduled'),
          }),
          inline: false,
        },
        {
          name: t(locale, 'about.thresholds'),
          value: t(locale, 'about.thresholdsValue', { slm: formatParameters(ctx.config.SLM_BELOW_B * 1e9, locale), llm: formatParameters(ctx.config.LLM_FROM_B * 1e9, locale) }),
          inline: false,
        },
      ],
      notes: [t(locale, 'census.aboutNote', { complete: census.complete ? 'yes' : 'no' })],
      links: [{ label: 'Hugging Face Hub', url: status.endpoint }],
      data: { version: packageJson.version, ...status, census },
    };
  },
};

export default command;
