// /healthz and /readyz in every platform mode, through the real discord.js and Bolt against the fakes:
// ready once the platform is connected, the database open and the data loaded; not ready when the
// connection drops or shutdown begins.
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { portOf } from '../src/health.js';
import { startPlatforms, type RunningPlatforms } from '../src/platforms.js';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord.js';
import { startFakeSlack, type FakeSlack } from './fakes/slack.js';
import { tempDir } from './helpers/bot.js';
import { freePort } from './helpers/ports.js';

async function get(url: string): Promise<{ status: number; text: string; json?: any }> {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, text, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

/** Polls `url` until its status is `status` (the platforms connect and drop asynchronously). */
async function until(url: string, status: number, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await get(url);
    if (answer.status === status || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function botFor(env: Record<string, string>) {
  return createBot(loadConfig({ OFFLINE: '1', DATA_DIR: tempDir(), LOG_LEVEL: 'silent', ...env }));
}

let running: RunningPlatforms | undefined;
let discord: FakeDiscord | undefined;
let slack: FakeSlack | undefined;
afterEach(async () => {
  await running?.stop();
  await discord?.close();
  await slack?.close();
  running = discord = slack = undefined;
});

describe('health checks', () => {
  it('Discord: /healthz is up, /readyz ready once connected, and 503 when the gateway drops', async () => {
    discord = await startFakeDiscord();
    running = await startPlatforms(botFor({ DISCORD_TOKEN: 'health-token', DISCORD_API_URL: discord.apiUrl }), { healthPort: 0, healthHost: '127.0.0.1' });
    const base = `http://127.0.0.1:${portOf(running.healthServer!)}`;

    expect(await get(`${base}/healthz`)).toMatchObject({ status: 200, text: 'ok' });
    const ready = await until(`${base}/readyz`, 200);
    expect(ready.json).toEqual({ ready: true, stopping: false, checks: { database: true, data: true, discord: true } });
    expect((await get(`${base}/other`)).status).toBe(404);

    await discord.close();
    const dropped = await until(`${base}/readyz`, 503);
    expect(dropped.status).toBe(503);
    expect(dropped.json).toMatchObject({ ready: false, checks: { discord: false, database: true, data: true } });
    expect((await get(`${base}/healthz`)).status).toBe(200);
  });

  it('Slack Socket Mode: ready while the WebSocket is open, 503 once it closes', async () => {
    slack = await startFakeSlack();
    running = await startPlatforms(botFor({ SLACK_BOT_TOKEN: 'xoxb-health', SLACK_APP_TOKEN: 'xapp-health', SLACK_API_URL: slack.apiUrl }), {
      healthPort: 0,
      healthHost: '127.0.0.1',
    });
    const base = `http://127.0.0.1:${portOf(running.healthServer!)}`;
    await slack.waitForSocket();
    expect((await until(`${base}/readyz`, 200)).json).toEqual({ ready: true, stopping: false, checks: { database: true, data: true, slack: true } });

    await slack.close();
    expect((await until(`${base}/readyz`, 503)).json).toMatchObject({ ready: false, checks: { slack: false } });
  });

  it('Slack HTTP mode: Bolt’s server on PORT answers both paths; HEALTH_PORT = PORT opens no second server', async () => {
    slack = await startFakeSlack();
    const port = await freePort();
    running = await startPlatforms(
      botFor({ SLACK_BOT_TOKEN: 'xoxb-health', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, PORT: String(port), HEALTH_PORT: String(port) }),
    );
    expect(running.healthServer).toBeUndefined();
    expect(await get(`http://127.0.0.1:${port}/healthz`)).toMatchObject({ status: 200, text: 'ok' });
    expect((await until(`http://127.0.0.1:${port}/readyz`, 200)).json).toEqual({ ready: true, stopping: false, checks: { database: true, data: true, slack: true } });
  });

  it('Slack HTTP mode with its own HEALTH_PORT: both servers answer; shutdown makes /readyz 503 at once', async () => {
    slack = await startFakeSlack();
    const port = await freePort();
    running = await startPlatforms(botFor({ SLACK_BOT_TOKEN: 'xoxb-health', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, PORT: String(port) }), {
      healthPort: 0,
      healthHost: '127.0.0.1',
    });
    const own = `http://127.0.0.1:${portOf(running.healthServer!)}`;
    expect((await until(`${own}/readyz`, 200)).status).toBe(200);
    expect((await get(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    running.health.markStopping();
    expect(await get(`${own}/readyz`)).toMatchObject({ status: 503, json: { ready: false, stopping: true } });
    expect((await get(`http://127.0.0.1:${port}/readyz`)).status).toBe(503);
    expect((await get(`${own}/healthz`)).status).toBe(200);
  });
});
