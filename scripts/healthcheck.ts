// `node dist/scripts/healthcheck.js`: the container's HEALTHCHECK. Exit status 0 when /readyz on
// HEALTH_PORT answers 200 (platforms connected, database open, data loaded), 1 otherwise.
const port = process.env.HEALTH_PORT;
if (!port) {
  console.error('HEALTH_PORT is not set: the bot serves no health checks.');
  process.exit(1);
}
try {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(4_000) });
  console.log(`${res.status} ${await res.text()}`.trim());
  process.exit(res.ok ? 0 : 1);
} catch (error) {
  console.error(`No answer on http://127.0.0.1:${port}/readyz: ${(error as Error).message}`);
  process.exit(1);
}
