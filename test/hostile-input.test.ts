// Hostile input through every command: bounds checked before any work, a clear sentence for what was
// wrong, nothing a terminal would obey echoed back, and never an internal error.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../commands/index.js';
import { MAX_LINE_LENGTH } from '../src/options.js';
import { stripControl } from '../src/safe-text.js';
import { offlineConsoleBot } from './helpers/bot.js';

const bot = offlineConsoleBot();

/** Strings a probe typed into every option: control sequences, pings, numbers out of range, injections. */
export const HOSTILE = [
  '\u001b]0;pwned\u0007', // retitles a terminal
  '\u001b[2J\u001b[H', // clears it
  'a\u0000b',
  '\u202eevil\u202c',
  '@everyone',
  '<!channel>',
  '<@U0ADMIN>',
  '0000-01',
  '9999-12',
  '2015-00',
  '-1',
  '0',
  'NaN',
  'Infinity',
  '1e308',
  '-1e308',
  '99999999999999999999',
  '0x10',
  '../../etc/passwd',
  "'; DROP TABLE subscriptions; --",
  '{"__proto__":{"polluted":true}}',
  '(a+)+$',
  '%00%0a',
  '🦙'.repeat(50),
  'x'.repeat(5_000),
  ' ',
  '""',
  'true',
  'Europe/Nowhere',
  '25:61',
];

describe('input bounds, before any work', () => {
  it('/trend since:0000-01 answers at once with what to type instead', async () => {
    const answer = await bot.ask('/trend since:0000-01');
    expect(answer.reply.error?.code).toBe('bad_input');
    expect(answer.reply.summary).toBe(
      '"0000-01" is too early: months start at 2015-01 (the Hub has no models before). Write e.g. since:2023-01. Type `/trend [tag] [since:YYYY-MM] [sample:census|top|N] [history:true]`',
    );
    expect((await bot.ask('/trend since:2014-12')).reply.error?.code).toBe('bad_input');
    expect((await bot.ask('/trend since:2015-01')).reply.error).toBeUndefined();
  });

  it('refuses option values and lines that are too long, saying so', async () => {
    const long = await bot.ask(`/classify ${'a'.repeat(1_001)}`);
    expect(long.reply.error?.code).toBe('bad_input');
    expect(long.reply.summary).toMatch(/^That is too long: an option holds at most 1,000 characters\./);
    const line = await bot.ask(`/compare ${'org/model '.repeat(MAX_LINE_LENGTH / 5)}`);
    expect(line.reply.summary).toMatch(/^That is too long/);
  });

  it('never echoes control characters: ESC ] 0 ; … BEL does not reach the terminal', async () => {
    for (const line of ['/classify \u001b]0;pwned\u0007', '/\u001b]0;pwned\u0007', '/trend \u001b]0;x\u0007', '/share \u009b31m']) {
      const answer = await bot.ask(line);
      expect(answer.text, JSON.stringify(line)).toBe(stripControl(answer.text));
      expect(answer.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});

describe('every command against the hostile corpus', () => {
  const names = COMMANDS.map((c) => c.name).filter((n) => n !== 'help');

  it.each(names)('/%s answers every hostile value with a reply, never an internal error', async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    for (const value of HOSTILE) {
      const lines = [`/${name} ${value}`, ...command.options.flatMap((o) => [`/${name} ${o.name}:"${value}"`, `/${name} ${o.name}:${value}`])];
      for (const line of lines) {
        const answer = await bot.ask(line);
        expect(answer.reply.error?.code, line).not.toBe('internal');
        expect(answer.text.length, line).toBeGreaterThan(0);
        expect(answer.text, line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
        expect(answer.text, line).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 120_000);
});
