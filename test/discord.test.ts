// The Discord adapter end to end: the real discord.js Client against the fake Discord (REST +
// gateway v10 on 127.0.0.1), the real bot on the bundled snapshot. One client for the whole file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DiscordAPIError, embedLength, type APIEmbed } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { startDiscord, type DiscordAdapter } from '../src/adapters/discord.js';
import { ADMIN_PERMISSIONS, DiscordErrors, startFakeDiscord, type FakeDiscord, type InteractionInit, type RecordedRequest, type SentInteraction } from './fakes/discord.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WAIT_MS = 15_000;

/** Valid options for each command that has required ones (a new command with required options must be added here). */
const VALID_OPTIONS: Record<string, InteractionInit['options']> = {
  classify: [{ name: 'model', value: 'Qwen/Qwen2.5-0.5B' }],
  compare: [
    { name: 'model1', value: 'Qwen/Qwen2.5-0.5B' },
    { name: 'model2', value: 'meta-llama/Llama-3.1-8B' },
  ],
  benchmark: [{ name: 'domain', value: 'medical' }],
  digest: [{ name: 'action', value: 'preview' }],
};

describe('Discord adapter against the fake Discord', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  let discord: DiscordAdapter;
  let dataDir: string;
  const logs: Array<Record<string, unknown>> = [];

  const original = (sent: SentInteraction) => `/api/v10/webhooks/${fake.applicationId}/${sent.token}/messages/@original`;
  const followUpPath = (sent: SentInteraction) => `/api/v10/webhooks/${fake.applicationId}/${sent.token}`;
  const callbackOf = (sent: SentInteraction) => fake.waitForRequest((r) => r.path === `/api/v10/interactions/${sent.id}/${sent.token}/callback`, WAIT_MS);
  /** The message that answers an interaction: the last edit of @original, or a follow-up. */
  const answerOf = (sent: SentInteraction) =>
    fake.waitForRequest((r) => r.status === 200 && ((r.method === 'PATCH' && r.path === original(sent)) || (r.method === 'POST' && r.path === followUpPath(sent))), WAIT_MS);
  const body = (r: RecordedRequest) => (r.payload ?? r.json) as { content?: string; embeds?: APIEmbed[]; flags?: number; allowed_mentions?: unknown; attachments?: unknown[] };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    dataDir = mkdtempSync(join(tmpdir(), 'slm-radar-discord-'));
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    bot = createBot(loadConfig({ OFFLINE: '1', DATA_DIR: dataDir }), { log: pino({ level: 'debug' }, sink) });
    discord = await startDiscord(bot, { token: 'fake-token', apiUrl: fake.apiUrl, rest: { retries: 0 } });
  });

  afterAll(async () => {
    await discord?.stop();
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in over the gateway with the Guilds intent and no mentions allowed', async () => {
    expect(discord.client.isReady()).toBe(true);
    expect(discord.client.user?.id).toBe(fake.applicationId);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v10/gateway/bot', status: 200 });
    expect(fake.requests[0].headers.authorization).toBe('Bot fake-token');
    expect(discord.client.options.intents.toArray()).toEqual(['Guilds']);
    expect(discord.client.options.allowedMentions).toEqual({ parse: [] });
  });

  it('/classify defers at once, then edits @original with the embed and the PNG chart', async () => {
    const sent = await fake.sendInteraction({ name: 'classify', options: [{ name: 'model', value: 'Qwen/Qwen2.5-0.5B' }] });
    const defer = await callbackOf(sent);
    expect(defer).toMatchObject({ method: 'POST', json: { type: 5, data: { flags: 0 } }, status: 204 });

    const edit = await answerOf(sent);
    expect(edit.method).toBe('PATCH');
    expect(edit.path).toBe(original(sent));
    const message = body(edit);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const [embed] = message.embeds!;
    expect(embed.title).toBe('Qwen/Qwen2.5-0.5B — SLM');
    expect(embed.description).toContain('**SLM**');
    expect(embed.url).toBe('https://huggingface.co/Qwen/Qwen2.5-0.5B');
    expect(embed.fields).toContainEqual({ name: 'Parameters', value: '494M', inline: true });
    expect(embed.fields).toContainEqual(expect.objectContaining({ name: 'Links', value: '[Model page](https://huggingface.co/Qwen/Qwen2.5-0.5B)' }));
    expect(embed.footer?.text).toContain('snapshot of 2025-03-22');
    expect(embed.image?.url).toBe('attachment://classify.png');
    expect(embedLength(embed)).toBeLessThanOrEqual(6000);

    expect(edit.files).toHaveLength(1);
    const [file] = edit.files;
    expect(file).toMatchObject({ name: 'files[0]', filename: 'classify.png', contentType: 'image/png' });
    expect(file.data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(message.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.stringContaining('Qwen/Qwen2.5-0.5B') })]);
  });

  it('answers in French for a French Discord client, adapter words included', async () => {
    const sent = await fake.sendInteraction({ name: 'classify', locale: 'fr', options: [{ name: 'model', value: 'Qwen/Qwen2.5-0.5B' }] });
    const [embed] = body(await answerOf(sent)).embeds!;
    expect(embed.description).toContain('paramètres');
    expect(embed.fields).toContainEqual({ name: 'Paramètres', value: '494M', inline: true });
    expect(embed.fields?.map((f) => f.name)).toContain('Liens');
    expect(embed.footer?.text).toContain('Données : Hugging Face Hub — instantané du 2025-03-22');
  });

  it('passes typed options (text, number, boolean) through to the command', async () => {
    const sent = await fake.sendInteraction({ name: 'share', options: [{ name: 'sample', type: 3, value: '500' }, { name: 'slm_below', type: 10, value: 0.5 }] });
    const [embed] = body(await answerOf(sent)).embeds!;
    expect(embed.description).toContain('the 500 most downloaded models of the bundled snapshot');
    // The number option moved the SLM line to 0.5B: fewer SLMs than with the default 7B.
    const counts = (slm: string) => Number(embed.fields?.find((f) => f.name === slm)?.value.split(' ')[0].replace(/,/g, ''));
    const again = body(await answerOf(await fake.sendInteraction({ name: 'share', options: [{ name: 'sample', type: 3, value: '500' }] }))).embeds![0];
    expect(counts('SLM')).toBeLessThan(Number(again.fields?.find((f) => f.name === 'SLM')?.value.split(' ')[0].replace(/,/g, '')));
    const history = await fake.sendInteraction({ name: 'trend', options: [{ name: 'history', type: 5, value: true }] });
    expect(body(await answerOf(history)).embeds![0].description).toContain('No history yet');
  });

  it('works in a DM with the bot (no guild, no member)', async () => {
    const sent = await fake.sendInteraction({ name: 'classify', guildId: null, options: [{ name: 'model', value: 'Qwen/Qwen2.5-0.5B' }] });
    expect(body(await answerOf(sent)).embeds![0].title).toBe('Qwen/Qwen2.5-0.5B — SLM');
  });

  it('bad input: the defer itself is ephemeral (flag 64) and says what to type', async () => {
    const sent = await fake.sendInteraction({ name: 'classify', options: [{ name: 'model', value: 'not a model id' }] });
    expect(await callbackOf(sent)).toMatchObject({ json: { type: 5, data: { flags: 64 } } });
    const message = body(await answerOf(sent));
    expect(message.content).toContain('is not a Hugging Face model id');
    expect(message.content).toContain('/classify <owner/model>');
    expect(message.embeds).toEqual([]);
  });

  it('an error found while running (unknown model): the public placeholder is deleted, the explanation follows up ephemerally', async () => {
    const sent = await fake.sendInteraction({ name: 'classify', options: [{ name: 'model', value: 'nobody/no-such-model-xyz' }] });
    expect(await callbackOf(sent)).toMatchObject({ json: { type: 5, data: { flags: 0 } } });
    const deleted = await fake.waitForRequest((r) => r.method === 'DELETE' && r.path === original(sent), WAIT_MS);
    const followUp = await answerOf(sent);
    expect(followUp.method).toBe('POST');
    expect(fake.requests.indexOf(deleted)).toBeLessThan(fake.requests.indexOf(followUp));
    expect(body(followUp)).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    // The bot runs on the snapshot here: not in it is not "not on the Hub".
    expect(body(followUp).content).toContain('"nobody/no-such-model-xyz" is not in the bundled snapshot of 2025-03-22');
  });

  it('text a user typed and the bot echoes never pings: allowed_mentions.parse is []', async () => {
    const sent = await fake.sendInteraction({ name: 'classify', options: [{ name: 'model', value: '@everyone <@&123> hi' }] });
    const message = body(await answerOf(sent));
    expect(message.content).toContain('@everyone');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('autocompletes model ids from the Hub search and task tags, at most 25 choices of ≤100 characters', async () => {
    const sent = await fake.sendInteraction({ type: 4, name: 'classify', options: [{ name: 'model', value: 'qwen2.5-0.5', focused: true }] });
    const cb = await callbackOf(sent);
    const choices = (cb.json as { type: number; data: { choices: { name: string; value: string }[] } }).data.choices;
    expect((cb.json as { type: number }).type).toBe(8);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain('Qwen/Qwen2.5-0.5B');
    for (const c of choices) expect(c.name.length <= 100 && c.value.length <= 100).toBe(true);

    const broad = await fake.sendInteraction({ type: 4, name: 'classify', options: [{ name: 'model', value: '', focused: true }] });
    expect((((await callbackOf(broad)).json as { data: { choices: unknown[] } }).data.choices).length).toBe(25);

    const tag = await fake.sendInteraction({ type: 4, name: 'trend', options: [{ name: 'tag', value: 'text-gen', focused: true }] });
    const tagChoices = ((await callbackOf(tag)).json as { data: { choices: { value: string }[] } }).data.choices;
    expect(tagChoices[0]).toEqual({ name: 'text-generation', value: 'text-generation' });
  });

  it('a late autocomplete (Discord says Unknown interaction) is dropped quietly', async () => {
    const errorsBefore = logs.filter((l) => (l.level as number) >= 50).length;
    fake.fail({ method: 'POST', path: /\/callback$/, ...DiscordErrors.unknownInteraction });
    const sent = await fake.sendInteraction({ type: 4, name: 'classify', options: [{ name: 'model', value: 'qwen', focused: true }] });
    expect(await callbackOf(sent)).toMatchObject({ status: 404 });
    await expect.poll(() => logs.some((l) => l.msg === 'discord: autocomplete answer dropped')).toBe(true);
    expect(logs.filter((l) => (l.level as number) >= 50).length).toBe(errorsBefore);
  });

  it('a Discord 500 on the edit is logged with an error id, the user gets an apology, and the bot answers the next command', async () => {
    fake.fail({ method: 'PATCH', path: /messages\/@original$/, ...DiscordErrors.serverError });
    const sent = await fake.sendInteraction({ name: 'about' });
    await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === original(sent) && r.status === 500, WAIT_MS);
    const apology = body(await answerOf(sent));
    const match = /error ([0-9a-f]{8})/.exec(apology.content ?? '');
    expect(match).not.toBeNull();
    expect(apology).toMatchObject({ embeds: [], attachments: [], allowed_mentions: { parse: [] } });
    const logged = logs.find((l) => l.msg === 'discord: reply failed');
    expect(logged).toMatchObject({ errorId: match![1], command: 'about', err: { status: 500 } });
    // No interaction token in the log line.
    expect(JSON.stringify(logged)).not.toContain(sent.token);

    const next = await fake.sendInteraction({ name: 'help' });
    expect(body(await answerOf(next)).embeds?.[0].title).toBe('SLM Radar — help');
    expect(discord.client.isReady()).toBe(true);
  });

  it('every command of COMMANDS answers with an embed (and a PNG when it has a chart)', async () => {
    for (const command of bot.commands) {
      const required = command.options.filter((o) => o.required).map((o) => o.name);
      const options = VALID_OPTIONS[command.name] ?? [];
      expect(options.map((o) => o.name), `test options for /${command.name}`).toEqual(expect.arrayContaining(required));
      // Settings commands are for members who can manage the server.
      const sent = await fake.sendInteraction({ name: command.name, options, ...(command.adminOnly ? { permissions: ADMIN_PERMISSIONS } : {}) });
      const answer = await answerOf(sent);
      const message = body(answer);
      expect(message.content, `/${command.name}`).toBe('');
      expect(message.embeds?.[0].title, `/${command.name}`).toBeTruthy();
      expect(embedLength(message.embeds![0])).toBeLessThanOrEqual(6000);
      if (message.embeds![0].image) {
        expect(answer.files[0].data.subarray(0, 8).equals(PNG_SIGNATURE), `/${command.name} chart`).toBe(true);
      }
    }
  });

  it('postToChannel posts the same embed + chart to a channel, and its errors reach the caller', async () => {
    const reply = await bot.invoke('classify', { model: 'Qwen/Qwen2.5-0.5B' }, { locale: 'en' });
    reply.summary = `@everyone ${reply.summary}`;
    const message = await discord.post(fake.channelId, reply, 'en');
    expect(message.channelId).toBe(fake.channelId);
    const post = fake.requests.findLast((r) => r.method === 'POST' && r.path === `/api/v10/channels/${fake.channelId}/messages`)!;
    expect(body(post)).toMatchObject({ allowed_mentions: { parse: [] }, embeds: [{ title: 'Qwen/Qwen2.5-0.5B — SLM', image: { url: 'attachment://classify.png' } }] });
    expect(post.files[0].data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

    fake.fail({ path: `/api/v10/channels/${fake.channelId}/messages`, ...DiscordErrors.missingAccess });
    await expect(discord.post(fake.channelId, reply, 'en')).rejects.toBeInstanceOf(DiscordAPIError);
  });

  it('stop() finishes the replies in flight, then destroys the client', async () => {
    const sent = await fake.sendInteraction({ name: 'trend', options: [{ name: 'tag', value: 'fill-mask' }] });
    await callbackOf(sent);
    await discord.stop();
    expect(fake.requests.some((r) => r.method === 'PATCH' && r.path === original(sent) && r.status === 200)).toBe(true);
    expect(discord.client.isReady()).toBe(false);
    await discord.stop(); // idempotent
  });
});
