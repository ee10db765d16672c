// A parameter count computed from a repo's config.json (hidden size, layers, vocabulary, MLP
// width, attention heads, experts, tied embeddings), for models that publish no count anywhere
// else. Transformer decoders and encoders only: each layer is attention (Q, K, V, O) plus an MLP,
// plus the embeddings; norms and biases are left out, so the estimate is a few tenths of a percent low.

export interface ConfigEstimate {
  parameters: number;
  /** What the estimate was computed from, for the reply. */
  hiddenSize: number;
  layers: number;
  vocabSize: number;
  experts?: number;
  /** True when only a VLM's language model (`text_config`) could be read. */
  languageModelOnly?: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first key that holds a positive whole number. */
function integer(config: Json, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const v = config[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  }
  return undefined;
}

/** Decoders whose MLP has three matrices (gate, up, down) instead of two, whatever their activation. */
const GATED_TYPES = new Set([
  'llama', 'mistral', 'mixtral', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'gemma', 'gemma2', 'gemma3_text', 'phi3', 'phimoe',
  'olmo', 'olmo2', 'olmoe', 'cohere', 'cohere2', 'deepseek_v2', 'deepseek_v3', 'granite', 'granitemoe', 'internlm2', 'baichuan',
  'stablelm', 'exaone', 'minicpm', 'yi', 'chatglm', 'glm', 'glm4', 'nemotron', 'dbrx', 'jamba', 'smollm3',
]);
/** Activations that imply a gated MLP when the model type is not known. */
const GATED_ACTIVATIONS = new Set(['silu', 'swiglu', 'swish']);
/** Models with learned absolute position embeddings (the others use rotary or relative positions). */
const LEARNED_POSITIONS = new Set(['gpt2', 'gpt_bigcode', 'bert', 'roberta', 'xlm-roberta', 'camembert', 'distilbert', 'electra', 'opt', 'biogpt', 'xlnet']);
/** Encoders with token-type embeddings and a pooler (BERT and its copies). */
const BERT_LIKE = new Set(['bert', 'roberta', 'xlm-roberta', 'camembert', 'electra']);

/**
 * Estimates the parameter count a transformer's config.json describes, or null when it does not
 * say enough (no hidden size, layer count or vocabulary). Handles grouped-query attention
 * (`num_key_value_heads`), mixtures of experts (`num_local_experts`, `num_experts`,
 * `n_routed_experts` with their own MLP width and shared experts), untied output embeddings, and
 * vision-language configs whose language model sits in `text_config` (counted alone).
 */
export function estimateFromConfig(config: unknown): ConfigEstimate | null {
  if (!isObject(config)) return null;
  const own = estimateOf(config);
  if (own) return own;
  const text = config.text_config ?? config.llm_config ?? config.language_config;
  if (!isObject(text)) return null;
  const inner = estimateOf({ model_type: config.model_type, tie_word_embeddings: config.tie_word_embeddings, ...text });
  return inner && { ...inner, languageModelOnly: true };
}

function estimateOf(config: Json): ConfigEstimate | null {
  const hidden = integer(config, 'hidden_size', 'n_embd', 'd_model', 'dim');
  const layers = integer(config, 'num_hidden_layers', 'n_layer', 'num_layers', 'n_layers');
  const vocab = integer(config, 'vocab_size', 'padded_vocab_size');
  if (!hidden || !layers || !vocab) return null;
  const type = typeof config.model_type === 'string' ? config.model_type : '';
  const heads = integer(config, 'num_attention_heads', 'n_head', 'num_heads') ?? Math.max(1, Math.round(hidden / 64));
  const headDim = integer(config, 'head_dim') ?? hidden / heads;
  const kvHeads = integer(config, 'num_key_value_heads', 'multi_query_group_num') ?? (config.multi_query === true ? 1 : heads);
  const gated = GATED_TYPES.has(type) || GATED_ACTIVATIONS.has(String(config.hidden_act ?? config.activation_function ?? ''));
  const mlpWidth = integer(config, 'intermediate_size', 'n_inner', 'ffn_dim', 'd_ff', 'ffn_hidden_size') ?? 4 * hidden;

  // Q and O are heads × head_dim wide; K and V only as wide as the key-value heads.
  const attention = 2 * hidden * heads * headDim + 2 * hidden * kvHeads * headDim;
  const mlp = (width: number) => (gated ? 3 : 2) * hidden * width;
  const experts = integer(config, 'num_local_experts', 'num_experts', 'n_routed_experts', 'moe_num_experts');
  let feedForward = mlp(mlpWidth);
  let moeLayers = 0;
  if (experts && experts > 1) {
    const expertWidth = integer(config, 'moe_intermediate_size') ?? mlpWidth;
    const shared = integer(config, 'n_shared_experts') ?? 0;
    const sharedWidth = integer(config, 'shared_expert_intermediate_size') ?? shared * expertWidth;
    const dense = integer(config, 'first_k_dense_replace') ?? 0;
    moeLayers = Math.max(0, layers - dense);
    const moe = experts * mlp(expertWidth) + (sharedWidth ? mlp(sharedWidth) : 0) + hidden * experts;
    feedForward = (moeLayers * moe + (layers - moeLayers) * mlp(mlpWidth)) / layers;
  }

  const tied = config.tie_word_embeddings !== false && config.tie_embeddings !== false ? 1 : 2;
  let embeddings = tied * vocab * hidden;
  if (LEARNED_POSITIONS.has(type)) embeddings += (integer(config, 'max_position_embeddings', 'n_positions', 'n_ctx') ?? 0) * hidden;
  if (BERT_LIKE.has(type)) embeddings += (integer(config, 'type_vocab_size') ?? 0) * hidden + hidden * hidden; // token types, pooler

  const estimate: ConfigEstimate = { parameters: Math.round(embeddings + layers * (attention + feedForward)), hiddenSize: hidden, layers, vocabSize: vocab };
  if (experts && experts > 1) estimate.experts = experts;
  return estimate;
}

/**
 * The config.json an encoder's Hub architecture tag implies, less its width and depth: vocabulary,
 * learned positions and token types, from the config.json of each architecture's reference model
 * (google-bert/bert-base-uncased, FacebookAI/roberta-base, FacebookAI/xlm-roberta-base,
 * almanach/camembert-base, distilbert/distilbert-base-uncased). Their MLPs are 4 × hidden wide.
 */
const ENCODER_CONFIGS: Readonly<Record<string, Json>> = {
  bert: { vocab_size: 30522, max_position_embeddings: 512, type_vocab_size: 2 },
  roberta: { vocab_size: 50265, max_position_embeddings: 514, type_vocab_size: 1 },
  'xlm-roberta': { vocab_size: 250002, max_position_embeddings: 514, type_vocab_size: 1 },
  camembert: { vocab_size: 32005, max_position_embeddings: 514, type_vocab_size: 1 },
  distilbert: { vocab_size: 30522, max_position_embeddings: 512 },
};
/** `L-2_H-128` (Google's BERT miniatures), `L12-H384` (MiniLM), `l6-h256` (XtremeDistil): layers and hidden size. */
const LAYERS_AND_WIDTH = /(?:^|[-_])l-?(\d{1,2})[-_]h-?(\d{2,4})(?=$|[-_.])/;

/**
 * The count of an encoder whose repo name states its depth and width (`bert_uncased_L-4_H-256_A-4`,
 * `mMiniLMv2-L12-H384`), with the vocabulary of its Hub architecture tag: the same formula as a
 * config.json (per layer 4·H² attention + 8·H² MLP, plus vocabulary, positions, token types and
 * pooler; BERT-base: 12·12·768² + 30,522·768 + … ≈ 109.5M). Null without both numbers and a known tag.
 */
export function estimateFromLayersInName(repoId: string, tags: readonly string[]): ConfigEstimate | null {
  const m = LAYERS_AND_WIDTH.exec(repoId.slice(repoId.lastIndexOf('/') + 1).toLowerCase());
  if (!m) return null;
  const type = tags.find((tag) => Object.hasOwn(ENCODER_CONFIGS, tag));
  if (type === undefined) return null;
  return estimateOf({ model_type: type, ...ENCODER_CONFIGS[type], num_hidden_layers: Number(m[1]), hidden_size: Number(m[2]) });
}
