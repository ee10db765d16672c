// `npm start`: runs the compiled bot, dist/main.js, in this process; compiles it first (npm run build)
// when dist/ is missing or older than a source file. Plain JavaScript, so nothing is transpiled at start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist', 'main.js');
/** What the build reads: tsconfig.build.json's sources, the JSON they import, and the build settings. */
const SOURCES = ['main.ts', 'src', 'commands', 'scripts', 'data/reference', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time under `path` (a file or a folder), in ms. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function build() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error('dist/ is missing or out of date, and TypeScript is not installed (was `npm ci --omit=dev` used?). Run `npm ci`, then `npm run build`.');
    process.exit(1);
  }
  console.error(existsSync(entry) ? 'Sources changed: compiling (npm run build)…' : 'First start: compiling to dist/ (npm run build; once, under a minute)…');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed (see above); nothing was started.');
    process.exit(result.status ?? 1);
  }
}

const built = statSync(entry, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built < Math.max(...SOURCES.map((source) => newest(join(root, source))))) build();
await import(entry);
