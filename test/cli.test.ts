// The real command line a newcomer types: `npm start -- --offline --json /classify …`, and the same
// bot against a fake Hub (live mode), all without internet.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeHub, type FakeHub } from './fakes/hub.js';
import { tempDir } from './helpers/bot.js';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

async function cli(args: string[], env: Record<string, string> = {}) {
  const dir = tempDir();
  try {
    const { stdout, stderr } = await run(TSX, ['src/main.ts', ...args], {
      // An English terminal unless a test says otherwise, whatever the machine's own locale.
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', DATA_DIR: join(dir, 'data'), OUT_DIR: join(dir, 'out'), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm start -- --offline', () => {
  it('--json prints only the classify object', async () => {
    const { code, stdout, stderr } = await cli(['--offline', '--json', '/classify', 'Qwen/Qwen2.5-0.5B']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data).toMatchObject({ id: 'Qwen/Qwen2.5-0.5B', parameters: 494032768, parameterSource: 'safetensors', verdict: 'SLM' });
    expect(data.source).toEqual({ kind: 'snapshot', collectedAt: '2025-03-22T10:04:49.000Z' });
    expect(stderr).toMatch(/Chart: .*classify\.png/);
  });

  it('--json prints an error object and exits with status 2', async () => {
    const { code, stdout } = await cli(['--offline', '--json', '/classify', 'a/b/c']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({ error: { code: 'bad_input', message: expect.stringContaining('is not a Hugging Face model id') } });
  });

  it('answers once in text, with the chart path and the data source, and no QuickChart link unless asked', async () => {
    const { code, stdout } = await cli(['--offline', '/share']);
    expect(code).toBe(0);
    expect(stdout).toContain('Chart: ');
    expect(stdout).toContain('snapshot of 2025-03-22');
    expect(stdout).not.toContain('QuickChart');
  });

  it('answers in French under LANG=fr_FR.UTF-8, and in English with --lang en and a QuickChart link with --quickchart', async () => {
    const french = await cli(['--offline', '/classify', 'Qwen/Qwen2.5-0.5B'], { LANG: 'fr_FR.UTF-8' });
    expect(french.code).toBe(0);
    expect(french.stdout).toContain('494M paramètres (source : métadonnées safetensors du Hub) : SLM — moins de 7B.');
    expect(french.stdout).toMatch(/Graphique : .*classify\.png/);
    expect(french.stdout).toContain('Données : Hugging Face Hub — instantané du 2025-03-22');
    const english = await cli(['--offline', '--lang', 'en', '--quickchart', '/classify', 'Qwen/Qwen2.5-0.5B'], { LANG: 'fr_FR.UTF-8' });
    expect(english.stdout).toContain('494M parameters (from safetensors metadata on the Hub)');
    expect(english.stdout).toMatch(/\nQuickChart: https:\/\/quickchart\.io\/chart\?/);
    const unknown = await cli(['--offline', '--lang', 'de', '/help'], { LANG: 'fr_FR.UTF-8' });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--lang prend en | fr, pas "de".');
  }, 60_000);
});

describe('live mode against a fake Hub', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startFakeHub();
  });
  afterAll(async () => hub.close());

  it('classifies from the Hub and says the data is live', async () => {
    const { code, stdout } = await cli(['--json', '/classify', 'Qwen/Qwen2.5-0.5B'], { HF_ENDPOINT: hub.url, SAMPLE_SIZE: '1000' });
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data).toMatchObject({ parameters: 494032768, parameterSource: 'safetensors', verdict: 'SLM', source: { kind: 'live' } });
    expect(Date.parse(data.source.collectedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(hub.requests.some((r) => r.path === '/api/models/Qwen/Qwen2.5-0.5B/revision/HEAD')).toBe(true);
  });

  it('falls back to the snapshot, and says so, when the Hub is down', async () => {
    hub.fail({ status: 503, times: Infinity });
    const { code, stdout } = await cli(['/classify', 'Qwen/Qwen2.5-0.5B'], { HF_ENDPOINT: hub.url, SAMPLE_SIZE: '1000' });
    hub.reset();
    expect(code).toBe(0);
    expect(stdout).toContain('494M parameters');
    expect(stdout).toMatch(/snapshot/i);
  });
});
