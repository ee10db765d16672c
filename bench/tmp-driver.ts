import { censusBenchmarks } from './census.js';
await censusBenchmarks((r) => console.log(r.what.padEnd(70), r.value.toFixed(2), r.unit, r.target ?? ''));
process.exit(0);
