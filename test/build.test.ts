// The compiled bot, as `npm start` runs it: scripts/start.mjs compiles dist/ when a source is newer,
// then runs dist/main.js, which works from any working directory and loads only what a command needs.
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, utimesSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, Health, portOf, startHealthServer } from '../src/health.js';
import { tempDir } from './helpers/bot.js';
import { argumentsOf, copiesOf, dockerfileStages, execForm, instructionsOf } from './helpers/dockerfile.js';

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

  describe('the Docker image’s runtime stage, laid out from the Dockerfile', () => {
    const runtime = dockerfileStages().at(-1)!;
    const workdir = argumentsOf(instructionsOf(runtime, 'WORKDIR')[0])[0];
    const app = tempDir('slm-radar-image-');
    let health: Health;
    let server: Awaited<ReturnType<typeof startHealthServer>>;

    beforeAll(async () => {
      // What each COPY puts in the image, taken from this checkout (the builder's WORKDIR is the repo root).
      for (const copy of copiesOf(runtime)) {
        for (const source of copy.sources) {
          const local = copy.from ? source.replace(`${workdir}/`, '') : source;
          const target = join(app, copy.destination === './' ? basename(local) : copy.destination);
          if (local === 'node_modules') symlinkSync(join(ROOT, 'node_modules'), target);
          else cpSync(join(ROOT, local), target, { recursive: true });
        }
      }
      health = new Health();
      server = await startHealthServer(health, 0, '127.0.0.1');
    });
    afterAll(async () => {
      if (server.listening) await closeServer(server);
    });

    it('ENTRYPOINT answers with only those files: no sources, no tsx', async () => {
      const [command, ...args] = execForm(instructionsOf(runtime, 'ENTRYPOINT')[0]);
      expect(command).toBe('node');
      const { stdout } = await node([...args, '--offline', '/about'], { cwd: app });
      expect(stdout).toContain('snapshot of 2025-03-22 (6,686 models)');
    });

    it('HEALTHCHECK exits 0 when /readyz is ready, 1 when it is not or nothing answers', async () => {
      const [command, ...args] = execForm(instructionsOf(runtime, 'HEALTHCHECK')[0]);
      expect(command).toBe('node');
      const check = (port: number) =>
        node(args, { cwd: app, env: { HEALTH_PORT: String(port) } }).then(
          () => 0,
          (error: { code: number }) => error.code,
        );
      const port = portOf(server);
      let ready = true;
      health.require('platform', () => ready);
      expect(await check(port)).toBe(0);
      ready = false;
      expect(await check(port)).toBe(1);
      await closeServer(server);
      expect(await check(port)).toBe(1);
    });
  });
});
