// The census's sizing pass in a worker thread (see CensusStore.sizeAll): reads the census file the sync
// has just saved, sizes every model, and hands back the counts and the family medians it learned.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCensus } from './census-file.js';

const { file } = (workerData as { data: { file: string } }).data;
const store = await loadCensus(file);
if (!store) throw new Error(`census sizing: no census file at ${file}`);
const sizes = store.sizeAll();
// Moved, not copied: the arrays are the worker's own (sizeAll returns fresh ones).
parentPort!.postMessage(sizes, [sizes.parameters.buffer as ArrayBuffer, sizes.parameterSource.buffer as ArrayBuffer, sizes.caveat.buffer as ArrayBuffer]);
