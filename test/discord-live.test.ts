// The Discord adapter with a live (fake) Hub that is slow: autocomplete still answers before its
// deadline, with what the user typed, instead of letting Discord's 3 seconds run out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { startDiscord, type DiscordAdapter } from '../src/adapters/discord.js';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { startFakeHub, type FakeHub } from './fakes/hub.js';

describe('Discord autocomplete with a slow Hub', () => {
  let fake: FakeDiscord;
  let hub: FakeHub;
  let discord: DiscordAdapter;
  let dataDir: string;

  beforeAll(async () => {
    [fake, hub] = await Promise.all([startFakeDiscord(), startFakeHub({ models: [] })]);
    dataDir = mkdtempSync(join(tmpdir(), 'slm-radar-discord-live-'));
    const bot = createBot(loadConfig({ HF_ENDPOINT: hub.url, DATA_DIR: dataDir, HUB_TIMEOUT_MS: '5000' }));
    discord = await startDiscord(bot, { token: 'fake-token', apiUrl: fake.apiUrl, rest: { retries: 0 }, autocompleteDeadlineMs: 300 });
  });

  afterAll(async () => {
    await discord?.stop();
    await Promise.all([fake?.close(), hub?.close()]);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers at the deadline with the typed text when the Hub search is late', async () => {
    // The Hub answers long after Discord's 3 s; the bot must not wait for it.
    hub.fail({ delayMs: 4000, pathPrefix: '/api/models', times: Infinity });
    const started = Date.now();
    const sent = await fake.sendInteraction({ type: 4, name: 'classify', options: [{ name: 'model', value: 'someone/brand-new-model', focused: true }] });
    const cb = await fake.waitForRequest((r) => r.path === `/api/v10/interactions/${sent.id}/${sent.token}/callback`, 5000);
    expect(Date.now() - started).toBeLessThan(2500);
    // The search did go to the Hub (its request may land a moment after the answer under load).
    for (let i = 0; i < 40 && hub.listRequests().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hub.listRequests().length).toBeGreaterThan(0);
    expect(cb.json).toEqual({ type: 8, data: { choices: [{ name: 'someone/brand-new-model', value: 'someone/brand-new-model' }] } });
  });

  it('stop() lets a slow reply finish, tells newcomers the bot is restarting, then closes', async () => {
    const callback = (id: string, token: string) => fake.waitForRequest((r) => r.path === `/api/v10/interactions/${id}/${token}/callback`, 5000);
    const slow = await fake.sendInteraction({ name: 'classify', options: [{ name: 'model', value: 'someone/brand-new-model' }] });
    await callback(slow.id, slow.token);
    const stopping = discord.stop();

    const late = await fake.sendInteraction({ name: 'help', locale: 'fr' });
    const notice = await callback(late.id, late.token);
    expect(notice.json).toMatchObject({ type: 4, data: { flags: 64, content: 'SLM Radar redémarre. Réessayez dans une minute.', allowed_mentions: { parse: [] } } });
    expect(discord.client.isReady()).toBe(true);

    await stopping;
    // The slow command got its answer (an unknown model: an ephemeral follow-up) before the client closed.
    const answered = fake.requests.find((r) => r.method === 'POST' && r.path === `/api/v10/webhooks/${fake.applicationId}/${slow.token}`);
    expect(answered).toMatchObject({ status: 200, json: { flags: 64 } });
    expect(discord.client.isReady()).toBe(false);
  });
});
