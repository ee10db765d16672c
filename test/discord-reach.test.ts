// Where people already talk on Discord: the app installed on a user's account (no server, no member),
// the "Classify models in this message" message menu, per-model autocomplete for /compare, time zone
// autocomplete, and long lists that say how many more there are. The real discord.js Client against
// the fake Discord, the real bot on the bundled snapshot.
import { rmSync } from 'node:fs';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, timeZoneSuggestions, type DiscordAdapter } from '../src/adapters/discord.js';
import { createBot, type Bot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { startFakeDiscord, ADMIN_PERMISSIONS, type FakeDiscord, type InteractionInit, type RecordedRequest, type SentInteraction } from './fakes/discord.js';
import { tempDir } from './helpers/bot.js';

const WAIT_MS = 15_000;
const QWEN_LINE = '494M parameters (from safetensors metadata on the Hub) · text-generation · 573,129 downloads in 30 days';

describe('Discord: user install, message menu, autocomplete', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  let discord: DiscordAdapter;
  let dataDir: string;

  const original = (sent: SentInteraction) => `/api/v10/webhooks/${fake.applicationId}/${sent.token}/messages/@original`;
  const callbackOf = (sent: SentInteraction) => fake.waitForRequest((r) => r.path === `/api/v10/interactions/${sent.id}/${sent.token}/callback`, WAIT_MS);
  const answerOf = (sent: SentInteraction) => fake.waitForRequest((r) => r.status === 200 && r.method === 'PATCH' && r.path === original(sent), WAIT_MS);
  const body = (r: RecordedRequest) => (r.payload ?? r.json) as { content?: string; embeds?: APIEmbed[]; allowed_mentions?: unknown };
  const choicesOf = async (init: InteractionInit) => {
    const sent = await fake.sendInteraction({ type: 4, ...init });
    return ((await callbackOf(sent)).json as { data: { choices: { name: string; value: string }[] } }).data.choices.map((c) => c.value);
  };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    dataDir = tempDir();
    bot = createBot(loadConfig({ OFFLINE: '1', DATA_DIR: dataDir }));
    discord = await startDiscord(bot, { token: 'fake-token', apiUrl: fake.apiUrl, rest: { retries: 0 } });
  });
  afterAll(async () => {
    await discord?.stop();
    bot?.close();
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('installed on a user account, answers /classify in a DM between users: no guild, no member, the owner is the user', async () => {
    const sent = await fake.sendInteraction({ name: 'classify', guildId: null, install: 'user', context: 2, channelId: '700000000000000007', options: [{ name: 'model', value: 'Qwen/Qwen2.5-0.5B' }] });
    expect(sent.payload).toMatchObject({ context: 2, authorizing_integration_owners: { '1': sent.payload.user && (sent.payload.user as { id: string }).id } });
    expect(sent.payload).not.toHaveProperty('member');
    expect(sent.payload).not.toHaveProperty('guild_id');
    expect(await callbackOf(sent)).toMatchObject({ json: { type: 5, data: { flags: 0 } } });
    const answer = body(await answerOf(sent));
    expect(answer.embeds![0].title).toBe('Qwen/Qwen2.5-0.5B — SLM');
    expect(answer.allowed_mentions).toEqual({ parse: [] });
  });

  it('the message menu classifies the model links and ids a message names, privately, skipping datasets and Spaces', async () => {
    const content = [
      'Which one for the edge? <https://huggingface.co/Qwen/Qwen2.5-0.5B> or mistralai/Mistral-7B-v0.1.',
      'Data: https://huggingface.co/datasets/HuggingFaceFW/fineweb, demo: https://huggingface.co/spaces/foo/bar @everyone',
    ].join('\n');
    const sent = await fake.sendInteraction({ guildId: null, install: 'user', context: 2, target: { content } });
    expect(sent.payload.data).toMatchObject({ type: 3, target_id: expect.any(String), resolved: { messages: expect.any(Object) } });
    expect(await callbackOf(sent)).toMatchObject({ json: { type: 5, data: { flags: 64 } } });
    const answer = body(await answerOf(sent));
    const embed = answer.embeds![0];
    expect(embed.title).toBe('The 2 models in this message');
    expect(embed.fields?.slice(0, 2)).toEqual([
      { name: 'Qwen/Qwen2.5-0.5B — SLM', value: QWEN_LINE, inline: false },
      { name: 'mistralai/Mistral-7B-v0.1 — borderline', value: expect.stringMatching(/^7\.24B parameters \(from safetensors metadata on the Hub\) · text-generation · [\d,]+ downloads in 30 days$/), inline: false },
    ]);
    expect(JSON.stringify(embed)).not.toContain('fineweb');
    // Links are written with @discordjs/formatters' hyperlink.
    expect(embed.fields?.find((f) => f.name === 'Links')?.value).toBe('[Qwen/Qwen2.5-0.5B](https://huggingface.co/Qwen/Qwen2.5-0.5B)\n[mistralai/Mistral-7B-v0.1](https://huggingface.co/mistralai/Mistral-7B-v0.1)');
    expect(answer.allowed_mentions).toEqual({ parse: [] });
  });

  it('the message menu says so when a message names no model, and classifies at most 5 of a long list', async () => {
    const none = await fake.sendInteraction({ target: { content: 'nice weather today, see https://example.com/a/b' } });
    expect(await callbackOf(none)).toMatchObject({ json: { type: 5, data: { flags: 64 } } });
    expect(body(await answerOf(none)).content).toBe('⚠️ This message names no model: I look for Hugging Face model links (https://huggingface.co/owner/name) and ids such as Qwen/Qwen2.5-0.5B.');

    const ids = ['Qwen/Qwen2.5-0.5B', 'mistralai/Mistral-7B-v0.1', 'openai-community/gpt2', 'google-bert/bert-base-uncased', 'meta-llama/Llama-3.1-8B', 'nobody/nothing-here', 'Qwen/Qwen2.5-7B'];
    const many = await fake.sendInteraction({ target: { content: ids.map((id) => `https://hf.co/${id}`).join(' ') } });
    const embed = body(await answerOf(many)).embeds![0];
    expect(embed.title).toBe('The 5 models in this message');
    expect(embed.fields?.slice(0, 5).map((f) => f.name.split(' — ')[0])).toEqual(ids.slice(0, 5));
    expect(embed.fields?.find((f) => f.name === 'Notes')?.value).toContain('The message names 7 models; the first 5 are classified here.');
  });

  it('/compare autocompletes each model option, and typed models reach the comparison', async () => {
    expect(await choicesOf({ name: 'compare', options: [{ name: 'model1', value: 'Qwen/Qwen2.5-0.5B' }, { name: 'model3', value: 'mistral-7b-v0', focused: true }] })).toContain('mistralai/Mistral-7B-v0.1');
    const sent = await fake.sendInteraction({ name: 'compare', options: [{ name: 'model1', value: 'Qwen/Qwen2.5-0.5B' }, { name: 'model2', value: 'mistralai/Mistral-7B-v0.1' }, { name: 'model3', value: 'openai-community/gpt2' }] });
    expect(body(await answerOf(sent)).embeds![0].title).toBe('Comparing 3 models');
  });

  it('/subscribe autocompletes time zones from Intl, a city or a region', async () => {
    expect(timeZoneSuggestions('paris')[0]).toBe('Europe/Paris');
    expect(timeZoneSuggestions('new y')[0]).toBe('America/New_York');
    expect(timeZoneSuggestions('utc')[0]).toBe('UTC');
    expect(await choicesOf({ name: 'subscribe', options: [{ name: 'timezone', value: 'europe/ber', focused: true }] })).toEqual(['Europe/Berlin']);
    expect(await choicesOf({ name: 'subscribe', options: [{ name: 'timezone', value: '', focused: true }] })).toHaveLength(25);
  });

  it('/subscriptions shows channels as mentions and the next post as a Discord timestamp, 10 a page, and says how to see the rest', async () => {
    const now = new Date();
    for (let i = 0; i < 12; i++) {
      bot.store().subscribe({ platform: 'discord', placeId: fake.guildId, channelId: `80000000000000000${String(i).padStart(2, '0')}`, tag: null, weekday: 1 + (i % 7), time: '09:00', timeZone: 'UTC', locale: 'en', createdBy: 'U' }, now);
    }
    const first = await fake.sendInteraction({ name: 'subscriptions', permissions: ADMIN_PERMISSIONS });
    const embed = body(await answerOf(first)).embeds![0];
    expect(embed.description).toBe('12 subscriptions here. Page 1 of 2.');
    const digests = embed.fields!.filter((f) => f.name !== 'Notes');
    expect(digests).toHaveLength(10);
    expect(digests[0].value).toMatch(/^<#8000000000000000000> — active, next post <t:\d+:F>$/);
    expect(embed.fields?.find((f) => f.name === 'Notes')?.value).toBe('• … and 2 more digests: type /subscriptions page:2 to see them.');
    const second = await fake.sendInteraction({ name: 'subscriptions', options: [{ name: 'page', type: 4, value: 2 }] });
    const rest = body(await answerOf(second)).embeds![0];
    expect(rest.description).toBe('12 subscriptions here. Page 2 of 2.');
    expect(rest.fields?.map((f) => f.value.split(' — ')[0])).toEqual(['<#8000000000000000010>', '<#8000000000000000011>']);
  });
});
