// Draws a Chart.js v4 config to a PNG with chart.js on @napi-rs/canvas (Skia), no browser, no network.
// Output is byte-identical run to run for the same config and size.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type ChartItem, type Plugin } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import ChartDataLabels from 'chartjs-plugin-datalabels';
import { assertPlainJson } from './plain-json.js';
import { CHART_SIZE } from './style.js';

/**
 * The family every chart is drawn in: DejaVu Sans (regular and bold) from the dejavu-fonts-ttf npm
 * package, registered under a name of our own. Under its real name a system copy of DejaVu (or
 * Skia's fallback) would hide a failed registration on developer machines, and charts would then
 * come out without text on a machine without system fonts.
 */
export const FONT_FAMILY = 'SlmRadarDejaVuSans';

let ready = false;

function fontFile(name: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', name);
}

/** Once per process: Chart.js components, and the font (without one, Skia silently draws no text at all). */
function setUp(): void {
  if (ready) return;
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    const path = fontFile(file);
    if (GlobalFonts.registerFromPath(path, FONT_FAMILY) === null) {
      throw new Error(`Could not register chart font ${path}; charts would have no text`);
    }
  }
  // The two plugins QuickChart also has: verdict zones (annotation) and point labels (datalabels).
  Chart.register(...registerables, annotationPlugin, ChartDataLabels);
  Chart.defaults.font.family = FONT_FAMILY;
  ready = true;
}

/** Paints the canvas white before anything else; a PNG is transparent otherwise (unreadable on dark chat themes). */
const whiteBackground: Plugin = {
  id: 'slmRadarWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Renders `config` (left untouched) to a PNG of width × height px, 800 × 450 by default. */
export function renderPng(config: ChartConfiguration, options: { width?: number; height?: number } = {}): Buffer {
  assertPlainJson(config);
  setUp();
  const { width = CHART_SIZE.width, height = CHART_SIZE.height } = options;
  // Chart.js mutates the config it is given; the caller's copy also becomes a QuickChart URL.
  const own = structuredClone(config);
  // Render-only options live here, not in the shared config.
  own.options = { ...own.options, responsive: false, animation: false, devicePixelRatio: 1 };
  own.plugins = [...(own.plugins ?? []), whiteBackground];

  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas.getContext('2d') as unknown as ChartItem, own);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
