// SIGTERM to the real bot process in the middle of a weekly digest: the week's post is neither lost
// nor duplicated across a restart. A digest still being built gives its claim back and the next
// process posts it; a post already handed to Discord is allowed to finish before the process exits 0.
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { isoWeekOf } from '../src/core/weeks.js';
import { DigestScheduler, UncertainPostError, type ChannelPoster } from '../src/digest/scheduler.js';
import { Store, type Subscription } from '../src/digest/store.js';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { startFakeHub, type FakeHub, type RawHubModel } from './fakes/hub.js';
import { tempDir } from './helpers/bot.js';
import { spawnBot, type BotProcess } from './helpers/main-process.js';
import { freePort } from './helpers/ports.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A subscription of the fake guild's channel whose weekly slot is this very minute (UTC), made an hour ago. */
function dueSubscription(dataDir: string, discord: FakeDiscord): { sub: Subscription; isoWeek: string } {
  const now = new Date();
  const slot = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const store = new Store(dataDir);
  try {
    const sub = store.subscribe(
      {
        platform: 'discord',
        placeId: discord.guildId,
        channelId: discord.channelId,
        tag: null,
        weekday: slot.getUTCDay() || 7,
        time: slot.toISOString().slice(11, 16),
        timeZone: 'UTC',
        locale: 'en',
        createdBy: 'test',
      },
      new Date(slot.getTime() - 3_600_000),
    );
    return { sub, isoWeek: isoWeekOf(slot, 'UTC') };
  } finally {
    store.close();
  }
}

function sendStatus(dataDir: string, sub: Subscription, isoWeek: string) {
  const store = new Store(dataDir);
  try {
    return store.sendStatus(sub.id, isoWeek);
  } finally {
    store.close();
  }
}

const channelPosts = (discord: FakeDiscord) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${discord.channelId}/messages` && r.status === 200);

/** Polls until `check` holds (the process works on its own clock). */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(50);
  }
}

/** Until the process's /readyz answers 200: connected, data loaded, signal handlers in place. */
const untilReady = (port: number) => until(() => fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false), 30_000);

let discord: FakeDiscord | undefined;
let hub: FakeHub | undefined;
const running: BotProcess[] = [];
afterEach(async () => {
  for (const bot of running.splice(0)) bot.child.kill('SIGKILL');
  await discord?.close();
  await hub?.close();
  discord = hub = undefined;
});

function start(env: Record<string, string>): BotProcess {
  const bot = spawnBot({ DISCORD_TOKEN: 'shutdown-token', DISCORD_API_URL: discord!.apiUrl, LOG_LEVEL: 'info', ...env });
  running.push(bot);
  return bot;
}

describe('SIGTERM in the middle of a digest', () => {
  it('while the digest is being built: the claim is given back, exit 0, and the restarted bot posts it once', async () => {
    discord = await startFakeDiscord();
    // This week's new models, on a Hub that answers slowly: the digest is still being built when SIGTERM comes.
    const models: RawHubModel[] = Array.from({ length: 12 }, (_, i) => ({
      id: `new/model-${i}`,
      createdAt: new Date(Date.now() - (i + 1) * 3_600_000).toISOString(),
      downloads: 100 - i,
      likes: i,
      pipeline_tag: 'text-generation',
      tags: ['text-generation'],
      safetensors: { total: (i + 1) * 1e9 },
    }));
    hub = await startFakeHub({ models });
    hub.fail({ delayMs: 8_000, pathPrefix: '/api/models', times: Infinity });
    const dataDir = tempDir();
    const { sub, isoWeek } = dueSubscription(dataDir, discord);
    const env = { DATA_DIR: dataDir, HF_ENDPOINT: hub.url, SAMPLE_SIZE: '100' };

    const first = start(env);
    // The digest asks the Hub for this week's models: it has claimed the week and is building.
    await until(() => hub!.listRequests().some((r) => r.query.get('sort') === 'createdAt'));
    expect(sendStatus(dataDir, sub, isoWeek)).toBe('building');
    const signalled = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(8_000); // it did not wait for the slow build
    expect(first.stderr()).toContain('the weeks still being built are posted after the restart');
    expect(sendStatus(dataDir, sub, isoWeek)).toBeUndefined(); // given back
    expect(channelPosts(discord)).toHaveLength(0);

    hub.reset(); // the Hub answers at once now
    const second = start(env);
    await until(() => channelPosts(discord!).length > 0);
    await until(() => sendStatus(dataDir, sub, isoWeek) === 'sent');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(channelPosts(discord)).toHaveLength(1);
    expect(JSON.stringify(channelPosts(discord)[0].payload ?? channelPosts(discord)[0].json)).toContain('new models');
  }, 90_000);

  it('while Discord is taking the post: the post finishes before exit 0, and the restarted bot does not post again', async () => {
    discord = await startFakeDiscord();
    // Discord creates the message at once but answers 4 s later: the post is in flight all that time.
    discord.fail({ method: 'POST', path: `/api/v10/channels/${discord.channelId}/messages`, delayMs: 4_000 });
    const dataDir = tempDir();
    const { sub, isoWeek } = dueSubscription(dataDir, discord);
    const env = { DATA_DIR: dataDir, OFFLINE: '1' };

    const first = start(env);
    await until(() => channelPosts(discord!).length === 1);
    first.child.kill('SIGTERM');
    await sleep(1_000);
    expect(first.child.exitCode).toBeNull(); // still waiting for its post
    expect(await first.exited).toBe(0);
    expect(channelPosts(discord)).toHaveLength(1);
    expect(sendStatus(dataDir, sub, isoWeek)).toBe('sent');

    const healthPort = await freePort();
    const second = start({ ...env, HEALTH_PORT: String(healthPort) });
    // Ready = connected with its signal handlers in place; its first tick has run by then.
    await untilReady(healthPort);
    await sleep(1_000); // its first tick ran when it connected
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(channelPosts(discord)).toHaveLength(1);
    expect(sendStatus(dataDir, sub, isoWeek)).toBe('sent');
  }, 90_000);
});

describe('DigestScheduler.stop between two attempts at a post', () => {
  const clock = new Date('2026-11-27T09:00:00Z'); // a Friday, the subscription's slot
  function setUp(poster: ChannelPoster) {
    const bot = createBot(loadConfig({ OFFLINE: '1', DATA_DIR: tempDir() }), { now: () => clock });
    const store = bot.store();
    const sub = store.subscribe({ platform: 'discord', placeId: 'G', channelId: 'C1', tag: null, weekday: 5, time: '09:00', timeZone: 'UTC', locale: 'en', createdBy: 'U' }, new Date('2026-11-26T12:00:00Z'));
    return { bot, store, sub, scheduler: new DigestScheduler(bot, store, { discord: poster }, { retryDelaysMs: [60_000] }) };
  }

  it('gives back a week whose first attempt was refused: the next process posts it once', async () => {
    let calls = 0;
    const { bot, store, sub, scheduler } = setUp(async () => {
      calls++;
      throw new Error('Discord answered 500');
    });
    const tick = scheduler.tick(clock);
    await until(() => calls === 1); // refused; the retry waits a minute
    await scheduler.stop();
    await tick;
    expect(calls).toBe(1);
    expect(store.sendStatus(sub.id, '2026-W48')).toBeUndefined();

    const posted: string[] = [];
    await new DigestScheduler(bot, store, { discord: async (channelId) => void posted.push(channelId) }).tick(clock);
    expect(posted).toEqual(['C1']);
    expect(store.sendStatus(sub.id, '2026-W48')).toBe('sent');
    bot.close();
  });

  it('keeps a week whose post may have gone out (an uncertain answer) from being sent again', async () => {
    let release = () => {};
    const { bot, store, sub, scheduler } = setUp(() => new Promise((_, reject) => (release = () => reject(new UncertainPostError('timed out after sending')))));
    const tick = scheduler.tick(clock);
    await until(() => store.sendStatus(sub.id, '2026-W48') === 'sending');
    const stopped = scheduler.stop();
    release();
    await stopped;
    await tick;
    expect(store.sendStatus(sub.id, '2026-W48')).toBe('failed');
    bot.close();
  });
});
