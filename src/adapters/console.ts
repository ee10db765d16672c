// The console adapter, the default when no platform token is set (like Hubot's shell adapter):
// slash commands typed at a prompt or given once on the command line; charts written as PNG.
// It answers in the terminal's language (LC_ALL, LC_MESSAGES, LANG, or --lang).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Bot } from '../bot.js';
import { sourceLine } from '../format.js';
import { t, type Locale } from '../i18n.js';
import type { Reply } from '../reply.js';
import { stripControl } from '../safe-text.js';

export interface ConsoleAnswer {
  reply: Reply;
  /** What the terminal shows. */
  text: string;
  /** Where the chart's PNG was written, if the reply has a chart. */
  chartPath?: string;
  /** A QuickChart link to the chart, only when asked for (--quickchart or CHART_MODE=quickchart). */
  chartUrl?: string;
}

export interface ConsoleOptions {
  /** The reply language (main.ts passes the terminal's, consoleLocale in config.ts); English by default. */
  locale?: Locale;
  /** Also print a QuickChart link under each chart (`--quickchart`); by default when CHART_MODE=quickchart. */
  quickChart?: boolean;
}

/** A reply as plain terminal text: title, summary, fields, table, notes, links, data source. */
export function replyToText(reply: Reply, extras: { chartPath?: string; chartUrl?: string } = {}, locale: Locale = 'en'): string {
  const lines = [reply.title, '='.repeat(Math.min(reply.title.length, 80)), reply.summary.replace(/\*\*/g, '')];
  if (reply.fields.length) {
    const width = Math.min(32, Math.max(...reply.fields.map((f) => f.name.length)));
    lines.push('', ...reply.fields.map((f) => `${f.name.padEnd(width)}  ${f.value.replace(/\n/g, `\n${' '.repeat(width + 2)}`)}`));
  }
  if (reply.table) {
    const { columns, rows } = reply.table;
    const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
    const row = (cells: string[]) => cells.map((cell, i) => (cell ?? '').padEnd(widths[i])).join('  ').trimEnd();
    lines.push('', row(columns), row(widths.map((w) => '-'.repeat(w))), ...rows.map(row));
  }
  if (reply.notes.length) lines.push('', ...reply.notes.map((n) => `• ${n}`));
  if (reply.links.length) lines.push('', ...reply.links.map((l) => `${l.label}: ${l.url}`));
  if (extras.chartPath) lines.push('', t(locale, 'console.chart', { path: extras.chartPath }));
  if (extras.chartUrl) lines.push(t(locale, 'console.quickChart', { url: extras.chartUrl }));
  if (reply.source) lines.push('', t(locale, 'format.dataLine', { source: sourceLine(reply.source, locale) }));
  return lines.join('\n');
}

export class ConsoleBot {
  /** Charts written so far per name: later ones get a number, so a session's charts do not overwrite each other. */
  private readonly charts = new Map<string, number>();
  readonly locale: Locale;
  private readonly quickChart: boolean;

  constructor(
    readonly bot: Bot,
    private readonly outDir: string,
    options: ConsoleOptions = {},
  ) {
    this.locale = options.locale ?? 'en';
    this.quickChart = options.quickChart ?? bot.config.CHART_MODE === 'quickchart';
  }

  /** Asks like a user at the prompt and returns what the terminal shows (Errbot-style testbot). */
  async ask(line: string): Promise<ConsoleAnswer> {
    const reply = await this.bot.invokeText(line, { locale: this.locale });
    return this.present(reply);
  }

  async present(reply: Reply): Promise<ConsoleAnswer> {
    const answer: ConsoleAnswer = { reply, text: '' };
    if (reply.chart) {
      // Loaded on the first chart: Skia, Chart.js and the font are not needed before the prompt or for /about.
      const { renderPng } = await import('../charts/render-png.js');
      mkdirSync(this.outDir, { recursive: true });
      const base = reply.chart.fileName.replace(/\.png$/, '');
      const n = (this.charts.get(base) ?? 0) + 1;
      this.charts.set(base, n);
      answer.chartPath = resolve(join(this.outDir, `${base}${n > 1 ? `-${n}` : ''}.png`));
      writeFileSync(answer.chartPath, renderPng(reply.chart.config));
      if (this.quickChart) {
        const { quickChartUrl, shortQuickChartUrl } = await import('../charts/quickchart.js');
        const baseUrl = this.bot.config.QUICKCHART_URL;
        // Offline means no network at all: the long link carries the whole chart instead of a short one.
        answer.chartUrl = this.bot.config.OFFLINE ? quickChartUrl(reply.chart.config, { baseUrl }) : await shortQuickChartUrl(reply.chart.config, { baseUrl });
      }
    }
    // Replies can quote what was typed: the terminal must never receive its control sequences.
    answer.text = stripControl(replyToText(reply, answer, this.locale));
    return answer;
  }

  /** The interactive prompt: one command per line until `exit` or end of input; bad input never stops it. */
  async repl(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
    const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
    // From the configuration only: the snapshot loads when a command first needs it, not before the prompt.
    const { OFFLINE, HF_ENDPOINT } = this.bot.config;
    const welcome = OFFLINE ? t(this.locale, 'console.welcomeOffline') : t(this.locale, 'console.welcomeLive', { endpoint: HF_ENDPOINT });
    output.write(`${welcome}\n${t(this.locale, 'console.prompt')}\n`);
    rl.setPrompt('slm-radar> ');
    rl.prompt();
    for await (const line of rl) {
      const text = line.trim();
      if (text === 'exit' || text === 'quit') break;
      if (text) {
        try {
          output.write(`${(await this.ask(text)).text}\n\n`);
        } catch (error) {
          // invoke() already turns command failures into replies; this guards the rendering itself.
          this.bot.log.error({ err: error }, 'console reply failed');
          output.write(`${t(this.locale, 'console.renderFailed')}\n\n`);
        }
      }
      rl.prompt();
    }
    rl.close();
  }
}
