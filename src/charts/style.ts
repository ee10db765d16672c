// The shared look of every analysis chart, as plain-JSON Chart.js v4 config pieces.
// Everything here must survive JSON.stringify unchanged (no callbacks, no plugins beyond chart.js
// core), so that one config renders the same locally (render-png.ts) and on QuickChart (quickchart.ts).
import type { ChartConfiguration, ChartDataset, ChartType, ScaleOptions } from 'chart.js';
import { DEFAULT_THRESHOLDS, type Thresholds, type Verdict } from '../core/types.js';
import { formatParameters, verdictWord } from '../format.js';
import { INTL_LOCALE, t, type Locale } from '../i18n.js';

/** Default image size: readable in a Discord embed or Slack message at its native size. */
export const CHART_SIZE = { width: 800, height: 450 } as const;

/** Font sizes in px at CHART_SIZE: ticks ≥ 13, titles ≥ 16. */
export const FONT_SIZE = { title: 20, axisTitle: 16, ticks: 13, legend: 14, caption: 13, pointLabel: 12 } as const;

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
    fill: false,
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
export function thresholdLines(thresholds: Thresholds = DEFAULT_THRESHOLDS, locale: Locale = 'en'): ReferenceLine[] {
  return [
    { label: t(locale, 'thresholdLines.slm', { size: formatParameters(thresholds.slmBelow, locale) }), value: thresholds.slmBelow, color: VERDICT_COLORS.SLM, dash: [8, 5] },
    { label: t(locale, 'thresholdLines.llm', { size: formatParameters(thresholds.llmFrom, locale) }), value: thresholds.llmFrom, color: VERDICT_COLORS.LLM, dash: [3, 3] },
  ];
}

/** thresholdLines drawn across a chart whose value axis is logParamsAxis. */
export function thresholdReferenceDatasets(
  orientation: 'horizontal' | 'vertical',
  span: [Position, Position],
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  locale: Locale = 'en',
): ChartDataset<'line'>[] {
  const draw = orientation === 'horizontal' ? horizontalReferenceLine : verticalReferenceLine;
  return thresholdLines(thresholds, locale).map((line) => draw(line, span));
}

// ---- Verdict zones --------------------------------------------------------------------------------
//
// The SLM, borderline and LLM ranges of the thresholds in effect, shaded behind the data with
// chartjs-plugin-annotation boxes (plain JSON, drawn the same by QuickChart) and named inside, so
// custom thresholds move the zones as well as the lines.

/** Zone shading: the verdict colour, faint enough that bars and points stay readable on it. */
const ZONE_ALPHA = '1A';

/**
 * Annotation boxes for the three verdict zones along `axis` (the parameter axis), each named in its
 * verdict's colour unless `named` is false (charts whose legend already explains the lines and
 * colours, and whose QuickChart URL must stay short). Goes in baseChart's `annotations`.
 */
export function verdictZones(axis: 'x' | 'y', thresholds: Thresholds, locale: Locale = 'en', named = true): Record<string, object> {
  const zones: [Exclude<Verdict, 'unknown'>, number | undefined, number | undefined][] = [
    ['SLM', undefined, thresholds.slmBelow],
    ['borderline', thresholds.slmBelow, thresholds.llmFrom],
    ['LLM', thresholds.llmFrom, undefined],
  ];
  const boxes: Record<string, object> = {};
  for (const [verdict, from, below] of zones) {
    // Equal thresholds leave no grey zone.
    if (from !== undefined && below !== undefined && from >= below) continue;
    boxes[`zone${verdict}`] = {
      type: 'box',
      ...(from === undefined ? {} : { [`${axis}Min`]: from }),
      ...(below === undefined ? {} : { [`${axis}Max`]: below }),
      backgroundColor: `${VERDICT_COLORS[verdict]}${ZONE_ALPHA}`,
      borderWidth: 0,
      // Named at the top of a zone across x, at the left of a zone across y (the label font is bold by default).
      ...(named ? { label: { display: true, content: verdictWord(verdict, locale), color: VERDICT_COLORS[verdict], position: axis === 'x' ? { y: 'start' } : { x: 'start' } } } : {}),
    };
  }
  return boxes;
}

/** chartjs-plugin-datalabels options for one dataset: each point's `label` field printed beside it (an empty label draws nothing). */
export function pointLabels(options: { align?: string; anchor?: string; display?: boolean | 'auto'; color?: string } = {}): object {
  return {
    display: options.display ?? true,
    align: options.align ?? 'end',
    anchor: options.anchor ?? 'end',
    offset: 3,
    color: options.color ?? TEXT_COLOR,
    // A white halo keeps names readable over grid lines, zones and other points.
    textStrokeColor: '#ffffff',
    textStrokeWidth: 3,
    font: { size: FONT_SIZE.pointLabel },
    clamp: true,
  };
}

// ---- The base chart -----------------------------------------------------------------------------

export interface BaseChartInput {
  type: ChartType;
  title: string;
  /** Lines under the chart: what was counted (sample, thresholds) and the data source, e.g. "Hugging Face Hub — snapshot of 2025-03-22". */
  caption?: string | string[];
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
  /** Where the legend goes; beside the plot ('right') when it has many entries and the plot needs its height. */
  legendPosition?: 'top' | 'right';
  /** The reply's language: tick numbers of plain axes follow it ("4 000" in French). */
  locale?: Locale;
  /** chartjs-plugin-annotation annotations by id (verdict zones). */
  annotations?: Record<string, object>;
  stacked?: boolean;
}

const RADIAL_TYPES: readonly ChartType[] = ['pie', 'doughnut', 'polarArea', 'radar'];

/** About the most title characters one line holds at CHART_SIZE and FONT_SIZE.title in bold. */
const TITLE_LINE = 66;

/**
 * A title too long for one line, split in two at its " — " or ": " (long model ids and task names),
 * so it is never cut at the image's edges; a title without such a break stays as it is.
 */
export function titleLines(title: string): string | string[] {
  if (title.length <= TITLE_LINE) return title;
  for (const separator of [' — ', ' : ', ': ']) {
    const at = title.indexOf(separator);
    if (at > 0) return [title.slice(0, at + separator.trimEnd().length), title.slice(at + separator.length)];
  }
  return title;
}

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
      // Parameter axes print 100M / 7B in every language (COMPACT_NUMBER_FORMAT under en-US, as the
      // replies write sizes); other axes number the way the reply's language does.
      locale: [input.xScale, input.yScale].some((s) => s?.type === 'logarithmic') ? 'en-US' : INTL_LOCALE[input.locale ?? 'en'],
      ...(input.indexAxis ? { indexAxis: input.indexAxis } : {}),
      // Keeps the last tick label and the caption off the image edge.
      layout: { padding: 12 },
      plugins: {
        title: { display: true, text: titleLines(input.title), color: TEXT_COLOR, font: { size: FONT_SIZE.title } },
        ...(input.caption ? { subtitle: { display: true, text: input.caption, position: 'bottom', align: 'end', font: { size: FONT_SIZE.caption } } } : {}),
        legend: showLegend
          ? input.legendPosition === 'right'
            ? { position: 'right', labels: { font: { size: FONT_SIZE.ticks }, boxWidth: 24 } }
            : { labels: { font: { size: FONT_SIZE.legend } } }
          : { display: false },
        // Point labels only where a dataset asks for them (pointLabels); the plugin would label everything otherwise.
        datalabels: { display: false },
        // Zones are shaded under the data; said once for all of them (a shorter QuickChart URL).
        ...(input.annotations ? { annotation: { common: { drawTime: 'beforeDatasetsDraw' }, annotations: input.annotations } } : {}),
      },
      ...(cartesian
        ? { scales: { x: axis(input.xTitle, input.xScale, input.stacked), y: axis(input.yTitle, input.yScale, input.stacked) } }
        : {}),
    },
  } as ChartConfiguration;
}
