// Where people already talk on Slack: /radar as the one command, @mentions answered in the thread,
// Hugging Face model links unfurled, the "Classify models in this message" shortcut, the App Home tab.
// The real Bolt App (HTTP mode, then Socket Mode) against the fake Slack, with signed requests and
// socket envelopes as Slack sends them; the real bot on the bundled snapshot.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PerChannelBudget, startSlack, type SlackAdapter } from '../src/adapters/slack.js';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { startFakeSlack, type FakeSlack, type SlackCall } from './fakes/slack.js';
import { tempDir } from './helpers/bot.js';

const signingSecret = 'test-signing-secret';
const QWEN = 'https://huggingface.co/Qwen/Qwen2.5-0.5B';
const QWEN_LINE = '494M parameters (from safetensors metadata on the Hub) · text-generation · 573,129 downloads in 30 days';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shown = (call: SlackCall) => JSON.stringify({ text: call.parsed.text, blocks: call.parsed.blocks });
type AnyBlock = Record<string, any>;

interface Harness {
  fake: FakeSlack;
  slack: SlackAdapter;
  url: string;
  close(): Promise<void>;
}

async function harness(env: Record<string, string> = {}): Promise<Harness> {
  const fake = await startFakeSlack({ users: { U0ADMIN: { is_admin: true }, U0FR: { locale: 'fr-FR' } } });
  const config = loadConfig({ OFFLINE: '1', DATA_DIR: tempDir('slm-slack-reach-'), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.apiUrl, ...env });
  const slack = await startSlack(createBot(config), { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 } });
  const url = slack.server ? `http://127.0.0.1:${(slack.server.address() as AddressInfo).port}` : '';
  return {
    fake,
    slack,
    url,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}

let seq = 0;
const nextTs = () => `1800000000.${String(++seq).padStart(6, '0')}`;

describe('Slack reach, HTTP mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ SLACK_UNFURLS_PER_MINUTE: '6' });
  });
  afterAll(async () => h?.close());

  const radar = async (text: string) => {
    const id = `radar-${++seq}`;
    const res = await h.fake.sendSlashCommand(h.url, { command: '/radar', text, channel_id: 'C0CHAN', response_url: h.fake.responseUrl(id) }, { signingSecret });
    expect(res.status).toBe(200);
    return h.fake.waitForCall((c) => c.method === 'response_url' && c.target === id && c.args.response_type !== undefined && !String(c.args.text).startsWith('Working'), 8000);
  };
  const event = async (e: Record<string, unknown>) => {
    const res = await h.fake.sendEvent(h.url, e, { signingSecret });
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(3000);
  };
  const unfurlsOf = (channel: string) => h.fake.calls.filter((c) => c.method === 'chat.unfurl' && (c.args.channel === channel || String(c.args.unfurl_id ?? '').startsWith(channel)));

  it('/radar alone and /radar help answer the help, naming every command as /radar <command>', async () => {
    for (const text of ['', 'help']) {
      const reply = await radar(text);
      expect(reply.args.response_type).toBe('in_channel');
      const blocks = reply.parsed.blocks as AnyBlock[];
      expect(blocks[0].text.text).toBe('SLM Radar — help');
      expect(shown(reply)).toContain('*/radar classify &lt;owner/model&gt; [slm_below:7] [llm_from:20]*');
      expect(shown(reply)).not.toMatch(/\*\/classify/);
    }
  });

  it('/radar with an unknown word says which command was meant, privately', async () => {
    const reply = await radar('clasify Qwen/Qwen2.5-0.5B');
    expect(reply.args.response_type).toBe('ephemeral');
    expect((reply.parsed.blocks as AnyBlock[])[1].text.text).toBe('Unknown command "/radar clasify". Did you mean /radar classify? Type /radar help to see the commands.');
  });

  it('unfurls a pasted model link with a card (verdict, count and source, task, downloads), leaving datasets and Spaces to Slack', async () => {
    const ts = nextTs();
    await event({
      type: 'link_shared', channel: 'C0LINKS', is_bot_user_member: true, user: 'U0USER', message_ts: ts, unfurl_id: `C0LINKS.${ts}.abc`, source: 'conversations_history',
      links: [
        { domain: 'huggingface.co', url: QWEN },
        { domain: 'huggingface.co', url: 'https://huggingface.co/datasets/HuggingFaceFW/fineweb' },
        { domain: 'huggingface.co', url: 'https://huggingface.co/spaces/foo/bar' },
        { domain: 'huggingface.co', url: `${QWEN}/tree/main` },
      ],
    });
    const call = await h.fake.waitForCall('chat.unfurl', 8000);
    expect(call.args).toMatchObject({ unfurl_id: `C0LINKS.${ts}.abc`, source: 'conversations_history' });
    const unfurls = call.parsed.unfurls as Record<string, { blocks: AnyBlock[] }>;
    expect(Object.keys(unfurls)).toEqual([QWEN]);
    const [card, context] = unfurls[QWEN].blocks;
    expect(card.text.text).toBe(`*Qwen/Qwen2.5-0.5B — SLM*\n${QWEN_LINE}`);
    expect(context.elements.at(-1).text).toBe('Data: Hugging Face Hub — snapshot of 2025-03-22');
  });

  it('unfurls at most 5 models of one message, and at most SLACK_UNFURLS_PER_MINUTE a channel', async () => {
    const ids = ['Qwen/Qwen2.5-0.5B', 'mistralai/Mistral-7B-v0.1', 'openai-community/gpt2', 'google-bert/bert-base-cased', 'meta-llama/Llama-3.1-8B', 'Qwen/Qwen2.5-7B', 'Qwen/Qwen2.5-1.5B-Instruct'];
    const share = (channel: string, list: string[]) =>
      event({ type: 'link_shared', channel, is_bot_user_member: true, user: 'U0USER', message_ts: nextTs(), links: list.map((id) => ({ domain: 'huggingface.co', url: `https://huggingface.co/${id}` })) });
    await share('C0MANY', ids);
    const first = await h.fake.waitForCall((c) => c.method === 'chat.unfurl' && c.args.channel === 'C0MANY', 8000);
    expect(Object.keys(first.parsed.unfurls as object)).toEqual(ids.slice(0, 5).map((id) => `https://huggingface.co/${id}`));
    // 6 a minute in this harness: 5 spent, 1 left for the next message.
    await share('C0MANY', ids.slice(2));
    await h.fake.waitForCall((c) => c.method === 'chat.unfurl' && c.args.channel === 'C0MANY' && c !== first, 8000);
    await share('C0MANY', ids.slice(4));
    await sleep(500);
    const calls = unfurlsOf('C0MANY');
    expect(calls.map((c) => Object.keys(c.parsed.unfurls as object).length)).toEqual([5, 1]);
    // Another channel has its own budget.
    await share('C0OTHER', ids.slice(0, 2));
    await h.fake.waitForCall((c) => c.method === 'chat.unfurl' && c.args.channel === 'C0OTHER', 8000);
  });

  it('does not unfurl models the Hub does not know, nor links shared by the bot itself', async () => {
    await event({ type: 'link_shared', channel: 'C0NONE', is_bot_user_member: true, user: 'U0USER', message_ts: nextTs(), links: [{ domain: 'huggingface.co', url: 'https://huggingface.co/nobody/no-such-model-xyz' }] });
    await event({ type: 'link_shared', channel: 'C0NONE', is_bot_user_member: true, user: h.fake.botUserId, message_ts: nextTs(), links: [{ domain: 'huggingface.co', url: QWEN }] });
    await sleep(800);
    expect(unfurlsOf('C0NONE')).toEqual([]);
  });

  it('answers @SLM Radar classify … in the thread it was asked in, chart included', async () => {
    const thread = nextTs();
    const ts = nextTs();
    await event({ type: 'app_mention', user: 'U0USER', text: `<@${h.fake.botUserId}> classify Qwen/Qwen2.5-0.5B`, ts, thread_ts: thread, channel: 'C0THREAD', team: h.fake.teamId });
    const post = await h.fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0THREAD', 8000);
    expect(post.args.thread_ts).toBe(thread);
    expect((post.parsed.blocks as AnyBlock[])[0].text.text).toBe('Qwen/Qwen2.5-0.5B — SLM');
    const done = await h.fake.waitForCall((c) => c.method === 'files.completeUploadExternal' && c.args.channel_id === 'C0THREAD', 8000);
    expect(done.args.thread_ts).toBe(thread);

    // A mention at the top of a channel starts a thread under it.
    const top = nextTs();
    await event({ type: 'app_mention', user: 'U0USER', text: `<@${h.fake.botUserId}> compare Qwen/Qwen2.5-0.5B mistralai/Mistral-7B-v0.1`, ts: top, channel: 'C0TOP', team: h.fake.teamId });
    const compared = await h.fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0TOP', 8000);
    expect(compared.args.thread_ts).toBe(top);
    expect((compared.parsed.blocks as AnyBlock[]).find((b) => b.type === 'table')).toBeDefined();
  });

  it('a mention naming models without a command classifies them; bad input is answered privately, escaped', async () => {
    const ts = nextTs();
    await event({ type: 'app_mention', user: 'U0USER', text: `<@${h.fake.botUserId}> what about <${QWEN}>?`, ts, channel: 'C0ASK', team: h.fake.teamId });
    const post = await h.fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0ASK', 8000);
    expect(shown(post)).toContain(QWEN_LINE);

    await event({ type: 'app_mention', user: 'U0USER', text: `<@${h.fake.botUserId}> classify <!channel>`, ts: nextTs(), thread_ts: ts, channel: 'C0ASK', team: h.fake.teamId });
    const told = await h.fake.waitForCall((c) => c.method === 'chat.postEphemeral' && c.args.channel === 'C0ASK', 8000);
    expect(told.args).toMatchObject({ user: 'U0USER', thread_ts: ts });
    expect(shown(told)).toContain('&lt;!channel&gt;');
    expect(shown(told)).not.toContain('<!channel>');
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0ASK')).toHaveLength(1);
  });

  it('answers a mention once when Slack delivers the same event again (X-Slack-Retry-Num)', async () => {
    const body = h.fake.eventCallback({ type: 'app_mention', user: 'U0USER', text: `<@${h.fake.botUserId}> classify Qwen/Qwen2.5-0.5B`, ts: nextTs(), channel: 'C0RETRY', team: h.fake.teamId });
    expect((await h.fake.sendEventBody(h.url, body, { signingSecret })).status).toBe(200);
    await h.fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0RETRY', 8000);
    expect((await h.fake.sendEventBody(h.url, body, { signingSecret, retryNum: 1 })).status).toBe(200);
    // Another event in the same channel is answered: only the redelivery was skipped.
    await event({ type: 'app_mention', user: 'U0USER', text: `<@${h.fake.botUserId}> about`, ts: nextTs(), channel: 'C0RETRY', team: h.fake.teamId });
    await h.fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0RETRY' && String(c.parsed.text ?? JSON.stringify(c.parsed.blocks)).includes('SLM Radar'), 8000);
    await sleep(300);
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0RETRY')).toHaveLength(2);
  });

  it('never answers a bot: other apps’ mentions and its own messages start no loop', async () => {
    await event({ type: 'app_mention', user: 'U0OTHERBOT', bot_id: 'B0OTHER', text: `<@${h.fake.botUserId}> classify Qwen/Qwen2.5-0.5B`, ts: nextTs(), channel: 'C0BOTS', team: h.fake.teamId });
    await event({ type: 'app_mention', user: h.fake.botUserId, text: `<@${h.fake.botUserId}> help`, ts: nextTs(), channel: 'C0BOTS', team: h.fake.teamId });
    await sleep(800);
    expect(h.fake.calls.filter((c) => c.args.channel === 'C0BOTS')).toEqual([]);
  });

  it('the message shortcut classifies the models a message names, only for the one who asked', async () => {
    const payload = h.fake.messageShortcut({
      callback_id: 'classify_message', channel: 'C0SHORT', user: 'U0USER', response_url: h.fake.responseUrl('short'),
      text: `Edge pick: <${QWEN}|Qwen 0.5B> vs mistralai/Mistral-7B-v0.1; data at <https://huggingface.co/datasets/HuggingFaceFW/fineweb>`,
    });
    expect(payload.type).toBe('message_action');
    const res = await h.fake.sendInteractive(h.url, payload, { signingSecret });
    expect(res.status).toBe(200);
    expect(res.elapsedMs).toBeLessThan(3000);
    const reply = await h.fake.waitForCall((c) => c.method === 'response_url' && c.target === 'short', 8000);
    expect(reply.args.response_type).toBe('ephemeral');
    const blocks = reply.parsed.blocks as AnyBlock[];
    expect(blocks[0].text.text).toBe('The 2 models in this message');
    expect(shown(reply)).toContain(`*Qwen/Qwen2.5-0.5B — SLM*\\n${QWEN_LINE}`);
    expect(shown(reply)).toContain('*mistralai/Mistral-7B-v0.1 — borderline*');
    expect(shown(reply)).not.toContain('fineweb');

    const none = h.fake.messageShortcut({ callback_id: 'classify_message', text: 'lunch at noon?', response_url: h.fake.responseUrl('none') });
    await h.fake.sendInteractive(h.url, none, { signingSecret });
    const told = await h.fake.waitForCall((c) => c.method === 'response_url' && c.target === 'none', 8000);
    expect(told.args.response_type).toBe('ephemeral');
    expect(shown(told)).toContain('This message names no model');
  });

  it('App Home shows how to use SLM Radar and the workspace’s digests', async () => {
    await event({ type: 'app_home_opened', user: 'U0USER', channel: 'D0HOME', tab: 'home' });
    const published = await h.fake.waitForCall('views.publish', 8000);
    expect(published.args.user_id).toBe('U0USER');
    const view = published.parsed.view as { type: string; blocks: AnyBlock[] };
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('`/radar classify Qwen/Qwen2.5-0.5B`');
    expect(text).toContain(`<@${h.fake.botUserId}> \`classify Qwen/Qwen2.5-0.5B\` in a channel or a thread`);
    expect(text).toContain('Classify models in this message');
    expect(text).toContain('Weekly digests');
    expect(text).toContain('No digest here yet. An admin can start one with /radar subscribe.');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    // The messages tab is not the home tab.
    const before = h.fake.calls.filter((c) => c.method === 'views.publish').length;
    await event({ type: 'app_home_opened', user: 'U0USER', channel: 'D0HOME', tab: 'messages' });
    await sleep(300);
    expect(h.fake.calls.filter((c) => c.method === 'views.publish')).toHaveLength(before);
  });
});

describe('Slack reach, Socket Mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ SLACK_APP_TOKEN: 'xapp-test' });
    await h.fake.waitForSocket();
  });
  afterAll(async () => h?.close());

  it('answers a mention in its thread, unfurls a link and runs the shortcut from envelopes', async () => {
    const thread = nextTs();
    const mention = await h.fake.sendEnvelope(h.fake.eventCallback({ type: 'app_mention', user: 'U0USER', text: `<@${h.fake.botUserId}> classify Qwen/Qwen2.5-0.5B`, ts: nextTs(), thread_ts: thread, channel: 'C0SOCK', team: h.fake.teamId }), 'events_api');
    expect(mention.envelope_id).toBeTruthy();
    const post = await h.fake.waitForCall((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0SOCK', 8000);
    expect(post.args.thread_ts).toBe(thread);

    await h.fake.sendEnvelope(h.fake.eventCallback({ type: 'link_shared', channel: 'C0SOCK', is_bot_user_member: true, user: 'U0USER', message_ts: nextTs(), links: [{ domain: 'hf.co', url: 'https://hf.co/Qwen/Qwen2.5-0.5B' }] }), 'events_api');
    const unfurl = await h.fake.waitForCall('chat.unfurl', 8000);
    expect(Object.keys(unfurl.parsed.unfurls as object)).toEqual(['https://hf.co/Qwen/Qwen2.5-0.5B']);

    const payload = h.fake.messageShortcut({ callback_id: 'classify_message', text: 'see Qwen/Qwen2.5-0.5B', response_url: h.fake.responseUrl('sock-short') });
    await h.fake.sendEnvelope(payload, 'interactive');
    const reply = await h.fake.waitForCall((c) => c.method === 'response_url' && c.target === 'sock-short', 8000);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(shown(reply)).toContain(QWEN_LINE);
  });
});

describe('PerChannelBudget', () => {
  it('gives each channel N a window, refilled over time', () => {
    let now = 0;
    const budget = new PerChannelBudget(10, 60_000, () => now);
    expect(budget.take('C1', 5)).toBe(5);
    expect(budget.take('C1', 8)).toBe(5);
    expect(budget.take('C1', 1)).toBe(0);
    expect(budget.take('C2', 3)).toBe(3);
    now = 30_000; // half a window: 5 back
    expect(budget.take('C1', 8)).toBe(5);
    now = 10 * 60_000; // never more than N
    expect(budget.take('C1', 50)).toBe(10);
  });
});
