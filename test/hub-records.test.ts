// Pure parts of the Hub layer: record normalisation, the bundled snapshot, "did you mean".
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseModelsOf } from '../src/core/parameters.js';
import { fromHubEntry, fromRawHub } from '../src/hub/records.js';
import { getSnapshot, mergeRawModels, SNAPSHOT_DIR, snapshotCollectedAt } from '../src/hub/snapshot.js';
import { editDistance, rankSuggestions } from '../src/hub/suggest.js';

describe('records', () => {
  it('normalises the raw Hub API shape', () => {
    expect(
      fromRawHub({
        _id: '66f4de18b230c19285393832',
        id: 'org/Model-1B',
        pipeline_tag: 'text-generation',
        library_name: 'transformers',
        safetensors: { total: 1_234_567_890, parameters: { BF16: 1_234_567_890 } },
        gguf: { total: 1_234_000_000, architecture: 'llama' },
        createdAt: '2024-09-15T12:15:39.000Z',
        downloads: 10,
        likes: 2,
        tags: ['transformers', 'base_model:org/Base-1B'],
      }),
    ).toEqual({
      id: 'org/Model-1B',
      pipelineTag: 'text-generation',
      libraryName: 'transformers',
      safetensorsTotal: 1_234_567_890,
      safetensorsPackedShare: 0,
      ggufTotal: 1_234_000_000,
      createdAt: '2024-09-15T12:15:39.000Z',
      downloads: 10,
      likes: 2,
      tags: ['transformers', 'base_model:org/Base-1B'],
    });
  });

  it('measures how much of safetensors is packed integers (GPTQ, AWQ, bitsandbytes 4-bit)', () => {
    expect(fromRawHub({ id: 'a/gptq', safetensors: { total: 2e9, parameters: { I32: 1e9, F16: 1e9 } } })?.safetensorsPackedShare).toBe(0.5);
    expect(fromRawHub({ id: 'a/int8', safetensors: { total: 8e9, parameters: { I8: 7e9, F16: 1e9 } } })?.safetensorsPackedShare).toBe(0);
  });

  it('normalises the entries @huggingface/hub yields (name = repo id, task = pipeline tag)', () => {
    expect(
      fromHubEntry({
        id: '66f4de18b230c19285393832',
        name: 'org/Model-1B',
        task: 'text-generation',
        downloads: 5,
        likes: 1,
        private: false,
        gated: false,
        updatedAt: new Date(),
        createdAt: new Date('2024-01-02T03:04:05Z'),
        tags: ['gguf'],
        gguf: { total: 1e9 },
      }),
    ).toEqual({ id: 'org/Model-1B', pipelineTag: 'text-generation', downloads: 5, likes: 1, createdAt: '2024-01-02T03:04:05.000Z', tags: ['gguf'], ggufTotal: 1e9 });
  });

  it('turns card-declared base models into base_model tags, without duplicates', () => {
    const record = fromRawHub({
      id: 'org/ft',
      tags: ['base_model:finetune:org/a'],
      cardData: { base_model: ['org/a', 'org/b', 'org/b'] },
    });
    expect(record?.tags).toEqual(['base_model:finetune:org/a', 'base_model:org/b']);
    expect(fromRawHub({ id: 'org/x', tags: [], cardData: { base_model: 'org/c' } })?.tags).toEqual(['base_model:org/c']);
  });

  it('drops invalid numbers, dates and records without an id', () => {
    const record = fromRawHub({
      id: 'org/m',
      downloads: Number.NaN,
      likes: -3,
      safetensors: { total: 0 },
      gguf: { total: Infinity },
      createdAt: 'not a date',
      tags: ['ok', 42, null],
    });
    expect(record).toEqual({ id: 'org/m', tags: ['ok'] });
    expect(fromRawHub({ downloads: 3 })).toBeUndefined();
    expect(fromRawHub(null)).toBeUndefined();
    expect(fromHubEntry({ id: 'abc' })).toBeUndefined();
  });

  it('reads base model ids from every kind of base_model tag', () => {
    const tags = [
      'base_model:org/a',
      'base_model:finetune:org/a',
      'base_model:quantized:org/b',
      'base_model:adapter:org/c',
      'base_model:merge:org/d',
      'license:mit',
    ];
    expect(baseModelsOf({ id: 'org/x', tags })).toEqual([
      { id: 'org/a', relation: 'finetune' },
      { id: 'org/b', relation: 'quantized' },
      { id: 'org/c', relation: 'adapter' },
      { id: 'org/d', relation: 'merge' },
    ]);
    expect(baseModelsOf({ id: 'org/x', tags: ['base_model:org/x'] })).toEqual([]);
  });
});

it('sums safetensors parameters per dtype when the Hub gives no total', () => {
  expect(fromRawHub({ id: 'a/b', safetensors: { parameters: { BF16: 100, F32: 20 } } })?.safetensorsTotal).toBe(120);
  expect(fromRawHub({ id: 'a/b', safetensors: { parameters: {} } })?.safetensorsTotal).toBeUndefined();
});

describe('snapshot', () => {
  it('lives in the project data directory, found from the module, not the working directory', () => {
    const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
    expect(resolve(SNAPSHOT_DIR)).toBe(resolve(root, 'data/snapshot'));
  });

  it('merges both files by id and is collected at its newest model', () => {
    const snap = getSnapshot();
    expect(snap.models).toHaveLength(6_686); // 3,580 + 4,475 - 1,369 in both
    expect(snapshotCollectedAt()).toBe('2025-03-22T10:04:49.000Z');
    expect(getSnapshot()).toBe(snap); // one copy
    expect(snap.byLowerId.get('qwen/qwen2.5-0.5b')).toBe(snap.byId.get('Qwen/Qwen2.5-0.5B'));
    const downloads = snap.models.map((m) => m.downloads ?? 0);
    expect(downloads).toEqual([...downloads].sort((a, b) => b - a));
  });

  it('prefers the March file and fills gaps from January', () => {
    const merged = mergeRawModels([
      [{ id: 'o/m', downloads: 200, tags: ['new'], createdAt: undefined, safetensors: { total: 5 } }],
      [{ id: 'o/m', _id: 'x', downloads: 100, likes: 7, library_name: 'transformers', tags: ['old'], createdAt: '2024-01-01T00:00:00.000Z', pipeline_tag: 'fill-mask' }],
    ]);
    expect(merged).toEqual([
      {
        id: 'o/m',
        _id: 'x',
        downloads: 200,
        likes: 7,
        library_name: 'transformers',
        tags: ['new'],
        createdAt: '2024-01-01T00:00:00.000Z',
        pipeline_tag: 'fill-mask',
        safetensors: { total: 5 },
      },
    ]);
    // A real model in both files: March downloads and size, January likes and library.
    const qwen = getSnapshot().byId.get('Qwen/Qwen2.5-0.5B')!;
    expect(qwen.downloads).toBe(573129);
    expect(qwen.safetensorsTotal).toBe(494032768);
    expect(qwen.libraryName).toBe('transformers');
    expect(qwen.likes).toBeGreaterThan(0);
  });
});

describe('suggestions', () => {
  it('ranks shared prefix, then same owner, then substring, then edit distance', () => {
    const candidates = [
      'someone/Mistral-7B-Instruct-GGUF',
      'mistralai/Mixtral-8x7B-v0.1',
      'mistralai/Mistral-7B-Instruct-v0.2',
      'mistralai/Mistral-7B-v0.1',
      'totally/unrelated',
    ];
    expect(rankSuggestions('mistralai/Mistral-7B', candidates)).toEqual([
      'mistralai/Mistral-7B-v0.1',
      'mistralai/Mistral-7B-Instruct-v0.2',
      'mistralai/Mixtral-8x7B-v0.1',
      'someone/Mistral-7B-Instruct-GGUF',
    ]);
    expect(rankSuggestions('Mistral-7B', candidates)[0]).toBe('mistralai/Mistral-7B-v0.1');
    expect(rankSuggestions('mistrali/Mistral-7B-v0.1', candidates)[0]).toBe('mistralai/Mistral-7B-v0.1');
    expect(rankSuggestions('', candidates)).toEqual([]);
  });

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
