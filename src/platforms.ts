// Discord and/or Slack in one process, with the weekly digests. Loaded by main.ts only when a
// platform token is set, so the console never pays for discord.js or Bolt; each adapter's library
// is loaded only when its token is set.
import type { Bot } from './bot.js';
import { DigestScheduler, type ChannelPoster } from './digest/scheduler.js';
import type { Platform } from './digest/store.js';

/** Starts the adapters whose tokens are set and the digest scheduler; stops cleanly on SIGTERM/SIGINT. */
export async function runPlatforms(bot: Bot): Promise<void> {
  const { config, log } = bot;
  const posters: Partial<Record<Platform, ChannelPoster>> = {};
  const stops: (() => Promise<void>)[] = [];
  try {
    if (config.DISCORD_TOKEN) {
      const { startDiscord } = await import('./adapters/discord.js');
      const discord = await startDiscord(bot);
      posters.discord = async (channelId, reply, sub) => void (await discord.post(channelId, reply, sub.locale));
      stops.push(() => discord.stop());
      log.info('Discord adapter connected');
    }
    if (config.SLACK_BOT_TOKEN) {
      const { postToChannel, startSlack } = await import('./adapters/slack.js');
      const slack = await startSlack(bot);
      posters.slack = async (channelId, reply, sub) => void (await postToChannel(slack.app.client, channelId, reply, { config, locale: sub.locale, log }));
      stops.push(() => slack.stop());
      log.info({ mode: slack.mode }, 'Slack adapter started');
    }
  } catch (error) {
    // One platform failed to start: stop the one that did, so the process really ends.
    await Promise.allSettled(stops.map((s) => s()));
    bot.close();
    throw error;
  }
  const scheduler = new DigestScheduler(bot, bot.store(), posters);
  scheduler.start();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing replies in flight');
    await scheduler.stop();
    await Promise.allSettled(stops.map((s) => s()));
    bot.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
