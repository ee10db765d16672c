// The console adapter, the default when no platform token is set (like Hubot's shell adapter):
// slash commands typed at a prompt or given once on the command line; charts written as PNG.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Bot } from '../bot.js';
import { sourceLine } from '../format.js';
import type { Reply } from '../reply.js';

export interface ConsoleAnswer {
  reply: Reply;
  /** What the terminal shows. */
  text: string;
  /** Where the chart's PNG was written, if the reply has a chart. */
  chartPath?: string;
  chartUrl?: string;
}

/** A reply as plain terminal text: title, summary, fields, table, notes, links, data source. */
export function replyToText(reply: Reply, extras: { chartPath?: string; chartUrl?: string } = {}): string {
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
  if (extras.chartPath) lines.push('', `Chart: ${extras.chartPath}`);
  if (extras.chartUrl) lines.push(`QuickChart: ${extras.chartUrl}`);
  if (reply.source) lines.push('', `Data: ${sourceLine(reply.source, 'en')}`);
  return lines.join('\n');
}

export class ConsoleBot {
  /** Charts written so far per name: later ones get a number, so a session's charts do not overwrite each other. */
  private readonly charts = new Map<string, number>();

  constructor(
    readonly bot: Bot,
    private readonly outDir: string,
    /** `--json` shows no QuickChart link, so it does not load quickchart-js to make one. */
    private readonly options: { chartUrls?: boolean } = {},
  ) {}

  /** Asks like a user at the prompt and returns what the terminal shows (Errbot-style testbot). */
  async ask(line: string): Promise<ConsoleAnswer> {
    const reply = await this.bot.invokeText(line);
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
      if (this.options.chartUrls !== false) {
        const { quickChartUrl } = await import('../charts/quickchart.js');
        answer.chartUrl = quickChartUrl(reply.chart.config, { baseUrl: this.bot.config.QUICKCHART_URL });
      }
    }
    answer.text = replyToText(reply, answer);
    return answer;
  }

  /** The interactive prompt: one command per line until `exit` or end of input; bad input never stops it. */
  async repl(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
    const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
    // From the configuration only: the snapshot loads when a command first needs it, not before the prompt.
    const { OFFLINE, HF_ENDPOINT } = this.bot.config;
    output.write(
      `SLM Radar — ${OFFLINE ? 'offline, bundled snapshot (/about says when it was collected)' : `live Hub at ${HF_ENDPOINT}`}.\n` +
        'Type a command such as /classify Qwen/Qwen2.5-0.5B, /help for the list, exit to quit.\n',
    );
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
          output.write('Sorry, that reply could not be shown. Try another command, or /help.\n\n');
        }
      }
      rl.prompt();
    }
    rl.close();
  }
}
