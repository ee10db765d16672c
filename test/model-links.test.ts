// The models a chat message names: Hub model links and owner/name ids, nothing else.
import { describe, expect, it } from 'vitest';
import { modelOfLink, modelsInText } from '../src/core/model-links.js';

describe('modelOfLink', () => {
  it('reads a model page, its files and revisions, on huggingface.co and hf.co', () => {
    expect(modelOfLink('https://huggingface.co/Qwen/Qwen2.5-0.5B')).toBe('Qwen/Qwen2.5-0.5B');
    expect(modelOfLink('https://www.huggingface.co/Qwen/Qwen2.5-0.5B/tree/main')).toBe('Qwen/Qwen2.5-0.5B');
    expect(modelOfLink('https://huggingface.co/meta-llama/Llama-3.1-8B/blob/main/config.json?x=1#L3')).toBe('meta-llama/Llama-3.1-8B');
    expect(modelOfLink('http://hf.co/openai-community/gpt2')).toBe('openai-community/gpt2');
  });

  it('ignores datasets, Spaces, docs, owner pages, listings and other sites', () => {
    for (const link of [
      'https://huggingface.co/datasets/HuggingFaceFW/fineweb',
      'https://huggingface.co/spaces/open-llm-leaderboard/open_llm_leaderboard',
      'https://huggingface.co/docs/transformers/index',
      'https://huggingface.co/papers/2401.00001',
      'https://huggingface.co/Qwen',
      'https://huggingface.co/models?pipeline_tag=text-generation',
      'https://huggingface.co/',
      'https://github.com/Qwen/Qwen2.5',
      'https://huggingface.co.evil.example/Qwen/Qwen2.5-0.5B',
      'not a link',
    ]) expect(modelOfLink(link), link).toBeUndefined();
  });
});

describe('modelsInText', () => {
  it('finds links (also in Slack and Discord markup) and bare ids in order, once each, case-insensitively', () => {
    const text = [
      'Try <https://huggingface.co/Qwen/Qwen2.5-0.5B|this one> or `mistralai/Mistral-7B-v0.1`.',
      'Also [gpt2](https://hf.co/openai-community/gpt2) and qwen/qwen2.5-0.5b again, then google-bert/bert-base-uncased.',
    ].join('\n');
    expect(modelsInText(text)).toEqual(['Qwen/Qwen2.5-0.5B', 'mistralai/Mistral-7B-v0.1', 'openai-community/gpt2', 'google-bert/bert-base-uncased']);
  });

  it('leaves out dates, paths inside links, addresses, datasets and words without a slash', () => {
    expect(modelsInText('on 2024/01 see https://example.com/a/b and https://huggingface.co/datasets/x/y, mail a@b.c/d, #chan/x, gpt2')).toEqual([]);
  });
});
