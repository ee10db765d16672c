// `npm start` with platform tokens: one process runs Discord and Slack (and the digests), answers
// on both, and stops cleanly on SIGTERM.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { startFakeSlack, type FakeSlack } from './fakes/slack.js';
import { tempDir } from './helpers/bot.js';
import { spawnBot, type BotProcess } from './helpers/main-process.js';
import { freePort } from './helpers/ports.js';

/** `npm start` (src/main.ts) with both platforms pointed at their fakes, offline, in a temp DATA_DIR. */
function startMain(discord: FakeDiscord, slack: FakeSlack, env: Record<string, string>): BotProcess {
  return spawnBot({
    OFFLINE: '1',
    DATA_DIR: tempDir(),
    DISCORD_TOKEN: 'main-test-token',
    DISCORD_API_URL: discord.apiUrl,
    SLACK_API_URL: slack.apiUrl,
    ...env,
  });
}

describe('npm start with DISCORD_TOKEN and SLACK_BOT_TOKEN', () => {
  let discord: FakeDiscord;
  let slack: FakeSlack;
  let bot: BotProcess;
  let port: number;
  const signingSecret = 'main-test-secret';

  beforeAll(async () => {
    discord = await startFakeDiscord();
    slack = await startFakeSlack();
    port = await freePort();
    bot = startMain(discord, slack, { SLACK_BOT_TOKEN: 'xoxb-main-test', SLACK_SIGNING_SECRET: signingSecret, PORT: String(port), LOG_LEVEL: 'warn' });
    await discord.waitForReady(15_000);
    // Slack's HTTP endpoint is up once its health check answers.
    for (let i = 0; i < 100; i++) {
      if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 30_000);

  afterAll(async () => {
    bot.child.kill('SIGKILL');
    await discord.close();
    await slack.close();
  });

  it('answers on Discord and on Slack from the same process', async () => {
    const sent = await discord.sendInteraction({ name: 'classify', options: [{ name: 'model', value: 'Qwen/Qwen2.5-0.5B' }] });
    const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(sent.token), 15_000);
    expect(JSON.stringify(edit.payload)).toContain('494M');

    const res = await slack.sendSlashCommand(`http://127.0.0.1:${port}`, { command: '/radar', text: 'share', channel_id: 'C1', user_id: 'U1', response_url: slack.responseUrl('main') }, { signingSecret });
    expect(res.status).toBe(200);
    const answer = await slack.waitForCall((c) => c.method === 'response_url' && c.target === 'main' && JSON.stringify(c.args).includes('in_channel'), 15_000);
    expect(JSON.stringify(answer.args)).toContain('SLMs');
  });

  it('stops cleanly on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).not.toMatch(/"level":(50|60)/);
  });
});

describe('npm start when one platform refuses its token', () => {
  it('stops the other one and exits with status 1 and one clear line', async () => {
    const discord = await startFakeDiscord();
    const slack = await startFakeSlack();
    slack.fail('auth.test', { error: 'invalid_auth', times: Infinity });
    const refused = startMain(discord, slack, { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 'secret', PORT: String(await freePort()), LOG_LEVEL: 'silent' });
    const code = await refused.exited;
    await discord.close();
    await slack.close();
    expect(code).toBe(1);
    expect(refused.stderr()).toContain('SLM Radar could not start: Slack did not accept SLACK_BOT_TOKEN (invalid_auth)');
  }, 30_000);
});
