// The real process (`npm start`, i.e. tsx src/main.ts) when things go wrong around it: a database that
// cannot be opened, a one-shot command whose background Hub work would go on for minutes, a SIGTERM
// after whoever read stderr went away, and a malformed gateway payload.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../src/digest/store.js';
import Database from 'better-sqlite3';
import { startFakeDiscord } from './fakes/discord.js';
import { makeSyntheticModels, startFakeHub } from './fakes/hub.js';
import { tempDir } from './helpers/bot.js';

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exitOf = (child: ChildProcess) => once(child, 'exit').then(([code]) => code as number | null);

describe('a database that cannot be opened', () => {
  it('is a StoreOpenError at once: corrupt, or locked by another process', () => {
    const corrupt = tempDir();
    writeFileSync(join(corrupt, 'slm-radar.sqlite'), Buffer.alloc(8192, 'not a database '));
    expect(() => new Store(corrupt)).toThrow(/cannot open the database .*slm-radar\.sqlite: file is not a database/);

    const locked = tempDir();
    new Store(locked).close();
    const holder = new Database(join(locked, 'slm-radar.sqlite'));
    holder.pragma('busy_timeout = 0');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => new Store(locked)).toThrow(/cannot open the database .*: database is locked/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 20_000);

  it('stops npm start with a clear line and exit status 1, instead of a bot without digests', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'slm-radar.sqlite'), Buffer.alloc(8192, 'not a database '));
    const discord = await startFakeDiscord();
    const child = start([], { OFFLINE: '1', DATA_DIR: dataDir, DISCORD_TOKEN: 'token', DISCORD_API_URL: discord.apiUrl });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const code = await exitOf(child);
    await discord.close();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^SLM Radar could not start: cannot open the database .*slm-radar\.sqlite: file is not a database\n$/);
    // It never connected to Discord half-way.
    expect(discord.requests.filter((r) => r.path.endsWith('/gateway/bot'))).toHaveLength(0);
  }, 60_000);
});

describe('a one-shot command', () => {
  it('exits right after answering, its background Hub work cancelled', async () => {
    const hub = await startFakeHub({ models: makeSyntheticModels(20) });
    // Lists hang for a minute: the sample behind /classify's percentile never comes.
    hub.fail({ delayMs: 60_000, path: '/api/models', times: Infinity });
    const dir = tempDir();
    const child = start(['/classify', 'synthetic/model-00001'], {
      HF_ENDPOINT: hub.url, HUB_TIMEOUT_MS: '120000', DATA_DIR: join(dir, 'data'), OUT_DIR: join(dir, 'out'),
    });
    let stdout = '';
    let answeredAt = 0;
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      answeredAt ||= Date.now();
    });
    const code = await exitOf(child);
    const exitedAt = Date.now();
    await hub.close();
    expect(code).toBe(0);
    expect(stdout).toContain('synthetic/model-00001');
    expect(exitedAt - answeredAt).toBeLessThan(5_000); // the sample behind it would take a minute
  }, 90_000);
});

describe('stopping', () => {
  it('SIGTERM with stderr closed by its reader: the process exits, logging never spins', async () => {
    const discord = await startFakeDiscord();
    const child = start([], { OFFLINE: '1', DATA_DIR: tempDir(), DISCORD_TOKEN: 'token', DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'debug' });
    await discord.waitForReady(60_000);
    child.stderr!.destroy(); // whoever read the logs went away: the next writes fail with EPIPE
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exited = exitOf(child);
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    await discord.close();
    expect(code).toBe(0);
  }, 90_000);

  it('a reader that stops reading stderr (a full pipe) blocks neither logging nor the exit', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('test', 'helpers', 'log-flood.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.pause(); // 10 MB of logs into a 64 KB pipe nobody empties
    let stdout = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    const code = await Promise.race([exitOf(child), new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 30_000))]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(stdout).toBe('logged\n');
  }, 60_000);

  it('a malformed gateway payload (data.options a string) is logged and answered with an error, never fatal', async () => {
    const discord = await startFakeDiscord();
    const child = start([], { OFFLINE: '1', DATA_DIR: tempDir(), DISCORD_TOKEN: 'token', DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'warn' });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    await discord.waitForReady(60_000);
    const bad = await discord.sendInteraction({ name: 'classify', overrides: { data: { id: 'cmd-classify', name: 'classify', type: 1, options: 'Qwen/Qwen2.5-0.5B' } } });
    const answer = await discord.waitForRequest((r) => r.path.includes(bad.token) && r.path.endsWith('/callback'), 15_000);
    expect(JSON.stringify(answer.json)).toContain('That command reached the bot garbled');
    expect((answer.json as { data: { flags: number } }).data.flags).toBe(64);

    // Still alive: the next command is answered.
    const good = await discord.sendInteraction({ name: 'classify', options: [{ name: 'model', value: 'Qwen/Qwen2.5-0.5B' }] });
    const edit = await discord.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(good.token), 20_000);
    expect(JSON.stringify(edit.payload)).toContain('494M');
    expect(stderr).toContain('malformed interaction payload');
    child.kill('SIGKILL');
    await discord.close();
  }, 90_000);
});
