// The shared look of every analysis chart, as plain-JSON Chart.js v4 config pieces.
// Everything here must survive JSON.stringify unchanged (no callbacks, no plugins beyond chart.js
// core), so that one config renders the same locally (render-png.ts) and on QuickChart (quickchart.ts).
import type { ChartConfiguration, ChartDataset, ChartType, ScaleOptions } from 'chart.js';
import { DEFAULT_THRESHOLDS, type Thresholds, type Verdict } from '../core/types.js';
import { formatParameters } from '../format.js';

/** Default image size: readable in a Discord embed or Slack message at its native size. */
export const CHART_SIZE = { width: 800, height: 450 } as const;

/** Font sizes in px at CHART_SIZE: ticks ≥ 13, titles ≥ 16. */
export const FONT_SIZE = { title: 20, axisTitle: 16, ticks: 13, legend: 14, caption: 13 } as const;

/** Title colour; other text keeps Chart.js's default grey (#666). */
export const TEXT_COLOR = '#222222';

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies).
 * SLM bluish green, borderline orange, LLM blue, unknown grey: they also differ in lightness,
 * so they stay apart in greyscale.
 */
export const VERDICT_COLORS: Readonly<Record<Verdict, string>> = {
  SLM: '#009E73',
  borderline: '#E69F00',
  LLM: '#0072B2',
  unknown: '#999999',
};

/** The other Okabe–Ito colours, for series that are not verdicts: a series never reads as a verdict or a threshold line. */
// Okabe–Ito's other colours, then Tol's wine and olive, so 7 series stay apart.
export const SERIES_COLORS: readonly string[] = ['#CC79A7', '#D55E00', '#56B4E9', '#000000', '#F0E442', '#882255', '#999933'];

export function verdictColor(verdict: Verdict): string {
  return VERDICT_COLORS[verdict];
}

/** The i-th series colour, cycling through SERIES_COLORS. */
export function seriesColor(index: number): string {
  return SERIES_COLORS[((index % SERIES_COLORS.length) + SERIES_COLORS.length) % SERIES_COLORS.length];
}

// ---- Log parameter axis -------------------------------------------------------------------------
//
// Tick callbacks (the usual way to print 100M / 1B / 7B) cannot travel in a QuickChart URL. Instead
// parameter counts are plotted as raw numbers and the axis uses Chart.js's own `ticks.format`
// (Intl.NumberFormat options, applied by the built-in tick formatter) with compact notation, so
// ticks read 100M, 1B, 2B, 5B, 10B, 100B, 1T in both renderers. Compact notation depends on the
// locale: baseChart pins `options.locale` to en-US, so "B" never becomes "Mrd." or "十億".

/** Intl.NumberFormat options for ticks: 7000000000 → "7B", 1500000 → "1.5M". */
export const COMPACT_NUMBER_FORMAT = { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 } as const;

export const PARAMS_AXIS_TITLE = 'Parameters (log scale)';

/** A logarithmic scale for raw parameter counts, ticks printed as 100M / 1B / 7B / 70B; use it inside baseChart (en-US locale). */
export function logParamsAxis(title: string = PARAMS_AXIS_TITLE, range: { min?: number; max?: number } = {}): ScaleOptions<'logarithmic'> {
  return {
    type: 'logarithmic',
    ...(range.min === undefined ? {} : { min: range.min }),
    ...(range.max === undefined ? {} : { max: range.max }),
    title: { display: true, text: title },
    ticks: { format: COMPACT_NUMBER_FORMAT, autoSkipPadding: 12 },
  };
}

// ---- Reference lines ------------------------------------------------------------------------------
//
// Drawn as extra `line` datasets (dashed, no points) rather than with chartjs-plugin-annotation,
// which a plain Chart.js renderer does not have. A line dataset only spans the x (or y) range it is
// given: on a category axis that is the centre of the first label to the centre of the last.

export interface ReferenceLine {
  label: string;
  /** Position on the value axis, in that axis's unit (a raw parameter count for logParamsAxis). */
  value: number;
  color: string;
  /** Dash pattern in px; defaults to [8, 5]. */
  dash?: number[];
}

type Position = number | string;

function referenceDataset(line: ReferenceLine, points: { x: Position; y: Position }[]): ChartDataset<'line'> {
  return {
    type: 'line',
    label: line.label,
    // Category positions are label strings, which Chart.js parses but its Point type does not admit.
    data: points as unknown as { x: number; y: number }[],
    borderColor: line.color,
    backgroundColor: 'transparent',
    borderWidth: 2,
    borderDash: line.dash ?? [8, 5],
    pointRadius: 0,
    pointHoverRadius: 0,
    pointHitRadius: 0,
    fill: false,
    tension: 0,
    // Lower order is drawn later: the line stays visible above bars.
    order: -1,
  };
}

/** A horizontal line at y = line.value from x = span[0] to x = span[1] (numbers, or category labels). */
export function horizontalReferenceLine(line: ReferenceLine, span: [Position, Position]): ChartDataset<'line'> {
  return referenceDataset(line, [{ x: span[0], y: line.value }, { x: span[1], y: line.value }]);
}

/** A vertical line at x = line.value from y = span[0] to y = span[1] (numbers, or category labels). */
export function verticalReferenceLine(line: ReferenceLine, span: [Position, Position]): ChartDataset<'line'> {
  return referenceDataset(line, [{ x: line.value, y: span[0] }, { x: line.value, y: span[1] }]);
}

/** The SLM and LLM limits ("7B: SLM limit", "20B: LLM from") as reference lines, in parameters. */
export function thresholdLines(thresholds: Thresholds = DEFAULT_THRESHOLDS): ReferenceLine[] {
  return [
    { label: `${formatParameters(thresholds.slmBelow)}: SLM limit`, value: thresholds.slmBelow, color: VERDICT_COLORS.SLM, dash: [8, 5] },
    { label: `${formatParameters(thresholds.llmFrom)}: LLM from`, value: thresholds.llmFrom, color: VERDICT_COLORS.LLM, dash: [3, 3] },
  ];
}

/** thresholdLines drawn across a chart whose value axis is logParamsAxis. */
export function thresholdReferenceDatasets(
  orientation: 'horizontal' | 'vertical',
  span: [Position, Position],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): ChartDataset<'line'>[] {
  const draw = orientation === 'horizontal' ? horizontalReferenceLine : verticalReferenceLine;
  return thresholdLines(thresholds).map((line) => draw(line, span));
}

// ---- The base chart -----------------------------------------------------------------------------

export interface BaseChartInput {
  type: ChartType;
  title: string;
  /** Data source line under the chart, e.g. "Hugging Face Hub — snapshot of 2025-03-22". */
  caption?: string;
  /** Axis titles, with units: "Downloads (last 30 days)", "Parameters (log scale)". */
  xTitle?: string;
  yTitle?: string;
  labels?: string[];
  datasets: ChartDataset[];
  /** Scale settings merged over the defaults, e.g. logParamsAxis(). */
  xScale?: ScaleOptions;
  yScale?: ScaleOptions;
  /** 'y' lays bars horizontally. */
  indexAxis?: 'x' | 'y';
  /** Show the legend; by default only when there are two or more datasets. */
  legend?: boolean;
  stacked?: boolean;
}

const RADIAL_TYPES: readonly ChartType[] = ['pie', 'doughnut', 'polarArea', 'radar'];

function axis(title: string | undefined, extra: ScaleOptions = {}, stacked = false): ScaleOptions {
  const { title: extraTitle = {}, ticks: extraTicks = {}, ...rest } = extra as { title?: { text?: string }; ticks?: object };
  // An explicit axis title wins over the one a helper such as logParamsAxis brings.
  const text = title ?? extraTitle.text;
  return {
    ...(stacked ? { stacked: true } : {}),
    ...rest,
    title: { ...extraTitle, ...(text === undefined ? { display: false } : { display: true, text, font: { size: FONT_SIZE.axisTitle } }) },
    ticks: { font: { size: FONT_SIZE.ticks }, ...extraTicks },
  } as ScaleOptions;
}

/**
 * A complete Chart.js v4 config with the shared look: title, data-source caption, legend, axis
 * titles, font sizes. Only what differs from Chart.js defaults is written, because every byte is
 * sent (URL-encoded) in the QuickChart URL: text stays Chart.js grey (#666, 5.7:1 on white) except
 * the title, the title is bold by default.
 */
export function baseChart(input: BaseChartInput): ChartConfiguration {
  const showLegend = input.legend ?? input.datasets.length > 1;
  const cartesian = !RADIAL_TYPES.includes(input.type);
  return {
    type: input.type,
    data: { ...(input.labels ? { labels: input.labels } : {}), datasets: input.datasets },
    options: {
      // Fixed number formatting on ticks (COMPACT_NUMBER_FORMAT), whatever the renderer's locale.
      locale: 'en-US',
      ...(input.indexAxis ? { indexAxis: input.indexAxis } : {}),
      // Keeps the last tick label and the caption off the image edge.
      layout: { padding: 12 },
      plugins: {
        title: { display: true, text: input.title, color: TEXT_COLOR, font: { size: FONT_SIZE.title } },
        ...(input.caption ? { subtitle: { display: true, text: input.caption, position: 'bottom', align: 'end', font: { size: FONT_SIZE.caption } } } : {}),
        legend: showLegend ? { labels: { font: { size: FONT_SIZE.legend } } } : { display: false },
      },
      ...(cartesian
        ? { scales: { x: axis(input.xTitle, input.xScale, input.stacked), y: axis(input.yTitle, input.yScale, input.stacked) } }
        : {}),
    },
  } as ChartConfiguration;
}
