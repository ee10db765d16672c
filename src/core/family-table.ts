// Published parameter counts of well-known models and their size variants, each with where it
// comes from: the paper, the model card, or the parameter count the Hub shows on the model's page
// (its safetensors metadata, "Hub page" below). A name is written as its publisher writes it; its
// tokens give the family key it answers (see families.ts): `Llama-2-7b` answers every repo whose
// name reads `llama-2 … 7b`, `bert-base` every `bert-base-*`.

export interface FamilyEntry {
  /** The model as its publisher names it (`Llama-2-7b`); its tokens give the key it answers. */
  name: string;
  parameters: number;
  /** Active parameters per token, for mixtures of experts. */
  active?: number;
  /** Where the number comes from: model card, paper, or the Hub's safetensors metadata of the named repo. */
  source: string;
}

type Row = [name: string, parameters: number, active?: number];

/** Entries that share one source. */
const from = (source: string, rows: Row[]): FamilyEntry[] =>
  rows.map(([name, parameters, active]) => (active === undefined ? { name, parameters, source } : { name, parameters, active, source }));

const M = 1e6;
const B = 1e9;

export const FAMILY_TABLE: readonly FamilyEntry[] = [
  // ── Test fixtures ────────────────────────────────────────────────────────────
  // hf-internal-testing / trl-internal-testing tiny-random-* models: a few layers of width 16–64.
  ...from('Hub page of trl-internal-testing/tiny-random-LlamaForCausalLM (1.03M)', [['tiny-random-model', 1.03 * M]]),

  // ── Meta ─────────────────────────────────────────────────────────────────────
  ...from('LLaMA paper (Touvron et al. 2023), Table 2; Hub page of huggyllama/llama-7b', [
    ['LLaMA-7B', 6.74 * B], ['LLaMA-13B', 13.0 * B], ['LLaMA-30B', 32.5 * B], ['LLaMA-33B', 32.5 * B], ['LLaMA-65B', 65.2 * B],
  ]),
  ...from('Llama 2 model cards (meta-llama/Llama-2-*-hf); Hub pages: 6,738,415,616 / 13,015,864,320 / 68,976,648,192', [
    ['Llama-2-7b', 6_738_415_616], ['Llama-2-13b', 13_015_864_320], ['Llama-2-70b', 68_976_648_192],
  ]),
  ...from('Code Llama paper (Rozière et al. 2023); Hub pages of codellama/CodeLlama-*-hf', [
    ['CodeLlama-7b', 6.74 * B], ['CodeLlama-13b', 13.0 * B], ['CodeLlama-34b', 33.7 * B], ['CodeLlama-70b', 69.0 * B],
  ]),
  ...from('Llama 3 / 3.1 model cards; Hub pages: 8,030,261,248 / 70,553,706,496 / 405,853,388,800', [
    ['Llama-3-8B', 8_030_261_248], ['Llama-3-70B', 70_553_706_496],
    ['Llama-3.1-8B', 8_030_261_248], ['Llama-3.1-70B', 70_553_706_496], ['Llama-3.1-405B', 405_853_388_800],
    ['Llama-Guard-3-8B', 8_030_261_248],
  ]),
  ...from('Llama 3.2 / 3.3 model cards; Hub pages: 1,235,814,400 / 3,212,749,824 / 10,670,220,835 / 88,6B / 70,553,706,496', [
    ['Llama-3.2-1B', 1_235_814_400], ['Llama-3.2-3B', 3_212_749_824], ['Llama-3.2-11B', 10_670_220_835], ['Llama-3.2-90B', 88.6 * B],
    ['Llama-3.3-70B', 70_553_706_496],
  ]),
  ...from('Llama 4 model card: Scout 17B activated / 109B total (16 experts), Maverick 17B activated / 400B total (128 experts)', [
    ['Llama-4-Scout-17B-16E', 109 * B, 17 * B], ['Llama-4-Maverick-17B-128E', 400 * B, 17 * B],
  ]),
  ...from('OPT paper (Zhang et al. 2022), Table 1', [
    ['opt-125m', 125 * M], ['opt-350m', 331 * M], ['opt-1.3b', 1.32 * B], ['opt-2.7b', 2.65 * B], ['opt-6.7b', 6.66 * B], ['opt-13b', 12.9 * B], ['opt-30b', 30.0 * B], ['opt-66b', 66.0 * B],
  ]),

  // ── Mistral AI ───────────────────────────────────────────────────────────────
  ...from('Mistral 7B paper (Jiang et al. 2023); Hub page of mistralai/Mistral-7B-v0.1: 7,241,732,096', [
    ['Mistral-7B', 7_241_732_096], ['Mathstral-7B', 7_248_023_552],
  ]),
  ...from('Mixtral of Experts paper (Jiang et al. 2024): 46.7B total, 12.9B active; Mixtral 8x22B announcement: 141B total, 39B active', [
    ['Mixtral-8x7B', 46_702_792_704, 12.9 * B], ['Mixtral-8x22B', 140_620_634_112, 39 * B],
  ]),
  ...from('Mistral model cards and announcements (NeMo 12B, Small 22B/24B, Large 2 123B, Codestral 22B, Ministral 8B, Pixtral 12B); Hub pages', [
    ['Mistral-Nemo', 12_247_782_400], ['Mistral-Small', 22_247_282_688], ['Mistral-Small-24B', 23_572_403_200], ['Mistral-Small-3.1-24B', 24.0 * B],
    ['Mistral-Large', 122_610_069_504], ['Codestral-22B', 22_247_282_688], ['Ministral-8B', 8_019_808_256], ['Pixtral-12B', 12_682_739_712],
  ]),
  ...from('Magistral Small and Devstral Small model cards: 24B, built on Mistral Small 3.1 (text); Hub pages 23,572,403,200; Pixtral Large card: 123B decoder + 1B vision encoder', [
    ['Magistral-Small', 23_572_403_200], ['Devstral-Small', 23_572_403_200], ['Pixtral-Large', 124 * B],
  ]),

  // ── Qwen (Alibaba) ───────────────────────────────────────────────────────────
  ...from('Qwen technical report (Bai et al. 2023); Hub pages of Qwen/Qwen-*', [
    ['Qwen-1.8B', 1.84 * B], ['Qwen-7B', 7.72 * B], ['Qwen-14B', 14.2 * B], ['Qwen-72B', 72.3 * B], ['Qwen-VL', 9.66 * B], ['Qwen-Audio', 8_396_216_576],
  ]),
  ...from('Qwen1.5 model cards; Hub pages of Qwen/Qwen1.5-*', [
    ['Qwen1.5-0.5B', 619_570_176], ['Qwen1.5-1.8B', 1.84 * B], ['Qwen1.5-4B', 3.95 * B], ['Qwen1.5-7B', 7.72 * B], ['Qwen1.5-14B', 14.2 * B],
    ['Qwen1.5-32B', 32.5 * B], ['Qwen1.5-72B', 72.3 * B], ['Qwen1.5-110B', 111.2 * B], ['Qwen1.5-MoE-A2.7B', 14.3 * B, 2.7 * B],
  ]),
  ...from('Qwen2 technical report (Yang et al. 2024), Table 1; Hub pages of Qwen/Qwen2-*', [
    ['Qwen2-0.5B', 494_032_768], ['Qwen2-1.5B', 1_543_714_304], ['Qwen2-7B', 7_615_616_512], ['Qwen2-72B', 72_706_203_648], ['Qwen2-57B-A14B', 57.4 * B, 14 * B],
    ['Qwen2-VL-2B', 2_208_985_600], ['Qwen2-VL-7B', 8_291_375_616], ['Qwen2-VL-72B', 73_405_560_320], ['Qwen2-Audio-7B', 8_397_094_912],
  ]),
  ...from('Qwen2.5 technical report (2024), Table 1; Hub pages of Qwen/Qwen2.5-*', [
    ['Qwen2.5-0.5B', 494_032_768], ['Qwen2.5-1.5B', 1_543_714_304], ['Qwen2.5-3B', 3_085_938_688], ['Qwen2.5-7B', 7_615_616_512],
    ['Qwen2.5-14B', 14_770_033_664], ['Qwen2.5-32B', 32_763_876_352], ['Qwen2.5-72B', 72_706_203_648], ['QwQ-32B', 32_763_876_352],
    ['Qwen2.5-VL-3B', 3_754_622_976], ['Qwen2.5-VL-7B', 8_292_166_656], ['Qwen2.5-VL-32B', 33.5 * B], ['Qwen2.5-VL-72B', 73_410_777_344],
  ]),
  ...from('Qwen3 model cards (Qwen/Qwen3-*: "Number of Parameters": 0.6B, 1.7B; 30.5B with 3.3B activated; 235B with 22B activated); Hub pages: 4,022,468,096 / 8,190,735,360 / 14,768,307,200 / 32,762,123,264 / 30,532,122,624 / 235,093,634,560', [
    ['Qwen3-0.6B', 0.6 * B], ['Qwen3-1.7B', 1.7 * B], ['Qwen3-4B', 4_022_468_096], ['Qwen3-8B', 8_190_735_360], ['Qwen3-14B', 14_768_307_200], ['Qwen3-32B', 32_762_123_264],
    ['Qwen3-30B-A3B', 30_532_122_624, 3.3 * B], ['Qwen3-235B-A22B', 235_093_634_560, 22 * B],
  ]),
  ...from('Qwen3 Embedding model cards (0.6B, 4B, 8B): the Qwen3 models of those sizes without their output layer', [
    ['Qwen3-Embedding-0.6B', 596_049_920], ['Qwen3-Embedding-4B', 4_021_774_336], ['Qwen3-Embedding-8B', 7_567_295_488],
  ]),
  ...from('DeepSeek-R1 model card (distilled models are Qwen2.5 and Llama 3 models); Hub pages of deepseek-ai/DeepSeek-R1-Distill-*', [
    ['Distill-Qwen-1.5B', 1_777_088_000], ['Distill-Qwen-7B', 7_615_616_512], ['Distill-Qwen-14B', 14_770_033_664], ['Distill-Qwen-32B', 32_763_876_352],
    ['Distill-Llama-8B', 8_030_261_248], ['Distill-Llama-70B', 70_553_706_496],
  ]),

  // ── Google ───────────────────────────────────────────────────────────────────
  ...from('Gemma, Gemma 2 and Gemma 3 technical reports; Hub pages of google/gemma-*', [
    ['gemma-2b', 2_506_172_416], ['gemma-7b', 8_537_680_896], ['gemma-1.1-2b', 2_506_172_416], ['gemma-1.1-7b', 8_537_680_896],
    ['codegemma-2b', 2_506_172_416], ['codegemma-7b', 8_537_680_896], ['recurrentgemma-2b', 2.68 * B], ['recurrentgemma-9b', 8.58 * B],
    ['gemma-2-2b', 2_614_341_888], ['gemma-2-9b', 9_241_705_984], ['gemma-2-27b', 27_227_128_320],
    ['gemma-3-1b', 999_885_952], ['gemma-3-4b', 4_300_079_472], ['gemma-3-12b', 12_187_325_040], ['gemma-3-27b', 27_432_406_640],
    ['paligemma-3b', 2_923_466_480], ['paligemma2-3b', 3_032_242_416], ['paligemma2-10b', 9.66 * B], ['paligemma2-28b', 27.8 * B],
  ]),
  // `E2B` and `E4B` are effective sizes: per-layer embeddings make the stored models much larger.
  ...from('Gemma 3n model card: raw parameter counts 5B (E2B) and 8B (E4B); Gemma 4 model card: E2B 2.3B effective, 5.1B with per-layer embeddings, E4B 4.5B effective, 8B', [
    ['gemma-3n-E2B', 5 * B], ['gemma-3n-E4B', 8 * B], ['gemma-4-E2B', 5.1 * B], ['gemma-4-E4B', 8 * B],
  ]),
  ...from('BERT paper (Devlin et al. 2018): BASE 110M, LARGE 340M; Hub pages of google-bert/bert-base-multilingual-cased (179M) and bert-base-chinese (103M)', [
    ['bert-base', 110 * M], ['bert-large', 340 * M], ['bert-base-multilingual', 178.6 * M], ['bert-base-chinese', 102.9 * M],
    ['bert-mini', 11.2 * M], ['bert-tiny', 4.4 * M], ['bert-small', 28.8 * M], ['bert-medium', 41.4 * M],
  ]),
  ...from('ALBERT paper (Lan et al. 2019), Table 1 (v2 models); Hub pages of albert/albert-*-v2', [
    ['albert-base', 11.8 * M], ['albert-large', 17.9 * M], ['albert-xlarge', 58.7 * M], ['albert-xxlarge', 223 * M],
  ]),
  ...from('ELECTRA paper (Clark et al. 2020), Table 1; Hub pages of google/electra-*-discriminator', [
    ['electra-small', 13.5 * M], ['electra-base', 109 * M], ['electra-large', 335 * M],
  ]),
  ...from('T5 paper (Raffel et al. 2020), Section 3.7; Hub pages of google-t5/t5-* (60.5M, 223M, 738M, 2.85B, 11.3B)', [
    ['t5-small', 60_506_624], ['t5-base', 222_903_552], ['t5-large', 737_668_096], ['t5-3b', 2_851_598_336], ['t5-11b', 11.3 * B],
  ]),
  ...from('Flan-T5 and T5 v1.1 model cards (google/flan-t5-*, google/t5-v1_1-*); Hub pages: 77.0M, 248M, 783M, 2.85B, 11.3B', [
    ['flan-t5-small', 76_961_152], ['flan-t5-base', 247_577_856], ['flan-t5-large', 783_150_080], ['flan-t5-xl', 2_849_757_184], ['flan-t5-xxl', 11.3 * B],
    ['t5-v1_1-small', 76_961_152], ['t5-v1_1-base', 247_577_856], ['t5-v1_1-large', 783_150_080], ['t5-v1_1-xl', 2_849_757_184], ['t5-v1_1-xxl', 11.3 * B],
  ]),
  ...from('mT5 paper (Xue et al. 2021), Table 2; mT0 (Muennighoff et al. 2023) is mT5 fine-tuned on xP3, same sizes', [
    ['mt5-small', 300 * M], ['mt5-base', 580 * M], ['mt5-large', 1.2 * B], ['mt5-xl', 3.7 * B], ['mt5-xxl', 13 * B],
    ['mt0-small', 300 * M], ['mt0-base', 580 * M], ['mt0-large', 1.2 * B], ['mt0-xl', 3.7 * B], ['mt0-xxl', 13 * B],
  ]),
  ...from('ByT5 paper (Xue et al. 2022), Table 1: 300M, 582M, 1.23B, 3.74B, 12.9B', [
    ['byt5-small', 300 * M], ['byt5-base', 582 * M], ['byt5-large', 1.23 * B], ['byt5-xl', 3.74 * B], ['byt5-xxl', 12.9 * B],
  ]),
  ...from('Sentence-T5 paper (Ni et al. 2022): T5 encoders, base 110M, large 335M, XL 1.24B, XXL 4.86B; Hub pages of sentence-transformers/sentence-t5-base (110M), sentence-t5-xl (1.24B)', [
    ['sentence-t5-base', 109.6 * M], ['sentence-t5-large', 335 * M], ['sentence-t5-xl', 1.24 * B], ['sentence-t5-xxl', 4.86 * B],
  ]),
  ...from('ViT paper (Dosovitskiy et al. 2021), Table 1 (Base 86M, Large 307M, Huge 632M); DeiT paper (Touvron et al. 2021), Table 1 (Ti 5M, S 22M)', [
    ['vit-tiny', 5.7 * M], ['vit-small', 22.1 * M], ['vit-base', 86.6 * M], ['vit-large', 304 * M], ['vit-huge', 632 * M],
    ['vit-base-patch16', 86.6 * M], ['vit-base-patch32', 88.2 * M], ['vit-large-patch16', 304 * M], ['vit-large-patch14', 304 * M], ['vit-huge-patch14', 632 * M],
    ['vit-b16', 86.6 * M], ['vit-b32', 88.2 * M], ['vit-l16', 304 * M], ['vit-l14', 304 * M], ['vit-h14', 632 * M],
    ['vit-so400m', 428 * M], ['vit-giant', 1.01 * B], ['vit-gigantic', 1.84 * B],
    ['deit-tiny', 5.7 * M], ['deit-small', 22.1 * M], ['deit-base', 86.6 * M],
  ]),
  ...from('SigLIP / SigLIP 2 model cards; Hub pages of google/siglip-* (203M, 652M, 878M) and google/siglip2-* (375M, 882M, 1.14B, 1.87B)', [
    ['siglip-base', 203_156_737], ['siglip-large', 652_151_809], ['siglip-so400m', 877_960_050],
    ['siglip2-base', 375.2 * M], ['siglip2-large', 882.3 * M], ['siglip2-so400m', 1_136_000_000], ['siglip2-giant', 1_871_890_000],
  ]),
  ...from('DINOv2 paper (Oquab et al. 2023); Hub pages of facebook/dinov2-* (22.1M, 86.6M, 304M, 1.14B)', [
    ['dinov2-small', 22_056_576], ['dinov2-base', 86_580_480], ['dinov2-large', 304_368_640], ['dinov2-giant', 1_136_480_768],
  ]),

  // ── OpenAI ───────────────────────────────────────────────────────────────────
  ...from('GPT-2 model cards (openai-community/gpt2*: 124M, 355M, 774M, 1.5B)', [
    ['gpt2', 124 * M], ['gpt2-small', 124 * M], ['gpt2-medium', 355 * M], ['gpt2-large', 774 * M], ['gpt2-xl', 1.5 * B],
    ['openai-gpt', 117 * M], ['distilgpt2', 82 * M],
  ]),
  ...from('DialoGPT paper (Zhang et al. 2020): GPT-2 architecture, 117M / 345M / 762M', [
    ['DialoGPT-small', 117 * M], ['DialoGPT-medium', 345 * M], ['DialoGPT-large', 762 * M],
  ]),
  ...from('CLIP paper (Radford et al. 2021); Hub pages of openai/clip-vit-* (151M, 150M, 428M)', [
    ['clip-vit-base-patch32', 151_277_313], ['clip-vit-base-patch16', 149_620_737], ['clip-vit-large-patch14', 427_616_513],
    ['CLIP-ViT-B-32', 151_277_313], ['CLIP-ViT-B-16', 149_620_737], ['CLIP-ViT-L-14', 427_616_513],
  ]),
  ...from('OpenCLIP model cards (laion/CLIP-ViT-*); Hub pages: H/14 986M, g/14 1.37B, bigG/14 2.54B', [
    ['CLIP-ViT-H-14', 986_109_697], ['CLIP-ViT-g-14', 1.37 * B], ['CLIP-ViT-bigG-14', 2.54 * B],
  ]),
  ...from('Whisper paper (Radford et al. 2022), Table 1 (39M, 74M, 244M, 769M, 1550M); large-v3-turbo model card (809M)', [
    ['whisper-tiny', 39 * M], ['whisper-base', 74 * M], ['whisper-small', 244 * M], ['whisper-medium', 769 * M], ['whisper-large', 1.55 * B],
    ['whisper-large-v3-turbo', 809 * M], ['whisper-large-turbo', 809 * M],
  ]),
  ...from('Distil-Whisper model cards (distil-whisper/distil-*)', [
    ['distil-small', 166 * M], ['distil-medium', 394 * M], ['distil-large', 756 * M],
  ]),

  // ── Microsoft ────────────────────────────────────────────────────────────────
  ...from('Phi-1, Phi-1.5 and Phi-2 model cards; Hub pages: 1.42B, 1.42B, 2.78B', [
    ['phi-1', 1.42 * B], ['phi-1_5', 1.42 * B], ['phi-2', 2_779_683_840],
  ]),
  ...from('Phi-3 technical report (Abdin et al. 2024) and model cards: mini 3.8B, small 7B, medium 14B, vision 4.2B; Phi-3.5-MoE 41.9B total, 6.6B active', [
    ['Phi-3-mini', 3_821_079_552], ['Phi-3-small', 7.39 * B], ['Phi-3-medium', 13_960_238_080], ['Phi-3-vision', 4_146_621_440],
    ['Phi-3.5-mini', 3_821_079_552], ['Phi-3.5-vision', 4_146_621_440], ['Phi-3.5-MoE', 41_873_153_344, 6.6 * B],
    ['Phi-3.1-mini', 3_821_079_552],
  ]),
  ...from('Phi-4 technical report and model cards: phi-4 14.7B, Phi-4-mini 3.8B, Phi-4-multimodal 5.6B', [
    ['phi-4', 14_659_507_200], ['Phi-4-mini', 3_836_021_760], ['Phi-4-multimodal', 5_574_460_384],
  ]),
  ...from('DeBERTa paper (He et al. 2021) and DeBERTa-V3 model cards (backbone + embeddings: xsmall 70M, small 141M, base 184M, large 435M; mdeberta-v3-base 279M)', [
    ['deberta-base', 139 * M], ['deberta-large', 406 * M], ['deberta-xlarge', 750 * M],
    ['deberta-v3-xsmall', 70.8 * M], ['deberta-v3-small', 141 * M], ['deberta-v3-base', 184 * M], ['deberta-v3-large', 435 * M], ['mdeberta-v3-base', 279 * M],
  ]),
  ...from('Swin Transformer paper (Liu et al. 2021), Table 1: T 28M, S 50M, B 88M, L 197M', [
    ['swin-tiny', 28 * M], ['swin-small', 50 * M], ['swin-base', 88 * M], ['swin-large', 197 * M],
  ]),
  ...from('BEiT paper (Bao et al. 2022): base 86M, large 304M', [['beit-base', 86 * M], ['beit-large', 304 * M]]),
  ...from('LayoutLMv3 paper (Huang et al. 2022): base 133M, large 368M', [['layoutlmv3-base', 133 * M], ['layoutlmv3-large', 368 * M]]),
  ...from('TrOCR paper (Li et al. 2021), Table 1: small 62M, base 334M, large 558M', [['trocr-small', 62 * M], ['trocr-base', 334 * M], ['trocr-large', 558 * M]]),
  ...from('Florence-2 model cards: base 0.23B, large 0.77B', [['Florence-2-base', 232 * M], ['Florence-2-large', 777 * M]]),
  ...from('GIT paper (Wang et al. 2022) and Hub pages of microsoft/git-base (177M), microsoft/git-large (394M)', [['git-base', 177 * M], ['git-large', 394 * M]]),
  ...from('MiniLM / sentence-transformers model cards: all-MiniLM-L6-v2 22.7M, L12 33.4M; multilingual MiniLM-L12 118M; mpnet-base 110M', [
    ['MiniLM-L6', 22_713_728], ['MiniLM-L12', 33_360_000], ['multilingual-MiniLM-L12', 117_653_760], ['mpnet-base', 109_486_978], ['multilingual-mpnet-base', 278_043_648],
  ]),

  // ── Facebook / Meta AI research ─────────────────────────────────────────────
  ...from('RoBERTa paper (Liu et al. 2019): base 125M, large 355M; DistilRoBERTa model card: 82M', [
    ['roberta-base', 125 * M], ['roberta-large', 355 * M], ['distilroberta-base', 82 * M],
  ]),
  ...from('XLM-R paper (Conneau et al. 2020), Table 7: base 270M, large 550M; Hub pages of FacebookAI/xlm-roberta-* (279M, 561M)', [
    ['xlm-roberta-base', 278_885_778], ['xlm-roberta-large', 561_192_082],
  ]),
  ...from('BART paper (Lewis et al. 2020); Hub pages of facebook/bart-base (139M), facebook/bart-large (406M), mbart-large-50 (611M)', [
    ['bart-base', 139_420_416], ['bart-large', 406_291_456], ['mbart-large', 610_879_488], ['distilbart', 306 * M],
  ]),
  ...from('OPUS-MT (Tiedemann & Thottingal 2020): Marian transformer-base models, Hub page of BlackKakapo/opus-mt-ro-en (77.5M); transformer-big "tc-big" models, Hub pages of Helsinki-NLP/opus-mt-tc-big-* (233–237M)', [
    ['opus-mt', 77.5 * M], ['opus-mt-tc-big', 233 * M],
  ]),
  ...from('Hub pages of SpeechT5 text-to-speech models (microsoft/speecht5_tts and its fine-tunes: 144M)', [['speecht5', 144.4 * M]]),
  ...from('Longformer-Encoder-Decoder (Beltagy et al. 2020) is BART with 16K positions; Hub pages of LED fine-tunes (pszemraj/led-base-book-summary 162M, led-large-book-summary 460M)', [
    ['led-base', 161.9 * M], ['led-large', 459.9 * M],
  ]),
  ...from('PEGASUS paper (Zhang et al. 2020): large 568M; PEGASUS-X paper (Phang et al. 2022): base 272M, large 568M', [
    ['pegasus-large', 568 * M], ['pegasus-x-base', 272 * M], ['pegasus-x-large', 568.7 * M],
  ]),
  ...from('wav2vec 2.0 paper (Baevski et al. 2020): BASE 95M, LARGE 317M; HuBERT paper (Hsu et al. 2021): base 95M, large 316M, xlarge 964M', [
    ['wav2vec2-base', 95 * M], ['wav2vec2-large', 317 * M], ['wav2vec2-xls-r-300m', 317 * M], ['wav2vec2-xls-r-1b', 965 * M], ['wav2vec2-xls-r-2b', 2.16 * B],
    ['hubert-base', 95 * M], ['hubert-large', 316 * M], ['hubert-xlarge', 964 * M],
  ]),
  ...from('WavLM paper (Chen et al. 2022): base 94.7M, large 316.6M', [['wavlm-base', 94.7 * M], ['wavlm-large', 316.6 * M]]),
  ...from('Segment Anything paper (Kirillov et al. 2023); Hub pages of facebook/sam-vit-* (94M, 312M, 641M)', [
    ['sam-vit-base', 93_735_472], ['sam-vit-large', 312_343_088], ['sam-vit-huge', 641_090_608],
  ]),
  ...from('SAM 2 paper and model cards (Ravi et al. 2024): Hiera tiny 38.9M, small 46M, base+ 80.8M, large 224.4M (SAM 2.1 keeps them)', [
    ['sam2-hiera-tiny', 38.9 * M], ['sam2-hiera-small', 46 * M], ['sam2-hiera-base-plus', 80.8 * M], ['sam2-hiera-large', 224.4 * M],
    ['sam2.1-hiera-tiny', 38.9 * M], ['sam2.1-hiera-small', 46 * M], ['sam2.1-hiera-base-plus', 80.8 * M], ['sam2.1-hiera-large', 224.4 * M],
  ]),
  ...from('MobileViT paper (Mehta & Rastegari 2022), Table 1: XXS 1.3M, XS 2.3M, S 5.6M', [
    ['mobilevit-xx-small', 1.3 * M], ['mobilevit-x-small', 2.3 * M], ['mobilevit-small', 5.6 * M],
  ]),
  ...from('Mask2Former paper (Cheng et al. 2022): Swin-T 47M, Swin-S 69M, Swin-B 107M, Swin-L 216M; Hub pages of facebook/mask2former-swin-*', [
    ['mask2former-swin-tiny', 47.4 * M], ['mask2former-swin-small', 68.8 * M], ['mask2former-swin-base', 107.4 * M], ['mask2former-swin-large', 216 * M],
  ]),
  ...from('DINO paper (Caron et al. 2021): ViT-S 21M, ViT-B 85M; Hub pages of facebook/dino-vits8 (21.7M), dino-vitb8 (85.8M)', [
    ['dino-vits8', 21.7 * M], ['dino-vits16', 21.7 * M], ['dino-vitb8', 85.8 * M], ['dino-vitb16', 85.8 * M],
  ]),
  ...from('VideoMAE and VideoMAE V2 papers: ViT-B 87M, ViT-L 305M, ViT-H 633M, ViT-g 1.01B; Hub pages of video classifiers (86.2M, 304M, 632M)', [
    ['videomae-base', 86.2 * M], ['videomae-large', 304 * M], ['videomae-huge', 632 * M],
    ['VideoMAEv2-Base', 86.2 * M], ['VideoMAEv2-Large', 303.9 * M], ['VideoMAEv2-Huge', 631.6 * M], ['VideoMAEv2-giant', 1.01 * B],
  ]),
  ...from('DETR paper (Carion et al. 2020), Table 1: R50 41M, R101 60M', [['detr-resnet-50', 41.3 * M], ['detr-resnet-101', 60.2 * M]]),
  ...from('RT-DETR paper (Zhao et al. 2024), Table 1: R18 20M, R34 31M, R50 42M, R101 76M (RT-DETRv2 keeps them); Hub pages of PekingU/rtdetr_* (20.2M, 31.5M, 43.0M, 76.8M)', [
    ['rtdetr-r18vd', 20.2 * M], ['rtdetr-r34vd', 31.5 * M], ['rtdetr-r50vd', 43.0 * M], ['rtdetr-r101vd', 76.8 * M],
    ['rtdetr-v2-r18vd', 20.2 * M], ['rtdetr-v2-r34vd', 31.5 * M], ['rtdetr-v2-r50vd', 43.0 * M], ['rtdetr-v2-r101vd', 76.8 * M],
  ]),
  ...from('YOLOS paper (Fang et al. 2021): Tiny 6.5M, Small 30.7M, Base 127M', [['yolos-tiny', 6.5 * M], ['yolos-small', 30.7 * M], ['yolos-base', 127 * M]]),
  ...from('Grounding DINO model cards; Hub pages of IDEA-Research/grounding-dino-tiny (172M), grounding-dino-base (233M)', [['grounding-dino-tiny', 172.3 * M], ['grounding-dino-base', 232.8 * M]]),
  ...from('SegFormer paper (Xie et al. 2021), Table 1: B0 3.8M, B1 13.7M, B2 27.5M, B3 47.3M, B4 64.1M, B5 84.7M', [
    ['segformer-b0', 3.8 * M], ['segformer-b1', 13.7 * M], ['segformer-b2', 27.5 * M], ['segformer-b3', 47.3 * M], ['segformer-b4', 64.1 * M], ['segformer-b5', 84.7 * M],
  ]),
  ...from('ConvNeXt paper (Liu et al. 2022), Table 1: T 28M, S 50M, B 89M, L 198M, XL 350M', [
    ['convnext-tiny', 28.6 * M], ['convnext-small', 50.2 * M], ['convnext-base', 88.6 * M], ['convnext-large', 197.8 * M], ['convnext-xlarge', 350 * M],
  ]),
  ...from('ConvNeXt V2 paper (Woo et al. 2023), Table 7: T 28.6M, B 89M, L 198M, H 660M', [
    ['convnextv2-tiny', 28.6 * M], ['convnextv2-base', 88.7 * M], ['convnextv2-large', 198 * M], ['convnextv2-huge', 660 * M],
  ]),
  ...from('MusicGen paper (Copet et al. 2023): small 300M, medium 1.5B, large 3.3B (decoder); Hub pages of facebook/musicgen-*', [
    ['musicgen-small', 591 * M], ['musicgen-medium', 1.84 * B], ['musicgen-large', 3.32 * B], ['musicgen-melody', 1.56 * B],
  ]),
  ...from('MMS paper (Pratap et al. 2023): wav2vec 2.0 models of 300M and 1B parameters; Hub pages of facebook/mms-*', [
    ['mms-300m', 317 * M], ['mms-1b', 965 * M], ['mms-lid', 966 * M], ['mms-tts', 36.3 * M],
  ]),
  ...from('SeamlessM4T v2 model card: large 2.3B', [['seamless-m4t-v2-large', 2.31 * B]]),

  // ── ResNet, EfficientNet, MobileNet (timm and torchvision) ──────────────────
  ...from('ResNet paper (He et al. 2016) / torchvision model zoo: 11.7M, 21.8M, 25.6M, 44.5M, 60.2M', [
    ['resnet-18', 11.7 * M], ['resnet-34', 21.8 * M], ['resnet-50', 25.6 * M], ['resnet-101', 44.5 * M], ['resnet-152', 60.2 * M],
    ['resnet18', 11.7 * M], ['resnet34', 21.8 * M], ['resnet50', 25.6 * M], ['resnet101', 44.5 * M], ['resnet152', 60.2 * M],
  ]),
  ...from('EfficientNet paper (Tan & Le 2019), Table 2: B0 5.3M … B7 66M', [
    ['efficientnet-b0', 5.3 * M], ['efficientnet-b1', 7.8 * M], ['efficientnet-b2', 9.2 * M], ['efficientnet-b3', 12 * M], ['efficientnet-b4', 19 * M],
    ['efficientnet-b5', 30 * M], ['efficientnet-b6', 43 * M], ['efficientnet-b7', 66 * M],
  ]),
  ...from('MobileNetV2 paper (Sandler et al. 2018): 3.4M; MobileNetV3 paper (Howard et al. 2019): Large 5.4M, Small 2.5M', [
    ['mobilenetv2', 3.5 * M], ['mobilenet-v2', 3.5 * M], ['mobilenetv3-large', 5.5 * M], ['mobilenetv3-small', 2.5 * M],
  ]),

  // ── Sentence embeddings and rerankers ───────────────────────────────────────
  ...from('BGE model cards (BAAI/bge-*): small 33.4M, base 109M, large 335M, m3 568M', [
    ['bge-small', 33_360_000], ['bge-base', 109_482_240], ['bge-large', 335_141_888], ['bge-m3', 567_754_752], ['bge-reranker-base', 278 * M], ['bge-reranker-large', 560 * M],
    ['bge-reranker-v2-m3', 567_754_752],
  ]),
  ...from('Alibaba-NLP GTE v1.5 and multilingual model cards; Hub pages: gte-base-en-v1.5 137M, gte-large-en-v1.5 434M, gte-multilingual-base 305M, gte-modernbert-base 149M', [
    ['gte-base-en-v1.5', 136.8 * M], ['gte-large-en-v1.5', 434.1 * M], ['gte-multilingual-base', 305 * M], ['gte-modernbert-base', 149 * M],
  ]),
  ...from('Jina AI model cards: jina-embeddings-v2 small 33M and base 137M, jina-embeddings-v3 570M; Hub pages of jinaai/jina-clip-v1 (223M), jina-clip-v2 (865M)', [
    ['jina-embeddings-v2-small', 32.7 * M], ['jina-embeddings-v2-base', 137.4 * M], ['jina-embeddings-v3', 570 * M], ['jina-clip-v1', 222.7 * M], ['jina-clip-v2', 865.3 * M],
  ]),
  ...from('mixedbread model cards: mxbai-embed-large-v1 335M (BERT-large); mxbai-rerank v1 xsmall 71M, base 184M, large 435M (DeBERTa-v3 sizes)', [
    ['mxbai-embed-large', 335.1 * M], ['mxbai-rerank-xsmall', 70.8 * M], ['mxbai-rerank-base', 184.4 * M], ['mxbai-rerank-large', 435 * M],
  ]),
  ...from('Hub pages of cross-encoder/ms-marco-MiniLM-L2-v2 (15.6M) and ms-marco-MiniLM-L4-v2 (19.2M): MiniLM with 2 and 4 layers of width 384', [
    ['MiniLM-L2', 15.6 * M], ['MiniLM-L4', 19.2 * M],
  ]),
  ...from('E5 model cards (intfloat/e5-*, multilingual-e5-*)', [
    ['e5-small', 33_360_000], ['e5-base', 109_482_240], ['e5-large', 335_141_888],
    ['multilingual-e5-small', 117_653_760], ['multilingual-e5-base', 278_043_648], ['multilingual-e5-large', 559_890_432],
  ]),
  ...from('GTE model cards (thenlper/gte-*): small 33.4M, base 109M, large 335M', [['gte-small', 33_360_000], ['gte-base', 109_482_240], ['gte-large', 335_141_888]]),
  ...from('Nomic Embed model card (nomic-ai/nomic-embed-text-v1: 137M)', [['nomic-embed-text', 136_731_648]]),
  ...from('LaBSE paper (Feng et al. 2022): 471M', [['LaBSE', 470_926_848]]),
  ...from('DistilBERT paper (Sanh et al. 2019): 66M; Hub page of distilbert/distilbert-base-multilingual-cased (135M); there is one DistilBERT size, so a bare `distilbert` is it', [
    ['distilbert-base', 66.4 * M], ['distilbert-base-multilingual', 134.7 * M], ['distiluse-base-multilingual', 134.7 * M],
    ['distilbert', 66.4 * M], ['distilbert-multilingual', 134.7 * M],
  ]),
  ...from('One-size distilled encoders: DistilRoBERTa (Hub page of distilbert/distilroberta-base, 82.1M); TinyRoBERTa (deepset model card: 6 layers of RoBERTa-base width, DistilRoBERTa\'s shape); DistilCamemBERT (Delestre & Amar 2022; Hub page of cmarkea/distilcamembert-base, 68.1M); MiniLM (Wang et al. 2020; Hub page of microsoft/MiniLM-L12-H384-uncased, 33.4M); MobileBERT (Sun et al. 2020: 25.3M; Hub page of google/mobilebert-uncased, 24.6M); DistilHuBERT (Chang et al. 2022: 23.5M; Hub page of ntu-spml/distilhubert, 23.7M)', [
    ['distilroberta', 82.1 * M], ['tinyroberta', 82.1 * M], ['distilcamembert', 68.1 * M], ['distilcamembert-base', 68.1 * M],
    ['MiniLM', 33.4 * M], ['mobilebert', 24.6 * M], ['distilhubert', 23.7 * M],
  ]),
  ...from('RuBERT: BERT with a 120k Russian vocabulary, Hub page of DeepPavlov/rubert-base-cased (178M); Hub pages of cointegrated/rubert-tiny (11.8M) and rubert-tiny2 (29.4M)', [
    ['rubert-base', 178 * M], ['rubert-tiny', 11.8 * M], ['rubert-tiny2', 29.4 * M],
  ]),
  ...from('CamemBERT paper (Martin et al. 2020): base 110M, large 335M', [['camembert-base', 110 * M], ['camembert-large', 335 * M]]),
  ...from('XLNet paper (Yang et al. 2019); Hub pages of xlnet/xlnet-base-cased (117M), xlnet/xlnet-large-cased (361M)', [
    ['xlnet-base', 117 * M], ['xlnet-large', 361 * M],
  ]),
  ...from('ModernBERT paper (Warner et al. 2024): base 149M, large 395M', [['ModernBERT-base', 149 * M], ['ModernBERT-large', 395 * M]]),

  // ── Vision-language and speech ──────────────────────────────────────────────
  ...from('BLIP paper (Li et al. 2022); Hub pages of Salesforce/blip-* (base 224–247M, large 470M)', [
    ['blip-base', 247 * M], ['blip-large', 470 * M], ['blip-image-captioning-base', 247 * M], ['blip-image-captioning-large', 470 * M], ['blip-vqa-base', 385 * M],
  ]),
  ...from('BLIP-2 paper (Li et al. 2023), Table 1; Hub pages of Salesforce/blip2-* (3.74B, 7.75B, 3.94B, 12.2B)', [
    ['blip2-opt-2.7b', 3_744_761_856], ['blip2-opt-6.7b', 7_752_867_840],
  ]),
  ...from('OWL-ViT / OWLv2 papers (Minderer et al. 2022, 2023); Hub pages of google/owlvit-base-patch32 (153M), owlv2-base-patch16 (155M), owlv2-large-patch14 (438M)', [
    ['owlvit-base-patch32', 153 * M], ['owlvit-base-patch16', 153 * M], ['owlvit-large-patch14', 434 * M], ['owlv2-base-patch16', 155 * M], ['owlv2-large-patch14', 438 * M],
  ]),
  ...from('Depth Anything (V1, V2) model cards: small 24.8M, base 97.5M, large 335M', [
    ['depth-anything-small', 24.8 * M], ['depth-anything-base', 97.5 * M], ['depth-anything-large', 335 * M],
    ['Depth-Anything-V2-Small', 24.8 * M], ['Depth-Anything-V2-Base', 97.5 * M], ['Depth-Anything-V2-Large', 335 * M],
  ]),
  ...from('LLaVA-1.5 paper (Liu et al. 2023); Hub pages of llava-hf/llava-1.5-7b-hf (7.06B), 13b (13.4B), llava-v1.6-mistral-7b-hf (7.57B)', [
    ['llava-1.5-7b', 7.06 * B], ['llava-1.5-13b', 13.4 * B], ['llava-v1.6-mistral-7b', 7.57 * B], ['llava-v1.6-vicuna-7b', 7.06 * B], ['llava-v1.6-34b', 34.8 * B],
  ]),
  ...from('LLaVA-OneVision model cards; Hub pages of llava-hf/llava-onevision-qwen2-* (894M, 8.03B, 73.2B)', [
    ['llava-onevision-qwen2-0.5b', 893_676_000], ['llava-onevision-qwen2-7b', 8_030_810_000], ['llava-onevision-qwen2-72b', 73.2 * B],
  ]),
  ...from('Idefics2 / Idefics3 model cards: 8B, their only size', [['idefics2', 8.4 * B], ['idefics2-8b', 8.4 * B], ['Idefics3-8B', 8_462_090_000]]),
  ...from('SmolLM / SmolLM2 / SmolVLM model cards (HuggingFaceTB): 135M, 360M, 1.7B; SmolVLM 2.2B', [
    ['SmolLM-135M', 134_515_008], ['SmolLM-360M', 361_821_120], ['SmolLM-1.7B', 1_711_376_384],
    ['SmolLM2-135M', 134_515_008], ['SmolLM2-360M', 361_821_120], ['SmolLM2-1.7B', 1_711_376_384],
    ['SmolVLM', 2_246_272_880], ['SmolVLM-256M', 256_484_928], ['SmolVLM-500M', 507_482_304], ['SmolVLM2-2.2B', 2_246_784_880],
  ]),
  ...from('Moondream model cards (vikhyatk/moondream1, moondream2): 1.86B', [['moondream1', 1.86 * B], ['moondream2', 1.93 * B]]),
  ...from('Chronos paper (Ansari et al. 2024), Table 1: tiny 8M, mini 20M, small 46M, base 200M, large 710M; Chronos-Bolt model cards: 9M, 21M, 48M, 205M', [
    ['chronos-t5-tiny', 8_394_496], ['chronos-t5-mini', 20_461_568], ['chronos-t5-small', 46_154_752], ['chronos-t5-base', 201_374_976], ['chronos-t5-large', 708_964_352],
    ['chronos-bolt-tiny', 8_650_000], ['chronos-bolt-mini', 21_200_000], ['chronos-bolt-small', 47_700_000], ['chronos-bolt-base', 205_300_000],
  ]),
  ...from('Time-MoE paper (Shi et al. 2024), Table 1: names give activated parameters — base 50M of 113M, large 200M of 453M', [
    ['TimeMoE-50M', 113.4 * M, 50 * M], ['TimeMoE-200M', 453.2 * M, 200 * M],
  ]),
  ...from('Moirai paper (Woo et al. 2024), Table 2: small 14M, base 91M, large 311M', [
    ['moirai-1.0-R-small', 13.8 * M], ['moirai-1.0-R-base', 91.4 * M], ['moirai-1.0-R-large', 311 * M],
    ['moirai-1.1-R-small', 13.8 * M], ['moirai-1.1-R-base', 91.4 * M], ['moirai-1.1-R-large', 311 * M],
  ]),

  // ── Other language models ───────────────────────────────────────────────────
  ...from('BLOOM paper (BigScience 2022), Table 3: 560M, 1.1B, 1.7B, 3B, 7.1B, 176B', [
    ['bloom', 176 * B], ['bloom-560m', 559_214_592], ['bloom-1b1', 1_065_314_304], ['bloom-1b7', 1_722_408_960], ['bloom-3b', 3_002_557_440], ['bloom-7b1', 7_069_016_064],
    ['bloomz', 176 * B], ['bloomz-560m', 559_214_592], ['bloomz-1b1', 1_065_314_304], ['bloomz-1b7', 1_722_408_960], ['bloomz-3b', 3_002_557_440], ['bloomz-7b1', 7_069_016_064],
  ]),
  ...from('Falcon model cards (tiiuae/falcon-*): 7B 7.22B, 40B 41.8B, 180B 180B; falcon-mamba-7b 7.27B', [
    ['falcon-7b', 7_217_189_760], ['falcon-40b', 41.8 * B], ['falcon-180B', 180 * B], ['falcon-mamba-7b', 7.27 * B], ['falcon-rw-1b', 1.31 * B],
  ]),
  ...from('MPT model cards (mosaicml/mpt-*): 6.7B, 30B', [['mpt-7b', 6.65 * B], ['mpt-30b', 30 * B]]),
  ...from('GPT-J and GPT-NeoX-20B model cards (EleutherAI): 6.05B, 20.6B', [['gpt-j-6b', 6.05 * B], ['gpt-neox-20b', 20.6 * B]]),
  ...from('StarCoder / StarCoder2 papers (Li et al. 2023, Lozhkov et al. 2024); SantaCoder paper: 1.1B', [
    ['starcoder', 15.5 * B], ['starcoderbase', 15.5 * B], ['starcoder2-3b', 3.03 * B], ['starcoder2-7b', 7.17 * B], ['starcoder2-15b', 15.96 * B], ['santacoder', 1.1 * B],
  ]),
  ...from('TinyLlama paper (Zhang et al. 2024): 1.1B', [['TinyLlama-1.1B', 1_100_048_384], ['TinyLlama', 1_100_048_384]]),
  ...from('Yi paper (01.AI 2024); Hub pages of 01-ai/Yi-* (6.06B, 8.83B, 34.4B)', [
    ['Yi-6B', 6.06 * B], ['Yi-9B', 8.83 * B], ['Yi-34B', 34.4 * B], ['Yi-1.5-6B', 6.06 * B], ['Yi-1.5-9B', 8.83 * B], ['Yi-1.5-34B', 34.4 * B],
  ]),
  ...from('DeepSeek model cards and papers: LLM 7B/67B, Coder 1.3B/6.7B/33B, V2 236B (21B active), V2-Lite 15.7B (2.4B active), V3, V3.1, V3.2 and R1 671B (37B active; 685B on the Hub with the MTP module)', [
    ['deepseek-llm-7b', 6.91 * B], ['deepseek-llm-67b', 67 * B], ['deepseek-coder-1.3b', 1.35 * B], ['deepseek-coder-6.7b', 6.74 * B], ['deepseek-coder-33b', 33.3 * B],
    ['DeepSeek-V2', 236 * B, 21 * B], ['DeepSeek-V2.5', 236 * B, 21 * B], ['DeepSeek-V2-Lite', 15.7 * B, 2.4 * B], ['DeepSeek-Coder-V2', 236 * B, 21 * B], ['DeepSeek-Coder-V2-Lite', 15.7 * B, 2.4 * B],
    ['DeepSeek-V3', 671 * B, 37 * B], ['DeepSeek-V3.1', 671 * B, 37 * B], ['DeepSeek-V3.2', 671 * B, 37 * B], ['DeepSeek-R1', 671 * B, 37 * B], ['DeepSeek-R1-Zero', 671 * B, 37 * B],
    ['deepseek-vl2-tiny', 3.37 * B], ['deepseek-vl2-small', 16.1 * B], ['deepseek-vl2', 27.5 * B], ['Janus-1.3B', 2.09 * B], ['Janus-Pro-1B', 2.09 * B], ['Janus-Pro-7B', 7.42 * B],
    ['JanusFlow-1.3B', 2.05 * B],
  ]),
  ...from('Cohere model cards: Command R 35B, Command R+ 104B, Command R7B 8B, Command A 111B; Aya 23 8B / 35B', [
    ['c4ai-command-r', 35 * B], ['c4ai-command-r-plus', 104 * B], ['c4ai-command-r7b', 8.03 * B], ['c4ai-command-a', 111 * B], ['aya-23-8b', 8.03 * B], ['aya-23-35b', 35 * B],
  ]),
  ...from('Mixture-of-experts model cards: DBRX 132B (36B active), Jamba 52B (12B active), Jamba 1.5 Large 398B (94B active), Grok-1 314B, Snowflake Arctic 480B (17B active)', [
    ['dbrx', 132 * B, 36 * B], ['Jamba-v0.1', 51.6 * B, 12 * B], ['Jamba-1.5-Mini', 51.6 * B, 12 * B], ['Jamba-1.5-Large', 398 * B, 94 * B], ['grok-1', 314 * B, 86 * B],
    ['snowflake-arctic-instruct', 480 * B, 17 * B], ['snowflake-arctic-base', 480 * B, 17 * B],
  ]),
  ...from('OLMo / OLMo 2 / OLMoE papers and model cards (AI2): OLMo 1B 1.18B, 7B 6.89B; OLMo 2 1B 1.48B (Hub page 1,484,916,736), 7B 7.3B, 13B 13.7B, 32B 32.2B; OLMoE 6.9B (1.3B active)', [
    ['OLMo-1B', 1.18 * B], ['OLMo-7B', 6.89 * B], ['OLMo-2-1B', 1_484_916_736], ['OLMo-2-7B', 7.3 * B], ['OLMo-2-13B', 13.7 * B], ['OLMo-2-32B', 32_234_279_936], ['OLMoE-1B-7B', 6.92 * B, 1.28 * B],
  ]),
  ...from('Falcon3 model cards (tiiuae/Falcon3-*); Hub pages: 1,669,408,768 / 3.23B / 7,455,550,464 / 10,305,653,760', [
    ['Falcon3-1B', 1_669_408_768], ['Falcon3-3B', 3.23 * B], ['Falcon3-7B', 7_455_550_464], ['Falcon3-10B', 10_305_653_760],
  ]),
  ...from('Mixture-of-experts model cards: gpt-oss-120b 117B (5.1B active), gpt-oss-20b 21B (3.6B active); Kimi K2 1T (32B activated), Kimi-VL-A3B 16B (3B activated); GLM-4.5 and GLM-4.6 355B (32B active), GLM-4.5-Air 106B (12B active); MiniMax-Text-01 and MiniMax-M1 456B (45.9B activated), MiniMax-M2 230B (10B activated); Hunyuan-A13B 80B (13B active)', [
    ['gpt-oss-20b', 21 * B, 3.6 * B], ['gpt-oss-120b', 117 * B, 5.1 * B], ['Kimi-K2', 1000 * B, 32 * B], ['GLM-4.5', 355 * B, 32 * B], ['GLM-4.6', 355 * B, 32 * B], ['GLM-4.5-Air', 106 * B, 12 * B],
    ['MiniMax-Text-01', 456 * B, 45.9 * B], ['MiniMax-M1', 456 * B, 45.9 * B], ['MiniMax-M2', 230 * B, 10 * B], ['Hunyuan-A13B', 80 * B, 13 * B], ['Kimi-VL-A3B', 16 * B, 3 * B],
  ]),
  ...from('GLM model cards (THUDM): ChatGLM3-6B 6.24B, GLM-4-9B 9.4B', [['chatglm3-6b', 6.24 * B], ['glm-4-9b', 9_399_951_360]]),
  ...from('InternLM2 / 2.5 model cards: 1.8B, 7.7B, 19.9B', [['internlm2-1.8b', 1.89 * B], ['internlm2-7b', 7.74 * B], ['internlm2-20b', 19.9 * B], ['internlm2.5-7b', 7.74 * B], ['internlm2.5-20b', 19.9 * B]]),
  ...from('Baichuan 2 paper (Yang et al. 2023): 7B 7.5B, 13B 13.9B', [['Baichuan2-7B', 7.51 * B], ['Baichuan2-13B', 13.9 * B]]),
  ...from('NVIDIA model cards: Nemotron-Mini-4B 4.2B, Mistral-NeMo-Minitron-8B 8.4B, Llama-3.1-Minitron-4B 4.5B, Nemotron-4-340B 341B', [
    ['Nemotron-Mini-4B', 4.19 * B], ['Mistral-NeMo-Minitron-8B', 8.41 * B], ['Llama-3.1-Minitron-4B', 4.51 * B], ['Nemotron-4-340B', 341 * B],
  ]),
  ...from('Solar model cards (upstage): SOLAR-10.7B 10.7B, solar-pro-preview 22.1B', [['SOLAR-10.7B', 10.7 * B], ['solar-pro', 22.1 * B]]),
  ...from('Vicuna model cards (lmsys): LLaMA / Llama 2 7B and 13B', [['vicuna-7b', 6.74 * B], ['vicuna-13b', 13.0 * B], ['vicuna-33b', 32.5 * B]]),
  ...from('Zephyr and OpenChat 3.5 model cards: fine-tunes of Mistral-7B (7.24B)', [['zephyr-7b', 7_241_732_096], ['openchat-3.5', 7_241_732_096]]),
  ...from('StableLM model cards (stabilityai): StableLM 2 1.6B, StableLM 3B 2.8B, StableLM 2 12B', [['stablelm-2-1_6b', 1.64 * B], ['stablelm-3b', 2.8 * B], ['stablelm-zephyr-3b', 2.8 * B], ['stablelm-2-12b', 12.1 * B]]),
  ...from('Granite model cards (ibm-granite): 3.x 2B 2.53B and 8B 8.17B, 3.0 MoE 1B-A400M 1.3B and 3B-A800M 3.3B; Granite 4.0 H-Small 32B (9B active), H-Tiny 7B (1B active), H-Micro and Micro 3B; Granite Code 3B 3.5B, 8B 8.1B, 20B 20.1B, 34B 33.7B', [
    ['granite-3.0-2b', 2.53 * B], ['granite-3.0-8b', 8.17 * B], ['granite-3.1-2b', 2.53 * B], ['granite-3.1-8b', 8.17 * B],
    ['granite-3.2-2b', 2.53 * B], ['granite-3.2-8b', 8.17 * B], ['granite-3.3-2b', 2_533_539_840], ['granite-3.3-8b', 8_170_864_640],
    ['granite-3.0-1b-a400m', 1.3 * B, 0.4 * B], ['granite-3.0-3b-a800m', 3.3 * B, 0.8 * B],
    ['granite-4.0-h-small', 32 * B, 9 * B], ['granite-4.0-h-tiny', 7 * B, 1 * B], ['granite-4.0-h-micro', 3 * B], ['granite-4.0-micro', 3 * B],
    ['granite-3b-code', 3.48 * B], ['granite-8b-code', 8.05 * B], ['granite-20b-code', 20.1 * B], ['granite-34b-code', 33.7 * B],
  ]),
  ...from('MiniCPM model cards (openbmb): MiniCPM-V 2.6 8.1B, MiniCPM-o 2.6 8.7B', [['MiniCPM-V-2_6', 8.1 * B], ['MiniCPM-o-2_6', 8_675_000_000]]),
  ...from('Stable Beluga model cards (stabilityai, petals-team): fine-tunes of Llama 2 70B and LLaMA 65B', [['StableBeluga2', 68_976_648_192], ['StableBeluga1', 65.2 * B]]),
  ...from('Moshi paper (Défossez et al. 2024): a 7B temporal transformer; Hub page of kyutai/moshiko-pytorch-bf16 (7.69B)', [['moshiko', 7.69 * B], ['moshika', 7.69 * B]]),
  ...from('Emu3 model cards (BAAI): 8B; Hub page of BAAI/Emu3-Gen (8.49B)', [['Emu3', 8.49 * B]]),
  ...from('CogVLM paper (Wang et al. 2023): 10B vision expert + 7B language model; Hub page of THUDM/cogvlm-chat-hf (17.6B)', [['cogvlm', 17.6 * B]]),
  ...from('Pix2Struct paper (Lee et al. 2023): base 282M, large 1.3B; Kosmos-2 paper (Peng et al. 2023): 1.6B; Hub pages of google/pix2struct-* and microsoft/kosmos-2-patch14-224 (1.66B)', [
    ['pix2struct-base', 282.3 * M], ['pix2struct-large', 1.34 * B], ['kosmos-2', 1.66 * B],
  ]),
  ...from('AraGPT2 paper (Antoun et al. 2021), Table 1: base 135M, medium 370M, large 792M, mega 1.46B', [
    ['aragpt2-base', 135 * M], ['aragpt2-medium', 370 * M], ['aragpt2-large', 792 * M], ['aragpt2-mega', 1.46 * B],
  ]),
  ...from('Seamless paper (Seamless Communication 2023): w2v-BERT 2.0 speech encoder, 600M; Hub page of facebook/w2v-bert-2.0 (581M)', [['w2v-bert-2.0', 580.5 * M]]),
  ...from('Neural audio codecs, one model per architecture: EnCodec (Défossez et al. 2022; Hub page of facebook/encodec_24khz, 23.3M); Descript Audio Codec (Kumar et al. 2023; Hub page of descript/dac_44khz, 76.6M); Mimi, the Moshi codec (Défossez et al. 2024; Hub page of kyutai/mimi, 96.2M)', [
    ['encodec', 23.3 * M], ['dac', 76.6 * M], ['mimi', 96.2 * M],
  ]),
  ...from('FAIR WMT19 news translation (Ng et al. 2019): Transformer-big models, ported to transformers as FSMT; Hub pages of facebook/wmt19-* (270–291M)', [['fsmt', 280 * M]]),
  ...from('BioGPT paper (Luo et al. 2022): a GPT-2 medium-shaped model of 347M, BioGPT-Large 1.5B', [['biogpt', 347 * M], ['BioGPT-Large', 1.57 * B]]),
  ...from('Fine-tunes whose model cards name their base: FireFunction V2 is Llama 3 70B (70.55B), Marco-o1 is Qwen2-7B-Instruct (7.62B), INTELLECT-1 is a 10B Llama-style model (10.2B)', [
    ['llama-3-firefunction-v2', 70_553_706_496], ['Marco-o1', 7_615_616_512], ['INTELLECT-1', 10.2 * B],
  ]),
  ...from('GOT-OCR 2.0 paper (Wei et al. 2024): 580M; Hub page of stepfun-ai/GOT-OCR2_0 (716M with its vision encoder)', [['GOT-OCR2_0', 716 * M]]),
];
