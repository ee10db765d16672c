// Health checks for process supervisors (Docker's HEALTHCHECK, Kubernetes probes, load balancers):
// GET /healthz answers 200 while the process runs; GET /readyz answers 200 only while every
// required condition holds (platforms connected, database open, data loaded), else 503 with the
// conditions that failed. Served on HEALTH_PORT in every platform mode, and also by Bolt's own
// server on PORT in Slack HTTP mode (see platforms.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One condition of readiness; a check that throws counts as not met. */
export type ReadinessCheck = () => boolean;

export interface Readiness {
  ready: boolean;
  /** Set once shutdown began: not ready, whatever the checks say, so no new work is routed here. */
  stopping: boolean;
  checks: Record<string, boolean>;
}

export class Health {
  private readonly checks = new Map<string, ReadinessCheck>();
  private stopping = false;

  /** Adds a condition /readyz requires, under a name its answer shows (`discord`, `database`…). */
  require(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Shutdown has begun: /readyz answers 503 from now on; /healthz still answers 200. */
  markStopping(): void {
    this.stopping = true;
  }

  readiness(): Readiness {
    const checks: Record<string, boolean> = {};
    for (const [name, check] of this.checks) {
      try {
        checks[name] = check() === true;
      } catch {
        checks[name] = false;
      }
    }
    const ready = !this.stopping && Object.values(checks).every(Boolean);
    return { ready, stopping: this.stopping, checks };
  }

  /** Answers GET/HEAD /healthz and /readyz; returns false (and answers nothing) for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/healthz' && path !== '/readyz') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : 'ok');
      return true;
    }
    const readiness = this.readiness();
    res
      .writeHead(readiness.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(req.method === 'HEAD' ? undefined : `${JSON.stringify(readiness)}\n`);
    return true;
  }
}

/** A small HTTP server that only answers the health paths (404 elsewhere). Port 0 picks a free one. */
export async function startHealthServer(health: Health, port: number, host?: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (!health.handle(req, res)) res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** The port a started server listens on. */
export const portOf = (server: Server): number => (server.address() as AddressInfo).port;

/** Closes a server, dropping idle keep-alive connections so close() does not wait for them. */
export async function closeServer(server: Server): Promise<void> {
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
