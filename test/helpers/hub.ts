// Fake Hubs and temporary directories for one test file, closed and removed after each test.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startFakeHub, type FakeHub, type RawHubModel } from '../fakes/hub.js';

export function fakeHubs(prefix = 'slm-test-') {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });
  return {
    cleanup,
    async fakeHub(models: RawHubModel[]): Promise<FakeHub> {
      const hub = await startFakeHub({ models });
      cleanup.push(() => hub.close());
      return hub;
    },
    async tempDir(): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      cleanup.push(() => rm(dir, { recursive: true, force: true }));
      return dir;
    },
  };
}

/** A 127.0.0.1 URL nothing listens on: every request to it fails at once (the Hub unreachable). */
export async function deadEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
