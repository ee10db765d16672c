// The bot process of `npm run soak` (bench/soak.ts forks it): Discord and Slack adapters against the
// fakes, live Hub mode against the fault-injecting fake Hub, and the digest scheduler ticked by the
// parent with a simulated clock. Reports its resident memory and every uncaught error over IPC.
import { startDiscord } from '../src/adapters/discord.js';
import { startSlack } from '../src/adapters/slack.js';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { DigestScheduler } from '../src/digest/scheduler.js';
import { createLogger } from '../src/log.js';

type Message =
  | { tick: string }
  | { memory: true }
  | { subscribe: { platform: 'discord' | 'slack'; channelId: string; tag: string | null } }
  | { report: true }
  | { stop: true };

const send = (message: unknown) => process.send?.(message);
process.on('uncaughtException', (err) => send({ crash: `uncaughtException: ${err.stack ?? err}` }));
process.on('unhandledRejection', (err) => send({ crash: `unhandledRejection: ${(err as Error)?.stack ?? err}` }));

const config = loadConfig(process.env);
const log = createLogger(process.env.LOG_LEVEL || 'error');
const bot = createBot(config, { log });
const discord = await startDiscord(bot, { rest: { retries: 1, timeout: 10_000 } });
const slack = await startSlack(bot, { port: 0, host: '127.0.0.1' });
const scheduler = new DigestScheduler(
  bot,
  bot.store(),
  {
    discord: async (channelId, reply, sub, { nonce }) => void (await discord.post(channelId, reply, sub.locale, nonce)),
    slack: (channelId, reply, sub) => slack.post(channelId, reply, sub.locale),
  },
  { retryDelaysMs: [200, 500] },
);

process.on('message', async (message: Message) => {
  if ('tick' in message) {
    await scheduler.tick(new Date(message.tick));
    send({ ticked: message.tick });
  } else if ('memory' in message) {
    (globalThis as { gc?: () => void }).gc?.();
    send({ rss: process.memoryUsage().rss });
  } else if ('subscribe' in message) {
    const { platform, channelId, tag } = message.subscribe;
    const sub = bot.store().subscribe(
      { platform, placeId: 'soak', channelId, tag, weekday: 1, time: '09:00', timeZone: 'UTC', locale: 'en', createdBy: 'soak' },
      new Date('2026-01-01T00:00:00Z'),
    );
    send({ subscribed: sub.id });
  } else if ('report' in message) {
    // Each subscription's weekly records, for the soak's lost/duplicated figures.
    const store = bot.store();
    send({ sends: store.activeSubscriptions().map((sub) => ({ id: sub.id, platform: sub.platform, channelId: sub.channelId, sends: store.sendsOf(sub.id, 100) })) });
  } else if ('stop' in message) {
    await scheduler.stop();
    await Promise.allSettled([discord.stop(), slack.stop()]);
    bot.close();
    send({ stopped: true });
    process.exit(0);
  }
});

const address = slack.server!.address() as { port: number };
send({ ready: true, slackUrl: `http://127.0.0.1:${address.port}` });
