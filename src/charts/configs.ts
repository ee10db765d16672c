// One Chart.js config per analysis, made only from the analysis result (the same numbers the text
// shows). Titles and axis titles come from the command, in the reply's language.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { BenchmarkResult } from '../core/benchmark.js';
import type { ClassifyResult, HistogramBin } from '../core/classify.js';
import type { LifespanResult, LifespanWeek } from '../core/lifespan.js';
import type { ShareResult } from '../core/share.js';
import type { TagsResult } from '../core/tags.js';
import type { ThresholdsResult } from '../core/thresholds.js';
import type { TrendResult } from '../core/trend.js';
import { VERDICTS, type Thresholds } from '../core/types.js';
import { baseChart, logParamsAxis, seriesColor, thresholdReferenceDatasets, verdictColor, verticalReferenceLine } from './style.js';

export interface ChartText {
  title: string;
  caption: string;
  xTitle?: string;
  yTitle?: string;
  /** Dataset labels, by key, in the reply's language. */
  series?: Record<string, string>;
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
/** Log-axis bounds on whole decades around the values, so ticks read 100M, 1B, 10B… */
const decades = (values: number[]) => ({ min: 10 ** Math.floor(Math.log10(Math.min(...values))), max: 10 ** Math.ceil(Math.log10(Math.max(...values))) });
const label = (text: ChartText, key: string, fallback: string) => text.series?.[key] ?? fallback;
/** The chart's title, caption and axis titles (series names are looked up with `label`). */
const titlesOf = ({ title, caption, xTitle, yTitle }: ChartText) => ({ title, caption, xTitle, yTitle });

/** Where a model sits among its task's models: a log-scale histogram, the model and the 7B/20B lines. */
export function classifyChart(result: ClassifyResult, bins: HistogramBin[], thresholds: Thresholds, text: ChartText): ChartConfiguration {
  const top = Math.max(1, ...bins.map((b) => b.count));
  // A stepped line over bin edges draws the histogram on a true log axis, where reference lines can sit at exact values.
  const steps = bins.flatMap((b, i) => (i === bins.length - 1 ? [{ x: b.from, y: b.count }, { x: b.to, y: b.count }] : [{ x: b.from, y: b.count }]));
  const datasets: ChartDataset[] = [];
  if (steps.length) {
    datasets.push({ type: 'line', label: label(text, 'peers', 'Models of the task'), data: steps, stepped: 'after', fill: 'origin', borderColor: '#777777', backgroundColor: 'rgba(150,150,150,0.35)', pointRadius: 0, borderWidth: 1 } as ChartDataset<'line'>);
  }
  if (result.parameters !== null) {
    datasets.push({ ...verticalReferenceLine({ label: result.id, value: result.parameters, color: verdictColor(result.verdict), dash: [] }, [0, top]), borderWidth: 4 });
  }
  datasets.push(...thresholdReferenceDatasets('vertical', [0, top], thresholds));
  const xs = [...steps.map((p) => p.x), result.parameters ?? 1e9, thresholds.slmBelow, thresholds.llmFrom];
  return baseChart({
    type: 'line',
    ...titlesOf(text),
    datasets,
    xScale: logParamsAxis(text.xTitle, { min: Math.min(...xs) / 2, max: Math.max(...xs) * 2 }),
    yScale: { type: 'linear', beginAtZero: true },
    legend: true,
  });
}

/** Models side by side: a horizontal bar per model on a log parameter axis, with the 7B/20B lines. */
export function compareChart(models: ClassifyResult[], thresholds: Thresholds, text: ChartText): ChartConfiguration {
  const labels = models.map((m) => m.id);
  const known = models.map((m) => m.parameters).filter((p): p is number => p !== null);
  return baseChart({
    type: 'bar',
    indexAxis: 'y',
    ...titlesOf(text),
    labels,
    datasets: [
      { type: 'bar', label: label(text, 'parameters', 'Parameters'), data: models.map((m) => m.parameters), backgroundColor: models.map((m) => verdictColor(m.verdict)) } as ChartDataset,
      ...thresholdReferenceDatasets('vertical', [labels[0], labels[labels.length - 1]], thresholds),
    ],
    xScale: logParamsAxis(text.xTitle, decades([...known, thresholds.slmBelow, thresholds.llmFrom])),
    legend: true,
  });
}

/** How many models of the sample fall in each verdict. */
export function shareChart(result: ShareResult, text: ChartText): ChartConfiguration {
  return baseChart({
    type: 'bar',
    ...titlesOf(text),
    labels: VERDICTS.map((v) => label(text, v, v)),
    datasets: [{ label: label(text, 'models', 'Models'), data: VERDICTS.map((v) => result.counts[v]), backgroundColor: VERDICTS.map(verdictColor) }],
    yScale: { beginAtZero: true },
  });
}

/** Models created each month, stacked by verdict, with the SLM share (%) on a second axis. */
export function trendChart(result: TrendResult, text: ChartText): ChartConfiguration {
  const labels = result.periods.map((m) => (m.partial ? `${m.period}*` : m.period));
  const bars = (key: 'slm' | 'borderline' | 'llm' | 'unknown', verdict: (typeof VERDICTS)[number]): ChartDataset => ({
    type: 'bar',
    label: label(text, verdict, verdict),
    data: result.periods.map((m) => m[key]),
    backgroundColor: verdictColor(verdict),
    stack: 'models',
    yAxisID: 'y',
  });
  const config = baseChart({
    type: 'bar',
    ...titlesOf(text),
    labels,
    datasets: [
      { type: 'line', label: label(text, 'share', 'SLM share (%)'), data: result.periods.map((m) => percent(m.slmShare)), borderColor: '#000000', backgroundColor: '#000000', yAxisID: 'y1', pointRadius: 2, borderWidth: 2, spanGaps: true, order: -1 } as ChartDataset,
      bars('slm', 'SLM'),
      bars('borderline', 'borderline'),
      bars('llm', 'LLM'),
      bars('unknown', 'unknown'),
    ],
    stacked: true,
  });
  config.options!.scales!.y1 = { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: label(text, 'shareAxis', 'SLM share (%)'), font: { size: 16 } }, ticks: { font: { size: 13 } } };
  return config;
}

/** Each group's share of its 30-day downloads, by the month its models were created. */
export function lifespanChart(result: LifespanResult, text: ChartText): ChartConfiguration {
  const labels = result.months.map((m) => m.month);
  const line = (key: 'slmDownloadShare' | 'llmDownloadShare', verdict: 'SLM' | 'LLM'): ChartDataset => ({
    type: 'line',
    label: label(text, verdict, verdict),
    data: result.months.map((m) => percent(m[key])),
    borderColor: verdictColor(verdict),
    backgroundColor: verdictColor(verdict),
    pointRadius: 2,
    borderWidth: 2,
  });
  const top = Math.max(1, ...result.months.flatMap((m) => [percent(m.slmDownloadShare)!, percent(m.llmDownloadShare)!]));
  const cutoffMonth = result.cutoff.slice(0, 7);
  const datasets = [line('slmDownloadShare', 'SLM'), line('llmDownloadShare', 'LLM')];
  if (labels.includes(cutoffMonth)) {
    datasets.push(verticalReferenceLine({ label: label(text, 'cutoff', '12 months before collection'), value: 0, color: '#555555' }, [0, top]));
    // On a category axis the line's x is the month label itself.
    (datasets.at(-1)!.data as unknown as { x: string }[]).forEach((p) => (p.x = cutoffMonth));
  }
  return baseChart({ type: 'line', ...titlesOf(text), labels, datasets, yScale: { beginAtZero: true } });
}

/** Week by week, each group's share of downloads going to models over 12 months old. */
export function lifespanHistoryChart(weeks: LifespanWeek[], text: ChartText): ChartConfiguration {
  const line = (key: 'slm' | 'llm', verdict: 'SLM' | 'LLM'): ChartDataset => ({
    type: 'line',
    label: label(text, verdict, verdict),
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
    label: label(text, verdict, verdict),
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

/** Published scores against parameter count (log), one colour per verdict, with the 7B/20B lines. */
export function benchmarkChart(result: BenchmarkResult, thresholds: Thresholds, text: ChartText): ChartConfiguration {
  const sized = result.entries.filter((e) => e.parametersB !== null);
  const scores = sized.map((e) => e.score);
  // Whole tens around the scores: round ticks.
  const span: [number, number] = [Math.max(0, Math.floor((Math.min(...scores) - 2) / 10) * 10), Math.ceil((Math.max(...scores) + 2) / 10) * 10];
  const datasets: ChartDataset[] = (['SLM', 'borderline', 'LLM'] as const)
    .map((verdict) => ({
      type: 'scatter' as const,
      label: label(text, verdict, verdict),
      data: sized.filter((e) => e.verdict === verdict).map((e) => ({ x: e.parametersB! * 1e9, y: e.score })),
      backgroundColor: verdictColor(verdict),
      borderColor: verdictColor(verdict),
      pointRadius: 6,
    }))
    .filter((d) => d.data.length > 0);
  datasets.push(...thresholdReferenceDatasets('vertical', span, thresholds));
  return baseChart({
    type: 'scatter',
    ...titlesOf(text),
    datasets,
    xScale: logParamsAxis(text.xTitle, decades(sized.map((e) => e.parametersB! * 1e9))),
    yScale: { min: span[0], max: span[1] },
    legend: true,
  });
}

/** Publishers' models by size (log), coloured by the publisher's own label, with the 7/14/20B lines. */
export function thresholdsChart(result: ThresholdsResult, text: ChartText): ChartConfiguration {
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
  const lines = [7, 14, 20].map((b, i) => ({ label: `${b}B`, value: b * 1e9, color: ['#009E73', '#555555', '#0072B2'][i], dash: [8, 5] }));
  for (const line of lines) {
    datasets.push({ type: 'line', label: line.label, data: [{ x: labels[0], y: line.value }, { x: labels.at(-1), y: line.value }] as unknown as number[], borderColor: line.color, borderDash: line.dash, pointRadius: 0, borderWidth: 2, fill: false, order: -1 });
  }
  return baseChart({ type: 'bar', ...titlesOf(text), labels, datasets, yScale: logParamsAxis(text.yTitle), legend: true });
}
