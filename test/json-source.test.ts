// `--json` says where the data came from and when, in every reply that uses Hub data:
// `source: {kind, collectedAt}` (and `sample` for the analyses of a sample).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleBot } from '../src/adapters/console.js';
import { replyJson } from '../src/reply.js';
import { offlineConsoleBot } from './helpers/bot.js';

const SNAPSHOT = { kind: 'snapshot', collectedAt: '2025-03-22T10:04:49.000Z' };

let bot: ConsoleBot;
beforeAll(() => {
  bot = offlineConsoleBot();
});

const json = async (line: string) => replyJson((await bot.ask(line)).reply);

describe('--json source', () => {
  it.each(['/classify Qwen/Qwen2.5-0.5B', '/compare Qwen/Qwen2.5-0.5B gpt2', '/digest preview'])('%s carries source {kind, collectedAt}', async (line) => {
    const data = await json(line);
    expect(data.error).toBeUndefined();
    expect(data.source).toEqual(SNAPSHOT);
  });

  it.each(['/trend', '/lifespan', '/share', '/tags'])('%s carries source and sample', async (line) => {
    const data = await json(line);
    expect(data.source).toEqual(SNAPSHOT);
    expect(data.sample).toMatchObject({ kind: 'snapshot', collectedAt: SNAPSHOT.collectedAt });
  });

  it('a model no source knows: the error, and what was searched', async () => {
    const data = await json('/classify Qwen/Qwen3-0.6B');
    expect(data).toEqual({ error: { code: 'not_found', message: expect.stringContaining('not in the bundled snapshot of 2025-03-22') }, source: SNAPSHOT });
  });

  it('replies that use no Hub data carry none', async () => {
    for (const line of ['/thresholds', '/trend history:true', '/classify a/b/c']) expect((await json(line)).source, line).toBeUndefined();
    // /benchmark's source is the published reference it reads, not Hub data.
    expect((await json('/benchmark medqa')).source).toBe('MedMobile, arXiv 2410.09019, Fig. 1');
  });
});
