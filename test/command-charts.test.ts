// Every command's chart, rendered with custom options: the config is made from the reply's own
// numbers and options (thresholds move the lines and the verdict zones), titles name the task and
// the sample, legends explain every colour, the points the text talks about are named, nothing sits
// on the edge of an axis, and every axis says its unit.
import type { ChartConfiguration } from 'chart.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleBot } from '../src/adapters/console.js';
import { renderPng, VERDICT_COLORS } from '../src/charts/index.js';
import type { Reply } from '../src/reply.js';
import { offlineConsoleBot } from './helpers/bot.js';

let bot: ConsoleBot;
beforeAll(() => {
  bot = offlineConsoleBot();
});

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyConfig = any;

async function chartOf(line: string, locale: 'en' | 'fr' = 'en'): Promise<{ reply: Reply; config: AnyConfig }> {
  const reply = await bot.bot.invokeText(line, { locale });
  expect(reply.error, `${line}: ${reply.summary}`).toBeUndefined();
  expect(reply.chart, line).toBeDefined();
  return { reply, config: reply.chart!.config as AnyConfig };
}

const datasetLabels = (config: AnyConfig): string[] => config.data.datasets.map((d: any) => d.label);
/** Values where the threshold lines are drawn (reference datasets have two points at one value). */
const lineAt = (config: AnyConfig, label: string, axis: 'x' | 'y') => {
  const line = config.data.datasets.find((d: any) => d.label === label);
  expect(line, `no line "${label}" in ${datasetLabels(config).join(' | ')}`).toBeDefined();
  return line.data[0][axis];
};
const zones = (config: AnyConfig) => config.options.plugins.annotation.annotations;
const caption = (config: AnyConfig): string => [config.options.plugins.subtitle.text].flat().join('\n');
/** The title as one line (a long one is drawn on two, split after its " — "). */
const title = (config: AnyConfig): string => [config.options.plugins.title.text].flat().join(' ');

/** Every axis has a title that says its unit. */
function expectUnits(config: AnyConfig) {
  for (const [id, scale] of Object.entries<any>(config.options.scales)) {
    expect(scale.title?.display, `axis ${id} has no title`).toBe(true);
    expect(scale.title.text, `axis ${id}`).toMatch(/\(.+\)|Verdict|task|tâche|size|taille/i);
  }
}

/** On a log parameter axis, the data sits strictly inside the bounds: nothing drawn on the edge. */
function expectInside(config: AnyConfig, axis: 'x' | 'y', values: number[]) {
  const scale = config.options.scales[axis];
  expect(scale.type).toBe('logarithmic');
  expect(scale.min).toBeLessThan(Math.min(...values) / 1.4);
  expect(scale.max).toBeGreaterThan(Math.max(...values) * 1.4);
}

function expectZones(config: AnyConfig, axis: 'x' | 'y', slm: number, llm: number) {
  expect(zones(config).zoneSLM[`${axis}Max`]).toBe(slm);
  expect(zones(config).zoneborderline).toMatchObject({ [`${axis}Min`]: slm, [`${axis}Max`]: llm });
  expect(zones(config).zoneLLM[`${axis}Min`]).toBe(llm);
}

/** The PNG for these options differs from the one with the default options. */
async function expectDifferentPng(custom: ChartConfiguration, line: string) {
  const { config } = await chartOf(line);
  expect(renderPng(custom).equals(renderPng(config))).toBe(false);
}

describe('charts follow the options and the reply', () => {
  it('/thresholds slm_below:8 llm_from:30 moves the lines and zones, names every model and draws a different chart', async () => {
    const { reply, config } = await chartOf('/thresholds slm_below:8 llm_from:30');
    expect(lineAt(config, '8B: SLM limit', 'y')).toBe(8e9);
    expect(lineAt(config, '30B: LLM from', 'y')).toBe(30e9);
    // The study's lines inside the grey zone in effect stay, in grey.
    expect(datasetLabels(config)).toEqual(expect.arrayContaining(['14B: study line', '20B: study line']));
    expectZones(config, 'y', 8e9, 30e9);
    // Every publisher's model is a named bar: no label skipped.
    const rows = (reply.data as { rows: unknown[] }).rows;
    expect(config.data.labels).toHaveLength(rows.length);
    expect(config.options.scales.x.ticks.autoSkip).toBe(false);
    expect(caption(config)).toContain('SLM < 8B ≤ borderline < 30B ≤ LLM');
    expect(zones(config).zoneSLM.label).toMatchObject({ display: true, content: 'SLM' });
    expectUnits(config);
    expectInside(config, 'y', [...config.data.datasets.flatMap((d: any) => d.data.filter((v: unknown) => typeof v === 'number')), 8e9, 30e9]);
    await expectDifferentPng(config, '/thresholds');
  });

  it('/share names the task and the sample, labels each bar with its count and share, and follows the thresholds', async () => {
    const { reply, config } = await chartOf('/share text-generation sample:500 slm_below:3');
    const data = reply.data as { counts: Record<string, number>; total: number };
    // Offline: the snapshot's most downloaded, named as such (not a Hub top-N, not a census).
    expect(title(config)).toBe(`Models by verdict — text-generation, ${data.total.toLocaleString('en-US')} from the snapshot`);
    expect(config.data.datasets[0].data).toEqual([data.counts.SLM, data.counts.borderline, data.counts.LLM, data.counts.unknown]);
    expect(config.data.labels[0]).toEqual(['SLM', expect.stringMatching(new RegExp(`^${data.counts.SLM.toLocaleString('en-US')} \\(`))]);
    expect(config.data.datasets[0].backgroundColor).toEqual([VERDICT_COLORS.SLM, VERDICT_COLORS.borderline, VERDICT_COLORS.LLM, VERDICT_COLORS.unknown]);
    expect(caption(config)).toContain('SLM < 3B ≤ borderline < 20B ≤ LLM');
    expect(caption(config)).toContain('Sample: the 500 most downloaded models of the bundled snapshot for text-generation (two Hub crawls of early 2025, merged)');
    expectUnits(config);
    await expectDifferentPng(config, '/share text-generation sample:500');
  });

  it('/compare explains each bar colour in the legend, names each model with its count, and marks unknown sizes', async () => {
    const { reply, config } = await chartOf('/compare Qwen/Qwen2.5-0.5B mistralai/Mistral-7B-v0.1 meta-llama/Llama-3.3-70B-Instruct BlinkDL/rwkv-7-world slm_below:3 llm_from:50');
    const models = (reply.data as { models: { id: string; parameters: number | null; verdict: string }[] }).models;
    expect(config.data.labels).toEqual(['Qwen/Qwen2.5-0.5B · 494M', 'mistralai/Mistral-7B-v0.1 · 7.24B', 'meta-llama/Llama-3.3-70B-Instruct · 70.6B', 'BlinkDL/rwkv-7-world · unknown']);
    // One dataset per verdict, in the verdict's colour, holding exactly that verdict's models.
    for (const verdict of ['SLM', 'borderline', 'LLM'] as const) {
      const bars = config.data.datasets.find((d: any) => d.label === verdict);
      expect(bars.backgroundColor).toBe(VERDICT_COLORS[verdict]);
      expect(bars.data).toEqual(models.map((m) => (m.verdict === verdict ? m.parameters : null)));
    }
    expect(datasetLabels(config)).toContain('Size unknown (no bar): BlinkDL/rwkv-7-world');
    // The legend names the verdict colours, so the zones are shaded without names.
    expect(zones(config).zoneSLM.label).toBeUndefined();
    expect(lineAt(config, '3B: SLM limit', 'x')).toBe(3e9);
    expect(lineAt(config, '50B: LLM from', 'x')).toBe(50e9);
    expectZones(config, 'x', 3e9, 50e9);
    expectInside(config, 'x', models.flatMap((m) => (m.parameters === null ? [] : [m.parameters])));
    expectUnits(config);
    await expectDifferentPng(config, '/compare Qwen/Qwen2.5-0.5B mistralai/Mistral-7B-v0.1 meta-llama/Llama-3.3-70B-Instruct BlinkDL/rwkv-7-world');
  });

  it('/benchmark names the points the reply talks about and keeps the smallest and largest clear of the edges', async () => {
    const { reply, config } = await chartOf('/benchmark medical slm_below:3 llm_from:50');
    const result = reply.data as { bestSlm: { model: string }; bestLlm: { model: string }; entries: { parametersB: number | null; score: number; verdict: string }[] };
    const points = config.data.datasets.filter((d: any) => d.type === 'scatter').flatMap((d: any) => d.data);
    const named = points.filter((p: any) => p.label !== '').map((p: any) => p.label);
    expect(named).toEqual(expect.arrayContaining([result.bestSlm.model, result.bestLlm.model]));
    for (const d of config.data.datasets.filter((d: any) => d.type === 'scatter')) expect(d.datalabels.display).toBe(true);
    // Each point is in its verdict's dataset for these thresholds.
    const sized = result.entries.filter((e) => e.parametersB !== null);
    expect(points).toHaveLength(sized.length);
    for (const verdict of ['SLM', 'borderline', 'LLM']) {
      const d = config.data.datasets.find((x: any) => x.label === verdict);
      expect(d?.data.length ?? 0).toBe(sized.filter((e) => e.verdict === verdict).length);
    }
    expectInside(config, 'x', sized.map((e) => e.parametersB! * 1e9));
    expect(config.options.scales.y.min).toBeLessThan(Math.min(...sized.map((e) => e.score)));
    expect(config.options.scales.y.max).toBeGreaterThan(Math.max(...sized.map((e) => e.score)));
    expectZones(config, 'x', 3e9, 50e9);
    expectUnits(config);
    await expectDifferentPng(config, '/benchmark medical');
  });

  it('/classify draws the model and the lines where the options put them; an unknown size gets no line', async () => {
    const { reply, config } = await chartOf('/classify Qwen/Qwen2.5-0.5B slm_below:3 llm_from:50');
    expect(title(config)).toBe('Qwen/Qwen2.5-0.5B: SLM among text-generation models');
    expect(lineAt(config, 'Qwen/Qwen2.5-0.5B: 494M (SLM)', 'x')).toBe((reply.data as { parameters: number }).parameters);
    expect(lineAt(config, '3B: SLM limit', 'x')).toBe(3e9);
    expect(lineAt(config, '50B: LLM from', 'x')).toBe(50e9);
    expect(caption(config)).toContain('Sample: the 6,686 models of the bundled snapshot');
    expectUnits(config);
    await expectDifferentPng(config, '/classify Qwen/Qwen2.5-0.5B');

    // Each bin's count is drawn over its own range (not the previous bin's: no spike at the first edge).
    const histogram = config.data.datasets[0];
    expect(histogram.stepped).toBe('before');
    expect(histogram.data.slice(0, -1).every((p: { x: number }, i: number) => p.x < histogram.data[i + 1].x)).toBe(true);

    const unknown = (await chartOf('/classify BlinkDL/rwkv-7-world')).config;
    const model = unknown.data.datasets.find((d: any) => d.label.startsWith('BlinkDL/rwkv-7-world'));
    expect(model.label).toBe('BlinkDL/rwkv-7-world: size unknown, not drawn');
    expect(model.data).toEqual([]);
    // Nothing else is drawn at a made-up size: only the histogram and the two lines have points.
    expect(unknown.data.datasets.filter((d: any) => d.data.length > 0).map((d: any) => d.label)).toEqual([expect.stringMatching(/text-generation models of known size$/), '7B: SLM limit', '20B: LLM from']);
  });

  it('/trend, /lifespan and /tags name the task and sample, and their numbers are the reply\'s', async () => {
    const trend = await chartOf('/trend text-generation since:2024-01 sample:1000 slm_below:3');
    const months = (trend.reply.data as { months: { slm: number; borderline: number; llm: number; unknown: number }[] }).months;
    expect(title(trend.config)).toMatch(/^Models by creation month — text-generation, [\d,]+ from the snapshot$/);
    expect(trend.config.data.datasets.find((d: any) => d.label === 'SLM').data).toEqual(months.map((m) => m.slm));
    expect(caption(trend.config)).toContain('SLM < 3B');
    expectUnits(trend.config);
    await expectDifferentPng(trend.config, '/trend text-generation since:2024-01 sample:1000');

    const lifespan = await chartOf('/lifespan text-generation slm_below:3');
    expect(title(lifespan.config)).toMatch(/^Downloads by creation month — text-generation, [\d,]+ from the snapshot$/);
    expect(caption(lifespan.config)).toContain('SLM < 3B');
    expectUnits(lifespan.config);
    await expectDifferentPng(lifespan.config, '/lifespan text-generation');

    const tags = await chartOf('/tags sample:1000 slm_below:3');
    expect(title(tags.config)).toMatch(/^Share of models per task — all tasks, [\d,]+ from the snapshot$/);
    const slm = (tags.reply.data as { verdicts: { SLM: { tagged: number } } }).verdicts.SLM;
    expect(datasetLabels(tags.config)[0]).toBe(`SLM (${slm.tagged.toLocaleString('en-US')} models with a task)`);
    expectUnits(tags.config);
    await expectDifferentPng(tags.config, '/tags sample:1000');
  });

  it('draws French charts in French, with French numbers on plain axes and B/M sizes on parameter axes', async () => {
    const share = await chartOf('/share', 'fr');
    expect(share.config.options.locale).toBe('fr-FR');
    expect(title(share.config)).toMatch(/^Modèles par verdict — toutes tâches/);
    const classify = await chartOf('/classify Qwen/Qwen2.5-0.5B', 'fr');
    expect(classify.config.options.locale).toBe('en-US');
    expect(datasetLabels(classify.config)).toEqual(expect.arrayContaining(['7B : limite des SLM', '20B : LLM à partir d’ici']));
    const thresholds = await chartOf('/thresholds', 'fr');
    expect(zones(thresholds.config).zoneborderline.label.content).toBe('zone grise');
  });
});
