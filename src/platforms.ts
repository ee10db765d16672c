// Discord and/or Slack in one process, with the weekly digests and the health checks. Loaded by
// main.ts only when a platform token is set, so the console never pays for discord.js or Bolt; each
// adapter's library is loaded only when its token is set.
import type { Server } from 'node:http';
import type { Bot } from './bot.js';
import { DigestScheduler, type ChannelPoster } from './digest/scheduler.js';
import type { Platform } from './digest/store.js';
import { closeServer, Health, portOf, startHealthServer } from './health.js';
import { getSnapshot, snapshotLoaded } from './hub/snapshot.js';
import { STOP_TIMEOUT_MS } from './in-flight.js';

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
  const adapters: { drain(deadline: number): Promise<void> }[] = [];
  /** What stop() closes, in order: the adapters (waiting for their replies until the stop's deadline), then the health server. */
  const stops: ((deadline?: number) => Promise<void>)[] = [];
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
    // The database first: without it there are no digests, so the bot must not start half-way (StoreOpenError).
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
      posters.discord = async (channelId, reply, sub, { nonce }) => void (await discord.post(channelId, reply, sub.locale, nonce));
      adapters.push(discord);
      stops.unshift((deadline) => discord.stop(deadline));
      log.info('Discord adapter connected');
    }
    if (config.SLACK_BOT_TOKEN) {
      let connected = () => false;
      health.require('slack', () => connected());
      const { startSlack } = await import('./adapters/slack.js');
      const slack = await startSlack(bot, { health });
      connected = slack.connected;
      posters.slack = (channelId, reply, sub) => slack.post(channelId, reply, sub.locale);
      adapters.push(slack);
      stops.unshift((deadline) => slack.stop(deadline));
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
  // The census walks and syncs in the background of this process; commands never wait for it.
  bot.hub.censusSync.start();

  let stopped: Promise<void> | undefined;
  return {
    health,
    healthServer,
    stop() {
      stopped ??= (async () => {
        health.markStopping();
        // No new commands or digests from here; replies and digest posts in flight finish together, bounded.
        const deadline = Date.now() + STOP_TIMEOUT_MS;
        // The census walk resumes from its saved cursor (its file is replaced atomically): no waiting for its page.
        void bot.hub.censusSync.stop();
        await Promise.all([scheduler.stop(deadline), ...adapters.map((adapter) => adapter.drain(deadline))]);
        // The same deadline: an adapter's stop() does not wait another 10 s for a reply still stuck.
        await Promise.allSettled(stops.map((s) => s(deadline)));
        bot.close();
        log.info('stopped');
      })();
      return stopped;
    },
  };
}

/**
 * startPlatforms, then on SIGTERM or SIGINT: stop taking commands, finish the replies and digest posts
 * in flight (up to 10 s), give back the digests not posted yet, close the database, exit 0.
 */
export async function runPlatforms(bot: Bot): Promise<void> {
  const started = startPlatforms(bot);
  // Listening from the start: a signal while the platforms connect stops them once they are up.
  const stop = async (signal: string) => {
    bot.log.info({ signal }, 'stopping: finishing replies and digest posts in flight');
    try {
      await (await started).stop();
      process.exit(0);
    } catch (error) {
      bot.log.error({ err: error }, 'stopping failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await started;
}
