// CPU work that must not hold the bot's thread (the census's sizing pass: seconds at millions of
// models) runs in a worker thread. The module reads `workerData.data` and posts one message: the answer.
import { Worker } from 'node:worker_threads';

export function runInWorker<T>(module: URL, data: unknown, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal?.throwIfAborted();
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { module: module.href, data } });
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
