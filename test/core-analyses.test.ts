// Hand-worked examples for every analysis: the numbers replies show are checked here.
import { describe, expect, it } from 'vitest';
import { benchmarkOf } from '../src/core/benchmark.js';
import { classifyModel, taskPercentile } from '../src/core/classify.js';
import { lifespanOf } from '../src/core/lifespan.js';
import { addMonths, isMonth, monthRange, oneYearBefore } from '../src/core/months.js';
import { publisherContext } from '../src/core/publishers.js';
import { shareOf } from '../src/core/share.js';
import { tagsOf } from '../src/core/tags.js';
import { thresholdsOf } from '../src/core/thresholds.js';
import { slope, trendOf } from '../src/core/trend.js';
import { DEFAULT_THRESHOLDS, type ModelRecord, type Verdict } from '../src/core/types.js';
import { classifyAll, type ClassifiedModel } from '../src/core/verdict.js';

/** A classified model with a given verdict; the count matches the verdict under the default lines. */
function c(verdict: Verdict, extra: Partial<ModelRecord> = {}, id = `m/${Math.random()}`): ClassifiedModel {
  const parameters = { SLM: 1e9, borderline: 8e9, LLM: 70e9, unknown: null }[verdict];
  return { model: { id, tags: [], ...extra }, count: { parameters, source: parameters ? 'safetensors' : null }, verdict };
}

describe('months', () => {
  it('works in UTC calendar months', () => {
    expect(isMonth('2024-01')).toBe(true);
    expect(isMonth('2024-13')).toBe(false);
    expect(isMonth('2024-1')).toBe(false);
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(monthRange('2024-11', '2025-01')).toEqual(['2024-11', '2024-12', '2025-01']);
    expect(oneYearBefore(new Date('2024-02-29T12:00:00Z')).toISOString()).toBe('2023-02-28T12:00:00.000Z');
  });
});

describe('share', () => {
  it('counts unknown apart and never as LLM', () => {
    const result = shareOf([c('SLM'), c('SLM'), c('SLM'), c('borderline'), c('LLM'), c('unknown'), c('unknown')]);
    expect(result.counts).toEqual({ SLM: 3, borderline: 1, LLM: 1, unknown: 2 });
    expect(result.total).toBe(7);
    expect(result.slmShareOfKnown).toBeCloseTo(3 / 5);
    expect(result.shares.unknown).toBeCloseTo(2 / 7);
  });
});

describe('trend', () => {
  const at = (month: string) => ({ createdAt: `${month}-15T10:00:00.000Z` });

  it('counts per creation month and computes the SLM share among known counts', () => {
    const sample = [
      c('SLM', at('2024-01')), c('SLM', at('2024-01')), c('LLM', at('2024-01')), c('unknown', at('2024-01')),
      c('borderline', at('2024-02')),
      c('SLM', at('2023-12')), // before since
      c('SLM', {}), // undated
      c('SLM', at('2024-03')),
    ];
    const result = trendOf(sample, { since: '2024-01', collectedAt: new Date('2024-03-20T00:00:00Z') });
    expect(result.periods.map((m) => m.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(result.periods[0]).toMatchObject({ slm: 2, borderline: 0, llm: 1, unknown: 1, partial: false, lowConfidence: true });
    expect(result.periods[0].slmShare).toBeCloseTo(2 / 3);
    expect(result.periods[1].slmShare).toBe(0);
    expect(result.periods[2]).toMatchObject({ slm: 1, partial: true });
    expect(result.beforeSince).toBe(1);
    expect(result.undated).toBe(1);
  });

  it('reads the direction from the last 4 complete months', () => {
    // Shares 50%, 60%, 70%, 80% over Jan–Apr (10 known models each), May is partial.
    const sample: ClassifiedModel[] = [];
    ['2024-01', '2024-02', '2024-03', '2024-04'].forEach((month, i) => {
      for (let k = 0; k < 10; k++) sample.push(c(k < 5 + i ? 'SLM' : 'LLM', at(month)));
    });
    sample.push(c('LLM', at('2024-05')));
    const result = trendOf(sample, { since: '2023-12', collectedAt: new Date('2024-05-02T00:00:00Z') });
    expect(result.headline.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(result.headline.slopePointsPerPeriod).toBeCloseTo(10);
    expect(result.headline.direction).toBe('rising');
    expect(result.periods.find((m) => m.period === '2024-01')!.lowConfidence).toBe(false);
  });

  it('fits a least-squares slope', () => {
    expect(slope([1, 2, 3])).toBeCloseTo(1);
    expect(slope([4, 0, 4, 0])).toBeCloseTo(-0.8);
    expect(slope([5])).toBeNull();
  });
});

describe('lifespan', () => {
  it('splits each verdict’s downloads by creation month and measures the share older than 12 months', () => {
    const sample = [
      c('SLM', { createdAt: '2023-01-10T00:00:00Z', downloads: 600 }),
      c('SLM', { createdAt: '2024-06-10T00:00:00Z', downloads: 300 }),
      c('SLM', { createdAt: '2025-03-01T00:00:00Z', downloads: 100 }),
      c('LLM', { createdAt: '2023-01-20T00:00:00Z', downloads: 50 }),
      c('LLM', { createdAt: '2025-02-01T00:00:00Z', downloads: 150 }),
      c('borderline', { createdAt: '2025-02-01T00:00:00Z', downloads: 999 }),
      c('unknown', { createdAt: '2023-01-01T00:00:00Z', downloads: 1e6 }), // excluded
      c('SLM', { downloads: 1e6 }), // undated, excluded
    ];
    const result = lifespanOf(sample, { collectedAt: new Date('2025-03-22T10:04:49Z') });
    // Cut-off 2024-03-22: SLMs 600 of 1000 older, LLMs 50 of 200.
    expect(result.olderThan12Months.slm).toBeCloseTo(0.6);
    expect(result.olderThan12Months.llm).toBeCloseTo(0.25);
    expect(result.olderThan12Months.borderline).toBe(0);
    expect(result.months[0].month).toBe('2023-01');
    expect(result.months.at(-1)!.month).toBe('2025-03');
    const jan23 = result.months[0];
    expect(jan23.slmDownloadShare).toBeCloseTo(0.6);
    expect(jan23.llmDownloadShare).toBeCloseTo(0.25);
    expect(result.months.reduce((sum, m) => sum + m.slmDownloadShare, 0)).toBeCloseTo(1);
    expect(result.months.find((m) => m.month === '2025-02')!.llmDownloadShare).toBeCloseTo(0.75);
    expect(result).toMatchObject({ undated: 1, unknown: 1, totals: { slm: 1000, llm: 200, borderline: 999 } });
  });
});

describe('tags', () => {
  it('normalises task counts per verdict with the Hub taxonomy', () => {
    const sample = [
      c('SLM', { pipelineTag: 'text-classification' }),
      c('SLM', { pipelineTag: 'text-classification' }),
      c('SLM', { pipelineTag: 'automatic-speech-recognition' }),
      c('SLM', { pipelineTag: 'not-a-task' }),
      c('LLM', { pipelineTag: 'text-generation' }),
      c('LLM', { pipelineTag: 'text-generation' }),
      c('LLM', { pipelineTag: 'text-generation' }),
      c('LLM', { pipelineTag: 'image-text-to-text' }),
    ];
    const result = tagsOf(sample);
    expect(result.verdicts.SLM).toMatchObject({ tagged: 3, untagged: 1, distinctTasks: 2 });
    expect(result.verdicts.SLM.tasks[0]).toMatchObject({ tag: 'text-classification', name: 'Text Classification', count: 2 });
    expect(result.verdicts.SLM.tasks[0].share).toBeCloseTo(2 / 3);
    expect(result.verdicts.LLM.tasks[0].share).toBeCloseTo(0.75);
    expect(result.verdicts.SLM.modalities['Natural Language Processing']).toBeCloseTo(2 / 3);
    expect(result.verdicts.SLM.modalities['Audio']).toBeCloseTo(1 / 3);
    expect(result.top[0]).toMatchObject({ tag: 'text-generation', slmShare: 0, llmShare: 0.75 });
  });
});

describe('classify', () => {
  it('puts a model among its task’s models in the sample', () => {
    const peers: ClassifiedModel[] = [1e9, 2e9, 3e9, 10e9].map((p, i) => ({ ...c('SLM', { pipelineTag: 'text-generation' }, `p/${i}`), count: { parameters: p, source: 'safetensors' as const } }));
    peers.push(c('unknown', { pipelineTag: 'text-generation' }));
    peers.push(c('SLM', { pipelineTag: 'fill-mask' }));
    expect(taskPercentile('x/y', 5e9, 'text-generation', peers)).toEqual({ task: 'text-generation', percentile: 75, among: 4 });
    expect(taskPercentile('x/y', 5e9, null, peers)).toBeNull();
  });

  it('reports count, source, verdict, band and publisher context', () => {
    const mistral: ModelRecord = { id: 'mistralai/Mistral-7B-v0.1', tags: [], safetensorsTotal: 7241732096, pipelineTag: 'text-generation', downloads: 342329, createdAt: '2023-09-20T13:03:50.000Z' };
    const result = classifyModel(mistral, () => undefined, DEFAULT_THRESHOLDS);
    expect(result).toMatchObject({ id: mistral.id, parameters: 7241732096, parameterSource: 'safetensors', verdict: 'borderline', band: 'sub-10B', task: 'text-generation', url: 'https://huggingface.co/mistralai/Mistral-7B-v0.1' });
    expect(result.publishers[0]).toMatchObject({ publisher: 'Mistral', label: 'small', sizeB: 7 });
  });
});

describe('publisher context', () => {
  it('gives each publisher’s label nearest in size', () => {
    const at14 = publisherContext(14e9, 6);
    expect(at14.find((p) => p.publisher === 'Microsoft')).toMatchObject({ sizeB: 14, label: 'lightweight' });
    expect(at14.find((p) => p.publisher === 'Qwen')).toMatchObject({ sizeB: 14.7, label: 'LLM series' });
    expect(publisherContext(null)).toEqual([]);
    expect(publisherContext(1e15)).toEqual([]);
  });
});

describe('benchmark', () => {
  it('MedQA: best SLM, best LLM, and the smallest model that beats a larger one', () => {
    const result = benchmarkOf('medical', DEFAULT_THRESHOLDS);
    expect(result.entries).toHaveLength(18);
    expect(result.bestSlm).toMatchObject({ model: 'MedMobile', parametersB: 3.82, score: 75.7 });
    // Med-PaLM 2 (86.2) and the GPT-4s have undisclosed sizes: never an LLM by a guessed size.
    expect(result.bestLlm).toMatchObject({ model: 'UltraMedical 70B', parametersB: 70.55, score: 85.4 });
    // VOD (220M, 55.1%) beats LLaMA 2 7B, MediTron 7B, BioMedLM 2.7B and Dragon 360M; GPT-3.5's size is undisclosed.
    expect(result.smallestWinner?.model).toMatchObject({ model: 'VOD', parametersB: 0.22 });
    expect(result.smallestWinner?.beats).toMatchObject({ parametersB: 6.74 });
    expect(result.smallestWinner?.beatenCount).toBe(4);
    expect(result.perBillion[0]).toMatchObject({ model: 'VOD' });
    expect(result.perBillion[0].scorePerBillion).toBeCloseTo(55.1 / 0.22);
  });

  it('keeps undisclosed sizes undisclosed, with a source for every published one', () => {
    const medical = benchmarkOf('medical', DEFAULT_THRESHOLDS);
    const undisclosed = medical.entries.filter((e) => e.parametersB === null).map((e) => e.model);
    expect(undisclosed.sort()).toEqual(['GPT-3.5', 'GPT-4', 'GPT-4 Medprompt', 'Med-Gemini', 'Med-PaLM 2']);
    for (const e of medical.entries.filter((x) => x.parametersB === null)) {
      expect(e.verdict).toBe('unknown');
      expect(e.parametersSource).toMatch(/^undisclosed: /);
    }
    for (const domain of ['medical', 'code', 'nli'] as const) {
      for (const e of benchmarkOf(domain, DEFAULT_THRESHOLDS).entries) expect(e.parametersSource.length, e.model).toBeGreaterThan(10);
    }
  });

  it('uses true counts, not leaderboard roundings, and labels the active parameters of mixtures', () => {
    const code = benchmarkOf('code', DEFAULT_THRESHOLDS);
    const byName = (m: string) => code.entries.find((e) => e.model === m)!;
    expect(byName('OpenCoder-1.5B-Instruct').parametersB).toBe(1.5); // the leaderboard prints 2B
    expect(byName('Mixtral-8x22B-Instruct')).toMatchObject({ parametersB: 140.62, activeB: 39 }); // not 176B
    expect(byName('Phi-4').parametersB).toBe(14.66);
    // At its true 1.5B, OpenCoder beats 6 larger models (CodeGemma-2B among them), not 5.
    expect(code.smallestWinner).toMatchObject({ model: { model: 'OpenCoder-1.5B-Instruct' }, beatenCount: 6 });
  });

  it('finds the study\'s headline case in each benchmark: the best model under 5B and the largest it beats', () => {
    const headline = (domain: 'medical' | 'code' | 'nli') => {
      const h = benchmarkOf(domain, DEFAULT_THRESHOLDS).headline!;
      return [h.model.model, h.model.score, h.beats.model, h.beats.score, Math.round(h.timesLarger)];
    };
    expect(headline('medical')).toEqual(['MedMobile', 75.7, 'Flan-PaLM', 67.2, 141]);
    // Mixtral-8x22B (20.9) is compared by its 39B active parameters, so the 111B Qwen1.5 is the largest beaten.
    expect(headline('code')).toEqual(['Phi-3.1-Mini-128K-Instruct', 26.5, 'Qwen1.5-110B-Chat', 19.6, 29]);
    expect(headline('nli')).toEqual(['DeBERTa-1.5B', 93.2, 'GPT-3 175B', 69, 117]);
  });

  it('reads sizes from the reference data', () => {
    const rte = benchmarkOf('nli', DEFAULT_THRESHOLDS);
    expect(rte.entries.find((e) => e.model === 'ST-MoE-32B 269B')).toMatchObject({ parametersB: 269, activeB: 32 });
    expect(rte.entries.find((e) => e.model === 'T5-Base 220M')?.parametersB).toBeCloseTo(0.223);
    const code = benchmarkOf('code', DEFAULT_THRESHOLDS);
    expect(code.bestSlm).toMatchObject({ model: 'Phi-3.1-Mini-128K-Instruct', score: 26.5 });
    expect(code.bestLlm).toMatchObject({ model: 'DeepSeek-V3-Chat', score: 40.5, activeB: 37 });
  });
});

describe('thresholds', () => {
  it('groups publisher labels by zone and shows the grey-zone disagreement', () => {
    const result = thresholdsOf(DEFAULT_THRESHOLDS);
    const grey = result.zones.find((z) => z.verdict === 'borderline')!;
    expect(grey).toMatchObject({ fromB: 7, belowB: 20 });
    expect(grey.labels.lightweight).toBeGreaterThan(0);
    expect(grey.labels['LLM series']).toBeGreaterThan(0);
    expect(result.disagreements.some((r) => r.publisher === 'Microsoft' && r.sizeB === 14)).toBe(true);
    expect(result.zones.reduce((n, z) => n + z.models, 0)).toBe(result.rows.length);
  });

  it('places mixtures of experts by their total, with their active count labelled', () => {
    const mixtures = thresholdsOf(DEFAULT_THRESHOLDS).rows.filter((r) => r.activeB !== undefined);
    expect(mixtures.map((r) => [r.publisher, r.sizeB, r.activeB, r.label, r.verdict])).toEqual([
      ['Mistral', 46.7, 12.9, 'small', 'LLM'],
      ['Mistral', 141, 39, 'small', 'LLM'],
    ]);
  });
});

describe('classifyAll', () => {
  it('gives every model a verdict', () => {
    const out = classifyAll([{ id: 'a/b-1B', tags: [] }, { id: 'a/c', tags: [] }], () => undefined, DEFAULT_THRESHOLDS);
    expect(out.map((o) => o.verdict)).toEqual(['SLM', 'unknown']);
  });
});
