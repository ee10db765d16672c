// Test bots, Errbot-style: `await bot.ask('/classify x')` → what the user would see.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleBot, type ConsoleOptions } from '../../src/adapters/console.js';
import { createBot } from '../../src/bot.js';
import { loadConfig } from '../../src/config.js';

export function tempDir(prefix = 'slm-radar-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A console bot on the bundled snapshot (no network), writing charts and state under a temp dir. */
export function offlineConsoleBot(env: Record<string, string> = {}, options: ConsoleOptions = {}): ConsoleBot {
  const dir = tempDir();
  const config = loadConfig({ OFFLINE: '1', DATA_DIR: join(dir, 'data'), OUT_DIR: join(dir, 'out'), ...env });
  return new ConsoleBot(createBot(config), config.OUT_DIR, options);
}
