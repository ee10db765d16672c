// The real bot process, `src/main.ts` through tsx (what `npm run dev` runs), for tests that need its
// start-up, its signals and its exit status.
import { spawn, type ChildProcess } from 'node:child_process';

export interface BotProcess {
  child: ChildProcess;
  /** Everything it wrote on stderr so far (its log lines). */
  stderr(): string;
  /** Resolves with its exit status. */
  exited: Promise<number | null>;
}

export function spawnBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}
