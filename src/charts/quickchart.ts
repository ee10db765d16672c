// Turns a Chart.js v4 config into a QuickChart image URL (quickchart.io or a self-hosted server).
//
// The URL is all QuickChart gets, so configs must be plain JSON: no callbacks, no plugin objects,
// no Infinity/NaN. That is why style.ts expresses everything (log ticks, reference lines) with
// data and options only; assertPlainJson refuses anything else here and in renderPng alike.
import qc from 'quickchart-js';
import type { ChartConfiguration } from 'chart.js';
import { assertPlainJson } from './plain-json.js';
import { CHART_SIZE } from './style.js';

// quickchart-js's types declare `export default class`, which NodeNext sees as the CommonJS module
// object (TS2351 on `new`); at run time the ESM build gives the class itself.
const QuickChart = ((qc as unknown as { default?: typeof qc.default }).default ?? qc) as typeof qc.default;

export const DEFAULT_QUICKCHART_URL = 'https://quickchart.io';

/** Scheme and host for quickchart-js from a base URL; a path (reverse-proxy prefix) is kept in front of `/chart`. */
export function parseQuickChartBase(baseUrl: string): { scheme: string; host: string } {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`QuickChart base URL is not a URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`QuickChart base URL must be http or https: ${baseUrl}`);
  }
  // quickchart-js builds `${scheme}://${host}/chart`, so a path prefix can ride along in host.
  return { scheme: url.protocol.slice(0, -1), host: url.host + url.pathname.replace(/\/+$/, '') };
}

/**
 * The QuickChart URL that draws `config` with Chart.js 4 on a white background, 800 × 450 by default.
 * `baseUrl` defaults to quickchart.io; callers pass env QUICKCHART_URL for a self-hosted server.
 * The config goes into `c` as a JavaScript object literal (quickchart-js's own serialiser: unquoted
 * keys, single quotes), about 20% shorter URL-encoded than JSON; it evaluates back to the same
 * object as JSON.parse(JSON.stringify(config)).
 */
export function quickChartUrl(config: ChartConfiguration, options: { baseUrl?: string; width?: number; height?: number } = {}): string {
  assertPlainJson(config);
  const { scheme, host } = parseQuickChartBase(options.baseUrl ?? DEFAULT_QUICKCHART_URL);
  return new QuickChart()
    // The JSON round trip drops `undefined` members, which the serialiser would otherwise spell out.
    .setConfig(JSON.parse(JSON.stringify(config)) as ChartConfiguration)
    // Without this quickchart-js asks for Chart.js 2.9.4, which misreads v4 configs (scales.x, plugins.title).
    .setVersion('4')
    .setWidth(options.width ?? CHART_SIZE.width)
    .setHeight(options.height ?? CHART_SIZE.height)
    .setBackgroundColor('white')
    .setHost(host)
    .setScheme(scheme)
    .getUrl();
}

/** How long the console waits for QuickChart to shorten a link before printing the long one. */
const SHORTEN_TIMEOUT_MS = 5_000;

/**
 * A short QuickChart link (`…/chart/render/…`) from the server's `POST /chart/create`, which keeps
 * the config server-side; the long URL (quickChartUrl) when the server cannot shorten it (offline,
 * a self-hosted server without short links, a timeout).
 */
export async function shortQuickChartUrl(config: ChartConfiguration, options: { baseUrl?: string; timeoutMs?: number } = {}): Promise<string> {
  const long = quickChartUrl(config, options);
  const { scheme, host } = parseQuickChartBase(options.baseUrl ?? DEFAULT_QUICKCHART_URL);
  try {
    const response = await fetch(`${scheme}://${host}/chart/create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chart: config, width: CHART_SIZE.width, height: CHART_SIZE.height, backgroundColor: 'white', version: '4' }),
      signal: AbortSignal.timeout(options.timeoutMs ?? SHORTEN_TIMEOUT_MS),
    });
    const answer = (await response.json()) as { success?: boolean; url?: unknown };
    return response.ok && answer.success === true && typeof answer.url === 'string' && /^https?:\/\//.test(answer.url) ? answer.url : long;
  } catch {
    return long;
  }
}
