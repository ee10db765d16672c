// Every command end to end through the console adapter, on the bundled snapshot.
import { existsSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConsoleBot } from '../src/adapters/console.js';
import { consoleLocale } from '../src/config.js';
import { offlineConsoleBot } from './helpers/bot.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let bot: ConsoleBot;
beforeAll(() => {
  bot = offlineConsoleBot();
});

describe('/classify', () => {
  it('gives the safetensors count, verdict and chart of Qwen/Qwen2.5-0.5B', async () => {
    const answer = await bot.ask('/classify Qwen/Qwen2.5-0.5B');
    expect(answer.reply.error).toBeUndefined();
    expect(answer.reply.data).toMatchObject({ id: 'Qwen/Qwen2.5-0.5B', parameters: 494032768, parameterSource: 'safetensors', verdict: 'SLM' });
    expect(answer.text).toContain('494M parameters');
    expect(answer.text).toContain('snapshot of 2025-03-22');
    expect(answer.chartPath && existsSync(answer.chartPath)).toBe(true);
    expect(readFileSync(answer.chartPath!).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    // The QuickChart link is printed only when asked for (--quickchart or CHART_MODE=quickchart).
    expect(answer.chartUrl).toBeUndefined();
    expect(answer.text).not.toContain('QuickChart');
  });

  it('finds ids typed in the wrong case and pasted as links', async () => {
    expect((await bot.ask('/classify qwen/qwen2.5-0.5b')).reply.data).toMatchObject({ id: 'Qwen/Qwen2.5-0.5B' });
    expect((await bot.ask('/classify https://huggingface.co/Qwen/Qwen2.5-0.5B')).reply.data).toMatchObject({ id: 'Qwen/Qwen2.5-0.5B' });
    // Legacy ids without an owner, which the Hub redirects.
    expect((await bot.ask('/classify gpt2')).reply.data).toMatchObject({ id: 'openai-community/gpt2', parameters: 137022720 });
  });

  it('suggests close ids for an unknown model', async () => {
    const answer = await bot.ask('/classify mistralai/Mistral-7B');
    expect(answer.reply.error?.code).toBe('not_found');
    expect(answer.reply.summary).toContain('mistralai/Mistral-7B-v0.1');
  });

  it('applies per-command thresholds', async () => {
    const answer = await bot.ask('/classify mistralai/Mistral-7B-v0.1 slm_below:8');
    expect(answer.reply.data).toMatchObject({ verdict: 'SLM' });
  });

  it.each([
    ['/classify a/b/c', 'not a Hugging Face model id'],
    ['/classify ../..', 'not a Hugging Face model id'],
    [`/classify ${'x'.repeat(300)}`, 'not a Hugging Face model id'],
    ['/classify', 'model id is missing'],
    ['/classify foo bar', 'I do not know what to do with "bar"'],
    ['/classify Qwen/Qwen2.5-0.5B slm_below:30 llm_from:20', 'slm_below must not be greater than llm_from'],
    // One option against the other's default (20B) is checked when the command runs.
    ['/classify Qwen/Qwen2.5-0.5B slm_below:30', 'slm_below must not be greater than llm_from (here slm_below:30 llm_from:20)'],
    ['/classify Qwen/Qwen2.5-0.5B slm_below:abc', 'must be a positive number'],
  ])('answers %s with one clear sentence and the usage', async (line, expected) => {
    const answer = await bot.ask(line);
    expect(answer.reply.error?.code).toBe('bad_input');
    expect(answer.reply.summary).toContain(expected);
    expect(answer.reply.summary).toContain('/classify <owner/model>');
    expect(answer.reply.summary.length).toBeLessThan(300);
  });
});

describe('/compare', () => {
  it('classifies 2 to 5 models side by side', async () => {
    const answer = await bot.ask('/compare Qwen/Qwen2.5-0.5B mistralai/Mistral-7B-v0.1 meta-llama/Llama-3.3-70B-Instruct');
    const data = answer.reply.data as { models: { id: string; verdict: string; parameters: number }[] };
    expect(data.models.map((m) => [m.id, m.verdict])).toEqual([
      ['Qwen/Qwen2.5-0.5B', 'SLM'],
      ['mistralai/Mistral-7B-v0.1', 'borderline'],
      ['meta-llama/Llama-3.3-70B-Instruct', 'LLM'],
    ]);
    expect(answer.text).toContain('7.24B');
    expect(answer.chartPath).toBeDefined();
  });

  it.each([
    ['/compare Qwen/Qwen2.5-0.5B', 'Give 2 to 5 different model ids'],
    ['/compare a/a b/b c/c d/d e/e f/f', 'Give 2 to 5 different model ids'],
    ['/compare Qwen/Qwen2.5-0.5B a/b/c', 'not of the form owner/name'],
  ])('refuses %s', async (line, expected) => {
    const answer = await bot.ask(line);
    expect(answer.reply.error?.code).toBe('bad_input');
    expect(answer.reply.summary).toContain(expected);
  });

  it('says which model is unknown', async () => {
    const answer = await bot.ask('/compare Qwen/Qwen2.5-0.5B mistralai/Mistral-7B');
    expect(answer.reply.error?.code).toBe('not_found');
    expect(answer.reply.summary).toContain('"mistralai/Mistral-7B"');
  });
});

describe('/share', () => {
  it('counts every verdict, unknown apart', async () => {
    const answer = await bot.ask('/share');
    const data = answer.reply.data as { counts: Record<string, number>; total: number };
    expect(Object.keys(data.counts)).toEqual(['SLM', 'borderline', 'LLM', 'unknown']);
    expect(data.counts.SLM + data.counts.borderline + data.counts.LLM + data.counts.unknown).toBe(data.total);
    expect(data.counts.unknown).toBeGreaterThan(0);
    expect(answer.text).toMatch(/have no known parameter count: counted apart, never as LLMs/);
  });

  it('filters by task tag and refuses unknown tags with suggestions', async () => {
    const tagged = (await bot.ask('/share text-generation')).reply.data as { total: number };
    const all = (await bot.ask('/share')).reply.data as { total: number };
    expect(tagged.total).toBeGreaterThan(0);
    expect(tagged.total).toBeLessThan(all.total);
    const bad = await bot.ask('/share text-generatoin');
    expect(bad.reply.error?.code).toBe('bad_input');
    expect(bad.reply.summary).toContain('text-generation');
  });
});

describe('/trend', () => {
  it('gives monthly counts and the SLM share among known counts', async () => {
    const answer = await bot.ask('/trend since:2024-01');
    const data = answer.reply.data as { months: { month: string; slm: number; borderline: number; llm: number; unknown: number; slmShare: number | null; partial: boolean }[] };
    expect(data.months[0].month).toBe('2024-01');
    expect(data.months.at(-1)).toMatchObject({ month: '2025-03', partial: true });
    for (const m of data.months) {
      const known = m.slm + m.borderline + m.llm;
      expect(m.slmShare).toBe(known ? m.slm / known : null);
    }
    // A popularity sample (here the snapshot's) is not "new models": only the census is.
    expect(answer.text).toMatch(/The SLM share of these models, by creation month, is (rising|falling|flat)/);
    expect(answer.text).toContain('models of the bundled snapshot (two Hub crawls of early 2025, merged)');
  });

  it.each([
    ['/trend since:2024-13', 'is not a month'],
    ['/trend since:2030-01', 'after the date the data was collected'],
    ['/trend sample:5', 'from 100 to 50,000'],
    ['/trend nonsense-tag', 'is not a Hub task tag'],
  ])('refuses %s', async (line, expected) => {
    const answer = await bot.ask(line);
    expect(answer.reply.error?.code).toBe('bad_input');
    expect(answer.reply.summary).toContain(expected);
  });
});

describe('/lifespan', () => {
  it('splits downloads by creation month for SLMs and LLMs', async () => {
    const answer = await bot.ask('/lifespan');
    type Shares = { slmDownloadShare: number; llmDownloadShare: number };
    const data = answer.reply.data as { months: Shares[]; beforeFloor: Shares; olderThan12Months: { slm: number; llm: number } };
    // The months and the bucket of models the Hub dates only "before 2022-03" share out every download.
    const sum = (k: 'slmDownloadShare' | 'llmDownloadShare') => data.months.reduce((s, m) => s + m[k], data.beforeFloor[k]);
    expect(sum('slmDownloadShare')).toBeCloseTo(1);
    expect(sum('llmDownloadShare')).toBeCloseTo(1);
    expect(data.olderThan12Months.slm).toBeGreaterThan(0);
    expect(data.olderThan12Months.slm).toBeLessThan(1);
    expect(answer.text).toContain('2024-03-22');
  });
});

describe('other commands', () => {
  it('/tags names tasks from the Hub taxonomy', async () => {
    const answer = await bot.ask('/tags');
    expect(answer.text).toContain('Text Generation');
    expect(answer.chartPath).toBeDefined();
  });

  it.each(['medical', 'code', 'nli', 'medqa'])('/benchmark %s', async (domain) => {
    const answer = await bot.ask(`/benchmark ${domain}`);
    expect(answer.reply.error).toBeUndefined();
    expect(answer.text).toMatch(/best SLM .* best LLM/);
  });

  it('/benchmark refuses unknown domains', async () => {
    const answer = await bot.ask('/benchmark chess');
    expect(answer.reply.summary).toContain('choose medical, code or nli');
  });

  it('/thresholds shows the grey zone', async () => {
    const answer = await bot.ask('/thresholds');
    expect(answer.text).toContain('Microsoft 14B "lightweight"');
  });

  it('/help lists every command, /about the data source', async () => {
    expect((await bot.ask('/help')).text).toContain('/lifespan');
    const about = await bot.ask('/about');
    expect(about.text).toContain('snapshot of 2025-03-22');
  });

  it('answers unknown commands with /help, and with the closest commands when some are close', async () => {
    const answer = await bot.ask('/frobnicate');
    expect(answer.reply.summary).toBe('Unknown command "/frobnicate". Type /help to see the commands.');
    expect((await bot.ask('/clasify Qwen/Qwen2.5-0.5B')).reply.summary).toContain('Did you mean /classify?');
    expect((await bot.ask('/trends')).reply.summary).toContain('Did you mean /trend');
  });

  it('/help lists only what works in the console, and says where the digest commands are typed', async () => {
    const help = await bot.ask('/help');
    const usages = help.reply.fields.map((f) => f.name);
    expect(usages.some((u) => u.startsWith('/digest preview'))).toBe(true);
    for (const name of ['/subscribe', '/unsubscribe', '/subscriptions']) expect(usages.some((u) => u.startsWith(name))).toBe(false);
    expect(help.reply.notes.join(' ')).toContain(
      'Weekly digests are set up in a Discord or Slack channel where SLM Radar is installed: /subscribe, /unsubscribe by members who can manage the server (Discord) or workspace admins (Slack), /subscriptions by anyone.',
    );
  });

  it('says what a channel command does and where to type it', async () => {
    const answer = await bot.ask('/unsubscribe');
    expect(answer.reply.summary).toBe(
      "/unsubscribe stops a channel's weekly digest: type it in a Discord or Slack channel where SLM Radar is installed. Here, /digest preview shows the digest.",
    );
  });

  it('names an option the command does not have, instead of calling it a bad tag', async () => {
    const answer = await bot.ask('/lifespan since:2024-01');
    expect(answer.reply.summary).toMatch(/^"since:2024-01": this command has no option since; its options are tag, sample, history, slm_below, llm_from\. Type `\/lifespan/);
    // Links keep working as model ids.
    expect((await bot.ask('/classify https://huggingface.co/Qwen/Qwen2.5-0.5B')).reply.error).toBeUndefined();
  });

  it('asks for a missing benchmark domain instead of quoting an empty one', async () => {
    const answer = await bot.ask('/benchmark');
    expect(answer.reply.summary).toContain('Which domain? Choose medical, code or nli.');
    expect(answer.reply.summary).not.toContain('""');
  });

  it('answers in French', async () => {
    const reply = await bot.bot.invokeText('/classify Qwen/Qwen2.5-0.5B', { locale: 'fr' });
    expect(reply.summary).toContain('paramètres');
    const error = await bot.bot.invokeText('/trend since:2024-13', { locale: 'fr' });
    expect(error.summary).toContain('n’est pas un mois');
  });
});

describe('French replies', () => {
  // Words that only an English sentence would have; model ids and task names are left out of the check.
  const ENGLISH = /\b(the|The|models|Sample|fewer|asked|counted|never|Type|not|and|with|from|of|Sorry|accuracy|Size|Best|Parameters|Model)\b/;
  it.each([
    '/classify Qwen/Qwen2.5-0.5B',
    '/compare Qwen/Qwen2.5-0.5B meta-llama/Llama-3.1-8B',
    '/trend',
    '/lifespan',
    '/share',
    '/tags',
    '/benchmark medical',
    '/thresholds',
    '/help',
    '/about',
    '/digest preview',
    '/subscribe',
    '/trend history:true',
    '/lifespan history:true',
    '/classify mistralai/Mistral-7B',
    '/compare a',
    '/trend since:2024-13',
  ])('%s has no English sentence', async (line) => {
    const r = await bot.bot.invokeText(line, { locale: 'fr' });
    const shown = [r.title, r.summary, ...r.fields.map((f) => `${f.name} ${f.value}`), ...(r.table?.columns ?? []), ...r.notes, ...r.links.map((l) => l.label), r.chart?.alt ?? ''];
    expect(shown.filter((text) => ENGLISH.test(text))).toEqual([]);
  });
});

describe('console language and chart links', () => {
  it('answers in French with French console words when the terminal is French', async () => {
    const french = offlineConsoleBot({}, { locale: consoleLocale({ LANG: 'fr_FR.UTF-8' }) });
    const answer = await french.ask('/classify Qwen/Qwen2.5-0.5B');
    expect(answer.text).toContain('494M paramètres');
    expect(answer.text).toContain('Graphique : ');
    expect(answer.text).toContain('Données : Hugging Face Hub — instantané du 2025-03-22');
  });

  it('takes the language from LC_ALL, then LC_MESSAGES, then LANG (POSIX order)', () => {
    expect(consoleLocale({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(consoleLocale({ LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(consoleLocale({ LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_GB.UTF-8' })).toBe('fr');
    expect(consoleLocale({ LC_ALL: '', LANG: 'fr_BE' })).toBe('fr');
    expect(consoleLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(consoleLocale({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(consoleLocale({})).toBe('en');
  });

  it('prints a QuickChart link only when asked for, the short one when the server makes one', async () => {
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const sent = JSON.parse(body);
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(request.url === '/chart/create' && sent.version === '4' && sent.chart?.type ? { success: true, url: `${base}/chart/render/zf-1` } : { success: false }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const live = offlineConsoleBot({ OFFLINE: '', HF_ENDPOINT: 'http://127.0.0.1:9', QUICKCHART_URL: base }, { quickChart: true });
      const answer = await live.bot.invokeText('/thresholds').then((reply) => live.present(reply));
      expect(answer.chartUrl).toBe(`${base}/chart/render/zf-1`);
      expect(answer.text).toContain(`QuickChart: ${base}/chart/render/zf-1`);
      expect(answer.text).toMatch(/Chart: .*thresholds\.png/);
    } finally {
      server.close();
    }
    // Offline, the long link is all there is; CHART_MODE=quickchart asks for it too.
    const offline = offlineConsoleBot({ CHART_MODE: 'quickchart' });
    expect((await offline.ask('/share')).chartUrl).toMatch(/^https:\/\/quickchart\.io\/chart\?/);
  });
});

describe('the interactive prompt', () => {
  it('keeps running after bad input and stops at exit', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk) => (shown += chunk));
    const done = bot.repl(input, output);
    input.write('/classify ../..\n');
    input.write('/classify Qwen/Qwen2.5-0.5B\n');
    input.write('exit\n');
    await done;
    expect(shown).toContain('is not a Hugging Face model id');
    expect(shown).toContain('494M parameters');
  });
});
