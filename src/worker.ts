// CPU work that must not hold the bot's thread (the census's sizing pass: seconds at millions of
// models) runs in a worker thread. The module reads `workerData.data` and posts one message: the answer.
// The compiled bot (dist/) starts the module's .js directly; from sources (tsx, tests) a worker does not
// inherit tsx's loader, so it starts from worker-entry.mjs, which registers it first.
import { Worker } from 'node:worker_threads';

const compiled = import.meta.url.endsWith('.js');

/** `module`: the worker module's URL as an import names it (`…/sizing-worker.js`). */
export function runInWorker<T>(module: URL, data: unknown, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal?.throwIfAborted();
    const worker = compiled
      ? new Worker(module, { workerData: { data } })
      : new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { module: module.href.replace(/\.js$/, '.ts'), data } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      fn();
    };
    const stop = () => {
      settle(() => reject(signal!.reason));
      void worker.terminate();
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (answer: T) => {
      settle(() => resolve(answer));
      void worker.terminate();
    });
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`worker ${module.pathname} stopped (exit code ${code}) without answering`))));
  });
}
