// .env.example documents every variable the code reads: the config schema's, and any process.env
// read elsewhere in the bot's code; and it documents nothing the code no longer reads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config.js';

const ROOT = join(import.meta.dirname, '..');
/** The bot's own code: what runs in production and in `npm run register`, not tests or benchmarks. */
const CODE = ['main.ts', 'src', 'commands', 'scripts'];

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return /\.(ts|mjs|js)$/.test(path) ? [path] : [];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** `env.NAME` and `env['NAME']` reads in the bot's code: `process.env.X`, and functions handed the environment as `env`. */
function directReads(): Set<string> {
  const names = new Set<string>();
  for (const file of CODE.flatMap((p) => files(join(ROOT, p)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) names.add(m[1] ?? m[2]);
  }
  return names;
}

/** Variables .env.example names, set (`NAME=`) or commented out (`# NAME=`). */
function documented(text: string): Set<string> {
  return new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
}

describe('.env.example', () => {
  const listed = documented(readFileSync(join(ROOT, '.env.example'), 'utf8'));
  const read = new Set([...CONFIG_VARIABLES, ...directReads()]);

  it('lists every variable the code reads', () => {
    expect(CONFIG_VARIABLES).toContain('DISCORD_TOKEN'); // the scan sees the schema
    expect([...read].filter((name) => !listed.has(name))).toEqual([]);
  });

  it('lists no variable the code does not read', () => {
    expect([...listed].filter((name) => !read.has(name))).toEqual([]);
  });
});
