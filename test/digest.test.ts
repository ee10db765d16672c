// Weekly digests end to end: subscriptions typed through the real Discord and Slack adapters (fakes
// on 127.0.0.1), the scheduler driven by a controllable clock, the SQLite store across restarts
// and a kill -9.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../src/adapters/discord.js';
import { postToChannel, startSlack } from '../src/adapters/slack.js';
import { createBot, type Bot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { DigestScheduler, type ChannelPoster } from '../src/digest/scheduler.js';
import { dueSlot } from '../src/digest/slots.js';
import { Store, type Subscription } from '../src/digest/store.js';
import { ADMIN_PERMISSIONS, DiscordErrors, startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { startFakeSlack, type FakeSlack } from './fakes/slack.js';
import { tempDir } from './helpers/bot.js';

/** The test's clock: every reply and every tick reads it. */
let clock = new Date('2026-11-26T12:00:00Z'); // a Thursday
const at = (iso: string) => (clock = new Date(iso));

function offlineBot(dataDir: string): Bot {
  return createBot(loadConfig({ OFFLINE: '1', DATA_DIR: dataDir, DISCORD_TOKEN: 'test-token' }), { now: () => clock });
}

const channelPosts = (fake: FakeDiscord, channelId: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channelId}/messages` && r.status === 200);

describe('digests on Discord', () => {
  let fake: FakeDiscord;
  let dataDir: string;
  let bot: Bot;
  let discord: DiscordAdapter;
  const scheduler = (b: Bot) => {
    const poster: ChannelPoster = async (channelId, reply, sub) => void (await discord.post(channelId, reply, sub.locale));
    return new DigestScheduler(b, b.store(), { discord: poster }, { retryDelaysMs: [0, 0] });
  };
  /** Sends a slash command as a member (or a manager) of the fake guild and returns the answer's body. */
  async function slash(name: string, options: { name: string; value: string }[], manager = true, channelId = fake.channelId) {
    const sent = await fake.sendInteraction({ name, options, channelId, ...(manager ? { permissions: ADMIN_PERMISSIONS } : {}) });
    const answer = await fake.waitForRequest(
      (r) =>
        r.status !== undefined &&
        r.path.includes(sent.token) &&
        (r.method === 'PATCH' || (r.method === 'POST' && r.path.startsWith('/api/v10/webhooks/')) || (r.method === 'POST' && (r.json as { type?: number })?.type === 4)),
      10_000,
    );
    return JSON.stringify(answer.payload ?? answer.json);
  }

  beforeAll(async () => {
    fake = await startFakeDiscord();
    dataDir = tempDir();
    bot = offlineBot(dataDir);
    discord = await startDiscord(bot, { token: 'test-token', apiUrl: fake.apiUrl, rest: { retries: 0 } });
  });
  afterAll(async () => {
    await discord.stop();
    bot.close();
    await fake.close();
  });

  it('refuses /subscribe to members who cannot manage the server', async () => {
    const shown = await slash('subscribe', [], false);
    expect(shown).toContain('Only members who can manage this server may use /subscribe');
    expect(bot.store().activeSubscriptions()).toHaveLength(0);
  });

  it('refuses /subscribe where the bot cannot post', async () => {
    const sent = await fake.sendInteraction({ name: 'subscribe', options: [], permissions: ADMIN_PERMISSIONS, overrides: { app_permissions: '1024' } }); // View Channel only
    const answer = await fake.waitForRequest((r) => r.path.includes(sent.token) && r.method !== 'DELETE' && r.status === 200 && r.method !== 'GET' && !r.path.endsWith('/callback'), 10_000);
    expect(JSON.stringify(answer.payload ?? answer.json)).toContain('SLM Radar cannot post here');
    expect(bot.store().activeSubscriptions()).toHaveLength(0);
  });

  it('posts exactly one digest at the scheduled time, in the subscribed channel', async () => {
    at('2026-11-26T12:00:00Z');
    const shown = await slash('subscribe', [
      { name: 'day', value: 'monday' },
      { name: 'time', value: '09:00' },
      { name: 'timezone', value: 'Europe/Paris' },
    ]);
    expect(shown).toContain('Mondays at 09:00 (Europe/Paris)');
    // A Discord timestamp: each reader sees 2026-11-30 08:00 UTC in their own time zone.
    expect(shown).toContain(`Next post: <t:${Date.parse('2026-11-30T08:00:00Z') / 1000}:F>`);
    const s = scheduler(bot);

    await s.tick(at('2026-11-30T07:59:00Z'));
    expect(channelPosts(fake, fake.channelId)).toHaveLength(0);
    await s.tick(at('2026-11-30T08:00:00Z'));
    await s.tick(at('2026-11-30T08:01:00Z'));
    await s.tick(at('2026-12-02T10:00:00Z'));
    const posts = channelPosts(fake, fake.channelId);
    expect(posts).toHaveLength(1);
    const embed = (posts[0].payload as { embeds: { title: string; fields: { name: string }[]; image?: { url: string } }[] }).embeds[0];
    expect(embed.title).toBe('Weekly SLM digest — all tasks');
    expect(embed.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['SLM', 'Most downloaded new models', 'Most liked new models']));
    expect(embed.image?.url).toBe('attachment://trend.png');
    expect(posts[0].files[0].data.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(bot.store().sendStatus(bot.store().activeSubscriptions()[0].id, '2026-W49')).toBe('sent');
  });

  it('does not post again after a restart in the same week, and catches up once after downtime across the slot', async () => {
    // Restart: a new process opens the same database.
    const restarted = offlineBot(dataDir);
    const s = scheduler(restarted);
    await s.tick(at('2026-12-03T09:00:00Z'));
    expect(channelPosts(fake, fake.channelId)).toHaveLength(1);

    // Down from before next Monday's slot until Wednesday: one catch-up post, not one per missed minute.
    await s.tick(at('2026-12-09T15:00:00Z'));
    await s.tick(at('2026-12-09T15:01:00Z'));
    expect(channelPosts(fake, fake.channelId)).toHaveLength(2);

    // Down for a whole week: that week is over, so nothing is posted for it.
    await s.tick(at('2026-12-21T07:00:00Z'));
    expect(channelPosts(fake, fake.channelId)).toHaveLength(2);
    restarted.close();
  });

  it('keeps posting to other channels when one fails, and pauses the failing one after 3 weeks', async () => {
    at('2026-12-21T07:30:00Z');
    await slash('subscribe', [], true, 'C0GONE');
    const s = scheduler(bot);
    fake.fail({ method: 'POST', path: '/api/v10/channels/C0GONE/messages', ...DiscordErrors.unknownChannel, times: Infinity });

    for (const monday of ['2026-12-21', '2026-12-28', '2027-01-04']) {
      await s.tick(at(`${monday}T09:30:00Z`));
    }
    expect(channelPosts(fake, fake.channelId)).toHaveLength(5); // 2026-W49, W50, W52, W53 and 2027-W01 (W51 was missed while down)
    const gone = bot.store().subscriptionsOf('discord', fake.guildId).find((x) => x.channelId === 'C0GONE')!;
    expect(gone.failedWeeks).toBe(3);
    expect(gone.pausedAt).not.toBeNull();
    expect(await slash('subscriptions', [], false)).toMatch(/paused since 2027-01-04 after 3 failed weeks/);

    // Paused: no more attempts.
    const attempts = fake.requests.filter((r) => r.path === '/api/v10/channels/C0GONE/messages').length;
    await s.tick(at('2027-01-11T09:30:00Z'));
    expect(fake.requests.filter((r) => r.path === '/api/v10/channels/C0GONE/messages').length).toBe(attempts);
  });
});

describe('digests on Slack', () => {
  const signingSecret = 'test-signing-secret';
  let fake: FakeSlack;
  let bot: Bot;
  let stop: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    fake = await startFakeSlack({ users: { U0ADMIN: { is_admin: true } } });
    const config = loadConfig({ OFFLINE: '1', DATA_DIR: tempDir(), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.apiUrl });
    bot = createBot(config, { now: () => clock });
    const slack = await startSlack(bot, { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 } });
    stop = () => slack.stop();
    url = `http://127.0.0.1:${(slack.server!.address() as { port: number }).port}`;
    posters.slack = async (channelId, reply, sub) => void (await postToChannel(slack.app.client, channelId, reply, { config, locale: sub.locale }));
  });
  const posters: Partial<Record<'slack', ChannelPoster>> = {};
  afterAll(async () => {
    await stop();
    bot.close();
    await fake.close();
  });

  /** `/radar <text>` as typed in channel C0SLACK of workspace T0TEAM. */
  async function radar(text: string, userId: string) {
    const id = `r${Math.random()}`;
    await fake.sendSlashCommand(url, { command: '/radar', text, channel_id: 'C0SLACK', user_id: userId, team_id: 'T0TEAM', response_url: fake.responseUrl(id) }, { signingSecret });
    return fake.waitForCall((c) => c.method === 'response_url' && c.target === id && !String(JSON.stringify(c.args)).includes('Working on it'), 10_000);
  }

  it('refuses a member, subscribes for an admin, and posts the digest once with chat.postMessage', async () => {
    at('2026-11-26T12:00:00Z');
    const refused = await radar('subscribe text-generation friday 17:30 Europe/Paris', 'U0MEMBER');
    expect(JSON.stringify(refused.args)).toContain('Only workspace admins and owners can use /radar subscribe');
    expect(bot.store().activeSubscriptions()).toHaveLength(0);

    const done = await radar('subscribe text-generation friday 17:30 Europe/Paris', 'U0ADMIN');
    expect(JSON.stringify(done.args)).toContain('Fridays at 17:30 (Europe/Paris), text-generation');
    const [sub] = bot.store().activeSubscriptions();
    expect(sub).toMatchObject({ platform: 'slack', placeId: 'T0TEAM', channelId: 'C0SLACK', tag: 'text-generation', weekday: 5, time: '17:30' });

    const s = new DigestScheduler(bot, bot.store(), posters, { retryDelaysMs: [0, 0] });
    await s.tick(at('2026-11-27T16:29:00Z'));
    await s.tick(at('2026-11-27T16:30:00Z'));
    await s.tick(at('2026-11-27T16:31:00Z'));
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0].args.channel).toBe('C0SLACK');
    expect(JSON.stringify(posts[0].parsed)).toContain('Weekly SLM digest — text-generation');
    expect(fake.calls.some((c) => c.method === 'files.completeUploadExternal')).toBe(true);
  });

  it('lists the workspace subscriptions to anyone', async () => {
    const listed = await radar('subscriptions', 'U0MEMBER');
    // The channel as Slack draws it (its name, linked); the next post in each reader's own time zone.
    expect(JSON.stringify(listed.args)).toContain('<#C0SLACK> — active, next post <!date^');
  });
});

describe('scheduling rules', () => {
  const sub = (extra: Partial<Subscription> = {}): Subscription => ({
    id: 1, platform: 'discord', placeId: 'G', channelId: 'C', tag: null, weekday: 1, time: '09:00', timeZone: 'UTC',
    locale: 'en', createdBy: 'U', createdAt: '2026-01-01T00:00:00Z', pausedAt: null, failedWeeks: 0, lastError: null, ...extra,
  });

  it('finds the slot of the current week in the subscription’s time zone', () => {
    expect(dueSlot(sub(), new Date('2026-11-30T08:59:00Z'))).toBeNull(); // this week's slot not reached; last week's is over
    expect(dueSlot(sub(), new Date('2026-11-30T09:00:00Z'))).toEqual({ slot: new Date('2026-11-30T09:00:00Z'), isoWeek: '2026-W49' });
    expect(dueSlot(sub(), new Date('2026-12-06T23:59:00Z'))?.isoWeek).toBe('2026-W49');
    // Sunday 23:30 in Tokyo is still Sunday there, so the week is the local one.
    expect(dueSlot(sub({ weekday: 7, time: '23:30', timeZone: 'Asia/Tokyo' }), new Date('2026-12-06T14:45:00Z'))?.isoWeek).toBe('2026-W49');
    // A subscription made after this week's slot starts next week.
    expect(dueSlot(sub({ createdAt: '2026-12-01T00:00:00Z' }), new Date('2026-12-02T00:00:00Z'))).toBeNull();
  });
});

describe('the store', () => {
  it('survives a kill -9 in the middle of writing: consistent, and no committed subscription lost', async () => {
    const dir = tempDir();
    const before = new Store(dir);
    before.subscribe({ platform: 'discord', placeId: 'G', channelId: 'KEEP', tag: null, weekday: 1, time: '09:00', timeZone: 'UTC', locale: 'en', createdBy: 'U' }, new Date());
    before.close();

    // One process (node with tsx's loader), so SIGKILL hits the writer itself, not a wrapper.
    const child = spawn(process.execPath, ['--import', 'tsx', join('test', 'helpers', 'store-writer.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let committed = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = chunk.toString().trim().split('\n');
        committed = Number(lines.at(-1));
        if (committed >= 300) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const db = new Database(join(dir, 'slm-radar.sqlite'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const after = new Store(dir);
    const channels = new Set(after.subscriptionsOf('discord', 'G').map((s) => s.channelId));
    expect(channels.has('KEEP')).toBe(true);
    const written = after.subscriptionsOf('discord', 'P1').length + after.subscriptionsOf('slack', 'P1').length;
    expect(written).toBeGreaterThanOrEqual(committed + 1);
    after.close();
  });

  it('upgrades its schema in place and keeps subscriptions', () => {
    const dir = tempDir();
    const first = new Store(dir);
    first.subscribe({ platform: 'slack', placeId: 'T', channelId: 'C', tag: 'fill-mask', weekday: 3, time: '10:00', timeZone: 'UTC', locale: 'fr', createdBy: 'U' }, new Date());
    first.close();
    const again = new Store(dir);
    expect(again.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(again.subscriptionsOf('slack', 'T')).toMatchObject([{ tag: 'fill-mask', weekday: 3, locale: 'fr' }]);
    again.close();
  });
});
