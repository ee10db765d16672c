// Smoke test: the fake Discord speaks enough REST + gateway v10 for the REAL discord.js Client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DiscordAPIError, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { DiscordErrors, startFakeDiscord, type FakeDiscord } from './fakes/discord.js';

describe('fake Discord vs real discord.js', () => {
  let fake: FakeDiscord;
  let client: Client;
  let onInteraction: (i: Interaction) => Promise<void> = async () => {};
  const errors: unknown[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl, retries: 0 } });
    client.on(Events.InteractionCreate, (i) => onInteraction(i).catch((e) => errors.push(e)));
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login('fake-token');
    await ready;
  });
  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('logs in over the gateway with the guild available', async () => {
    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.guilds.cache.get(fake.guildId)?.name).toBe('Fake Guild');
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v10/gateway/bot', status: 200 });
    expect(fake.requests[0].headers.authorization).toBe('Bot fake-token');
  });

  it('defers, then edits the reply with an attached file', async () => {
    let seen: Interaction | undefined;
    onInteraction = async (i) => {
      seen = i;
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: 'hi', files: [{ attachment: Buffer.from('png-bytes'), name: 'c.png' }] });
    };
    const sent = await fake.sendInteraction({ name: 'radar', options: [{ name: 'model', value: 'org/tiny' }] });
    const defer = await fake.waitForRequest((r) => r.path.endsWith(`/interactions/${sent.id}/${sent.token}/callback`));
    expect(defer).toMatchObject({ method: 'POST', json: { type: 5, data: { flags: 0 } }, query: { with_response: 'false' }, status: 204 });
    expect(defer.headers.authorization).toBeUndefined();
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${fake.applicationId}/${sent.token}/messages/@original`);
    expect(edit.payload).toMatchObject({ content: 'hi', attachments: [{ id: '0' }] });
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]).toMatchObject({ name: 'files[0]', filename: 'c.png' });
    expect(edit.files[0].data.toString()).toBe('png-bytes');
    expect(seen?.guild?.id).toBe(fake.guildId);
    expect(seen?.channelId).toBe(fake.channelId);
    expect(seen?.isChatInputCommand() && seen.options.getString('model')).toBe('org/tiny');
  });

  it('answers autocomplete with type 8 choices', async () => {
    onInteraction = async (i) => {
      if (i.isAutocomplete()) await i.respond([{ name: `${i.options.getFocused()}-1b`, value: 'x' }]);
    };
    const sent = await fake.sendInteraction({ type: 4, options: [{ name: 'model', value: 'qwen', focused: true }] });
    const cb = await fake.waitForRequest((r) => r.path.includes(`/interactions/${sent.id}/`));
    expect(cb.json).toEqual({ type: 8, data: { choices: [{ name: 'qwen-1b', value: 'x' }] } });
  });

  it('injects faults: a failed PATCH and an Unknown Channel surface as DiscordAPIError', async () => {
    fake.fail({ method: 'PATCH', path: /messages\/@original$/, ...DiscordErrors.serverError });
    let editError: unknown;
    onInteraction = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      editError = await i.editReply('x').catch((e: unknown) => e);
    };
    const sent = await fake.sendInteraction();
    await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(sent.token));
    await expect.poll(() => editError).toBeInstanceOf(Error);

    fake.fail({ path: `/api/v10/channels/${fake.channelId}/messages`, ...DiscordErrors.unknownChannel });
    const channel = client.channels.cache.get(fake.channelId);
    const sendError = await (channel?.isSendable() ? channel.send('x') : Promise.resolve()).catch((e: unknown) => e);
    expect(sendError).toBeInstanceOf(DiscordAPIError);
    expect((sendError as DiscordAPIError).code).toBe(10003);
    // The fault was one-shot: the next post goes through and is recorded as JSON.
    await expect(channel?.isSendable() && channel.send('ok')).resolves.toMatchObject({ content: 'ok' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', json: { content: 'ok' }, status: 200 });
    expect(errors).toEqual([]);
  });

  it('echoes command registration and 404s unknown routes', async () => {
    const cmds = await client.rest.put(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`, {
      body: [{ name: 'radar', description: 'd' }],
    });
    expect(cmds).toMatchObject([{ name: 'radar', application_id: fake.applicationId, guild_id: fake.guildId }]);
    await expect(client.rest.get('/nope')).rejects.toBeInstanceOf(DiscordAPIError);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v10/nope', status: 404 });
  });

  it('rejects login when the token is refused', async () => {
    const rejecting = await startFakeDiscord({ rejectToken: true });
    const other = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: rejecting.apiUrl, retries: 0 } });
    await expect(other.login('bad-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await other.destroy();
    await rejecting.close();
  });
});
