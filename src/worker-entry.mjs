// Entry of the bot's worker threads (see src/worker.ts). The bot runs its TypeScript through tsx, and a
// worker thread does not inherit that loader: it is registered here, then the module asked for runs.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
