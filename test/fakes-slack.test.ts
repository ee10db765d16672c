// Smoke test: the fake Slack speaks enough Web API / response_url / Socket Mode for the REAL Bolt App.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Named imports: under vitest a default import of this CJS module yields `exports.default` (the App class), not
// module.exports, so the `import bolt from '@slack/bolt'; const { App } = bolt` idiom breaks in tests.
import { App, LogLevel } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from './fakes/slack.js';

const logLevel = LogLevel.ERROR;
const signingSecret = 'test-signing-secret';

describe('fake Slack vs real Bolt (HTTP mode)', () => {
  let fake: FakeSlack;
  let app: InstanceType<typeof App>;
  let appUrl: string;
  const handlerErrors: unknown[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack({ users: { U0ADMIN: { is_admin: true } } });
    app = new App({ token: 'xoxb-fake', signingSecret, logLevel,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/x', async ({ ack, respond, client, command }) => {
      await ack({ response_type: 'ephemeral', text: `got ${command.text}` });
      try {
        const { user } = await client.users.info({ user: command.user_id });
        await respond({ text: `admin=${user?.is_admin}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }] });
        await client.files.uploadV2({ channel_id: command.channel_id, file: Buffer.from('png-bytes'), filename: 'c.png', title: 'Chart' });
      } catch (e) { handlerErrors.push(e); }
    });
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('answers auth.test at construction', async () => {
    const call = await fake.waitForCall('auth.test');
    expect(call.token).toBe('xoxb-fake');
    expect(call.response).toMatchObject({ ok: true, user_id: fake.botUserId, bot_id: fake.botId, team_id: fake.teamId });
  });

  it('delivers a signed slash command: ack body, respond() to response_url, users.info, files.uploadV2', async () => {
    const responseUrl = fake.responseUrl('r1');
    const res = await fake.sendSlashCommand(appUrl, { command: '/x', text: 'top 5', user_id: 'U0ADMIN', channel_id: 'C123', response_url: responseUrl }, { signingSecret });
    expect(res).toMatchObject({ status: 200, body: { response_type: 'ephemeral', text: 'got top 5' } });
    expect(res.elapsedMs).toBeLessThan(3000);

    const responded = await fake.waitForCall((c) => c.method === 'response_url' && c.target === 'r1');
    expect(responded.args).toMatchObject({ text: 'admin=true', blocks: [{ type: 'section' }] });
    const get = await fake.waitForCall('files.getUploadURLExternal');
    expect(get.args).toMatchObject({ filename: 'c.png', length: '9' });
    const upload = await fake.waitForCall('upload');
    expect(upload.file?.data.toString()).toBe('png-bytes');
    expect(upload.file?.filename).toBe('c.png');
    const done = await fake.waitForCall('files.completeUploadExternal');
    expect(done.args.channel_id).toBe('C123');
    expect(typeof done.args.files).toBe('string'); // form-encoded JSON, as Slack receives it…
    expect(done.parsed.files).toEqual([{ id: upload.target, title: 'Chart' }]); // …and parsed for assertions
    expect(handlerErrors).toEqual([]);
  });

  it('rejects a bad signature and a stale timestamp with 401', async () => {
    expect((await fake.sendSlashCommand(appUrl, { text: 'a' }, { signingSecret, badSignature: true })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await fake.sendSlashCommand(appUrl, { text: 'b' }, { signingSecret, timestamp: stale })).status).toBe(401);
  });

  it('injects Web API faults: ok:false errors and HTTP 429', async () => {
    fake.fail('chat.postMessage', { error: 'not_in_channel' });
    await expect(app.client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    fake.fail('chat.postMessage', { status: 429, retryAfter: 0 });
    await expect(app.client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toThrow(/rate limit/i);
    const ok = await app.client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [{ type: 'divider' }] });
    expect(ok).toMatchObject({ ok: true, channel: 'C1' });
    const last = fake.calls.at(-1)!;
    expect(last.args.blocks).toBe('[{"type":"divider"}]');
    expect(last.parsed.blocks).toEqual([{ type: 'divider' }]);
    await expect(app.client.apiCall('no.such.method')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });
});

describe('fake Slack vs real Bolt (Socket Mode)', () => {
  it('connects, receives an envelope and acks it with the response payload', async () => {
    const fake = await startFakeSlack();
    const app = new App({ token: 'xoxb-fake', appToken: 'xapp-fake', socketMode: true, logLevel,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/x', async ({ ack, command }) => ack({ text: `socket ${command.text}` }));
    try {
      await app.start();
      expect((await fake.waitForCall('apps.connections.open')).token).toBe('xapp-fake');
      const ack = await fake.sendEnvelope({ command: '/x', text: 'hello', channel_id: 'C1', user_id: 'U1', team_id: fake.teamId,
        response_url: fake.responseUrl(), trigger_id: 't1' });
      expect(ack.payload).toEqual({ text: 'socket hello' });
    } finally {
      await app.stop();
      await fake.close();
    }
  });
});
