// Real Hub models that are NOT in the bundled snapshot, with their published parameter counts:
// newer releases, fine-tunes, quantizations (whose true count is their base model's) and other
// families. They check that sizing from names generalises beyond the data it was tuned on
// (test/core-families.test.ts, and `npm run bench:sizing`). Every number has its source: "Hub
// page" is the parameter count the Hub shows from the repo's safetensors metadata (for a
// quantization, its base model's page); "card" is the model card's own figure, used where the
// card states the total. None of these ids may be added to data/snapshot.
import type { ModelRecord } from '../src/core/types.js';

export interface HeldOutModel {
  id: string;
  parameters: number;
  source: string;
  /** Hub tags the real repo carries that matter for sizing (its architecture, its base model). */
  tags?: string[];
}

const B = 1e9;
const M = 1e6;

/** The first list, written before the family table was extended for them (and then used to extend it). */
const FIRST_LIST: readonly HeldOutModel[] = [
  // Meta
  { id: 'meta-llama/Llama-3.2-3B-Instruct', parameters: 3_212_749_824, source: 'Hub page' },
  { id: 'meta-llama/Llama-3.2-11B-Vision-Instruct', parameters: 10_670_220_835, source: 'Hub page' },
  { id: 'meta-llama/Llama-4-Scout-17B-16E-Instruct', parameters: 109 * B, source: 'card: 17B activated, 109B total' },
  { id: 'meta-llama/Llama-4-Maverick-17B-128E-Instruct', parameters: 400 * B, source: 'card: 17B activated, 400B total' },
  { id: 'unsloth/Llama-4-Scout-17B-16E-Instruct-GGUF', parameters: 109 * B, source: 'Llama 4 card: 109B total', tags: ['base_model:quantized:meta-llama/Llama-4-Scout-17B-16E-Instruct'] },
  { id: 'bartowski/Llama-3.2-3B-Instruct-GGUF', parameters: 3_212_749_824, source: 'Hub page of meta-llama/Llama-3.2-3B-Instruct' },
  { id: 'TheBloke/CodeLlama-13B-Instruct-GGUF', parameters: 13_016_028_160, source: 'Hub page of codellama/CodeLlama-13b-Instruct-hf' },
  { id: 'nvidia/Llama-3.1-Nemotron-70B-Instruct-HF', parameters: 70_553_706_496, source: 'Hub page' },
  { id: 'nvidia/Llama-3.1-Nemotron-Nano-8B-v1', parameters: 8_030_261_248, source: 'Hub page (Llama 3.1 8B)' },
  { id: 'lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF', parameters: 8_030_261_248, source: 'Hub page of meta-llama/Llama-3.1-8B-Instruct' },
  { id: 'microsoft/Orca-2-7b', parameters: 6_738_415_616, source: 'card: fine-tuned Llama 2 7B; Hub page', tags: ['llama'] },
  { id: 'allenai/tulu-2-dpo-7b', parameters: 6_738_415_616, source: 'card: fine-tuned Llama 2 7B', tags: ['llama'] },
  // Qwen
  { id: 'Qwen/Qwen3-4B', parameters: 4_022_468_096, source: 'Hub page' },
  { id: 'Qwen/Qwen3-8B', parameters: 8_190_735_360, source: 'Hub page' },
  { id: 'Qwen/Qwen3-14B', parameters: 14_768_307_200, source: 'Hub page' },
  { id: 'Qwen/Qwen3-32B', parameters: 32_762_123_264, source: 'Hub page' },
  { id: 'Qwen/Qwen3-30B-A3B', parameters: 30_532_122_624, source: 'Hub page' },
  { id: 'Qwen/Qwen3-235B-A22B', parameters: 235_093_634_560, source: 'Hub page' },
  { id: 'Qwen/Qwen3-Coder-30B-A3B-Instruct', parameters: 30_532_122_624, source: 'card: 30.5B total, 3.3B activated' },
  { id: 'Qwen/Qwen3-Embedding-0.6B', parameters: 596_049_920, source: 'card: 0.6B; Qwen3-0.6B without its output layer' },
  { id: 'Qwen/Qwen3-8B-AWQ', parameters: 8_190_735_360, source: 'Hub page of Qwen/Qwen3-8B' },
  { id: 'unsloth/Qwen3-8B-GGUF', parameters: 8_190_735_360, source: 'Hub page of Qwen/Qwen3-8B' },
  { id: 'unsloth/Qwen3-30B-A3B-GGUF', parameters: 30_532_122_624, source: 'Hub page of Qwen/Qwen3-30B-A3B' },
  { id: 'Qwen/Qwen2.5-7B-Instruct-AWQ', parameters: 7_615_616_512, source: 'Hub page of Qwen/Qwen2.5-7B-Instruct' },
  { id: 'unsloth/Qwen2.5-7B-Instruct-bnb-4bit', parameters: 7_615_616_512, source: 'Hub page of Qwen/Qwen2.5-7B-Instruct' },
  { id: 'Qwen/Qwen2.5-VL-32B-Instruct', parameters: 33.5 * B, source: 'Hub page (33.5B)' },
  { id: 'unsloth/DeepSeek-R1-Distill-Qwen-14B-GGUF', parameters: 14_770_033_664, source: 'Hub page of deepseek-ai/DeepSeek-R1-Distill-Qwen-14B' },
  { id: 'deepseek-ai/DeepSeek-R1-0528-Qwen3-8B', parameters: 8_190_735_360, source: 'card: Qwen3-8B architecture; Hub page' },
  // Google
  { id: 'google/gemma-3-1b-it', parameters: 999_885_952, source: 'Hub page' },
  { id: 'google/gemma-3-27b-it', parameters: 27_432_406_640, source: 'Hub page' },
  { id: 'google/gemma-3-270m', parameters: 270 * M, source: 'card: 270M' },
  { id: 'google/medgemma-4b-it', parameters: 4_300_079_472, source: 'card: Gemma 3 4B architecture; Hub page' },
  { id: 'google/codegemma-7b-it', parameters: 8_537_680_896, source: 'Hub page' },
  { id: 'google/gemma-1.1-7b-it', parameters: 8_537_680_896, source: 'Hub page' },
  { id: 'google/gemma-3n-E2B-it', parameters: 5 * B, source: 'card: raw parameter count 5B (2B effective)' },
  { id: 'google/gemma-3n-E4B-it', parameters: 8 * B, source: 'card: raw parameter count 8B (4B effective)' },
  { id: 'unsloth/gemma-3n-E4B-it-GGUF', parameters: 8 * B, source: 'Gemma 3n card: raw parameter count 8B' },
  { id: 'unsloth/gemma-3-27b-it-GGUF', parameters: 27_432_406_640, source: 'Hub page of google/gemma-3-27b-it' },
  { id: 'google/embeddinggemma-300m', parameters: 308 * M, source: 'card: 308M' },
  // Microsoft
  { id: 'microsoft/Phi-4-mini-instruct', parameters: 3_836_021_760, source: 'Hub page' },
  { id: 'microsoft/Phi-4-mini-reasoning', parameters: 3_836_021_760, source: 'card: Phi-4-mini architecture; Hub page' },
  { id: 'microsoft/Phi-4-reasoning', parameters: 14_659_507_200, source: 'card: phi-4 architecture; Hub page' },
  // Mistral AI
  { id: 'mistralai/Mistral-7B-Instruct-v0.3', parameters: 7_248_023_552, source: 'Hub page' },
  { id: 'mlx-community/Mistral-7B-Instruct-v0.3-4bit', parameters: 7_248_023_552, source: 'Hub page of mistralai/Mistral-7B-Instruct-v0.3' },
  { id: 'mistralai/Mistral-Small-3.1-24B-Instruct-2503', parameters: 24.0 * B, source: 'Hub page (24.0B)' },
  { id: 'mistralai/Mistral-Small-3.2-24B-Instruct-2506', parameters: 24.0 * B, source: 'Hub page (24.0B)' },
  { id: 'unsloth/Mistral-Small-3.1-24B-Instruct-2503-GGUF', parameters: 24.0 * B, source: 'Hub page of mistralai/Mistral-Small-3.1-24B-Instruct-2503' },
  { id: 'mistralai/Magistral-Small-2506', parameters: 23_572_403_200, source: 'card: 24B, Mistral Small 3.1 text model; Hub page' },
  { id: 'mistralai/Devstral-Small-2505', parameters: 23_572_403_200, source: 'card: 24B, fine-tuned Mistral Small 3.1; Hub page' },
  { id: 'NousResearch/Hermes-2-Pro-Mistral-7B', parameters: 7_241_994_240, source: 'Hub page' },
  { id: 'NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO', parameters: 46_702_792_704, source: 'Hub page (Mixtral 8x7B)' },
  { id: 'Nexusflow/Starling-LM-7B-beta', parameters: 7_241_748_480, source: 'Hub page' },
  { id: 'cognitivecomputations/dolphin-2.6-mistral-7b', parameters: 7_241_732_096, source: 'card: Mistral-7B fine-tune' },
  { id: 'WizardLMTeam/WizardMath-7B-V1.1', parameters: 7_241_732_096, source: 'card: trained from Mistral-7B' },
  // Other language models
  { id: 'deepseek-ai/DeepSeek-V3-0324', parameters: 685 * B, source: 'Hub page: 671B main model + 14B MTP module' },
  { id: 'deepseek-ai/DeepSeek-R1-0528', parameters: 685 * B, source: 'Hub page: 671B main model + 14B MTP module' },
  { id: 'HuggingFaceTB/SmolLM3-3B', parameters: 3_075_098_624, source: 'Hub page (3.08B)' },
  { id: 'allenai/OLMo-2-0425-1B', parameters: 1_484_916_736, source: 'Hub page (1.48B)' },
  { id: 'allenai/OLMo-2-0325-32B-Instruct', parameters: 32_234_279_936, source: 'Hub page' },
  { id: 'ibm-granite/granite-3.3-8b-instruct', parameters: 8_170_864_640, source: 'Hub page (8.17B)' },
  { id: 'ibm-granite/granite-3.3-2b-instruct', parameters: 2_533_539_840, source: 'Hub page (2.53B)' },
  { id: 'tiiuae/Falcon3-1B-Base', parameters: 1_669_408_768, source: 'Hub page (1.67B)' },
  { id: 'CohereLabs/c4ai-command-a-03-2025', parameters: 111 * B, source: 'card: 111 billion parameters' },
  { id: 'THUDM/GLM-4-9B-0414', parameters: 9.4 * B, source: 'card: GLM-4-9B, 9.4B' },
  { id: 'internlm/internlm2_5-1_8b-chat', parameters: 1.89 * B, source: 'Hub page (1.89B)' },
  { id: 'bigcode/starcoder2-3b', parameters: 3_030_371_328, source: 'Hub page (3.03B)' },
  { id: 'bigcode/starcoder2-7b', parameters: 7_173_923_840, source: 'Hub page (7.17B)' },
  { id: 'stabilityai/stablelm-2-1_6b', parameters: 1_644_515_328, source: 'Hub page (1.64B)' },
  { id: 'stabilityai/stablelm-2-zephyr-1_6b', parameters: 1_644_515_328, source: 'Hub page (1.64B)' },
  { id: 'mosaicml/mpt-7b-instruct', parameters: 6.65 * B, source: 'card: 6.7B; Hub page 6.65B' },
  { id: 'EleutherAI/gpt-neo-1.3B', parameters: 1.37 * B, source: 'Hub page (1.37B)' },
  { id: 'bigscience/bloomz-7b1', parameters: 7_069_016_064, source: 'BLOOM paper, Table 3; Hub page' },
  // Encoders, speech, embeddings
  { id: 'openai/whisper-large-v3', parameters: 1_543_490_560, source: 'Hub page (1.54B)' },
  { id: 'distil-whisper/distil-large-v3', parameters: 756_220_160, source: 'Hub page (756M)' },
  { id: 'distilbert/distilbert-base-uncased', parameters: 67 * M, source: 'Hub page (67M with its masked-LM head)' },
  { id: 'facebook/bart-large-cnn', parameters: 406_290_432, source: 'Hub page (406M)' },
];

/**
 * A second list, written after the first had been used for development and measured once before
 * any change was made for it (see the commit that added it): mostly fine-tunes and quantizations
 * of older and other families, by names alone.
 */
export const SECOND_LIST: readonly HeldOutModel[] = [
  { id: 'TheBloke/Llama-2-70B-Chat-GPTQ', parameters: 68_976_648_192, source: 'Hub page of meta-llama/Llama-2-70b-chat-hf' },
  { id: 'TheBloke/Mistral-7B-OpenOrca-GGUF', parameters: 7.24 * B, source: 'Hub page of Open-Orca/Mistral-7B-OpenOrca (7.24B)' },
  { id: 'TheBloke/deepseek-coder-6.7B-instruct-GGUF', parameters: 6.74 * B, source: 'Hub page of deepseek-ai/deepseek-coder-6.7b-instruct (6.74B)' },
  { id: 'TheBloke/Yi-34B-Chat-GGUF', parameters: 34.4 * B, source: 'Hub page of 01-ai/Yi-34B-Chat (34.4B)' },
  { id: 'TheBloke/Llama-2-13B-GGUF', parameters: 13_015_864_320, source: 'Hub page of meta-llama/Llama-2-13b-hf' },
  { id: 'TheBloke/vicuna-13B-v1.5-GGUF', parameters: 13_015_864_320, source: 'card: fine-tuned Llama 2 13B' },
  { id: 'TheBloke/openchat-3.5-0106-GGUF', parameters: 7_241_732_096, source: 'Hub page of openchat/openchat-3.5-0106' },
  { id: 'TheBloke/Nous-Hermes-2-Mixtral-8x7B-DPO-GGUF', parameters: 46_702_792_704, source: 'card: Mixtral 8x7B fine-tune' },
  { id: 'bartowski/DeepSeek-R1-Distill-Llama-8B-GGUF', parameters: 8_030_261_248, source: 'Hub page of deepseek-ai/DeepSeek-R1-Distill-Llama-8B' },
  { id: 'bartowski/Mistral-Small-24B-Instruct-2501-GGUF', parameters: 23_572_403_200, source: 'Hub page of mistralai/Mistral-Small-24B-Instruct-2501' },
  { id: 'bartowski/SmolLM2-1.7B-Instruct-GGUF', parameters: 1_711_376_384, source: 'Hub page of HuggingFaceTB/SmolLM2-1.7B-Instruct' },
  { id: 'lmstudio-community/Qwen2.5-7B-Instruct-GGUF', parameters: 7_615_616_512, source: 'Hub page of Qwen/Qwen2.5-7B-Instruct' },
  { id: 'unsloth/Phi-3-mini-4k-instruct', parameters: 3_821_079_552, source: 'Hub page of microsoft/Phi-3-mini-4k-instruct' },
  { id: 'unsloth/tinyllama-bnb-4bit', parameters: 1_100_048_384, source: 'Hub page of TinyLlama/TinyLlama-1.1B-Chat-v1.0' },
  { id: 'mlx-community/Qwen2.5-0.5B-Instruct-4bit', parameters: 494_032_768, source: 'Hub page of Qwen/Qwen2.5-0.5B-Instruct' },
  { id: 'mlx-community/Phi-3.5-mini-instruct-4bit', parameters: 3_821_079_552, source: 'Hub page of microsoft/Phi-3.5-mini-instruct' },
  { id: 'Qwen/Qwen2-7B-Instruct-AWQ', parameters: 7_615_616_512, source: 'Hub page of Qwen/Qwen2-7B-Instruct' },
  { id: 'RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic', parameters: 70_553_706_496, source: 'Hub page of meta-llama/Llama-3.3-70B-Instruct' },
  { id: 'casperhansen/llama-3-8b-instruct-awq', parameters: 8_030_261_248, source: 'Hub page of meta-llama/Meta-Llama-3-8B-Instruct' },
  { id: 'NousResearch/Nous-Hermes-2-Mistral-7B-DPO', parameters: 7_241_994_240, source: 'Hub page (7.24B)' },
  { id: 'NousResearch/Nous-Hermes-llama-2-7b', parameters: 6_738_415_616, source: 'card: fine-tuned Llama 2 7B' },
  { id: 'teknium/OpenHermes-2-Mistral-7B', parameters: 7_241_748_480, source: 'Hub page (7.24B)' },
  { id: 'mlabonne/Daredevil-8B', parameters: 8_030_261_248, source: 'card: merge of Llama 3 8B models' },
  { id: 'mlabonne/NeuralHermes-2.5-Mistral-7B', parameters: 7_241_748_480, source: 'card: OpenHermes-2.5-Mistral-7B fine-tune (7.24B)' },
  { id: 'jondurbin/airoboros-l2-13b-3.1.1', parameters: 13_015_864_320, source: 'card: fine-tuned Llama 2 13B' },
  { id: 'TheBloke/Wizard-Vicuna-7B-Uncensored-HF', parameters: 6_738_415_616, source: 'card: LLaMA 7B fine-tune' },
  { id: 'Open-Orca/OpenOrca-Platypus2-13B', parameters: 13_015_864_320, source: 'card: merge of Llama 2 13B fine-tunes' },
  { id: 'garage-bAInd/Platypus2-7B', parameters: 6_738_415_616, source: 'card: fine-tuned Llama 2 7B', tags: ['llama'] },
  { id: 'WizardLMTeam/WizardLM-13B-V1.2', parameters: 13_015_864_320, source: 'card: fine-tuned Llama 2 13B', tags: ['llama'] },
  { id: 'Phind/Phind-CodeLlama-34B-v2', parameters: 33.7 * B, source: 'card: fine-tuned CodeLlama 34B (33.7B)' },
  { id: 'ise-uiuc/Magicoder-S-DS-6.7B', parameters: 6.74 * B, source: 'card: fine-tuned deepseek-coder-6.7b-base (6.74B)' },
  { id: 'm-a-p/OpenCodeInterpreter-DS-6.7B', parameters: 6.74 * B, source: 'card: fine-tuned deepseek-coder-6.7b-base (6.74B)' },
  { id: 'deepseek-ai/deepseek-coder-1.3b-instruct', parameters: 1.35 * B, source: 'Hub page (1.35B)' },
  { id: 'google/shieldgemma-2b', parameters: 2_614_341_888, source: 'card: built on Gemma 2 2B; Hub page' },
  { id: 'google/recurrentgemma-2b-it', parameters: 2.68 * B, source: 'Hub page (2.68B)' },
  { id: 'google/gemma-3-4b-pt', parameters: 4_300_079_472, source: 'Hub page' },
  { id: 'microsoft/phi-1', parameters: 1.42 * B, source: 'Hub page (1.42B)' },
  { id: 'google-bert/bert-large-uncased', parameters: 336 * M, source: 'Hub page (336M; paper 340M)' },
  { id: 'thenlper/gte-base', parameters: 109_482_240, source: 'Hub page (109M)' },
  { id: 'distil-whisper/distil-medium.en', parameters: 394 * M, source: 'card: 394M' },
  { id: 'google/siglip-large-patch16-384', parameters: 652 * M, source: 'Hub page (652M)' },
  { id: 'bigscience/bloom-1b1', parameters: 1_065_314_304, source: 'BLOOM paper, Table 3; Hub page' },
  { id: 'bigscience/bloomz-3b', parameters: 3_002_557_440, source: 'BLOOM paper, Table 3; Hub page' },
  { id: 'tiiuae/falcon-180B-chat', parameters: 180 * B, source: 'card: 180B' },
  { id: 'llava-hf/llava-1.5-13b-hf', parameters: 13.4 * B, source: 'Hub page (13.4B)' },
  { id: 'state-spaces/mamba-2.8b-hf', parameters: 2.77 * B, source: 'Hub page (2.77B)' },
  { id: 'allenai/OLMo-7B-Instruct-hf', parameters: 6.89 * B, source: 'OLMo paper; Hub page (6.89B)' },
  { id: 'allenai/OLMoE-1B-7B-0924-Instruct', parameters: 6.92 * B, source: 'OLMoE paper: 6.9B total, 1.3B active' },
  { id: 'stabilityai/stable-code-3b', parameters: 2.8 * B, source: 'card: 2.7B; Hub page 2.8B' },
  { id: '01-ai/Yi-6B-Chat', parameters: 6.06 * B, source: 'Hub page (6.06B)' },
  { id: 'THUDM/chatglm3-6b-32k', parameters: 6.24 * B, source: 'Hub page of THUDM/chatglm3-6b (6.24B)' },
  { id: 'ibm-granite/granite-8b-code-instruct-4k', parameters: 8.05 * B, source: 'Hub page (8.05B)' },
  { id: 'Qwen/Qwen2-57B-A14B-Instruct', parameters: 57.4 * B, source: 'Qwen2 technical report: 57B total, 14B activated; Hub page 57.4B' },
  { id: 'Qwen/Qwen2.5-Math-72B-Instruct', parameters: 72.7 * B, source: 'Hub page (72.7B)' },
  { id: 'Qwen/QwQ-32B-Preview', parameters: 32_763_876_352, source: 'Hub page (Qwen2.5-32B architecture)' },
];

export const HELD_OUT_MODELS: readonly HeldOutModel[] = [...FIRST_LIST, ...SECOND_LIST];

/** A held-out model as the Hub lists it, its count hidden: the name and the tags it carries. */
export const heldOutRecord = (m: HeldOutModel): ModelRecord => ({ id: m.id, tags: m.tags ?? [] });
