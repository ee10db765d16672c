// The fake Hub itself, driven by the real @huggingface/hub client and by plain fetch.
import { listModels, modelInfo } from '@huggingface/hub';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSyntheticModels, startFakeHub, type FakeHub } from './fakes/hub.js';

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe('fake Hub', () => {
  it('pages with an absolute Link header that the real client follows', async () => {
    hub = await startFakeHub({ models: makeSyntheticModels(1_200) });
    const first = await fetch(`${hub.url}/api/models?limit=500&sort=downloads`);
    expect(first.headers.get('link')).toBe(`<${hub.url}/api/models?limit=500&sort=downloads&cursor=500>; rel="next"`);

    hub.reset();
    const names: string[] = [];
    for await (const m of listModels({ hubUrl: hub.url, limit: 1_100, sort: 'downloads' })) names.push(m.name);
    expect(names).toHaveLength(1_100);
    expect(new Set(names).size).toBe(1_100);
    expect(names[0]).toBe('synthetic/model-00000');
    expect(hub.listRequests().map((r) => r.query.get('cursor'))).toEqual([null, '500', '1000']);
  });

  it('sorts, filters and searches like the Hub', async () => {
    hub = await startFakeHub();
    const byDownloads = (await (await fetch(`${hub.url}/api/models?limit=5&sort=downloads&pipeline_tag=text-generation`)).json()) as {
      downloads: number;
      pipeline_tag: string;
    }[];
    expect(byDownloads).toHaveLength(5);
    expect(byDownloads.every((m) => m.pipeline_tag === 'text-generation')).toBe(true);
    expect([...byDownloads].sort((a, b) => b.downloads - a.downloads)).toEqual(byDownloads);

    const search = (await (await fetch(`${hub.url}/api/models?limit=50&search=QWEN2.5-0.5b`)).json()) as { id: string }[];
    expect(search.map((m) => m.id)).toContain('Qwen/Qwen2.5-0.5B');

    const newest = (await (await fetch(`${hub.url}/api/models?limit=3&sort=createdAt`)).json()) as { createdAt: string }[];
    expect(newest[0].createdAt).toBe('2025-03-22T10:04:49.000Z');

    const filtered = (await (await fetch(`${hub.url}/api/models?limit=20&filter=gguf&author=TheBloke`)).json()) as { id: string; tags: string[] }[];
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((m) => m.id.startsWith('TheBloke/') && m.tags.includes('gguf'))).toBe(true);
  });

  it('returns only id, _id and the expanded fields when asked to expand', async () => {
    hub = await startFakeHub();
    const [m] = (await (await fetch(`${hub.url}/api/models?limit=1&sort=downloads&expand=downloads&expand=safetensors`)).json()) as Record<string, unknown>[];
    expect(Object.keys(m).sort()).toEqual(['_id', 'downloads', 'id', 'safetensors']);
    expect(m._id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('serves one model by exact id and 404s otherwise, as modelInfo expects', async () => {
    hub = await startFakeHub();
    const info = await modelInfo({ hubUrl: hub.url, name: 'Qwen/Qwen2.5-0.5B', additionalFields: ['safetensors'] });
    expect(info.name).toBe('Qwen/Qwen2.5-0.5B');
    expect(info.safetensors?.total).toBe(494032768);
    expect(hub.modelRequests()[0].path).toBe('/api/models/Qwen/Qwen2.5-0.5B/revision/HEAD');

    const missing = await fetch(`${hub.url}/api/models/qwen/qwen2.5-0.5b/revision/HEAD`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Repository not found' });
    await expect(modelInfo({ hubUrl: hub.url, name: 'qwen/qwen2.5-0.5b' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('applies faults to the next matching requests only', async () => {
    hub = await startFakeHub({ models: makeSyntheticModels(3) });
    hub.fail({ status: 429, retryAfter: 3, times: 2, pathPrefix: '/api/models' });
    const a = await fetch(`${hub.url}/api/models`);
    const b = await fetch(`${hub.url}/api/models`);
    const c = await fetch(`${hub.url}/api/models`);
    expect([a.status, b.status, c.status]).toEqual([429, 429, 200]);
    expect(a.headers.get('retry-after')).toBe('3');

    hub.fail({ malformed: true });
    await expect((await fetch(`${hub.url}/api/models`)).json()).rejects.toThrow();
    hub.fail({ dropConnection: true });
    await expect(fetch(`${hub.url}/api/models`)).rejects.toThrow();
    hub.fail({ truncated: true });
    await expect(fetch(`${hub.url}/api/models`).then((r) => r.text())).rejects.toThrow();
    hub.fail({ body: { not: 'a list' } });
    expect(await (await fetch(`${hub.url}/api/models`)).json()).toEqual({ not: 'a list' });
    expect(hub.requests).toHaveLength(7);
  });
});
