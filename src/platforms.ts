// Discord and/or Slack in one process, with the weekly digests and the health checks. Loaded by
// main.ts only when a platform token is set, so the console never pays for discord.js or Bolt; each
// adapter's library is loaded only when its token is set.
import type { Server } from 'node:http';
import type { Bot } from './bot.js';
import { DigestScheduler, type ChannelPoster } from './digest/scheduler.js';
import type { Platform } from './digest/store.js';
import { closeServer, Health, portOf, startHealthServer } from './health.js';
import { getSnapshot, snapshotLoaded } from './hub/snapshot.js';

export interface PlatformOptions {
  /** Where the health server listens; default HEALTH_PORT (none when unset). 0 picks a free port. */
  healthPort?: number;
  healthHost?: string;
}

export interface RunningPlatforms {
  health: Health;
  /** The server answering /healthz and /readyz on HEALTH_PORT, if one was started. */
  healthServer?: Server;
  stop(): Promise<void>;
}

/** Starts the adapters whose tokens are set, the digest scheduler and the health checks. */
export async function startPlatforms(bot: Bot, options: PlatformOptions = {}): Promise<RunningPlatforms> {
  const { config, log } = bot;
  const health = new Health();
  const posters: Partial<Record<Platform, ChannelPoster>> = {};
  const stops: (() => Promise<void>)[] = [];
  const healthPort = options.healthPort ?? config.HEALTH_PORT;
  const slackHttp = config.SLACK_BOT_TOKEN !== undefined && config.SLACK_APP_TOKEN === undefined;
  // In Slack HTTP mode Bolt's server on PORT answers the health paths too; HEALTH_PORT = PORT shares it.
  const ownServer = healthPort !== undefined && !(slackHttp && healthPort === config.PORT);
  let healthServer: Server | undefined;
  if (ownServer) {
    // First, so /healthz answers (and /readyz says what is missing) while the platforms connect.
    healthServer = await startHealthServer(health, healthPort, options.healthHost);
    stops.push(() => closeServer(healthServer!));
    log.info({ port: portOf(healthServer) }, 'health checks on /healthz and /readyz');
  }
  try {
    // Readiness conditions exist from the start, so /readyz is not "ready" before anything is up.
    const store = bot.store();
    health.require('database', () => store.db.open);
    health.require('data', snapshotLoaded);
    if (config.DISCORD_TOKEN) {
      let connected = () => false;
      health.require('discord', () => connected());
      const { startDiscord } = await import('./adapters/discord.js');
      const discord = await startDiscord(bot);
      connected = discord.connected;
      posters.discord = async (channelId, reply, sub) => void (await discord.post(channelId, reply, sub.locale));
      stops.unshift(() => discord.stop());
      log.info('Discord adapter connected');
    }
    if (config.SLACK_BOT_TOKEN) {
      let connected = () => false;
      health.require('slack', () => connected());
      const { postToChannel, startSlack } = await import('./adapters/slack.js');
      const slack = await startSlack(bot, { health });
      connected = slack.connected;
      posters.slack = async (channelId, reply, sub) => void (await postToChannel(slack.app.client, channelId, reply, { config, locale: sub.locale, log }));
      stops.unshift(() => slack.stop());
      log.info({ mode: slack.mode }, 'Slack adapter started');
    }
    // The bot answers from the snapshot when the Hub cannot: load it now rather than in the first reply.
    getSnapshot();
  } catch (error) {
    // One platform failed to start: stop the one that did, so the process really ends.
    await Promise.allSettled(stops.map((s) => s()));
    bot.close();
    throw error;
  }
  const scheduler = new DigestScheduler(bot, bot.store(), posters);
  scheduler.start();

  let stopped: Promise<void> | undefined;
  return {
    health,
    healthServer,
    stop() {
      stopped ??= (async () => {
        health.markStopping();
        await scheduler.stop();
        await Promise.allSettled(stops.map((s) => s()));
        bot.close();
      })();
      return stopped;
    },
  };
}

/** startPlatforms, then a clean stop and exit on SIGTERM/SIGINT. */
export async function runPlatforms(bot: Bot): Promise<void> {
  const running = await startPlatforms(bot);
  const stop = async (signal: string) => {
    bot.log.info({ signal }, 'stopping: finishing replies in flight');
    await running.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
