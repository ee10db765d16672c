// Start-up figures of the compiled bot, as whole processes: a one-shot command from spawn to exit,
// and the interactive prompt from spawn to `slm-radar> `. dist/ is compiled first if it is stale.
import { execFileSync, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';

export interface StartupFigure {
  what: string;
  ms: number;
  /** Undefined for figures shown for information (npm's own start-up is not ours to cut). */
  target?: number;
}

const ROOT = join(import.meta.dirname, '..');

/** Runs a process to its end (stdin empty, output read and dropped); resolves with its wall time in ms. */
function wallTime(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Time from spawn until the prompt is printed; then `exit` is typed. */
function promptTime(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['dist/main.js', '--offline'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let ms = 0;
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (!ms && out.includes('slm-radar> ')) {
        ms = performance.now() - start;
        child.stdin.end('exit\n');
      }
    });
    child.on('error', reject);
    child.on('exit', () => (ms ? resolve(ms) : reject(new Error('the prompt never appeared'))));
  });
}

async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  await measure(); // warm-up: the OS file cache, not the process, is what it warms
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await measure());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function startupFigures(dataDir: string, runs = 7): Promise<StartupFigure[]> {
  execFileSync(process.execPath, ['scripts/start.mjs', '--help'], { cwd: ROOT, stdio: 'ignore' }); // compiles if stale
  const env = { ...process.env, DATA_DIR: join(dataDir, 'data'), OUT_DIR: join(dataDir, 'out'), LOG_LEVEL: '' };
  const classify = ['--offline', '--json', '/classify', 'Qwen/Qwen2.5-0.5B'];
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return [
    { what: 'start-up: node dist/main.js --offline --json /classify (process)', ms: await median(runs, () => wallTime(process.execPath, ['dist/main.js', ...classify], env)), target: 1_500 },
    { what: 'start-up: node dist/main.js --offline /about (process)', ms: await median(runs, () => wallTime(process.execPath, ['dist/main.js', '--offline', '/about'], env)), target: 1_000 },
    { what: 'start-up: prompt ready (node dist/main.js --offline)', ms: await median(runs, () => promptTime(env)), target: 1_000 },
    { what: 'start-up: npm start -- … /classify (npm included)', ms: await median(3, () => wallTime(npm, ['start', '--silent', '--', ...classify], env)) },
  ];
}
