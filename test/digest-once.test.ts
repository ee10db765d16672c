// Digests exactly once, against the failures a probe of the real bot found: a slow Discord (discord.js
// retries after its REST timeout), a Slack chart upload refused, a process killed while building or
// posting, two processes on one DATA_DIR, and a database from an older version.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../src/adapters/discord.js';
import { startSlack, type SlackAdapter } from '../src/adapters/slack.js';
import { createBot, type Bot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { DigestScheduler, type ChannelPoster } from '../src/digest/scheduler.js';
import { Store, type NewSubscription } from '../src/digest/store.js';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { startFakeSlack, type FakeSlack } from './fakes/slack.js';
import { tempDir } from './helpers/bot.js';

let clock = new Date('2026-11-26T12:00:00Z'); // a Thursday
const at = (iso: string) => (clock = new Date(iso));
const MONDAY_SLOT = '2026-11-30T09:00:00Z';
const WEEK = '2026-W49';

const subscription = (channelId: string, platform: 'discord' | 'slack' = 'discord'): NewSubscription => ({
  platform, placeId: 'G', channelId, tag: null, weekday: 1, time: '09:00', timeZone: 'UTC', locale: 'en', createdBy: 'U',
});

function offlineBot(dataDir: string, extra: Record<string, string> = {}): Bot {
  return createBot(loadConfig({ OFFLINE: '1', DATA_DIR: dataDir, ...extra }), { now: () => clock });
}

/** A child process of the test helpers (node with tsx's loader, so a signal hits it, not a wrapper). */
function helper(name: string, args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', join('test', 'helpers', name), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
}

async function lineFrom(child: ReturnType<typeof helper>, wanted: string): Promise<string[]> {
  const lines: string[] = [];
  let rest = '';
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`helper exited (${code}) before "${wanted}"`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
      if (parts.includes(wanted)) resolve(lines);
    });
  });
}

describe('Discord: a slow channel post', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  let discord: DiscordAdapter;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = offlineBot(tempDir());
    // discord.js gives up on a request after `timeout` and sends it again (`retries`), as it does after 15 s in production.
    discord = await startDiscord(bot, { token: 'test-token', apiUrl: fake.apiUrl, rest: { retries: 2, timeout: 300 } });
  });
  afterAll(async () => {
    await discord.stop();
    bot.close();
    await fake.close();
  });
  const poster: ChannelPoster = async (channelId, reply, sub, { nonce }) => void (await discord.post(channelId, reply, sub.locale, nonce));

  it('without a nonce, discord.js’s retry after its timeout posts twice (the failure the nonce prevents)', async () => {
    const channel = fake.channelId;
    fake.fail({ method: 'POST', path: `/api/v10/channels/${channel}/messages`, delayMs: 800 });
    await bot.invoke('share', {}).then((reply) => discord.post(channel, reply, 'en'));
    expect(fake.createdMessages(channel)).toHaveLength(2);
    fake.requests.length = 0;
  });

  it('posts the weekly digest once, with a nonce and enforce_nonce, although the first answer comes after the timeout', async () => {
    const channel = fake.channelId;
    at('2026-11-26T12:00:00Z');
    const sub = bot.store().subscribe(subscription(channel), clock);
    fake.fail({ method: 'POST', path: `/api/v10/channels/${channel}/messages`, delayMs: 800 });
    const scheduler = new DigestScheduler(bot, bot.store(), { discord: poster }, { retryDelaysMs: [0, 0] });
    await scheduler.tick(at(MONDAY_SLOT));
    await scheduler.tick(at('2026-11-30T09:01:00Z'));

    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`);
    expect(posts.length).toBeGreaterThanOrEqual(2); // the slow one, and discord.js's retry
    expect(posts.every((p) => (p.payload as { nonce?: string; enforce_nonce?: boolean }).enforce_nonce === true)).toBe(true);
    expect(new Set(posts.map((p) => (p.payload as { nonce: string }).nonce))).toEqual(new Set([`slm${sub.id}w${WEEK}`]));
    expect(fake.createdMessages(channel)).toHaveLength(3); // 2 from the test above, 1 digest
    expect(bot.store().sendStatus(sub.id, WEEK)).toBe('sent');
  });
});

describe('Slack: a chart upload refused', () => {
  let fake: FakeSlack;
  let bot: Bot;
  let slack: SlackAdapter;
  beforeAll(async () => {
    fake = await startFakeSlack();
    bot = offlineBot(tempDir(), { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.apiUrl });
    slack = await startSlack(bot, { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 } });
  });
  afterAll(async () => {
    await slack.stop();
    bot.close();
    await fake.close();
  });

  it('posts the text once, counts the week as posted, and does not retry the post for the chart', async () => {
    at('2026-11-26T12:00:00Z');
    const sub = bot.store().subscribe(subscription('C0SLACK', 'slack'), clock);
    fake.fail('files.getUploadURLExternal', { error: 'not_in_channel', times: Infinity });
    const scheduler = new DigestScheduler(bot, bot.store(), { slack: (channelId, reply, s) => slack.post(channelId, reply, s.locale) }, { retryDelaysMs: [0, 0] });
    await scheduler.tick(at(MONDAY_SLOT));
    await scheduler.tick(at('2026-11-30T09:01:00Z'));
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === 'files.getUploadURLExternal').length).toBeGreaterThanOrEqual(1);
    expect(bot.store().sendStatus(sub.id, WEEK)).toBe('sent');
    expect(bot.store().subscriptionsOf('slack', 'G')[0].failedWeeks).toBe(0);
  });

  it('does not retry a post whose outcome is unknown (Slack answered 500 after it may have posted)', async () => {
    at('2026-11-26T12:00:00Z');
    const sub = bot.store().subscribe(subscription('C0SLOW', 'slack'), clock);
    fake.fail('chat.postMessage', { status: 500, error: 'internal_error', times: Infinity });
    const scheduler = new DigestScheduler(bot, bot.store(), { slack: (channelId, reply, s) => slack.post(channelId, reply, s.locale) }, { retryDelaysMs: [0, 0] });
    await scheduler.tick(at('2026-12-07T09:00:00Z'));
    await scheduler.tick(at('2026-12-07T09:01:00Z'));
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0SLOW')).toHaveLength(1);
    expect(bot.store().sendStatus(sub.id, '2026-W50')).toBe('failed');
  });
});

describe('a process killed during a digest', () => {
  let bot: Bot;
  const posted: string[] = [];
  const poster: ChannelPoster = async (channelId) => void posted.push(channelId);
  beforeAll(() => {
    bot = offlineBot(tempDir());
  });
  afterAll(() => bot.close());

  it('while building (nothing sent): the next process claims the week again and posts it once', async () => {
    at('2026-11-26T12:00:00Z');
    const sub = bot.store().subscribe(subscription('C-BUILD'), clock);
    const child = helper('claim-and-hang.ts', [bot.config.DATA_DIR, String(sub.id), WEEK]);
    await lineFrom(child, 'claimed');
    expect(bot.store().sendStatus(sub.id, WEEK)).toBe('building');
    // While it lives, its claim holds: this process does not post.
    const scheduler = new DigestScheduler(bot, bot.store(), { discord: poster }, { retryDelaysMs: [0] });
    await scheduler.tick(at(MONDAY_SLOT));
    expect(posted).toEqual([]);

    child.kill('SIGKILL');
    await once(child, 'exit');
    await scheduler.tick(at('2026-11-30T09:01:00Z'));
    await scheduler.tick(at('2026-11-30T09:02:00Z'));
    expect(posted).toEqual(['C-BUILD']);
    expect(bot.store().sendStatus(sub.id, WEEK)).toBe('sent');
  }, 30_000);

  it('while sending (maybe sent): not posted again, and /subscriptions says so', async () => {
    at('2026-11-26T12:00:00Z');
    const sub = bot.store().subscribe(subscription('C-SEND'), clock);
    const child = helper('claim-and-hang.ts', [bot.config.DATA_DIR, String(sub.id), WEEK, 'sending']);
    await lineFrom(child, 'claimed');
    child.kill('SIGKILL');
    await once(child, 'exit');

    const scheduler = new DigestScheduler(bot, bot.store(), { discord: poster }, { retryDelaysMs: [0] });
    await scheduler.tick(at('2026-11-30T09:05:00Z'));
    expect(posted).not.toContain('C-SEND');
    expect(bot.store().sendStatus(sub.id, WEEK)).toBe('failed');
    const listed = await bot.invoke('subscriptions', {}, { now: at('2026-12-01T10:00:00Z'), place: { platform: 'discord', placeId: 'G', channelId: 'C-SEND', userId: 'U' } });
    expect(listed.fields.find((f) => f.value.startsWith('#C-SEND'))?.value).toContain(`${WEEK}: the bot stopped while posting`);
  }, 30_000);
});

describe('two processes on one DATA_DIR', () => {
  it('never both claim a week: the claim is a lock between processes', async () => {
    const dir = tempDir();
    const store = new Store(dir);
    const sub = store.subscribe(subscription('C-RACE'), new Date());
    store.close();
    const children = [0, 1].map(() => helper('claim-race.ts', [dir, String(sub.id), '300']));
    await Promise.all(children.map((c) => lineFrom(c, 'ready')));
    const results = children.map((c) => lineFrom(c, 'done'));
    for (const c of children) c.stdin!.write('go\n');
    const won = (await Promise.all(results)).map((lines) => lines.filter((l) => l.startsWith('W')));
    for (const c of children) c.stdin!.end();
    await Promise.all(children.map((c) => once(c, 'exit')));
    expect(won[0].length + won[1].length).toBe(300);
    expect(new Set([...won[0], ...won[1]]).size).toBe(300);
  }, 60_000);

  it('posts a channel’s digest once when two bots tick at the same minute and Discord answers slowly', async () => {
    const fake = await startFakeDiscord();
    const dir = tempDir();
    const bots = [offlineBot(dir), offlineBot(dir)];
    const adapters = await Promise.all(bots.map(async (bot) => startDiscord(bot, { token: 'test-token', apiUrl: fake.apiUrl, rest: { retries: 2, timeout: 300 } })));
    at('2026-11-26T12:00:00Z');
    bots[0].store().subscribe(subscription(fake.channelId), clock);
    fake.fail({ method: 'POST', path: `/api/v10/channels/${fake.channelId}/messages`, delayMs: 800, times: 2 });
    const schedulers = bots.map(
      (bot, i) =>
        new DigestScheduler(bot, bot.store(), { discord: async (channelId, reply, sub, { nonce }) => void (await adapters[i].post(channelId, reply, sub.locale, nonce)) }, { retryDelaysMs: [0] }),
    );
    await Promise.all(schedulers.map((s) => s.tick(at(MONDAY_SLOT))));
    await Promise.all(schedulers.map((s) => s.tick(at('2026-11-30T09:01:00Z'))));
    expect(fake.createdMessages(fake.channelId)).toHaveLength(1);
    await Promise.all(adapters.map((a) => a.stop()));
    bots.forEach((b) => b.close());
    await fake.close();
  });
});

describe('claims', () => {
  it('can be released while building (shutdown), and are then claimed again', () => {
    const store = new Store(':memory:');
    const sub = store.subscribe(subscription('C'), clock);
    expect(store.claimSend(sub.id, WEEK, clock)).toBe(true);
    expect(store.claimSend(sub.id, WEEK, clock)).toBe(false);
    expect(store.releaseClaims()).toBe(1);
    expect(store.claimSend(sub.id, WEEK, clock)).toBe(true);
    expect(store.startSending(sub.id, WEEK, clock)).toBe(true);
    expect(store.releaseClaim(sub.id, WEEK)).toBe(false); // maybe sent: never released
    store.close();
  });

  it('of a process on another host are taken over only after the lease', () => {
    const dir = tempDir();
    const store = new Store(dir);
    const sub = store.subscribe(subscription('C'), clock);
    const other = new Store(dir, { owner: 'another-host:1:x' });
    expect(other.claimSend(sub.id, WEEK, new Date('2026-11-30T09:00:00Z'))).toBe(true);
    expect(store.claimSend(sub.id, WEEK, new Date('2026-11-30T09:10:00Z'))).toBe(false);
    expect(store.claimSend(sub.id, WEEK, new Date('2026-11-30T09:16:00Z'))).toBe(true);
    // The slow owner finds its claim gone and does not post.
    expect(other.startSending(sub.id, WEEK, new Date('2026-11-30T09:17:00Z'))).toBe(false);
    other.close();
    store.close();
  });
});

describe('the database', () => {
  it('upgrades a version-2 database in place, keeping its subscriptions and sends', () => {
    const dir = tempDir();
    const old = new Database(join(dir, 'slm-radar.sqlite'));
    old.exec(`CREATE TABLE subscriptions (id INTEGER PRIMARY KEY, platform TEXT NOT NULL CHECK (platform IN ('discord', 'slack')), place_id TEXT NOT NULL,
        channel_id TEXT NOT NULL, tag TEXT NOT NULL DEFAULT '', weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7), time TEXT NOT NULL,
        time_zone TEXT NOT NULL, locale TEXT NOT NULL DEFAULT 'en', created_by TEXT NOT NULL, created_at TEXT NOT NULL, paused_at TEXT,
        failed_weeks INTEGER NOT NULL DEFAULT 0, last_error TEXT, UNIQUE (platform, channel_id, tag));
      CREATE TABLE sends (subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE, iso_week TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')), updated_at TEXT NOT NULL, error TEXT, PRIMARY KEY (subscription_id, iso_week));
      CREATE TABLE weekly_counts (iso_week TEXT NOT NULL, tag TEXT NOT NULL, slm INTEGER NOT NULL, borderline INTEGER NOT NULL, llm INTEGER NOT NULL,
        unknown INTEGER NOT NULL, complete INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (iso_week, tag));
      CREATE TABLE weekly_downloads (iso_week TEXT NOT NULL, model_id TEXT NOT NULL, downloads INTEGER NOT NULL, verdict TEXT NOT NULL, created_at TEXT,
        PRIMARY KEY (iso_week, model_id));
      INSERT INTO subscriptions VALUES (1, 'discord', 'G', 'C1', '', 1, '09:00', 'UTC', 'en', 'U', '2026-01-01T00:00:00Z', NULL, 0, NULL);
      INSERT INTO sends VALUES (1, '2026-W48', 'sent', '2026-11-23T09:00:00Z', NULL), (1, '2026-W49', 'sending', '2026-11-30T09:00:00Z', NULL);
      PRAGMA user_version = 2;`);
    old.close();

    const store = new Store(dir);
    expect(store.db.pragma('user_version', { simple: true })).toBe(3);
    expect(store.subscriptionsOf('discord', 'G').map((s) => s.channelId)).toEqual(['C1']);
    expect(store.sendStatus(1, '2026-W48')).toBe('sent');
    // An old 'sending' row (maybe sent, no owner) is interrupted, never resent.
    expect(store.markInterrupted(new Date('2026-11-30T10:00:00Z'))).toBe(1);
    expect(store.sendStatus(1, '2026-W49')).toBe('failed');
    store.close();
  });

  it('lists a lost week: due, never posted, and the week is over', async () => {
    const bot = offlineBot(tempDir());
    at('2026-11-20T12:00:00Z');
    bot.store().subscribe(subscription('C-LOST'), clock);
    const listed = await bot.invoke('subscriptions', {}, { now: at('2026-12-02T10:00:00Z'), place: { platform: 'discord', placeId: 'G', channelId: 'C-LOST', userId: 'U' } });
    const value = listed.fields[0].value;
    expect(value).toContain('2026-W48: not posted (the bot was not running');
    expect(value).toContain('2026-W49: due, not posted yet (waiting for fresh Hub data).'); // this week: still to come
    bot.close();
  });
});
