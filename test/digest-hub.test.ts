// The scheduler against a live (fake) Hub: one digest build for many channels, no post of stale
// snapshot numbers while the Hub is down, and claims a killed process left behind.
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { DigestScheduler, type ChannelPoster } from '../src/digest/scheduler.js';
import { Store } from '../src/digest/store.js';
import { createHub } from '../src/hub/hub.js';
import type { Reply } from '../src/reply.js';
import { startFakeHub, type FakeHub, type RawHubModel } from './fakes/hub.js';
import { tempDir } from './helpers/bot.js';

let clock = new Date('2026-11-26T12:00:00Z');
const at = (iso: string) => (clock = new Date(iso));

const newModel = (i: number): RawHubModel => ({
  id: `new/model-${i}`,
  createdAt: new Date(Date.UTC(2026, 10, 24, 12) + i * 3_600_000).toISOString(),
  downloads: 100 - i,
  likes: i,
  pipeline_tag: 'text-generation',
  tags: ['text-generation'],
  safetensors: { total: (i + 1) * 1e9 },
});

describe('digests from a live Hub', () => {
  let hub: FakeHub;
  let bot: Bot;
  const posted: { channelId: string; reply: Reply }[] = [];
  // Stands in for Discord/Slack (their posting is tested against their fakes): records what would be posted.
  const poster: ChannelPoster = async (channelId, reply) => void posted.push({ channelId, reply });

  beforeAll(async () => {
    hub = await startFakeHub({ models: Array.from({ length: 30 }, (_, i) => newModel(i)) });
    const config = loadConfig({ HF_ENDPOINT: hub.url, DATA_DIR: tempDir(), SAMPLE_SIZE: '1000', HUB_TIMEOUT_MS: '2000' });
    // The Hub's breaker lets a test request through 50 ms after it opens (10 s in production).
    bot = createBot(config, { now: () => clock, hub: createHub(config, { now: () => clock, breaker: { halfOpenAfterMs: 50 } }) });
    for (const channelId of ['C1', 'C2', 'C3']) {
      bot.store().subscribe({ platform: 'discord', placeId: 'G', channelId, tag: null, weekday: 5, time: '09:00', timeZone: 'UTC', locale: 'en', createdBy: 'U' }, clock);
    }
  });
  afterAll(async () => {
    await bot.hub.whenIdle();
    bot.close();
    await hub.close();
  });

  it('waits while the Hub is down instead of posting snapshot numbers, then posts once it is back', async () => {
    const scheduler = new DigestScheduler(bot, bot.store(), { discord: poster }, { retryDelaysMs: [0, 0] });
    hub.fail({ status: 503, times: Infinity });
    await scheduler.tick(at('2026-11-27T09:00:00Z'));
    expect(posted).toHaveLength(0);
    expect(bot.store().sendStatus(1, '2026-W48')).toBeUndefined();

    hub.reset(); // the Hub is back
    // The breaker's pause doubles with each failed test request (50 ms, 100 ms…), so how long it lasts
    // depends on how many the outage saw: tick each minute, as the scheduler does, until it has posted.
    for (let minute = 1; posted.length < 3 && minute < 50; minute++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await scheduler.tick(at(`2026-11-27T09:${String(minute).padStart(2, '0')}:00Z`));
    }
    expect(posted.map((p) => p.channelId).sort()).toEqual(['C1', 'C2', 'C3']);
    expect(posted[0].reply.source?.kind).toBe('live');
    expect(posted[0].reply.summary).toContain('30 new models');
    // Three channels, one digest: the newest-first listing was asked for once for the digest, once for the weekly history.
    expect(hub.requests.filter((r) => r.path === '/api/models' && r.query.get('sort') === 'createdAt')).toHaveLength(2);
  });

  it('does not resend a post a dead process was sending, and shows it as interrupted', async () => {
    const store = bot.store();
    store.subscribe({ platform: 'discord', placeId: 'G', channelId: 'C9', tag: null, weekday: 5, time: '09:00', timeZone: 'UTC', locale: 'en', createdBy: 'U' }, at('2026-11-27T08:00:00Z'));
    const c9 = store.activeSubscriptions().find((s) => s.channelId === 'C9')!;
    // Another process (pid 2^22+1 cannot exist on Linux) claimed it and started posting, then died.
    const dead = new Store(bot.config.DATA_DIR, { owner: `${hostname()}:4194305:dead` });
    expect(dead.claimSend(c9.id, '2026-W48', at('2026-11-27T09:00:00Z'))).toBe(true);
    expect(dead.startSending(c9.id, '2026-W48', clock)).toBe(true);
    dead.close();

    const restarted = new DigestScheduler(bot, store, { discord: poster }, { retryDelaysMs: [0, 0] });
    await restarted.tick(at('2026-11-27T10:00:00Z'));
    expect(posted.filter((p) => p.channelId === 'C9')).toHaveLength(0);
    expect(store.sendStatus(c9.id, '2026-W48')).toBe('failed');
    expect(store.activeSubscriptions().find((s) => s.channelId === 'C9')?.failedWeeks).toBe(0);
    const listed = await bot.invoke('subscriptions', {}, { place: { platform: 'discord', placeId: 'G', channelId: 'C9', userId: 'U' } });
    expect(listed.fields.find((f) => f.value.includes('C9'))?.value).toContain('2026-W48: the bot stopped while posting; not sent again');
  });
});
