// A misbehaving Hub, through the real @huggingface/hub client and the fault-injecting fake: bodies
// that hang, `{}` for a model, absurd numbers, 5xx storms, one slow model, a Link to another host,
// and cancelling everything when a one-shot command has answered.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleBot } from '../src/adapters/console.js';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { createHub, type Hub } from '../src/hub/hub.js';
import { makeSyntheticModels, startFakeHub, type FakeHub, type RawHubModel } from './fakes/hub.js';
import { tempDir } from './helpers/bot.js';

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function fakeHub(models: RawHubModel[] = makeSyntheticModels(200)): Promise<FakeHub> {
  const hub = await startFakeHub({ models });
  cleanup.push(() => hub.close());
  return hub;
}

function hubFor(endpoint: string, env: Record<string, string> = {}, now?: () => Date): Hub {
  const config = loadConfig({ HF_ENDPOINT: endpoint, DATA_DIR: tempDir(), HUB_TIMEOUT_MS: '400', ...env });
  const hub = createHub(config, now ? { now } : {});
  cleanup.push(() => {
    hub.close();
    return hub.whenIdle();
  });
  return hub;
}

const elapsed = async <T>(work: Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const value = await work;
  return [value, performance.now() - started];
};

describe('the deadline covers the whole answer', () => {
  it('a 404 whose body hangs is a timeout, not a command held for minutes', async () => {
    const fake = await fakeHub();
    const hub = hubFor(fake.url);
    fake.fail({ status: 404, slowBodyMs: Infinity, pathPrefix: '/api/models/', times: Infinity });
    const [result, ms] = await elapsed(hub.model('acme/hanging-404'));
    expect(ms).toBeLessThan(8_000); // 400 ms deadline; a hanging body used to hold it forever
    expect(result.found).toBe(false);
    expect(result.notes.map((n) => n.en).join(' ')).toContain('(timeout)');
  });

  it('a list page whose body stops half-way is a timeout, and the snapshot answers', async () => {
    const fake = await fakeHub();
    const hub = hubFor(fake.url);
    fake.fail({ slowBodyMs: Infinity, pathPrefix: '/api/models', times: Infinity });
    const [sample, ms] = await elapsed(hub.sample({ size: 50 }));
    expect(ms).toBeLessThan(8_000);
    expect(sample.source.kind).toBe('snapshot');
    expect(sample.notes[0].en).toContain('(timeout)');
  });
});

describe('bad answers', () => {
  it('a model endpoint answering {} is "the Hub answered badly", not "No model on the Hub"', async () => {
    const fake = await fakeHub();
    const bot = createBot(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: tempDir(), HUB_TIMEOUT_MS: '400' }));
    cleanup.push(() => bot.close());
    fake.fail({ body: {}, pathPrefix: '/api/models/', times: Infinity });
    const reply = await bot.invokeText('/classify acme/new-model');
    expect(reply.error?.code).toBe('hub_unavailable');
    expect(reply.summary).toMatch(/^The Hub answered badly about "acme\/new-model"/);
    expect(reply.summary).not.toContain('No model');
    const fr = await bot.invokeText('/classify acme/new-model', { locale: 'fr' });
    expect(fr.summary).toMatch(/^Le Hub a mal répondu au sujet de/);
  });

  it('/classify of a model with safetensors.total 1.7e308 answers (count unknown), chart and all, no crash', async () => {
    const absurd: RawHubModel = { id: 'acme/absurd', pipeline_tag: 'text-generation', downloads: 5, tags: [], safetensors: { total: 1.7e308 }, createdAt: '2025-01-01T00:00:00.000Z' };
    const negative: RawHubModel = { id: 'acme/negative-7B', pipeline_tag: 'text-generation', downloads: -3, likes: Number.MAX_VALUE, tags: [], safetensors: { total: -5 } };
    const fake = await fakeHub([...makeSyntheticModels(50), absurd, negative]);
    const dir = tempDir();
    const config = loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: join(dir, 'data'), OUT_DIR: join(dir, 'out'), HUB_TIMEOUT_MS: '2000' });
    const consoleBot = new ConsoleBot(createBot(config), config.OUT_DIR);
    cleanup.push(() => consoleBot.bot.close());

    const answer = await consoleBot.ask('/classify acme/absurd');
    expect(answer.reply.error).toBeUndefined();
    expect(answer.text).toContain('Parameter count unknown');
    expect(answer.chartPath).toBeDefined();
    expect(answer.text).not.toMatch(/Infinity|e\+308|at .*\.ts:\d+/);

    // A negative count is unknown too; the 7B in its name still sizes it.
    const other = await consoleBot.ask('/classify acme/negative-7B');
    expect(other.reply.data).toMatchObject({ parameters: 7e9, parameterSource: 'name', downloads: null, likes: null });
  });
});

describe('outages', () => {
  it('a 5xx storm with a stale cache costs a handful of requests, not hundreds (breaker, background obeys it)', async () => {
    // A saved sample older than the TTL whose 300 models name 300 bases nobody knows.
    const dataDir = tempDir();
    const models = Array.from({ length: 300 }, (_, i) => ({ id: `org/fine-tune-${i}`, tags: [`base_model:org/base-${i}`], downloads: 300 - i }));
    mkdirSync(join(dataDir, 'cache'), { recursive: true });
    writeFileSync(join(dataDir, 'cache', 'sample-300-_all.json'), JSON.stringify({ key: '*|300', size: 300, collectedAt: '2026-01-01T00:00:00.000Z', models }));
    const fake = await fakeHub();
    fake.fail({ status: 503, times: Infinity });
    const hub = hubFor(fake.url, { DATA_DIR: dataDir }, () => new Date('2026-01-01T12:00:00Z'));

    const sample = await hub.sample({ size: 300 });
    expect(sample.source.kind).toBe('cache'); // the last good data answers at once
    await hub.whenIdle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await hub.whenIdle();
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.length).toBeLessThanOrEqual(12);
  });

  it('one hung model does not make anyone else skip the Hub', async () => {
    const fake = await fakeHub();
    const hub = hubFor(fake.url);
    fake.fail({ delayMs: 5_000, pathPrefix: '/api/models/synthetic/model-00001' });
    const slow = await hub.model('synthetic/model-00001');
    expect(slow.notes.map((n) => n.en).join(' ')).toContain('(timeout)');

    const other = await hub.model('synthetic/model-00002');
    expect(other.found && other.source.kind).toBe('live');
    const sample = await hub.sample({ size: 20 });
    expect(sample.source.kind).toBe('live');
  });

  it('after repeated failures one kind of request fails at once, while the others still ask the Hub', async () => {
    const fake = await fakeHub();
    const hub = hubFor(fake.url);
    fake.fail({ status: 500, pathPrefix: '/api/models/', times: Infinity });
    for (let i = 0; i < 3; i++) await hub.model(`acme/missing-${i}`); // 2 attempts each: the breaker opens at 5
    const sent = fake.modelRequests().length;
    expect(sent).toBeLessThanOrEqual(6);
    const [result, ms] = await elapsed(hub.model('acme/missing-9'));
    expect(fake.modelRequests()).toHaveLength(sent); // not even asked
    expect(ms).toBeLessThan(1_000);
    expect(result.notes.map((n) => n.en).join(' ')).toContain('(HTTP 500)');

    // Lists are another endpoint: still asked, and they answer.
    const sample = await hub.sample({ size: 30 });
    expect(sample.source.kind).toBe('live');
  });

  it('cancels requests in flight and background work when closed (a one-shot command has answered)', async () => {
    const fake = await fakeHub();
    const hub = hubFor(fake.url, { HUB_TIMEOUT_MS: '10000' });
    fake.fail({ delayMs: 8_000, times: Infinity });
    const pending = hub.model('synthetic/model-00003');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [, ms] = await elapsed((async () => {
      hub.close();
      await pending;
      await hub.whenIdle();
    })());
    expect(ms).toBeLessThan(3_000); // the request alone would take 8 s
  });
});

describe('HF_TOKEN', () => {
  it('is only sent to HF_ENDPOINT’s host, even when a Link header points elsewhere', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => other.close(() => resolve())));
    const otherOrigin = `http://localhost:${(other.address() as AddressInfo).port}`;

    const fake = await fakeHub(makeSyntheticModels(1_500));
    const hub = hubFor(fake.url, { HF_TOKEN: 'hf_secret_token' });
    fake.fail({ nextLinkOrigin: otherOrigin, pathPrefix: '/api/models' });
    const sample = await hub.sample({ size: 1_200 }); // two pages of 1,000: the second from the Link
    expect(fake.listRequests()[0].headers.authorization).toBe('Bearer hf_secret_token');
    expect(seen).toHaveLength(1); // the pager followed the Link…
    expect(seen[0].authorization).toBeUndefined(); // …without the token
    expect(sample.models.length).toBeGreaterThan(0);
  });
});
