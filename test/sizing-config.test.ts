// Parameter counts estimated from config.json: the pure estimator against hand-worked real configs,
// and /classify reading config.json from the fake Hub through @huggingface/hub's downloadFile.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createBot } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { estimateFromConfig } from '../src/core/config-size.js';
import { startFakeHub, type FakeHub } from './fakes/hub.js';
import { tempDir } from './helpers/bot.js';

// The fields of the real config.json files that the estimate reads.
const LLAMA_2_7B = { model_type: 'llama', hidden_size: 4096, intermediate_size: 11008, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 32, vocab_size: 32000, tie_word_embeddings: false, hidden_act: 'silu' };
const MISTRAL_7B = { model_type: 'mistral', hidden_size: 4096, intermediate_size: 14336, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, vocab_size: 32000, tie_word_embeddings: false, hidden_act: 'silu' };
const MIXTRAL_8X7B = { ...MISTRAL_7B, model_type: 'mixtral', num_local_experts: 8, num_experts_per_tok: 2 };
const GPT2 = { model_type: 'gpt2', n_embd: 768, n_layer: 12, n_head: 12, vocab_size: 50257, n_positions: 1024, n_ctx: 1024, activation_function: 'gelu_new' };
const BERT_BASE = { model_type: 'bert', hidden_size: 768, num_hidden_layers: 12, num_attention_heads: 12, intermediate_size: 3072, vocab_size: 30522, max_position_embeddings: 512, type_vocab_size: 2, hidden_act: 'gelu' };
const QWEN25_05B = { model_type: 'qwen2', hidden_size: 896, intermediate_size: 4864, num_attention_heads: 14, num_hidden_layers: 24, num_key_value_heads: 2, vocab_size: 151936, tie_word_embeddings: true, hidden_act: 'silu' };

describe('estimateFromConfig', () => {
  // Hand-worked: Llama-2-7b = 2 × 32000 × 4096 (untied embeddings) + 32 × (4 × 4096² + 3 × 4096 × 11008) = 6,738,149,376.
  it.each([
    ['Llama-2-7b', LLAMA_2_7B, 6_738_149_376, 6.74e9],
    // Mistral: grouped-query attention, K and V are 8 heads of 128 wide: 32 × (2×4096² + 2×4096×1024 + 3×4096×14336) + 2×32000×4096.
    ['Mistral-7B', MISTRAL_7B, 7_241_465_856, 7.24e9],
    // Mixtral: 8 experts of Mistral's MLP and a 4096 × 8 router per layer.
    ['Mixtral-8x7B', MIXTRAL_8X7B, 46_702_526_464, 46.7e9],
    // GPT-2: tied embeddings, 1024 learned positions, 2-matrix MLP of 4 × 768.
    ['gpt2', GPT2, 124_318_464, 124e6],
    // BERT base: word, position and token-type embeddings, and the pooler.
    ['bert-base-uncased', BERT_BASE, 109_360_128, 110e6],
    ['Qwen2.5-0.5B', QWEN25_05B, 493_961_216, 494e6],
  ])('%s', (_name, config, exact, card) => {
    const estimate = estimateFromConfig(config)!;
    expect(estimate.parameters).toBe(exact);
    expect(Math.abs(estimate.parameters / card - 1)).toBeLessThan(0.03);
  });

  it('says what it read, and counts experts', () => {
    expect(estimateFromConfig(MIXTRAL_8X7B)).toMatchObject({ hiddenSize: 4096, layers: 32, vocabSize: 32000, experts: 8 });
  });

  it('reads the language model of a vision-language config, and says so', () => {
    const llava = { model_type: 'llava', text_config: { ...MISTRAL_7B }, vision_config: { model_type: 'clip_vision_model', hidden_size: 1024 } };
    expect(estimateFromConfig(llava)).toMatchObject({ parameters: 7_241_465_856, languageModelOnly: true });
  });

  it('gives nothing for configs that do not describe a transformer', () => {
    expect(estimateFromConfig({ _class_name: 'UNet2DConditionModel', block_out_channels: [320, 640] })).toBeNull();
    expect(estimateFromConfig({ hidden_size: 'big' })).toBeNull();
    expect(estimateFromConfig(null)).toBeNull();
    expect(estimateFromConfig([1, 2])).toBeNull();
  });
});

describe('/classify with config.json from the Hub', () => {
  let hub: FakeHub;
  afterEach(async () => {
    await hub?.close();
  });

  const liveBot = (fake: FakeHub) => {
    const dir = tempDir();
    return createBot(loadConfig({ HF_ENDPOINT: fake.url, DATA_DIR: join(dir, 'data'), OUT_DIR: join(dir, 'out'), LOG_LEVEL: 'silent' }));
  };

  it('estimates a model without a published count from its config.json, in one request, once', async () => {
    hub = await startFakeHub({ models: [{ id: 'acme/house-model', pipeline_tag: 'text-generation', tags: ['transformers', 'mistral'], downloads: 10 }] });
    hub.files.set('acme/house-model/config.json', MISTRAL_7B);
    const bot = liveBot(hub);
    const reply = await bot.invokeText('/classify acme/house-model');
    expect(reply.data).toMatchObject({ parameters: 7_241_465_856, parameterSource: 'config', verdict: 'borderline', config: { hiddenSize: 4096, layers: 32 } });
    expect(reply.summary).toContain('(from its config.json, as an estimate)');
    expect(reply.notes.join(' ')).toContain('hidden size 4,096, 32 layers, vocabulary 32,000');
    const fileRequests = () => hub.requests.filter((r) => r.path.includes('/resolve/'));
    expect(fileRequests().map((r) => r.path)).toEqual(['/acme/house-model/resolve/main/config.json']);
    await bot.invokeText('/classify acme/house-model');
    expect(fileRequests()).toHaveLength(1); // cached
    bot.close();
  });

  it('does not ask for config.json when a better count exists, and answers unknown when there is none', async () => {
    hub = await startFakeHub({
      models: [
        { id: 'acme/measured', pipeline_tag: 'text-generation', tags: [], safetensors: { total: 1_234_567_891 } },
        { id: 'acme/no-config', pipeline_tag: 'text-generation', tags: [] },
      ],
    });
    const bot = liveBot(hub);
    expect((await bot.invokeText('/classify acme/measured')).data).toMatchObject({ parameterSource: 'safetensors' });
    expect(hub.requests.some((r) => r.path.includes('/resolve/'))).toBe(false);
    expect((await bot.invokeText('/classify acme/no-config')).data).toMatchObject({ parameters: null, verdict: 'unknown' });
    expect(hub.requests.filter((r) => r.path.includes('/resolve/'))).toHaveLength(1);
    bot.close();
  });

  it('never asks offline', async () => {
    hub = await startFakeHub({ models: [] });
    const dir = tempDir();
    const bot = createBot(loadConfig({ OFFLINE: '1', HF_ENDPOINT: hub.url, DATA_DIR: join(dir, 'data'), OUT_DIR: join(dir, 'out') }));
    await bot.invokeText('/classify LLM360/Amber');
    expect(hub.requests).toHaveLength(0);
    bot.close();
  });
});
