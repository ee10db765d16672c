// Public API of the chart layer: one Chart.js v4 config → a local PNG or a QuickChart URL.
export { renderPng, FONT_FAMILY } from './render-png.js';
export { quickChartUrl, parseQuickChartBase, DEFAULT_QUICKCHART_URL } from './quickchart.js';
export { assertPlainJson } from './plain-json.js';
export {
  CHART_SIZE,
  FONT_SIZE,
  TEXT_COLOR,
  VERDICT_COLORS,
  SERIES_COLORS,
  verdictColor,
  seriesColor,
  PARAMS_AXIS_TITLE,
  COMPACT_NUMBER_FORMAT,
  logParamsAxis,
  horizontalReferenceLine,
  verticalReferenceLine,
  thresholdLines,
  thresholdReferenceDatasets,
  baseChart,
  titleLines,
} from './style.js';
export type { ReferenceLine, BaseChartInput } from './style.js';
