// Entry of worker threads run from the TypeScript sources (see src/worker.ts): a worker does not inherit
// tsx's loader, so it is registered here, then the module asked for runs.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
