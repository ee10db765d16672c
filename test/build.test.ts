// The compiled bot, as `npm start` runs it: scripts/start.mjs compiles dist/ when a source is newer,
// then runs dist/main.js, which works from any working directory and loads only what a command needs.
import { execFile } from 'node:child_process';
import { readFileSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers/bot.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..');

async function node(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const dir = tempDir();
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), OUT_DIR: join(dir, 'out'), ...options.env };
  return run(process.execPath, args, { cwd: options.cwd ?? ROOT, env, timeout: 120_000 });
}

describe('npm start (scripts/start.mjs) and dist/main.js', () => {
  let first: { stdout: string; stderr: string };

  beforeAll(async () => {
    // A source newer than dist/: the next start compiles first.
    const now = new Date();
    utimesSync(join(ROOT, 'src/time.ts'), now, now);
    first = await node(['scripts/start.mjs', '--offline', '/about']);
  }, 180_000);

  it('compiles when a source changed, then answers', () => {
    expect(first.stderr).toContain('compiling');
    expect(first.stdout).toContain('SLM Radar 0.1.0');
    expect(first.stdout).toContain('snapshot of 2025-03-22 (6,686 models)');
  });

  it('starts without compiling when dist/ is up to date', async () => {
    const { stdout, stderr } = await node(['scripts/start.mjs', '--offline', '--json', '/classify', 'Qwen/Qwen2.5-0.5B']);
    expect(stderr).not.toContain('compiling');
    expect(JSON.parse(stdout)).toMatchObject({ id: 'Qwen/Qwen2.5-0.5B', parameters: 494032768, verdict: 'SLM' });
  });

  it('node dist/main.js finds the snapshot from any working directory', async () => {
    const { stdout } = await node([join(ROOT, 'dist/main.js'), '--offline', '/share'], { cwd: tempDir() });
    expect(stdout).toContain('snapshot of 2025-03-22');
  });

  it('a one-shot /about loads neither the platform libraries nor the chart renderer', async () => {
    const log = join(tempDir(), 'imports.txt');
    await node(['--import', './test/helpers/log-imports.mjs', 'dist/main.js', '--offline', '/about'], { env: { LOG_IMPORTS_TO: log } });
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toContain('/dist/commands/about.js');
    for (const lazy of ['/node_modules/discord.js/', '/node_modules/@slack/bolt/', '/node_modules/@napi-rs/canvas/', '/node_modules/chart.js/', '/node_modules/quickchart-js/']) {
      expect(loaded).not.toContain(lazy);
    }
  });
});
