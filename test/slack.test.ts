// The Slack adapter end to end: the real Bolt App (HTTP mode and Socket Mode) against the fake Slack,
// with the real bot answering from the bundled snapshot.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMANDS } from '../commands/index.js';
import { isWorkspaceAdmin, postToChannel, slackErrorMessage, startSlack, type SlackAdapter } from '../src/adapters/slack.js';
import { createBot, type Bot } from '../src/bot.js';
import type { Command } from '../src/command.js';
import { loadConfig } from '../src/config.js';
import { startFakeSlack, type FakeSlack, type SlackCall } from './fakes/slack.js';

const signingSecret = 'test-signing-secret';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Harness {
  fake: FakeSlack;
  bot: Bot;
  slack: SlackAdapter;
  url: string;
  /** Every line the adapter handed to the bot. */
  invoked: string[];
  /** Sends a signed `/radar <text>` and returns the HTTP answer plus the response_url id it carries. */
  radar(text: string, extra?: Record<string, string>): Promise<{ status: number; body: unknown; elapsedMs: number; id: string }>;
  close(): Promise<void>;
}

let seq = 0;
async function harness(env: Record<string, string> = {}, options: { commands?: readonly Command[]; users?: Parameters<typeof startFakeSlack>[0] } = {}): Promise<Harness> {
  const fake = await startFakeSlack(options.users);
  const config = loadConfig({
    OFFLINE: '1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'slm-slack-')),
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
  const real = createBot(config, options.commands ? { commands: options.commands } : {});
  const invoked: string[] = [];
  // Observes what reaches the bot (for "no handler runs"); the bot itself is the real one.
  const bot: Bot = { ...real, invokeText: (line, o) => (invoked.push(line), real.invokeText(line, o)) };
  const slack = await startSlack(bot, { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 }, maxRetryAfterSeconds: 5 });
  const url = slack.server ? `http://127.0.0.1:${(slack.server.address() as AddressInfo).port}` : '';
  return {
    fake,
    bot,
    slack,
    url,
    invoked,
    async radar(text, extra = {}) {
      const id = `r${++seq}`;
      const res = await fake.sendSlashCommand(url, { command: '/radar', text, channel_id: 'C0CHAN', response_url: fake.responseUrl(id), ...extra }, { signingSecret });
      return { ...res, id };
    },
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}

const responses = (fake: FakeSlack, id: string) => fake.calls.filter((c) => c.method === 'response_url' && c.target === id);
const waitResponse = (fake: FakeSlack, id: string, type: 'in_channel' | 'ephemeral', ms = 8000) =>
  fake.waitForCall((c) => c.method === 'response_url' && c.target === id && c.args.response_type === type, ms);
/** Everything the message shows, as one string: the blocks and the fallback text. */
const shown = (call: SlackCall) => JSON.stringify({ text: call.parsed.text, blocks: call.parsed.blocks });
const blocksOf = (call: SlackCall) => call.parsed.blocks as Array<Record<string, any>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Slack adapter, HTTP mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({}, { users: { users: { U0ADMIN: { is_admin: true }, U0OWNER: { is_owner: true }, U0FR: { locale: 'fr-FR' } } } });
  });
  afterAll(async () => h?.close());

  it('acks a signed /classify within 3 s, then posts blocks with the numbers in the channel and uploads the chart in three steps', async () => {
    const res = await h.radar('classify Qwen/Qwen2.5-0.5B');
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(3000);
    expect(res.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^Working on it/) });

    const reply = await waitResponse(h.fake, res.id, 'in_channel');
    const blocks = blocksOf(reply);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Qwen/Qwen2.5-0.5B — SLM' } });
    expect(blocks[1].text.text).toBe('494M parameters (from safetensors metadata on the Hub): *SLM* — below 7B.');
    const grid = blocks.find((b) => b.type === 'section' && b.fields);
    expect(grid?.fields).toContainEqual({ type: 'mrkdwn', text: '*Parameters*\n494M', verbatim: true });
    expect(grid?.fields).toContainEqual({ type: 'mrkdwn', text: '*Verdict*\nSLM', verbatim: true });
    const context = blocks.at(-1)!;
    expect(context.type).toBe('context');
    expect(JSON.stringify(context)).toContain('Data: Hugging Face Hub — snapshot of 2025-03-22');
    expect(shown(reply)).toContain('<https://huggingface.co/Qwen/Qwen2.5-0.5B|Model page>');
    expect(reply.parsed.text).toContain('Qwen/Qwen2.5-0.5B — SLM: 494M parameters');

    // files.uploadV2: get an upload URL, upload the PNG bytes there, complete into the channel.
    const get = await h.fake.waitForCall('files.getUploadURLExternal', 8000);
    const upload = await h.fake.waitForCall('upload', 8000);
    const done = await h.fake.waitForCall('files.completeUploadExternal', 8000);
    // @slack/web-api 8.2 sends the alt text as `alt_text` (Slack's reference spells it `alt_txt`).
    expect(get.args).toMatchObject({ filename: 'classify.png', alt_text: expect.stringContaining('Qwen/Qwen2.5-0.5B (494M)') });
    expect(upload.file?.data.subarray(0, 8)).toEqual(PNG_MAGIC);
    expect(Number(get.args.length)).toBe(upload.file?.data.length);
    expect(done.args.channel_id).toBe('C0CHAN');
    expect(done.parsed.files).toEqual([{ id: upload.target, title: 'Qwen/Qwen2.5-0.5B — SLM' }]);
    const order = [get, upload, done].map((c) => h.fake.calls.indexOf(c));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(h.fake.calls.indexOf(reply)).toBeLessThan(order[0]);
  });

  it('rejects a bad signature with 401 and runs no handler', async () => {
    const before = h.invoked.length;
    const res = await h.fake.sendSlashCommand(h.url, { command: '/radar', text: 'classify Qwen/Qwen2.5-0.5B', response_url: h.fake.responseUrl('bad-sig') }, { signingSecret, badSignature: true });
    expect(res.status).toBe(401);
    await sleep(300);
    expect(h.invoked.length).toBe(before);
    expect(responses(h.fake, 'bad-sig')).toEqual([]);
  });

  it('rejects a timestamp older than 5 minutes with 401 and runs no handler', async () => {
    const before = h.invoked.length;
    const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.fake.sendSlashCommand(h.url, { command: '/radar', text: 'classify Qwen/Qwen2.5-0.5B', response_url: h.fake.responseUrl('stale') }, { signingSecret, timestamp });
    expect(res.status).toBe(401);
    await sleep(300);
    expect(h.invoked.length).toBe(before);
    expect(responses(h.fake, 'stale')).toEqual([]);
  });

  it('answers missing input with the usage, to the user only', async () => {
    const res = await h.radar('classify');
    expect(res.status).toBe(200);
    const reply = await waitResponse(h.fake, res.id, 'ephemeral');
    expect(shown(reply)).toContain('The model id is missing. Type `/radar classify &lt;owner/model&gt; [slm_below:7] [llm_from:20]`');
    // Once: the summary already shows it, so no "Usage:" hint repeats it.
    expect(JSON.stringify(blocksOf(reply)).split('/radar classify &lt;owner/model&gt;')).toHaveLength(2);
    await sleep(100);
    expect(responses(h.fake, res.id).filter((c) => c.args.response_type === 'in_channel')).toEqual([]);
  });

  it('escapes what the user typed, so <!channel>, <!here> and <@U…> ping nobody', async () => {
    for (const [command, text, escaped] of [
      ['trend', '<!channel>', '&lt;!channel&gt;'],
      ['share', '<!here>&', '&lt;!here&gt;&amp;'],
      ['classify', 'x/<@U0ADMIN>', 'x/&lt;@U0ADMIN&gt;'],
      ['benchmark', '@everyone', '@\u200beveryone'],
    ]) {
      const res = await h.radar(`${command} ${text}`);
      const reply = await waitResponse(h.fake, res.id, 'ephemeral');
      const body = JSON.stringify(reply.args);
      expect(body, text).toContain(escaped);
      expect(body, text).not.toMatch(/<!channel>|<!here>|<@U0ADMIN>|(?<!\u200b)@everyone/);
    }
  });

  it('tells the user how to fix a Web API error (not_in_channel): invite the bot', async () => {
    h.fake.fail('files.completeUploadExternal', { error: 'not_in_channel' });
    const res = await h.radar('compare Qwen/Qwen2.5-0.5B meta-llama/Llama-3.1-8B');
    const reply = await waitResponse(h.fake, res.id, 'in_channel');
    expect(shown(reply)).toContain('8.03B');
    const told = await waitResponse(h.fake, res.id, 'ephemeral');
    expect(told.args.text).toBe(`I can't attach the chart here: I'm not a member of this channel. Invite me with /invite <@${h.fake.botUserId}> and ask again.`);
  });

  it('retries once after a short Retry-After, and gives up politely on a long one', async () => {
    h.fake.fail('files.getUploadURLExternal', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const res = await h.radar('thresholds');
    await waitResponse(h.fake, res.id, 'in_channel');
    const done = await h.fake.waitForCall((c) => c.method === 'files.completeUploadExternal' && h.fake.calls.indexOf(c) > h.fake.calls.findIndex((x) => x.target === res.id), 8000);
    expect(done.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const gets = h.fake.calls.filter((c) => c.method === 'files.getUploadURLExternal' && h.fake.calls.indexOf(c) > h.fake.calls.findIndex((x) => x.target === res.id));
    expect(gets.map((c) => c.status)).toEqual([429, 200]);

    h.fake.fail('files.getUploadURLExternal', { status: 429, retryAfter: 120 });
    const quick = Date.now();
    const again = await h.radar('thresholds');
    const told = await waitResponse(h.fake, again.id, 'ephemeral');
    expect(told.args.text).toBe('Slack is asking me to slow down. Please try again in a minute.');
    expect(Date.now() - quick).toBeLessThan(5000);
  });

  it('answers in the user’s Slack language when users.info gives one', async () => {
    const res = await h.radar('classify Qwen/Qwen2.5-0.5B', { user_id: 'U0FR' });
    const reply = await waitResponse(h.fake, res.id, 'in_channel');
    expect(shown(reply)).toContain('494M paramètres');
    expect(shown(reply)).toContain('Données : Hugging Face Hub — instantané du 2025-03-22');
    const info = h.fake.calls.find((c) => c.method === 'users.info' && c.args.user === 'U0FR');
    expect(info?.args.include_locale).toBe('true');
  });

  it('answers every command of COMMANDS through the adapter', async () => {
    const samples: Record<string, string> = {
      classify: 'Qwen/Qwen2.5-0.5B',
      compare: 'Qwen/Qwen2.5-0.5B meta-llama/Llama-3.1-8B',
      trend: 'text-generation since:2024-01',
      benchmark: 'code',
      digest: 'preview',
    };
    for (const command of COMMANDS) {
      // Settings commands are for workspace admins.
      const res = await h.radar(`${command.name} ${samples[command.name] ?? ''}`, command.adminOnly ? { user_id: 'U0ADMIN' } : {});
      expect(res.status, command.name).toBe(200);
      const reply = await waitResponse(h.fake, res.id, command.replyPrivately ? 'ephemeral' : 'in_channel');
      const blocks = blocksOf(reply);
      expect(blocks[0].type, command.name).toBe('header');
      expect(blocks.length, command.name).toBeLessThanOrEqual(50);
      expect(h.invoked.at(-1)).toBe(`/${command.name} ${samples[command.name] ?? ''}`);
    }
  });

  it('serves a health check for HTTP hosting', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });

  it('postToChannel posts the blocks and the chart, and lets Slack errors reach the caller', async () => {
    const reply = await h.bot.invokeText('/classify Qwen/Qwen2.5-0.5B');
    const posted = await postToChannel(h.slack.app.client, 'C0DIGEST', reply);
    const message = h.fake.calls.find((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0DIGEST')!;
    expect(shown(message)).toContain('494M');
    expect(posted.ts).toBe(message.response && (message.response as { ts: string }).ts);
    expect(posted.fileId).toMatch(/^F/);
    const done = h.fake.calls.filter((c) => c.method === 'files.completeUploadExternal').at(-1)!;
    expect(done.args.channel_id).toBe('C0DIGEST');

    h.fake.fail('chat.postMessage', { error: 'channel_not_found' });
    await expect(postToChannel(h.slack.app.client, 'C0GONE', reply)).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('isWorkspaceAdmin reads users.info: admins and owners yes, members no', async () => {
    const client = h.slack.app.client;
    expect(await isWorkspaceAdmin(client, 'U0ADMIN')).toBe(true);
    expect(await isWorkspaceAdmin(client, 'U0OWNER')).toBe(true);
    expect(await isWorkspaceAdmin(client, 'U0MEMBER')).toBe(false);
  });
});

describe('Slack adapter, other setups', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('Socket Mode: acks the envelope at once and answers through response_url', async () => {
    h = await harness({ SLACK_APP_TOKEN: 'xapp-test' });
    expect(h.slack.mode).toBe('socket');
    expect(h.slack.server).toBeUndefined();
    expect((await h.fake.waitForCall('apps.connections.open')).token).toBe('xapp-test');
    const ack = await h.fake.sendEnvelope({
      command: '/radar', text: 'classify Qwen/Qwen2.5-0.5B', channel_id: 'C0SOCK', user_id: 'U0USER', team_id: h.fake.teamId,
      api_app_id: 'A0FAKE', response_url: h.fake.responseUrl('sock'), trigger_id: 't1',
    });
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^Working on it/) });
    const reply = await waitResponse(h.fake, 'sock', 'in_channel');
    expect(shown(reply)).toContain('494M');
    expect(shown(reply)).toContain('snapshot of 2025-03-22');
    const done = await h.fake.waitForCall('files.completeUploadExternal', 8000);
    expect(done.args.channel_id).toBe('C0SOCK');
  });

  it('CHART_MODE=quickchart: an image block with the QuickChart URL, and no upload', async () => {
    h = await harness({ CHART_MODE: 'quickchart' });
    const res = await h.radar('classify Qwen/Qwen2.5-0.5B');
    const reply = await waitResponse(h.fake, res.id, 'in_channel');
    const image = blocksOf(reply).find((b) => b.type === 'image')!;
    expect(image.image_url.length).toBeLessThanOrEqual(3000);
    const url = new URL(image.image_url);
    expect(`${url.origin}${url.pathname}`).toBe('https://quickchart.io/chart');
    expect(url.searchParams.get('v')).toBe('4');
    expect(url.searchParams.get('c')).toContain('Qwen/Qwen2.5-0.5B');
    expect(image.alt_text).toContain('Qwen/Qwen2.5-0.5B (494M)');
    await sleep(200);
    expect(h.fake.calls.filter((c) => c.method.startsWith('files.') || c.method === 'upload')).toEqual([]);
  });

  it('escapes user text inside a reply posted in the channel (a command that echoes its input)', async () => {
    const echo: Command = {
      name: 'echo',
      description: { en: 'Echo', fr: 'Écho' },
      usage: '/echo <text>',
      options: [{ name: 'text', type: 'string', rest: true, description: { en: 'text', fr: 'texte' } }],
      schema: z.object({ text: z.string() }),
      async run(_ctx, args) {
        const t = (args as { text: string }).text;
        return {
          title: `Echo ${t}`, summary: `You said **${t}**`, fields: [{ name: t, value: t, inline: true }],
          table: { columns: ['text'], rows: [[t]] }, notes: [t], links: [{ label: t, url: 'https://example.com/?a=1&b=2' }], data: t,
        };
      },
    };
    h = await harness({}, { commands: [...COMMANDS, echo] });
    const res = await h.radar('echo hi <!channel> <!here|here> <@U0ADMIN> <https://evil.example|click> @channel & more');
    const reply = await waitResponse(h.fake, res.id, 'in_channel');
    const body = JSON.stringify(reply.args);
    expect(body).not.toMatch(/<!|<@|<https:\/\/evil/);
    expect(body).not.toMatch(/(?<!\u200b)@channel/);
    expect(body).toContain('&lt;!channel&gt;');
    expect(blocksOf(reply)[1].text.text).toBe('You said *hi &lt;!channel&gt; &lt;!here|here&gt; &lt;@U0ADMIN&gt; &lt;https://evil.example|click&gt; @\u200bchannel &amp; more*');
    expect(body).toContain('<https://example.com/?a=1&amp;b=2|hi &lt;!channel&gt;');
  });

  it('runs an adminOnly command only for workspace admins and owners (users.info)', async () => {
    const subscribe: Command = {
      name: 'settings-test', description: { en: 'Subscribe', fr: 'S’abonner' }, usage: '/settings-test', options: [], adminOnly: true,
      schema: z.object({}),
      async run() {
        return { title: 'Subscribed', summary: 'Weekly digest on.', fields: [], notes: [], links: [], data: null };
      },
    };
    h = await harness({}, { commands: [...COMMANDS, subscribe], users: { users: { U0ADMIN: { is_admin: true } } } });
    const member = await h.radar('settings-test', { user_id: 'U0MEMBER' });
    expect(shown(await waitResponse(h.fake, member.id, 'ephemeral'))).toContain('Only workspace admins and owners can use /radar settings-test.');
    const admin = await h.radar('settings-test', { user_id: 'U0ADMIN' });
    expect(shown(await waitResponse(h.fake, admin.id, 'in_channel'))).toContain('Weekly digest on.');
    expect(h.invoked).toEqual(['/settings-test ']);
  });

  it('refuses to start with a token Slack rejects, with a clear error', async () => {
    const fake = await startFakeSlack();
    fake.fail('auth.test', { error: 'invalid_auth' });
    const config = loadConfig({ OFFLINE: '1', DATA_DIR: mkdtempSync(join(tmpdir(), 'slm-slack-')), SLACK_BOT_TOKEN: 'xoxb-bad', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.apiUrl });
    try {
      await expect(startSlack(createBot(config), { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 } })).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
      await expect(startSlack(createBot({ ...config, SLACK_SIGNING_SECRET: undefined }))).rejects.toThrow(/SLACK_APP_TOKEN .* or SLACK_SIGNING_SECRET/);
      await expect(startSlack(createBot({ ...config, SLACK_BOT_TOKEN: undefined }))).rejects.toThrow(/SLACK_BOT_TOKEN is not set/);
    } finally {
      await fake.close();
    }
  });
});

describe('slackErrorMessage', () => {
  const platform = (error: string) => Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { ok: false, error } });
  it('says what to do for the usual Slack refusals', () => {
    expect(slackErrorMessage(platform('channel_not_found'), { botUserId: 'U0BOT' })).toContain('Invite me with /invite <@U0BOT>');
    expect(slackErrorMessage(platform('not_in_channel'))).toContain('/invite @SLM Radar');
    expect(slackErrorMessage(platform('not_in_channel'), { locale: 'fr', what: 'chart' })).toContain('Invitez-moi avec /invite @SLM Radar');
    expect(slackErrorMessage(platform('missing_scope'))).toContain('reinstall it from slack/manifest.yml');
    expect(slackErrorMessage(Object.assign(new Error('rl'), { code: 'slack_webapi_rate_limited_error', retryAfter: 9 }))).toContain('slow down');
    expect(slackErrorMessage(platform('<!channel>'))).toBe('Sorry, Slack refused the reply (&lt;!channel&gt;). Please try again in a moment.');
    expect(slackErrorMessage(new Error('socket hang up'))).toBe('Sorry, Slack refused the reply. Please try again in a moment.');
  });
});

describe('Slack adapter, stopping', () => {
  it('drain() answers new commands with a restart notice and waits for the replies in flight', async () => {
    const h = await harness();
    try {
      const first = await h.radar('trend fill-mask');
      expect(first.status).toBe(200);
      const draining = h.slack.drain();
      const late = await h.radar('share');
      expect(late.body).toMatchObject({ response_type: 'ephemeral', text: 'SLM Radar is restarting. Please try again in a minute.' });
      await draining;
      expect(responses(h.fake, first.id).some((c) => c.args.response_type === 'in_channel')).toBe(true);
      expect(h.invoked).toEqual(['/trend fill-mask']); // the late command never reached the bot
      expect(h.slack.connected()).toBe(false);
    } finally {
      await h.close();
    }
  });
});
