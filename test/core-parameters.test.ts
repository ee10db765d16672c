import { describe, expect, it } from 'vitest';
import { baseModelsOf, hasPackedWeights, isAdapter, parseParameterCountFromName, resolveParameters } from '../src/core/parameters.js';
import type { ModelRecord } from '../src/core/types.js';
import { DEFAULT_THRESHOLDS } from '../src/core/types.js';
import { sizeBandOf, verdictOf } from '../src/core/verdict.js';

const model = (id: string, extra: Partial<ModelRecord> = {}): ModelRecord => ({ id, tags: [], ...extra });

describe('parameter counts from names', () => {
  it.each([
    ['Qwen/Qwen2.5-0.5B', 0.5e9],
    ['Qwen/Qwen2.5-1.5b-Instruct', 1.5e9],
    ['hexgrad/Kokoro-82M', 82e6],
    ['bigscience/bloom-560m', 560e6],
    ['meta-llama/Llama-3.1-8B-Instruct', 8e9],
    ['bigscience/bloom-1b7', 1.7e9], // BLOOM writes 1.7B as 1b7
    ['bigscience/bloom-7b1', 7.1e9],
    ['Qwen/Qwen2.5-7B-Instruct-1M', 7e9], // 1M is a context length; billions win
    ['gradientai/Llama-3-8B-Instruct-262k', 8e9], // k is never a size
    ['mistralai/Mixtral-8x7B-v0.1', 45.22e9], // 7B + 7 more experts' feed-forward layers (78% of 7B each): Mixtral is 46.7B
    ['allenai/OLMoE-1B-7B-0924', 7e9], // active then total: the larger is the total
    ['TinyLlama/TinyLlama-1.1B-intermediate-step-1431k-3T', 1.1e9], // 3T training tokens
    ['brunopio/Llama3-8B-1.58-100B-tokens-GGUF', 8e9], // 100B training tokens
    ['BRMAI/BRM-v1-llama8b', 8e9], // glued to its family's word
    ['CultriX/SeQwence-14Bv6', 14e9], // glued to its version
  ])('%s → %d', (id, expected) => {
    expect(parseParameterCountFromName(id)?.total).toBeCloseTo(expected, -3);
  });

  it('reads total and active parameters of a mixture', () => {
    expect(parseParameterCountFromName('Qwen/Qwen3-235B-A22B')).toEqual({ total: 235e9, active: 22e9, token: '235b' });
    // Experts share attention and embeddings: 22B + 7 × 0.78 × 22B = 142.1B (Mixtral 8x22B: 141B), not 8 × 22B.
    expect(parseParameterCountFromName('mistralai/Mixtral-8x22B-Instruct-v0.1')).toEqual({ total: 22e9 + 7 * 0.78 * 22e9, mixture: true, token: '8x22b' });
    expect(parseParameterCountFromName('mlabonne/Beyonder-4x7B-v3')?.total).toBeCloseTo(23.38e9, -7); // Hub page: 24.2B
  });

  it.each([
    'laion/CLIP-ViT-H-14-laion2B-s32B-b79K', // dataset and training-token counts, not sizes
    'apple/DFN2B-CLIP-ViT-L-14-39B', // 39B samples seen
    'laion/CLIP-ViT-bigG-14-laion2B-39B-b160k',
    'openai-community/gpt2',
    'google-bert/bert-base-uncased',
    'microsoft/Phi-3.5-mini-instruct',
    'stabilityai/stable-diffusion-xl-base-1.0',
  ])('finds no size in %s', (id) => {
    expect(parseParameterCountFromName(id)).toBeNull();
  });
});

describe('resolveParameters', () => {
  it('prefers safetensors, then GGUF', () => {
    expect(resolveParameters(model('Qwen/Qwen2.5-0.5B', { safetensorsTotal: 494032768 }))).toEqual({ parameters: 494032768, source: 'safetensors' });
    expect(resolveParameters(model('x/y-GGUF', { ggufTotal: 8030261312 }))).toEqual({ parameters: 8030261312, source: 'gguf' });
  });

  it('uses the base model named in a base_model tag, with its own count', () => {
    const base = model('meta-llama/Llama-3.1-8B', { safetensorsTotal: 8030261248 });
    const finetune = model('someone/medical-chat', { tags: ['base_model:meta-llama/Llama-3.1-8B', 'base_model:finetune:meta-llama/Llama-3.1-8B'] });
    const lookup = (id: string) => (id === base.id ? base : undefined);
    expect(resolveParameters(finetune, lookup)).toEqual({ parameters: 8030261248, source: 'base_model', baseModel: 'meta-llama/Llama-3.1-8B' });
  });

  it('falls back to the repo name, then to unknown', () => {
    expect(resolveParameters(model('hexgrad/Kokoro-82M'))).toMatchObject({ parameters: 82e6, source: 'name' });
    // gpt2 states no size, but the family table knows it (GPT-2 model card: 124M).
    expect(resolveParameters(model('openai-community/gpt2'))).toMatchObject({ parameters: 124e6, source: 'family_table', family: 'gpt2' });
    expect(resolveParameters(model('someone/my-model'))).toEqual({ parameters: null, source: null });
  });

  it('does not trust packed counts of quantized repos: base model first, then the name', () => {
    const base = model('meta-llama/Llama-3.1-8B-Instruct', { safetensorsTotal: 8030261248 });
    const bnb = model('unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit', {
      safetensorsTotal: 4650177823,
      tags: ['base_model:quantized:meta-llama/Llama-3.1-8B-Instruct', 'base_model:meta-llama/Llama-3.1-8B-Instruct'],
    });
    expect(resolveParameters(bnb, (id) => (id === base.id ? base : undefined))).toMatchObject({ parameters: 8030261248, source: 'base_model' });
    // Base unknown: the name (Llama 3.1 8B in the family table) beats the packed 4.65e9.
    expect(resolveParameters(bnb)).toMatchObject({ parameters: 8030261248, source: 'family_table', family: 'Llama-3.1-8B' });
    expect(resolveParameters(model('someone/Thing-8B-bnb-4bit', { safetensorsTotal: 4650177823 }))).toMatchObject({ parameters: 8e9, source: 'name' });
    // No base, no size in the name: the packed count is kept and flagged.
    expect(resolveParameters(model('someone/tiny-awq', { safetensorsTotal: 1e8 }))).toEqual({ parameters: 1e8, source: 'safetensors', caveat: 'quantized_packed' });
  });

  it('survives base-model cycles', () => {
    const a = model('a/a', { tags: ['base_model:b/b'] });
    const b = model('b/b', { tags: ['base_model:a/a'] });
    const lookup = (id: string) => ({ 'a/a': a, 'b/b': b })[id];
    expect(resolveParameters(a, lookup)).toEqual({ parameters: null, source: null });
  });

  it('reads base_model relations', () => {
    const m = model('x/y-4bit', { tags: ['base_model:org/base', 'base_model:quantized:org/base'] });
    expect(baseModelsOf(m)).toEqual([{ id: 'org/base', relation: 'quantized' }]);
    expect(isAdapter(model('x/lora', { tags: ['base_model:adapter:org/base'] }))).toBe(true);
    expect(isAdapter(model('x/lora2', { tags: ['peft'] }))).toBe(true);
    expect(isAdapter(m)).toBe(false);
  });

  it('spots packed weights from the Hub’s dtypes, else from the name', () => {
    // GPTQ: qweight in I32 (8 weights each) beside F16 embeddings.
    expect(hasPackedWeights(model('org/anything', { safetensorsPackedShare: 0.55 }))).toBe(true);
    // A full-precision ONNX/MLX export tagged "quantized" by the Hub: all F16/BF16.
    expect(hasPackedWeights(model('org/model-mlx-4bit', { safetensorsPackedShare: 0 }))).toBe(false);
    expect(hasPackedWeights(model('Qwen/Qwen2.5-32B-Instruct-GPTQ-Int4'))).toBe(true);
    expect(hasPackedWeights(model('unsloth/Llama-3.2-3B-Instruct-bnb-4bit'))).toBe(true);
    expect(hasPackedWeights(model('mlx-community/Llama-3.2-1B-Instruct-bf16', { tags: ['mlx', 'base_model:quantized:meta-llama/Llama-3.2-1B-Instruct'] }))).toBe(false);
    expect(hasPackedWeights(model('Qwen/Qwen2.5-32B-Instruct'))).toBe(false);
    // MLX packs 8-bit weights four to a uint32; bitsandbytes 8-bit stores one int8 per weight.
    expect(hasPackedWeights(model('mlx-community/DeepSeek-R1-Distill-Qwen-32B-MLX-8Bit'))).toBe(true);
    expect(hasPackedWeights(model('someone/Qwen2.5-7B-8bit', { tags: ['mlx'] }))).toBe(true);
    expect(hasPackedWeights(model('someone/Qwen2.5-7B-bnb-8bit'))).toBe(false);
  });

  it('keeps a full-precision safetensors count even when the Hub calls the repo a quantization', () => {
    const smolvlm = model('HuggingFaceTB/SmolVLM-256M-Instruct', { safetensorsTotal: 256484928, tags: ['base_model:quantized:HuggingFaceTB/SmolLM2-135M'] });
    expect(resolveParameters(smolvlm, () => model('HuggingFaceTB/SmolLM2-135M', { safetensorsTotal: 134515008 }))).toEqual({ parameters: 256484928, source: 'safetensors' });
  });

  it('does not trust a round total that merely repeats a size in the name', () => {
    expect(resolveParameters(model('laion/CLIP-ViT-bigG-14-laion2B-39B-b160k', { safetensorsTotal: 39e9 }))).toEqual({ parameters: null, source: null });
    expect(resolveParameters(model('org/Thing-7B', { safetensorsTotal: 7e9 }))).toMatchObject({ parameters: 7e9, source: 'name' });
    expect(resolveParameters(model('org/Thing-7B', { safetensorsTotal: 7241732096 }))).toEqual({ parameters: 7241732096, source: 'safetensors' });
  });
});

describe('encoders sized from the shape their names state', () => {
  // BERT with L layers of width H (BERT paper; the config.json formula of config-size.ts): per layer
  // 4·H² attention + 2·H·4H MLP; embeddings vocabulary·H + positions·H + token types·H; pooler H².
  // The Hub's counts add biases and norms (+0.1–1%).
  it('computes Google\'s BERT miniatures from L and H with BERT\'s vocabulary (30,522 words, 512 positions, 2 token types)', () => {
    // 30522·128 + 512·128 + 2·128 + 128² = 3,988,992; 2 × (4·128² + 2·128·512) = 393,216.
    const tiny = resolveParameters(model('google/bert_uncased_L-2_H-128_A-2', { tags: ['transformers', 'bert'] }));
    expect(tiny).toEqual({ parameters: 4_382_208, source: 'name', caveat: 'name_estimate' });
    expect(Math.abs(tiny.parameters! / 4_433_468 - 1)).toBeLessThan(0.02); // the Hub's count
    // 30522·256 + 512·256 + 2·256 + 256² = 8,010,752; 4 × (4·256² + 2·256·1024) = 3,145,728.
    expect(resolveParameters(model('google/bert_uncased_L-4_H-256_A-4', { tags: ['bert'] })).parameters).toBe(11_156_480);
  });

  it('uses the vocabulary of the architecture tag: the same L12-H384 is 33M as BERT and 118M as XLM-R', () => {
    // 250,002·384 + 514·384 + 384 + 384² = 96,345,984; 12 × (4·384² + 2·384·1536) = 21,233,664.
    const xlmr = resolveParameters(model('cross-encoder/mmarco-mMiniLMv2-L12-H384-v1', { tags: ['xlm-roberta', 'text-classification'] }));
    expect(xlmr.parameters).toBe(117_579_648);
    expect(Math.abs(xlmr.parameters! / 117_641_603 - 1)).toBeLessThan(0.01); // the Hub's count
    // RoBERTa: 50,265·768 + 514·768 + 768 + 768² = 39,588,864; 6 × 12·768² = 42,467,328. Hub: 82,121,221.
    expect(resolveParameters(model('cross-encoder/nli-MiniLM2-L6-H768', { tags: ['roberta'] })).parameters).toBe(82_056_192);
    // BERT: 30522·256 + … = 8,010,752; 6 × 12·256² = 4,718,592. Hub: 12,750,594.
    expect(resolveParameters(model('MoritzLaurer/xtremedistil-l6-h256-zeroshot-v1.1-all-33', { tags: ['bert'] })).parameters).toBe(12_729_344);
  });

  it('needs both numbers and a known architecture tag; a table entry of the name comes first', () => {
    expect(resolveParameters(model('someone/encoder-L12-H384', { tags: ['custom_code'] }))).toEqual({ parameters: null, source: null });
    expect(resolveParameters(model('someone/encoder-L12', { tags: ['bert'] })).source).not.toBe('name');
    // microsoft/Multilingual-MiniLM-L12-H384 is tagged bert but uses XLM-R's vocabulary: its table entry says so.
    expect(resolveParameters(model('microsoft/Multilingual-MiniLM-L12-H384', { tags: ['bert'] }))).toMatchObject({ parameters: 117_653_760, family: 'multilingual-MiniLM-L12' });
  });
});

describe('size words read with the architecture tag', () => {
  it('reads `large` as the large size of the tagged architecture in the family table', () => {
    expect(resolveParameters(model('grammarly/coedit-large', { tags: ['t5', 'text2text-generation'] }))).toMatchObject({ parameters: 737_668_096, source: 'family_table', family: 't5-large' });
    expect(resolveParameters(model('microsoft/tapex-large-finetuned-wtq', { tags: ['bart', 'tapex'] }))).toMatchObject({ parameters: 406_291_456, family: 'bart-large' });
    expect(resolveParameters(model('deepset/gelectra-large-germanquad', { tags: ['electra'] }))).toMatchObject({ parameters: 335e6, family: 'electra-large' });
  });

  it('files the deberta-v2 architecture (DeBERTa-V3 checkpoints declare it) under DeBERTa-V3', () => {
    expect(resolveParameters(model('mlburnham/Political_DEBATE_large_v1.0', { tags: ['deberta-v2'] }))).toMatchObject({ parameters: 435e6, family: 'deberta-v3-large' });
  });

  it('gives way to a declared base model\'s family, and needs a size word', () => {
    const kaleidoscope = model('LaciaStudio/Kaleidoscope_small_v1', { tags: ['bert', 'base_model:ai-forever/ruBert-base', 'base_model:finetune:ai-forever/ruBert-base'] });
    expect(resolveParameters(kaleidoscope)).toMatchObject({ parameters: 178e6, family: 'rubert-base' });
    expect(resolveParameters(model('someone/coedit', { tags: ['t5'] })).parameters).toBeNull();
  });
});

describe('vision transformers named by their size and patch, and CLIP towers', () => {
  it('reads a size word followed by a patch size as that ViT (ViT paper: Large 304M, Giant 1.01B), whatever recipe the first word names', () => {
    expect(resolveParameters(model('timm/eva_large_patch14_196.in22k_ft_in22k_in1k', { tags: ['timm'] }))).toMatchObject({ parameters: 304e6, family: 'vit-large-patch14' });
    expect(resolveParameters(model('timm/eva_giant_patch14_560.m30m_ft_in22k_in1k', { tags: ['timm'] }))).toMatchObject({ parameters: 1.01e9, family: 'vit-giant' });
    expect(resolveParameters(model('timm/beitv2_base_patch16_224.in1k_ft_in22k', { tags: ['timm'] }))).toMatchObject({ parameters: 86.6e6, family: 'vit-base-patch16' });
    // No patch after the size word: not a ViT name.
    expect(resolveParameters(model('timm/eca_large_224', { tags: ['timm'] })).parameters).toBeNull();
  });

  it('counts both towers when a CLIP word comes before the ViT, the image tower alone when it comes after (timm)', () => {
    // CLIP ViT-L/14: 304M image tower + 123M text tower = 428M.
    expect(resolveParameters(model('zer0int/LongCLIP-GmP-ViT-L-14'))).toMatchObject({ parameters: 427_616_513, family: 'CLIP-ViT-L-14' });
    expect(resolveParameters(model('StanfordAIMI/XrayCLIP__vit-b-16__laion2b-s34b-b88k'))).toMatchObject({ parameters: 149_620_737, family: 'CLIP-ViT-B-16' });
    expect(resolveParameters(model('timm/vit_large_patch14_clip_224.laion400m_e32'))).toMatchObject({ parameters: 304e6, family: 'vit-large-patch14' });
    expect(resolveParameters(model('someone/vit-l-14-finetuned'))).toMatchObject({ parameters: 304e6, family: 'vit-l14' });
  });
});

describe('one-size distilled encoders from the family table', () => {
  it.each([
    ['mrm8488/distilroberta-finetuned-financial-news-sentiment-analysis', 82.1e6],
    ['sentence-transformers/all-distilroberta-v1', 82.1e6],
    ['deepset/tinyroberta-squad2', 82.1e6],
    ['cmarkea/distilcamembert-base-nli', 68.1e6],
    ['deepset/minilm-uncased-squad2', 33.4e6],
    ['typeform/mobilebert-uncased-mnli', 24.6e6],
    ['someone/distilhubert-finetuned-gtzan', 23.7e6],
    ['sentence-transformers/quora-distilbert-multilingual', 134.7e6],
  ])('%s → %d', (id, parameters) => {
    expect(resolveParameters(model(id))).toMatchObject({ parameters, source: 'family_table' });
  });

  it('sizes a repo by the published model its architecture tag names: codecs, FSMT, and Idefics2 (one size, 8B) before a task tag\'s median', () => {
    expect(resolveParameters(model('facebook/encodec_24khz', { tags: ['encodec', 'feature-extraction'] }))).toMatchObject({ parameters: 23.3e6, family: 'encodec' });
    expect(resolveParameters(model('descript/dac_44khz', { tags: ['dac'] }))).toMatchObject({ parameters: 76.6e6, family: 'dac' });
    expect(resolveParameters(model('kyutai/mimi', { tags: ['mimi'] }))).toMatchObject({ parameters: 96.2e6, family: 'mimi' });
    expect(resolveParameters(model('facebook/wmt19-ru-en', { tags: ['fsmt', 'translation'] }))).toMatchObject({ parameters: 280e6, family: 'fsmt' });
    const videoScore = model('TIGER-Lab/VideoScore', { tags: ['idefics2', 'text-classification'] });
    const calibration = { families: new Map(), tags: new Map([['text-classification', { parameters: 139e6, models: 50, spread: 1.2, low: 66e6, high: 335e6 }]]) };
    expect(resolveParameters(videoScore, () => undefined, calibration)).toMatchObject({ parameters: 8.4e9, family: 'idefics2' });
    // BLOOM comes in six sizes from 560M to 176B: a bare bloom tag says none of them.
    expect(resolveParameters(model('someone/my-model', { tags: ['bloom'] })).parameters).toBeNull();
  });

  it('sizes a repo of the biogpt architecture whose name says nothing as BioGPT (347M, below 3B like every entry a bare tag can name)', () => {
    expect(resolveParameters(model('someone/my-model', { tags: ['transformers', 'biogpt', 'text-generation'] }))).toMatchObject({ parameters: 347e6, family: 'biogpt' });
  });
});

describe('verdict and size band', () => {
  it('follows the 7B / 20B lines', () => {
    const v = (n: number | null) => verdictOf(n, DEFAULT_THRESHOLDS);
    expect([v(6.999e9), v(7e9), v(19.99e9), v(20e9), v(null)]).toEqual(['SLM', 'borderline', 'borderline', 'LLM', 'unknown']);
    expect(verdictOf(10e9, { slmBelow: 14e9, llmFrom: 30e9 })).toBe('SLM');
  });

  it('uses the study bands', () => {
    expect([sizeBandOf(0.5e9), sizeBandOf(1e9), sizeBandOf(7e9), sizeBandOf(10e9), sizeBandOf(null)]).toEqual(['very small', 'sub-5B', 'sub-10B', 'large', null]);
  });
});
