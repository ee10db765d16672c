import { formatParameters } from '../src/format.js';
import { runInNewContext } from 'node:vm';
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, type ChartItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import {
  baseChart,
  CHART_SIZE,
  FONT_FAMILY,
  FONT_SIZE,
  logParamsAxis,
  quickChartUrl,
  renderPng,
  seriesColor,
  SERIES_COLORS,
  thresholdLines,
  thresholdReferenceDatasets,
  titleLines,
  VERDICT_COLORS,
  verdictColor,
} from '../src/charts/index.js';
import { VERDICTS } from '../src/core/types.js';

const CAPTION = 'Hugging Face Hub — snapshot of 2025-03-22';
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** A typical 24-bar chart: new models per month. */
function barChart(): ChartConfiguration {
  return baseChart({
    type: 'bar',
    title: 'New text-generation models per month',
    caption: CAPTION,
    xTitle: 'Month created',
    yTitle: 'Models (count)',
    labels: MONTHS,
    datasets: [{ label: 'SLM', data: MONTHS.map((_, i) => 100 + ((i * 37) % 90)), backgroundColor: verdictColor('SLM') }],
  });
}

/** A line chart on the log parameter axis with the 7B and 20B reference lines. */
function lineChart(withReferenceLines = true): ChartConfiguration {
  return baseChart({
    type: 'line',
    title: 'Median size of new models',
    caption: CAPTION,
    xTitle: 'Month created',
    labels: MONTHS,
    yScale: logParamsAxis(undefined, { min: 1e8, max: 1e11 }),
    datasets: [
      { label: 'Median', data: MONTHS.map((_, i) => Math.round(0.5e9 * 1.15 ** i)), borderColor: seriesColor(0), backgroundColor: seriesColor(0) },
      ...(withReferenceLines ? thresholdReferenceDatasets('horizontal', [MONTHS[0], MONTHS[23]]) : []),
    ],
  });
}

// ---- helpers --------------------------------------------------------------------------------------

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

interface Region { x: number; y: number; width: number; height: number }

/** RGBA pixels of a region of a PNG, decoded by @napi-rs/canvas. */
async function pixels(png: Buffer, region: Region): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(region.x, region.y, region.width, region.height).data;
}

/** Pixels darker than mid-grey: text (#222 title, #666 labels) on the white background. */
async function darkPixels(png: Buffer, region: Region): Promise<number> {
  const data = await pixels(png, region);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2] < 140) count++;
  }
  return count;
}

/** Pixels within a small distance of `hex`. */
async function pixelsNear(png: Buffer, hex: string, region: Region): Promise<number> {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const data = await pixels(png, region);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) count++;
  }
  return count;
}

const TITLE_BAND: Region = { x: 0, y: 0, width: 800, height: 48 };
const LEFT_BAND: Region = { x: 0, y: 60, width: 70, height: 260 };
const WHOLE: Region = { x: 0, y: 0, width: 800, height: 450 };

function clone(config: ChartConfiguration): ChartConfiguration {
  return structuredClone(config);
}

/** The same chart with its title text emptied (layout unchanged: the title keeps its line). */
function withEmptyTitle(config: ChartConfiguration): ChartConfiguration {
  const copy = clone(config) as any;
  copy.options.plugins.title.text = '';
  return copy;
}

/** The same chart with every piece of text drawn transparent (layout unchanged). */
function withInvisibleText(config: ChartConfiguration): ChartConfiguration {
  const copy = clone(config) as any;
  const invisible = 'rgba(0,0,0,0)';
  copy.options.plugins.title.color = invisible;
  copy.options.plugins.subtitle.color = invisible;
  copy.options.plugins.legend.labels = { ...copy.options.plugins.legend.labels, color: invisible };
  for (const scale of Object.values(copy.options.scales) as any[]) {
    scale.title.color = invisible;
    scale.ticks.color = invisible;
  }
  return copy;
}

/** Tick labels as Chart.js lays them out for `config` (after renderPng has set Chart.js up). */
function tickLabels(config: ChartConfiguration, scale: 'x' | 'y'): string[] {
  const own = clone(config);
  own.options = { ...own.options, responsive: false, animation: false };
  const canvas = createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const chart = new Chart(canvas.getContext('2d') as unknown as ChartItem, own);
  try {
    return chart.scales[scale].ticks.map((t) => String(t.label)).filter((label) => label !== '');
  } finally {
    chart.destroy();
  }
}

// ---- style ----------------------------------------------------------------------------------------

describe('chart style', () => {
  it('gives each verdict its own fixed colour, distinct from the series colours', () => {
    const colors = VERDICTS.map(verdictColor);
    expect(new Set(colors).size).toBe(4);
    expect(verdictColor('SLM')).toBe(VERDICT_COLORS.SLM);
    for (const color of SERIES_COLORS) expect(colors).not.toContain(color);
    expect(seriesColor(SERIES_COLORS.length)).toBe(seriesColor(0));
  });

  it('formats parameter counts as 100M / 1B / 7B / 1.5B / 1T', () => {
    expect([1e8, 1e9, 7e9, 1.5e9, 70e9, 560e6, 1.2e12].map((n) => formatParameters(n))).toEqual(['100M', '1B', '7B', '1.5B', '70B', '560M', '1.2T']);
  });

  it('labels the threshold lines "7B: SLM limit" and "20B: LLM from", and follows custom thresholds', () => {
    expect(thresholdLines().map((l) => [l.label, l.value])).toEqual([['7B: SLM limit', 7e9], ['20B: LLM from', 20e9]]);
    expect(thresholdLines({ slmBelow: 3e9, llmFrom: 13e9 }).map((l) => l.label)).toEqual(['3B: SLM limit', '13B: LLM from']);
  });

  it('splits a title too long for one line after its " — " or ": ", so it is never cut at the edges', () => {
    expect(titleLines('Models by verdict — fill-mask, top 175 by downloads')).toBe('Models by verdict — fill-mask, top 175 by downloads');
    expect(titleLines('Downloads by creation month — automatic-speech-recognition, top 1,000 by downloads')).toEqual([
      'Downloads by creation month —',
      'automatic-speech-recognition, top 1,000 by downloads',
    ]);
    expect(titleLines('unsloth/DeepSeek-R1-Distill-Qwen-32B-GGUF: borderline among text-generation models')).toEqual([
      'unsloth/DeepSeek-R1-Distill-Qwen-32B-GGUF:',
      'borderline among text-generation models',
    ]);
  });

  it('draws reference lines as dashed, pointless line datasets spanning the given range', () => {
    const [slm] = thresholdReferenceDatasets('horizontal', ['a', 'z']);
    expect(slm).toMatchObject({ type: 'line', label: '7B: SLM limit', pointRadius: 0, fill: false, data: [{ x: 'a', y: 7e9 }, { x: 'z', y: 7e9 }] });
    expect(slm.borderDash?.length).toBeGreaterThan(0);
    const [, llm] = thresholdReferenceDatasets('vertical', [1, 100]);
    expect(llm.data).toEqual([{ x: 20e9, y: 1 }, { x: 20e9, y: 100 }]);
  });

  it('builds configs that are plain JSON with readable font sizes, a bottom caption and axis titles', () => {
    const config = lineChart() as any;
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(config.options.plugins.title).toMatchObject({ display: true, text: 'Median size of new models' });
    expect(config.options.plugins.title.font.size).toBeGreaterThanOrEqual(16);
    expect(config.options.plugins.subtitle).toMatchObject({ display: true, text: CAPTION, position: 'bottom' });
    expect(config.options.scales.y).toMatchObject({ type: 'logarithmic', min: 1e8, title: { display: true, text: 'Parameters (log scale)' } });
    expect(config.options.scales.x.title).toMatchObject({ display: true, text: 'Month created' });
    for (const axis of ['x', 'y']) {
      expect(config.options.scales[axis].ticks.font.size).toBeGreaterThanOrEqual(13);
      expect(config.options.scales[axis].title.font.size).toBeGreaterThanOrEqual(16);
    }
    expect(FONT_SIZE.legend).toBeGreaterThanOrEqual(13);
    expect(config.options.plugins.legend.display).not.toBe(false);
    expect((barChart() as any).options.plugins.legend.display).toBe(false);
  });
});

// ---- PNG ----------------------------------------------------------------------------------------

describe('renderPng', () => {
  it('draws with DejaVu Sans regular and bold from the npm package, not a system font', () => {
    renderPng(barChart());
    const family = GlobalFonts.families.find((f) => f.family === FONT_FAMILY);
    expect(family?.styles.map((s) => s.weight).sort()).toEqual([400, 700]);
    expect(Chart.defaults.font.family).toBe(FONT_FAMILY);
  });

  it('renders a bar chart to an 800×450 PNG, or to the size asked for', () => {
    expect(pngSize(renderPng(barChart()))).toEqual({ width: 800, height: 450 });
    expect(pngSize(renderPng(barChart(), { width: 400, height: 300 }))).toEqual({ width: 400, height: 300 });
  });

  it('renders a line chart on the log parameter axis with both reference lines drawn', async () => {
    const png = renderPng(lineChart());
    expect(pngSize(png)).toEqual({ width: 800, height: 450 });
    const bare = renderPng(lineChart(false));
    // The 7B line is the only thing in the SLM colour (and the 20B line the only one in the LLM colour).
    expect(await pixelsNear(png, VERDICT_COLORS.SLM, WHOLE)).toBeGreaterThan(200);
    expect(await pixelsNear(png, VERDICT_COLORS.LLM, WHOLE)).toBeGreaterThan(200);
    expect(await pixelsNear(bare, VERDICT_COLORS.SLM, WHOLE)).toBe(0);
    expect(await pixelsNear(bare, VERDICT_COLORS.LLM, WHOLE)).toBe(0);
  });

  it('prints log-axis ticks as 100M / 1B / 10B / 100B, without callbacks', () => {
    renderPng(lineChart()); // sets Chart.js up
    const labels = tickLabels(lineChart(), 'y');
    expect(labels).toEqual(expect.arrayContaining(['100M', '1B', '10B', '100B']));
    for (const label of labels) expect(label).toMatch(/^\d+(\.\d)?[MBT]$/);
  });

  it('shows the title: dark pixels in the title band, none when the title is empty', async () => {
    for (const config of [barChart(), lineChart()]) {
      const withTitle = await darkPixels(renderPng(config), TITLE_BAND);
      const emptyTitle = await darkPixels(renderPng(withEmptyTitle(config)), TITLE_BAND);
      expect(withTitle).toBeGreaterThan(500);
      expect(emptyTitle).toBeLessThan(withTitle / 10);
    }
  });

  it('shows tick labels and axis titles: the left band loses its dark pixels when all text is invisible', async () => {
    const config = lineChart();
    const visible = await darkPixels(renderPng(config), LEFT_BAND);
    const invisible = await darkPixels(renderPng(withInvisibleText(config)), LEFT_BAND);
    expect(visible).toBeGreaterThan(300);
    expect(invisible).toBeLessThan(visible / 10);
  });

  it('is byte-identical run to run and leaves the config untouched', () => {
    const config = barChart();
    const before = clone(config);
    const first = renderPng(config);
    const second = renderPng(config);
    expect(first.equals(second)).toBe(true);
    expect(config).toEqual(before);
  });

  it('refuses configs that are not plain JSON, since QuickChart could not draw them the same', () => {
    const config = barChart() as any;
    config.options.scales.y.ticks.callback = (value: number) => `${value}`;
    expect(() => renderPng(config)).toThrow(/options\.scales\.y\.ticks\.callback.*plain JSON/);
    expect(() => quickChartUrl(config)).toThrow(/plain JSON/);
  });
});

// ---- QuickChart -----------------------------------------------------------------------------------

/** The config carried in `c`: quickchart-js writes a JavaScript object literal, evaluated here in an empty context. */
function decodeConfig(url: URL): unknown {
  return runInNewContext(`(${url.searchParams.get('c')})`, Object.create(null));
}

const BAR_URL_LENGTH = quickChartUrl(barChart()).length;

describe('quickChartUrl', () => {
  it(`carries the whole config to quickchart.io with Chart.js 4 (a 24-bar chart URL is ${BAR_URL_LENGTH} chars)`, () => {
    const config = barChart();
    const url = new URL(quickChartUrl(config));
    expect(url.origin).toBe('https://quickchart.io');
    expect(url.pathname).toBe('/chart');
    expect(url.searchParams.get('v')).toBe('4');
    expect(url.searchParams.get('w')).toBe('800');
    expect(url.searchParams.get('h')).toBe('450');
    expect(url.searchParams.get('bkg')).toBe('white');
    expect(url.searchParams.get('f')).toBe('png');
    expect(decodeConfig(url)).toEqual(JSON.parse(JSON.stringify(config)));
    // Fits a Discord embed image URL (2,048 chars).
    expect(BAR_URL_LENGTH).toBeLessThan(2048);
  });

  it('keeps the log axis and reference lines in the URL', () => {
    const config = lineChart();
    expect(decodeConfig(new URL(quickChartUrl(config)))).toEqual(JSON.parse(JSON.stringify(config)));
  });

  it('points at a self-hosted server from QUICKCHART_URL, with its scheme, port and path prefix', () => {
    const local = new URL(quickChartUrl(barChart(), { baseUrl: 'http://127.0.0.1:3400', width: 600, height: 400 }));
    expect(local.origin).toBe('http://127.0.0.1:3400');
    expect(local.pathname).toBe('/chart');
    expect([local.searchParams.get('w'), local.searchParams.get('h')]).toEqual(['600', '400']);
    const proxied = new URL(quickChartUrl(barChart(), { baseUrl: 'https://charts.example.org/qc/' }));
    expect(proxied.origin + proxied.pathname).toBe('https://charts.example.org/qc/chart');
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => quickChartUrl(barChart(), { baseUrl: 'quickchart.io' })).toThrow(/not a URL|http/);
    expect(() => quickChartUrl(barChart(), { baseUrl: 'ftp://quickchart.io' })).toThrow(/http or https/);
  });

  it('leaves the config untouched and drops undefined members', () => {
    const config = barChart() as any;
    config.options.plugins.title.subtext = undefined;
    const before = structuredClone(config);
    const decoded = decodeConfig(new URL(quickChartUrl(config))) as any;
    expect(config).toEqual(before);
    expect('subtext' in decoded.options.plugins.title).toBe(false);
  });
});
