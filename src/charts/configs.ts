// One Chart.js config per analysis, made only from the analysis result (the same numbers the text
// shows) and the options of the request (thresholds move the lines and the verdict zones). Titles,
// captions and axis titles come from the command, in the reply's language.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { BenchmarkResult } from '../core/benchmark.js';
import type { ClassifyResult, HistogramBin } from '../core/classify.js';
import type { LifespanResult, LifespanWeek } from '../core/lifespan.js';
import type { ShareResult } from '../core/share.js';
import type { TagsResult } from '../core/tags.js';
import { STUDY_LINES_B, type ThresholdsResult } from '../core/thresholds.js';
import type { FloorBucket, TrendResult } from '../core/trend.js';
import { VERDICTS, type Thresholds, type Verdict } from '../core/types.js';
import { floorBucketLabel, formatCount, formatParameters, formatPercent, verdictWord } from '../format.js';
import { t, type Locale } from '../i18n.js';
import {
  baseChart,
  horizontalReferenceLine,
  logParamsAxis,
  pointLabels,
  seriesColor,
  thresholdReferenceDatasets,
  verdictColor,
  verdictZones,
  verticalReferenceLine,
} from './style.js';

export interface ChartText {
  title: string;
  /** Lines under the chart: what was counted and where the data came from. */
  caption: string | string[];
  xTitle?: string;
  yTitle?: string;
  /** Dataset labels, by key, in the reply's language. */
  series?: Record<string, string>;
  /** The reply's language, for the words and numbers drawn inside the chart (zones, point labels). */
  locale?: Locale;
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
/** Log-axis bounds on whole decades around the values, so ticks read 100M, 1B, 10B… */
const decades = (values: number[]) => ({ min: 10 ** Math.floor(Math.log10(Math.min(...values))), max: 10 ** Math.ceil(Math.log10(Math.max(...values))) });
/** Whole decades with room around the values: points and their labels stay clear of the edges. */
const roomyDecades = (values: number[], right = 2) => decades([...values.map((v) => v / 1.5), ...values.map((v) => v * right)]);
/**
 * The dataset label for `key`: the command's own wording if it gave one, else the verdict's word or the
 * backfill bucket's label in the chart's language, else the key itself.
 */
function label(text: ChartText, key: string): string {
  const given = text.series?.[key];
  if (given !== undefined) return given;
  const locale = text.locale ?? 'en';
  if ((VERDICTS as readonly string[]).includes(key)) return verdictWord(key as Verdict, locale);
  return key === 'beforeFloor' ? floorBucketLabel(locale) : key;
}
/** The chart's title, caption and axis titles (series names are looked up with `label`). */
const titlesOf = ({ title, caption, xTitle, yTitle, locale }: ChartText) => ({ title, caption, xTitle, yTitle, locale });
/** A dataset with no points: a legend entry that explains something not drawn (an unknown size). */
const legendOnly = (text: string, color: string): ChartDataset => ({ type: 'line', label: text, data: [], borderColor: color, backgroundColor: color, borderDash: [2, 2] }) as ChartDataset;

/** Where a model sits among its task's models: a log-scale histogram, the model, and the threshold lines. */
export function classifyChart(result: ClassifyResult, bins: HistogramBin[], thresholds: Thresholds, text: ChartText): ChartConfiguration {
  const locale = text.locale ?? 'en';
  const top = Math.max(1, ...bins.map((b) => b.count));
  // A stepped line over bin edges draws the histogram on a true log axis, where reference lines can sit at exact values.
  // Chart.js's 'before' holds each point's count until the next point: a bin's count over its own range.
  const steps = bins.flatMap((b, i) => (i === bins.length - 1 ? [{ x: b.from, y: b.count }, { x: b.to, y: b.count }] : [{ x: b.from, y: b.count }]));
  const datasets: ChartDataset[] = [];
  if (steps.length) {
    datasets.push({ type: 'line', label: label(text, 'peers'), data: steps, stepped: 'before', fill: 'origin', borderColor: '#777777', backgroundColor: 'rgba(150,150,150,0.35)', pointRadius: 0, borderWidth: 1 } as ChartDataset<'line'>);
  }
  if (result.parameters !== null) {
    datasets.push({ ...verticalReferenceLine({ label: label(text, 'model'), value: result.parameters, color: verdictColor(result.verdict), dash: [] }, [0, top]), borderWidth: 4 });
  } else {
    // No count, no line: the legend says so rather than drawing the model anywhere.
    datasets.push(legendOnly(label(text, 'model'), verdictColor('unknown')));
  }
  datasets.push(...thresholdReferenceDatasets('vertical', [0, top], thresholds, locale));
  const xs = [...steps.map((p) => p.x), ...(result.parameters === null ? [] : [result.parameters]), thresholds.slmBelow, thresholds.llmFrom];
  return baseChart({
    type: 'line',
    ...titlesOf(text),
    datasets,
    xScale: logParamsAxis(text.xTitle, roomyDecades(xs, 1)),
    yScale: { type: 'linear', beginAtZero: true },
    // No zone shading here: the histogram is the point, the two lines mark the thresholds, and the
    // QuickChart URL stays within Slack's 3,000 characters.
    legend: true,
  });
}

/** Models side by side: a horizontal bar per model on a log parameter axis, coloured and named by verdict, with the lines and zones. */
export function compareChart(models: ClassifyResult[], thresholds: Thresholds, text: ChartText): ChartConfiguration {
  const locale = text.locale ?? 'en';
  // Each model's row names it with its count ("Qwen/Qwen2.5-0.5B · 494M"), unknown sizes included.
  const labels = models.map((m) => `${m.id} · ${formatParameters(m.parameters, locale)}`);
  const known = models.map((m) => m.parameters).filter((p): p is number => p !== null);
  // One dataset per verdict present, so the legend explains each bar colour.
  const verdicts = VERDICTS.filter((v) => v !== 'unknown' && models.some((m) => m.verdict === v && m.parameters !== null));
  const bars: ChartDataset[] = verdicts.map((verdict) => ({
    type: 'bar',
    label: label(text, verdict),
    data: models.map((m) => (m.verdict === verdict ? m.parameters : null)),
    backgroundColor: verdictColor(verdict),
    grouped: false,
    skipNull: true,
  })) as ChartDataset[];
  const unknown = models.filter((m) => m.parameters === null);
  if (unknown.length) bars.push(legendOnly(label(text, 'unknown'), verdictColor('unknown')));
  return baseChart({
    type: 'bar',
    indexAxis: 'y',
    ...titlesOf(text),
    labels,
    datasets: [...bars, ...thresholdReferenceDatasets('vertical', [labels[0], labels[labels.length - 1]], thresholds, locale)],
    xScale: logParamsAxis(text.xTitle, roomyDecades([...known, thresholds.slmBelow, thresholds.llmFrom])),
    legend: true,
    // Bars start at the left edge and would hide zone names; the legend names the verdict colours instead.
    annotations: verdictZones('x', thresholds, locale, false),
  });
}

/** How many models of the sample fall in each verdict; each bar is named with its count and share. */
export function shareChart(result: ShareResult, text: ChartText): ChartConfiguration {
  const locale = text.locale ?? 'en';
  return baseChart({
    type: 'bar',
    ...titlesOf(text),
    // Two-line category labels: the verdict, then "1,234 (12.3%)".
    labels: VERDICTS.map((v) => [label(text, v), `${formatCount(result.counts[v], locale)} (${formatPercent(result.shares[v], locale)})`]) as unknown as string[],
    datasets: [{ label: label(text, 'models'), data: VERDICTS.map((v) => result.counts[v]), backgroundColor: VERDICTS.map(verdictColor) }],
    yScale: { beginAtZero: true },
  });
}

/**
 * White veils over runs of low-confidence columns (category indices), drawn over the bars and points:
 * chartjs-plugin-annotation boxes, which the PNG renderer and QuickChart both draw, and which leave
 * the legend's colours whole (per-bar colours would fade the legend's swatches too).
 */
function fadedColumns(low: boolean[]): Record<string, object> {
  const boxes: Record<string, object> = {};
  for (let i = 0; i < low.length; i++) {
    if (!low[i] || low[i - 1]) continue;
    let end = i;
    while (low[end + 1]) end++;
    boxes[`low${i}`] = { type: 'box', xMin: i - 0.5, xMax: end + 0.5, backgroundColor: 'rgba(255,255,255,0.65)', borderWidth: 0, drawTime: 'afterDatasetsDraw' };
  }
  return boxes;
}

/**
 * Models created each month, stacked by verdict, with the SLM share (%) on a second axis. The Hub's
 * backfilled models come first as one bucket ("before 2022-03"), never as a month. Periods with
 * fewer models of known size than a direction needs are faded under a white veil, their share a
 * hollow point off the line, with a legend entry saying why.
 */
export function trendChart(result: TrendResult & { beforeFloor?: FloorBucket | null }, text: ChartText): ChartConfiguration {
  const floor = result.beforeFloor ? [{ ...result.beforeFloor, label: label(text, 'beforeFloor') }] : [];
  const columns = [...floor, ...result.periods.map((m) => ({ ...m, label: m.partial ? `${m.period}*` : m.period }))];
  const low = columns.map((c) => c.lowConfidence);
  const bars = (key: 'slm' | 'borderline' | 'llm' | 'unknown', verdict: (typeof VERDICTS)[number]): ChartDataset => ({
    type: 'bar',
    label: label(text, verdict),
    data: columns.map((c) => c[key]),
    backgroundColor: verdictColor(verdict),
    stack: 'models',
    yAxisID: 'y',
  });
  const shares = (lowConfidence: boolean) => columns.map((c) => (c.lowConfidence === lowConfidence ? percent(c.slmShare) : null));
  const datasets: ChartDataset[] = [
    // The line joins only the shares a direction may be read from.
    { type: 'line', label: label(text, 'share'), data: shares(false), borderColor: '#000000', backgroundColor: '#000000', yAxisID: 'y1', pointRadius: 2, borderWidth: 2, spanGaps: false, order: -1 } as ChartDataset,
  ];
  if (low.some(Boolean)) {
    datasets.push({ type: 'line', label: label(text, 'faded'), data: shares(true), showLine: false, borderColor: '#777777', backgroundColor: '#ffffff', borderWidth: 1, pointRadius: 4, yAxisID: 'y1', order: -1 } as ChartDataset);
  }
  datasets.push(bars('slm', 'SLM'), bars('borderline', 'borderline'), bars('llm', 'LLM'), bars('unknown', 'unknown'));
  const veils = fadedColumns(low);
  const config = baseChart({
    type: 'bar',
    ...titlesOf(text),
    labels: columns.map((c) => c.label),
    datasets,
    stacked: true,
    ...(Object.keys(veils).length ? { annotations: veils } : {}),
  });
  config.options!.scales!.y1 = { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: label(text, 'shareAxis'), font: { size: 16 } }, ticks: { font: { size: 13 } } };
  return config;
}

/**
 * Each group's share of its 30-day downloads, by the month its models were created; the Hub's
 * backfilled models first, as one point "before 2022-03", never as a month.
 */
export function lifespanChart(result: LifespanResult, text: ChartText): ChartConfiguration {
  const columns = [...(result.beforeFloor ? [{ ...result.beforeFloor, month: label(text, 'beforeFloor') }] : []), ...result.months];
  const labels = columns.map((m) => m.month);
  const line = (key: 'slmDownloadShare' | 'llmDownloadShare', verdict: 'SLM' | 'LLM'): ChartDataset => ({
    type: 'line',
    label: label(text, verdict),
    data: columns.map((m) => percent(m[key])),
    borderColor: verdictColor(verdict),
    backgroundColor: verdictColor(verdict),
    pointRadius: 2,
    borderWidth: 2,
  });
  const top = Math.max(1, ...columns.flatMap((m) => [percent(m.slmDownloadShare)!, percent(m.llmDownloadShare)!]));
  const cutoffMonth = result.cutoff.slice(0, 7);
  const datasets = [line('slmDownloadShare', 'SLM'), line('llmDownloadShare', 'LLM')];
  if (labels.includes(cutoffMonth)) {
    datasets.push(verticalReferenceLine({ label: label(text, 'cutoff'), value: 0, color: '#555555' }, [0, top]));
    // On a category axis the line's x is the month label itself.
    (datasets.at(-1)!.data as unknown as { x: string }[]).forEach((p) => (p.x = cutoffMonth));
  }
  return baseChart({ type: 'line', ...titlesOf(text), labels, datasets, yScale: { beginAtZero: true } });
}

/** Week by week, each group's share of downloads going to models over 12 months old. */
export function lifespanHistoryChart(weeks: LifespanWeek[], text: ChartText): ChartConfiguration {
  const line = (key: 'slm' | 'llm', verdict: 'SLM' | 'LLM'): ChartDataset => ({
    type: 'line',
    label: label(text, verdict),
    data: weeks.map((w) => percent(w.olderThan12Months[key])),
    borderColor: verdictColor(verdict),
    backgroundColor: verdictColor(verdict),
    pointRadius: 3,
    borderWidth: 2,
    spanGaps: true,
  });
  return baseChart({
    type: 'line',
    ...titlesOf(text),
    labels: weeks.map((w) => w.week),
    datasets: [line('slm', 'SLM'), line('llm', 'LLM')],
    yScale: { min: 0, max: 100 },
  });
}

/** The tasks that matter most to SLMs or LLMs: each verdict's share of models per task. */
export function tagsChart(result: TagsResult, text: ChartText): ChartConfiguration {
  const bar = (key: 'slmShare' | 'llmShare', verdict: 'SLM' | 'LLM'): ChartDataset => ({
    label: label(text, verdict),
    data: result.top.map((t) => percent(t[key])),
    backgroundColor: verdictColor(verdict),
  });
  return baseChart({
    type: 'bar',
    indexAxis: 'y',
    ...titlesOf(text),
    labels: result.top.map((t) => t.name),
    datasets: [bar('slmShare', 'SLM'), bar('llmShare', 'LLM')],
    xScale: { beginAtZero: true },
  });
}

/** Published scores against parameter count (log), one colour per verdict, each point named, with the lines and zones. */
export function benchmarkChart(result: BenchmarkResult, thresholds: Thresholds, text: ChartText): ChartConfiguration {
  const locale = text.locale ?? 'en';
  const sized = result.entries.filter((e) => e.parametersB !== null);
  const scores = sized.map((e) => e.score);
  // Whole tens around the scores: round ticks, with room above the top point for its name.
  const span: [number, number] = [Math.max(0, Math.floor((Math.min(...scores) - 2) / 10) * 10), Math.ceil((Math.max(...scores) + 4) / 10) * 10];
  // The points the reply's text talks about carry their model's name: best SLM, best LLM, the
  // smallest model that beats a larger one and the largest it beats, the study's headline pair,
  // the most points per billion.
  const named = new Set([
    result.bestSlm?.model,
    result.bestLlm?.model,
    result.smallestWinner?.model.model,
    result.smallestWinner?.beats.model,
    result.headline?.model.model,
    result.headline?.beats.model,
    result.perBillion[0]?.model,
  ]);
  const datasets: ChartDataset[] = (['SLM', 'borderline', 'LLM'] as const)
    .map((verdict) => ({
      type: 'scatter' as const,
      label: label(text, verdict),
      data: sized.filter((e) => e.verdict === verdict).map((e) => ({ x: e.parametersB! * 1e9, y: e.score, label: named.has(e.model) ? e.model : '' })),
      backgroundColor: verdictColor(verdict),
      borderColor: verdictColor(verdict),
      pointRadius: 6,
      datalabels: pointLabels({ align: 'right', anchor: 'center' }),
    }))
    .filter((d) => d.data.length > 0) as unknown as ChartDataset[];
  datasets.push(...thresholdReferenceDatasets('vertical', span, thresholds, locale));
  return baseChart({
    type: 'scatter',
    ...titlesOf(text),
    datasets,
    // Room right of the largest model for its name, and left of the smallest so its point is whole.
    xScale: logParamsAxis(text.xTitle, roomyDecades([...sized.map((e) => e.parametersB! * 1e9), thresholds.slmBelow, thresholds.llmFrom], 8)),
    yScale: { min: span[0], max: span[1] },
    legend: true,
    annotations: verdictZones('x', thresholds, locale),
  });
}

/** Publishers' models by size (log), coloured by the publisher's own label, with the verdict lines and zones of the thresholds in effect. */
export function thresholdsChart(result: ThresholdsResult, text: ChartText): ChartConfiguration {
  const locale = text.locale ?? 'en';
  const { thresholds } = result;
  const rows = [...result.rows].sort((a, b) => a.sizeB - b.sizeB);
  const labels = rows.map((r) => `${r.publisher} ${r.sizeB}B`);
  const words = [...new Set(rows.map((r) => r.label))];
  const datasets: ChartDataset[] = words.map((word, i) => ({
    type: 'bar' as const,
    label: word,
    data: rows.map((r) => (r.label === word ? r.sizeB * 1e9 : null)),
    backgroundColor: seriesColor(i),
    skipNull: true,
    grouped: false,
  }));
  const span: [string, string] = [labels[0], labels.at(-1)!];
  datasets.push(...thresholdReferenceDatasets('horizontal', span, thresholds, locale));
  // The study's lines that fall inside the grey zone in effect (14B by default), grey: where publishers disagree most.
  for (const b of STUDY_LINES_B.filter((b) => b * 1e9 > thresholds.slmBelow && b * 1e9 < thresholds.llmFrom)) {
    datasets.push(horizontalReferenceLine({ label: t(locale, 'thresholds.studyLine', { size: `${b}B` }), value: b * 1e9, color: '#555555', dash: [2, 4] }, span));
  }
  const sizes = rows.map((r) => r.sizeB * 1e9);
  return baseChart({
    type: 'bar',
    ...titlesOf(text),
    labels,
    datasets,
    // Every model named: no tick is skipped, however many publishers' models there are.
    xScale: { ticks: { autoSkip: false, maxRotation: 90, minRotation: 90, font: { size: 11 } } } as object,
    yScale: logParamsAxis(text.yTitle, roomyDecades([...sizes, thresholds.slmBelow, thresholds.llmFrom], 1.5)),
    legend: true,
    legendPosition: 'right',
    annotations: verdictZones('y', thresholds, locale),
  });
}
