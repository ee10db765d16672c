// Platform-side guards: Slack requests stamped in the future are refused like stale ones, and heavy
// commands on Discord never hold up another user's acknowledgement.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../src/adapters/discord.js';
import { startSlack, type SlackAdapter } from '../src/adapters/slack.js';
import { createBot, type Bot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { startFakeSlack, type FakeSlack } from './fakes/slack.js';
import { tempDir } from './helpers/bot.js';

describe('Slack, HTTP mode', () => {
  const signingSecret = 'guard-secret';
  let fake: FakeSlack;
  let bot: Bot;
  let slack: SlackAdapter;
  let url: string;
  const invoked: string[] = [];
  beforeAll(async () => {
    fake = await startFakeSlack();
    const real = createBot(loadConfig({ OFFLINE: '1', DATA_DIR: tempDir(), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.apiUrl }));
    bot = { ...real, invokeText: (line, o) => (invoked.push(line), real.invokeText(line, o)) };
    slack = await startSlack(bot, { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 } });
    url = `http://127.0.0.1:${(slack.server!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await slack.stop();
    bot.close();
    await fake.close();
  });

  it('refuses a correctly signed request stamped more than 5 minutes in the future with 401, and runs nothing', async () => {
    const timestamp = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await fake.sendSlashCommand(url, { command: '/radar', text: 'share', response_url: fake.responseUrl('future') }, { signingSecret, timestamp });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(invoked).toEqual([]);
    expect(fake.calls.filter((c) => c.target === 'future')).toEqual([]);
  });

  it('still answers a request stamped a little ahead (clock skew under 5 minutes)', async () => {
    const timestamp = Math.floor(Date.now() / 1000) + 60;
    const res = await fake.sendSlashCommand(url, { command: '/radar', text: 'share', response_url: fake.responseUrl('skew') }, { signingSecret, timestamp });
    expect(res.status).toBe(200);
    await fake.waitForCall((c) => c.target === 'skew' && c.args.response_type === 'in_channel', 10_000);
  });
});

describe('Discord under heavy commands', () => {
  let fake: FakeDiscord;
  let bot: Bot;
  let discord: DiscordAdapter;
  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = createBot(loadConfig({ OFFLINE: '1', DATA_DIR: tempDir() }));
    discord = await startDiscord(bot, { token: 'test-token', apiUrl: fake.apiUrl, rest: { retries: 0 } });
  });
  afterAll(async () => {
    await discord.stop();
    bot.close();
    await fake.close();
  });

  it('acknowledges /help within Discord’s 3 s while three /trend since:0000-01 arrive first', async () => {
    const heavy = await Promise.all([0, 1, 2].map(() => fake.sendInteraction({ name: 'trend', options: [{ name: 'since', value: '0000-01' }] })));
    const sentAt = Date.now();
    const help = await fake.sendInteraction({ name: 'help' });
    await fake.waitForRequest((r) => r.path.includes(help.token) && r.path.endsWith('/callback'), 10_000);
    expect(Date.now() - sentAt).toBeLessThan(3_000);
    // The heavy ones were refused at once, privately, with what to type.
    for (const h of heavy) {
      const answer = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(h.token), 10_000);
      expect(JSON.stringify(answer.payload ?? answer.json)).toContain('is too early: months start at 2015-01');
    }
  });
});
