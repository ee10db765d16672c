import { describe, expect, it } from 'vitest';
import { EMPTY_CALIBRATION, familyCount, familyKeys, learnCalibration, nameTokens, primaryKey } from '../src/core/families.js';
import { FAMILY_TABLE } from '../src/core/family-table.js';
import { HELD_OUT_MODELS, heldOutRecord } from './held-out-models.js';
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
    ['BRMAI/BRM-v1-llama8b', ['brm', 'v1', 'llama', '8b']], // a size glued to a family's word
    ['jameslahm/yolov10b', ['yolov10b']], // not any word: YOLOv10-B is no 10B model
    ['internlm/internlm2_5-1_8b-chat', ['internlm2.5', '1.8b', 'chat']], // underscores between digits are dots
    ['Vision-CAIR/LongVU_Qwen2_7B', ['longvu', 'qwen2', '7b']], // …but not between a word's version and a size
    ['RefalMachine/ruadapt_qwen2.5_3B_ext', ['ruadapt', 'qwen2.5', '3b', 'ext']],
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
    ['microsoft/biogpt', 347e6],
    ['microsoft/BioGPT-Large-PubMedQA', 1.5e9],
    ['fireworks-ai/llama-3-firefunction-v2', 70.6e9],
    ['AIDC-AI/Marco-o1', 7.6e9],
    ['PrimeIntellect/INTELLECT-1-Instruct', 10.2e9],
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
    expect(resolveParameters(model('Qwen/Qwen3-235B-A22B'))).toMatchObject({ parameters: 235_093_634_560, activeParameters: 22e9 });
    // Llama 4 names state the active count and the experts: Scout is 109B in all (card), an LLM.
    expect(resolveParameters(model('meta-llama/Llama-4-Scout-17B-16E-Instruct'))).toMatchObject({ parameters: 109e9, activeParameters: 17e9 });
  });

  it('knows that Gemma 3n sizes are effective ones', () => {
    // E2B / E4B: 2B and 4B effective, raw 5B and 8B (Gemma 3n card).
    expect(resolveParameters(model('google/gemma-3n-E4B-it')).parameters).toBe(8e9);
    expect(resolveParameters(model('unsloth/gemma-3n-E2B-it-GGUF')).parameters).toBe(5e9);
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

describe('names built from the family table', () => {
  // How fine-tunes, quantizations and conversions decorate a published name: each must still reach its entry.
  const decorations = [
    (n: string) => `someone/${n}-Instruct`,
    (n: string) => `TheBloke/${n}-GGUF`,
    (n: string) => `unsloth/${n}-bnb-4bit`,
    (n: string) => `mlx-community/${n}-4bit`,
    (n: string) => `someone/${n}-it-Q4_K_M-GGUF`,
    (n: string) => `someone/${n.replaceAll('-', '_')}_AWQ`,
  ];
  const sized = FAMILY_TABLE.filter((e) => /\d[bm]$/i.test(e.name) && !e.name.startsWith('tiny-'));

  it.each(sized.map((e) => [e.name, e]))('%s keeps its entry under quantization and fine-tune suffixes', (_name, entry) => {
    for (const decorate of decorations) {
      const id = decorate(entry.name);
      expect(resolveParameters(model(id)).parameters, id).toBe(entry.parameters);
    }
  });
});

describe('real models outside the snapshot (test/held-out-models.ts), from their names alone', () => {
  it.each(HELD_OUT_MODELS.map((m) => [m.id, m]))('%s', (_id, heldOut) => {
    const count = resolveParameters(heldOutRecord(heldOut));
    expect(verdictOf(count.parameters, DEFAULT_THRESHOLDS), heldOut.source).toBe(verdictOf(heldOut.parameters, DEFAULT_THRESHOLDS));
    expect(Math.abs(count.parameters! / heldOut.parameters - 1), heldOut.source).toBeLessThanOrEqual(0.25);
  });
});

describe('a size the name states, made exact by the Hub architecture tag', () => {
  it('puts nominal 7B fine-tunes on the side of the 7B line their architecture is on', () => {
    // LLaMA / Llama 2 7B: 6.74B, an SLM; Mistral 7B: 7.24B; Qwen2-VL 7B: 8.29B.
    expect(resolveParameters(model('microsoft/Orca-2-7b', { tags: ['transformers', 'llama', 'text-generation'] }))).toMatchObject({ parameters: 6.74e9, source: 'family_table', family: 'LLaMA-7B' });
    expect(resolveParameters(model('someone/medical-7B', { tags: ['mistral'] }))).toMatchObject({ parameters: 7_241_732_096, family: 'Mistral-7B' });
    expect(resolveParameters(model('someone/ocr-7B', { tags: ['qwen2_vl'] }))).toMatchObject({ parameters: 8_291_375_616, family: 'Qwen2-VL-7B' });
    expect(resolveParameters(model('someone/chat-7B-v2', { tags: ['gemma'] }))).toMatchObject({ parameters: 8_537_680_896, family: 'gemma-7b' });
  });

  it('keeps the stated size when the architecture names no family of that size', () => {
    expect(resolveParameters(model('someone/medical-8B', { tags: ['llama'] }))).toMatchObject({ parameters: 8e9, source: 'name' });
    expect(resolveParameters(model('someone/medical-7B', { tags: ['transformers', 'conversational'] }))).toMatchObject({ parameters: 7e9, source: 'name' });
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

  it('lets a published base family overrule a learned family of the name that disagrees', () => {
    // `bert|base|ner` learned from two BERT NER fine-tunes; this one is RuBERT (a larger vocabulary).
    const calibration = learnCalibration([
      model('a/bert-base-NER-x', { safetensorsTotal: 108_000_001 }),
      model('b/bert-base-NER-y', { safetensorsTotal: 108_000_003 }),
    ]);
    const rubert = model('someone/bert-base-NER-Russian', { tags: ['base_model:finetune:google-bert/bert-base-multilingual-cased'] });
    expect(calibration.families.has('bert|base|ner')).toBe(true);
    expect(resolveParameters(rubert, () => undefined, calibration)).toMatchObject({ parameters: 178.6e6, family: 'bert-base-multilingual' });
    // Without a base model, the learned family stands.
    expect(resolveParameters(model('someone/bert-base-NER-Russian'), () => undefined, calibration)).toMatchObject({ parameters: 108_000_002, source: 'family_median' });
  });

  it('finds a published family inside a name that states no size', () => {
    expect(resolveParameters(model('HumanLLMs/Human-Like-Mistral-Nemo-Instruct-2407'))).toMatchObject({ parameters: 12_247_782_400, family: 'Mistral-Nemo' });
    expect(resolveParameters(model('bigcode/gpt_bigcode-santacoder'))).toMatchObject({ parameters: 1.1e9, family: 'santacoder' });
    // A lone word for a large model is no evidence: most BLOOM fine-tunes are not the 176B one.
    expect(resolveParameters(model('someone/hindi-bloom-chat')).parameters).toBeNull();
  });

  it('reads a small published model from the Hub architecture tag of a name that says nothing', () => {
    expect(resolveParameters(model('vikhyatk/moondream-next', { tags: ['transformers', 'moondream1'] }))).toMatchObject({ parameters: 1.86e9, family: 'moondream1' });
    expect(resolveParameters(model('someone/poems', { tags: ['bloom'] })).parameters).toBeNull();
  });

  it('uses the base family when the name says nothing', () => {
    const finetune = model('dima806/fairface_age_image_detection', { tags: ['base_model:finetune:google/vit-base-patch16-224-in21k'] });
    expect(resolveParameters(finetune)).toMatchObject({ source: 'family_table', family: 'vit-base-patch16', baseModel: 'google/vit-base-patch16-224-in21k' });
  });
});
