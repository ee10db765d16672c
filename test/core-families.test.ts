import { describe, expect, it } from 'vitest';
import { EMPTY_CALIBRATION, familyCount, familyKeys, learnCalibration, nameTokens, primaryKey } from '../src/core/families.js';
import { FAMILY_TABLE } from '../src/core/family-table.js';
import { resolveParameters } from '../src/core/parameters.js';
import { DEFAULT_THRESHOLDS, type ModelRecord } from '../src/core/types.js';
import { verdictOf } from '../src/core/verdict.js';

const model = (id: string, extra: Partial<ModelRecord> = {}): ModelRecord => ({ id, tags: [], ...extra });

describe('name tokens and family keys', () => {
  it.each([
    ['meta-llama/Llama-2-7b-chat-hf', ['llama2', '7b', 'chat', 'hf']],
    ['Qwen/Qwen2.5-0.5B-Instruct', ['qwen2.5', '0.5b', 'instruct']],
    ['meta-llama/Meta-Llama-3.1-8B', ['meta', 'llama3.1', '8b']],
    ['timm/vit_base_patch16_clip_224.laion400m_e32', ['vit', 'base', 'patch16', 'clip', '224', 'laion400m', 'e32']],
    ['laion/CLIP-ViT-H-14-laion2B-s32B-b79K', ['clip', 'vit', 'h14', 'laion2b', 's32b', 'b79k']], // OpenCLIP size letter + patch
    ['timm/mobilenetv3_small_100.lamb_in1k', ['mobilenetv3', 'small', '100', 'lamb', 'in1k']], // a size word keeps its own token
    ['facebook/detr-resnet-50', ['detr', 'resnet', '50']], // only one-digit versions are glued to their word
  ])('%s → %j', (id, tokens) => {
    expect(nameTokens(id)).toEqual(tokens);
  });

  it('lists keys from the most to the least specific', () => {
    expect(familyKeys('openai/clip-vit-large-patch14-336')).toEqual([
      'clip vit|large|patch14 336', 'clip vit|large|patch14', 'clip vit|large',
      'vit|large|patch14 336', 'vit|large|patch14', 'vit|large',
      'clip|large', 'clip vit', 'clip',
    ]);
    // A name that states its size never falls back to its bare leading words.
    expect(familyKeys('meta-llama/Llama-2-7b-hf')).toEqual(['llama2|7b|hf', 'llama2|7b']);
    // Versions and single letters are no family on their own: `v3|base` would mix DeBERTa and DeepSeek.
    expect(familyKeys('microsoft/deberta-v3-base')).toEqual(['deberta v3|base', 'deberta|base', 'deberta v3', 'deberta']);
    expect(familyKeys('hf-internal-testing/tiny-random-LlamaForCausalLM')).toEqual(['(test)']);
    expect(familyKeys('trl-internal-testing/anything')).toEqual(['(test)']);
  });

  it('files every table entry under a key its own name reaches', () => {
    for (const entry of FAMILY_TABLE) {
      expect(entry.source.length, entry.name).toBeGreaterThan(10);
      expect(entry.parameters, entry.name).toBeGreaterThan(0);
      expect(familyCount(entry.name)?.family, entry.name).toBe(entry.name);
    }
    expect(new Set(FAMILY_TABLE.map((e) => primaryKey(e.name))).size).toBe(FAMILY_TABLE.length);
  });
});

describe('famous models from their names alone, within ±10% of their model cards', () => {
  // Expected counts are the model cards' (or papers') numbers, written here by hand.
  it.each([
    ['microsoft/Phi-3-medium-4k-instruct', 14.0e9],
    ['microsoft/Phi-3.5-MoE-instruct', 41.9e9],
    ['microsoft/Phi-3-mini-4k-instruct', 3.8e9],
    ['microsoft/phi-2', 2.7e9],
    ['bigscience/bloom', 176e9],
    ['bigscience/bloom-560m', 560e6],
    ['openai/clip-vit-large-patch14-336', 428e6],
    ['openai/clip-vit-base-patch32', 151e6],
    ['datificate/gpt2-small-spanish', 124e6],
    ['openai-community/gpt2', 124e6],
    ['openai-community/gpt2-xl', 1.5e9],
    ['microsoft/DialoGPT-medium', 345e6],
    ['xlnet/xlnet-base-cased', 117e6],
    ['mistralai/Mixtral-8x7B-Instruct-v0.1', 46.7e9],
    ['mistralai/Mixtral-8x22B-v0.1', 141e9],
    ['google/gemma-7b', 8.54e9],
    ['google/gemma-2-9b-it', 9.24e9],
    ['meta-llama/Llama-2-7b-hf', 6.74e9],
    ['meta-llama/Meta-Llama-3.1-8B-Instruct', 8.03e9],
    ['mistralai/Mistral-7B-Instruct-v0.2', 7.24e9],
    ['mistralai/Mistral-Nemo-Instruct-2407', 12.2e9],
    ['Qwen/Qwen2.5-7B-Instruct', 7.62e9],
    ['Qwen/Qwen3-0.6B', 0.6e9],
    ['deepseek-ai/DeepSeek-V3', 671e9],
    ['timm/vit_base_patch16_clip_224.laion400m_e32', 86e6],
    ['google/siglip-so400m-patch14-384', 878e6],
    ['facebook/dinov2-small', 22e6],
    ['google-bert/bert-base-uncased', 110e6],
    ['FacebookAI/xlm-roberta-large', 550e6],
    ['google/flan-t5-xl', 2.85e9],
    ['openai/whisper-large-v3', 1.55e9],
    ['openai/whisper-large-v3-turbo', 809e6],
    ['sentence-transformers/all-MiniLM-L6-v2', 22.7e6],
  ])('%s ≈ %d', (id, card) => {
    const count = resolveParameters(model(id));
    expect(count.source).toBe('family_table');
    expect(Math.abs(count.parameters! / card - 1)).toBeLessThanOrEqual(0.1);
  });

  it('labels the active parameters of mixtures', () => {
    expect(resolveParameters(model('mistralai/Mixtral-8x7B-v0.1'))).toMatchObject({ parameters: 46_702_792_704, activeParameters: 12.9e9 });
    expect(resolveParameters(model('mistralai/Mixtral-8x22B-Instruct-v0.1'))).toMatchObject({ activeParameters: 39e9 });
    expect(resolveParameters(model('Qwen/Qwen3-235B-A22B'))).toMatchObject({ parameters: 235e9, activeParameters: 22e9 });
  });

  it('puts nominal 7B models on the right side of the 7B line', () => {
    const verdict = (id: string) => verdictOf(resolveParameters(model(id)).parameters, DEFAULT_THRESHOLDS);
    expect(verdict('meta-llama/Llama-2-7b-chat-hf')).toBe('SLM'); // 6.74B
    expect(verdict('mistralai/Mistral-7B-v0.1')).toBe('borderline'); // 7.24B
    expect(verdict('Qwen/Qwen2-7B')).toBe('borderline'); // 7.62B
  });

  it('recognises test fixtures as tiny', () => {
    for (const id of ['hf-internal-testing/tiny-random-LlamaForCausalLM', 'echarlaix/tiny-random-mistral', 'fxmarty/really-tiny-falcon-testing', 'trl-internal-testing/dummy-GPT2-correct-vocab']) {
      const count = resolveParameters(model(id));
      expect(count.parameters, id).toBeLessThan(10e6);
      expect(verdictOf(count.parameters, DEFAULT_THRESHOLDS), id).toBe('SLM');
    }
  });
});

describe('calibration learned from measured counts', () => {
  const measured = [
    // Counts that are not round: a round 7,000,000,000 beside `7B` would be a copy of the name, not a measurement.
    model('acme/Foo-7B', { safetensorsTotal: 6_901_234_567 }),
    model('acme/Foo-7B-Chat', { safetensorsTotal: 7_123_456_789 }),
    model('other/Foo-7B-Instruct', { safetensorsTotal: 7_012_345_678 }),
    model('acme/Foo-7B-GPTQ', { safetensorsTotal: 1.2e9 }), // packed weights are no measurement
    model('acme/Bar-3B', { safetensorsTotal: 3.3e9 }), // one model is no family yet
  ];

  it('gives a family and nominal size the median of its measured models', () => {
    const calibration = learnCalibration(measured);
    expect(calibration.families.get('foo|7b')).toMatchObject({ parameters: 7_012_345_678, models: 3 });
    expect(calibration.families.has('bar|3b')).toBe(false);
    const count = resolveParameters(model('someone/Foo-7B-medical'), () => undefined, calibration);
    expect(count).toMatchObject({ parameters: 7_012_345_678, source: 'family_median', family: 'foo|7b', familyModels: 3 });
    // Without calibration the same name is read as its nominal size.
    expect(resolveParameters(model('someone/Foo-7B-medical'), () => undefined, EMPTY_CALIBRATION)).toMatchObject({ parameters: 7e9, source: 'name' });
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    const calibration = learnCalibration([model('a/Baz-1B', { safetensorsTotal: 1_000_000_001 }), model('b/Baz-1B', { safetensorsTotal: 1_200_000_001 })]);
    expect(calibration.families.get('baz|1b')?.parameters).toBe(1_100_000_001);
  });

  it('counts a quantization through the measured base model it names, with a lookup', () => {
    const base = model('acme/Qux-2B', { safetensorsTotal: 2.2e9 });
    const gguf = model('someone/Qux-2B-GGUF', { tags: ['base_model:quantized:acme/Qux-2B'] });
    const calibration = learnCalibration([base, gguf], (id) => (id === base.id ? base : undefined));
    expect(calibration.families.get('qux|2b')).toMatchObject({ parameters: 2.2e9, models: 2 });
  });

  it('uses a Hub tag as a family only when its measured models agree or are all small', () => {
    const tagged = (id: string, n: number, tag: string) => model(id, { safetensorsTotal: n, tags: [tag] });
    const calibration = learnCalibration([
      tagged('a/x1', 7.69e9, 'omegalabs'), tagged('a/x2', 7.69e9, 'omegalabs'), tagged('a/x3', 7.7e9, 'omegalabs'),
      tagged('b/y1', 1.2e9, 'llama'), tagged('b/y2', 8e9, 'llama'), tagged('b/y3', 70e9, 'llama'),
    ]);
    expect(resolveParameters(model('c/opaque', { tags: ['omegalabs', 'llama'] }), () => undefined, calibration)).toMatchObject({
      parameters: 7.69e9, source: 'family_median', family: 'tag:omegalabs', familyModels: 3,
    });
    // llama spans 1B to 70B: no family.
    expect(calibration.tags.has('llama')).toBe(false);
    expect(resolveParameters(model('c/opaque', { tags: ['llama'] }), () => undefined, calibration).parameters).toBeNull();
  });

  it('never takes a language, a file format or a leaderboard tag for a family', () => {
    const tagged = (id: string, n: number) => model(id, { safetensorsTotal: n, tags: ['en', 'pytorch', 'mteb', 'image-classification'] });
    const calibration = learnCalibration([tagged('a/x1', 86_000_001), tagged('a/x2', 86_000_002), tagged('a/x3', 86_000_003)]);
    expect([...calibration.tags.keys()]).toEqual(['image-classification']);
  });

  it('prefers the table to a learned median of the same key', () => {
    const calibration = learnCalibration([model('a/Llama-2-7b-x', { safetensorsTotal: 5e9 }), model('b/Llama-2-7b-y', { safetensorsTotal: 5e9 })]);
    expect(resolveParameters(model('c/Llama-2-7b-z'), () => undefined, calibration)).toMatchObject({ parameters: 6_738_415_616, source: 'family_table' });
  });
});

describe('names of base models', () => {
  it('refines a stated size with the base family when they agree, and never overrules it', () => {
    const medical = model('someone/medical-7B', { tags: ['base_model:finetune:mistralai/Mistral-7B-v0.1'] });
    expect(resolveParameters(medical)).toMatchObject({ parameters: 7_241_732_096, source: 'family_table', baseModel: 'mistralai/Mistral-7B-v0.1' });
    const vlm = model('someone/SmolVLM2-256M-Video', { tags: ['base_model:finetune:HuggingFaceTB/SmolLM2-360M'] });
    expect(resolveParameters(vlm)).toMatchObject({ parameters: 256e6, source: 'name' });
  });

  it('uses the base family when the name says nothing', () => {
    const finetune = model('dima806/fairface_age_image_detection', { tags: ['base_model:finetune:google/vit-base-patch16-224-in21k'] });
    expect(resolveParameters(finetune)).toMatchObject({ source: 'family_table', family: 'vit-base-patch16', baseModel: 'google/vit-base-patch16-224-in21k' });
  });
});
