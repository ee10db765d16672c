// What a user sees of the family table, the learned family medians and the published benchmark
// sizes, asked through the offline console bot (the bundled snapshot).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleBot } from '../src/adapters/console.js';
import { offlineConsoleBot } from './helpers/bot.js';

let bot: ConsoleBot;
beforeAll(() => {
  bot = offlineConsoleBot();
});

describe('/classify with a family count', () => {
  it('says the count comes from the name and the family table, and where the table has it from', async () => {
    const { reply } = await bot.ask('/classify xlnet/xlnet-base-cased');
    expect(reply.data).toMatchObject({ parameters: 117e6, parameterSource: 'family_table', family: 'xlnet-base', verdict: 'SLM' });
    expect(reply.summary).toContain('from the repo name and the family table entry xlnet-base');
    expect(reply.notes).toContain('Family table: xlnet-base has 117M parameters (XLNet paper (Yang et al. 2019); Hub pages of xlnet/xlnet-base-cased (117M), xlnet/xlnet-large-cased (361M)).');
    const fr = await bot.bot.invokeText('/classify xlnet/xlnet-base-cased', { locale: 'fr' });
    expect(fr.summary).toContain('le nom du dépôt et l’entrée xlnet-base de la table des familles');
  });

  it('reads a nominal 7B by its family: Llama 2 is an SLM, Mixtral gets its true total and active count', async () => {
    const mixtral = await bot.ask('/classify TheBloke/Mixtral-8x7B-Instruct-v0.1-GGUF');
    // Its count is its measured base model's; the family table adds the active count.
    expect(mixtral.reply.data).toMatchObject({ parameters: 46_702_792_704, parameterSource: 'base_model', activeParameters: 12.9e9, verdict: 'LLM' });
    const llama = await bot.ask('/classify meta-llama/Llama-2-7b-chat-hf');
    expect(llama.reply.data).toMatchObject({ parameters: 6_738_417_664, verdict: 'SLM' });
  });
});

describe('/benchmark and /thresholds with true sizes', () => {
  it('names the study\'s headline case, computed from the data', async () => {
    expect((await bot.ask('/benchmark medical')).reply.summary).toContain(
      "The study's headline case: MedMobile (3.82B) scores 75.7, above Flan-PaLM (540B) at 67.2, a model 141× its size.",
    );
    expect((await bot.ask('/benchmark code')).reply.summary).toContain('Phi-3.1-Mini-128K-Instruct (3.82B) scores 26.5, above Qwen1.5-110B-Chat (111B) at 19.6');
    expect((await bot.ask('/benchmark nli')).reply.summary).toContain('DeBERTa-1.5B (1.5B) scores 93.2, above GPT-3 175B (175B) at 69');
  });

  it('shows undisclosed sizes as such and labels active parameters', async () => {
    const medical = (await bot.ask('/benchmark medical')).reply;
    expect(medical.table!.rows.find((r) => r[0] === 'Med-PaLM 2')?.[1]).toBe('undisclosed');
    expect(medical.notes.join(' ')).toContain('Size never disclosed by the publisher, so left off the size axis: GPT-3.5 53.6, GPT-4 82.3, Med-PaLM 2 86.2, GPT-4 Medprompt 90.2, Med-Gemini 91.1.');
    const code = (await bot.ask('/benchmark code')).reply;
    expect(code.table!.rows.find((r) => r[0] === 'Mixtral-8x22B-Instruct')?.[1]).toBe('141B, 39B active');
    expect(code.table!.rows.find((r) => r[0] === 'OpenCoder-1.5B-Instruct')?.[1]).toBe('1.5B');
    const thresholds = (await bot.ask('/thresholds')).reply;
    expect(thresholds.notes[0]).toBe('Mixtures of experts are placed by their total parameters: Mistral 46.7B, 12.9B active “small”, Mistral 141B, 39B active “small”.');
  });
});
