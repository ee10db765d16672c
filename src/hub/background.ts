// Fetches base models nobody knows yet, behind the replies, so later replies can size their derivatives.
import type { Logger } from '../log.js';

export interface BaseJob {
  id: string;
  /** 1 = named by a record the user saw; deeper levels come from fetched bases. */
  depth: number;
}

export class BackgroundQueue {
  private readonly waiting: BaseJob[] = [];
  /** Lower-case ids waiting or running, so each id is fetched once at a time. */
  private readonly pending = new Set<string>();
  private running = 0;
  private idleWaiters: (() => void)[] = [];
  /** Jobs started in the current hour: a 10,000-model sample can name thousands of unknown bases,
   * and the Hub rate-limits; what is left over is asked for again by a later sample. */
  private started = 0;
  private windowStart = 0;

  private cancelled = false;
  private readonly concurrency: number;
  private readonly maxPerHour: number;
  private readonly now: () => number;
  private readonly paused: () => boolean;

  constructor(
    /** Does the work for one id; its rejections are only logged. */
    private readonly work: (job: BaseJob) => Promise<void>,
    private readonly logger: Logger,
    options: {
      concurrency?: number;
      maxPerHour?: number;
      now?: () => number;
      /**
       * True while the Hub is failing (its breaker is open): nothing starts, and what waits is dropped
       * rather than fired at a failing Hub; a later sample names those bases again.
       */
      paused?: () => boolean;
    } = {},
  ) {
    this.concurrency = options.concurrency ?? 4;
    this.maxPerHour = options.maxPerHour ?? 1_000;
    this.now = options.now ?? Date.now;
    this.paused = options.paused ?? (() => false);
  }

  /** Drops what waits and accepts nothing more (running jobs are the caller's to abort). */
  cancel(): void {
    this.cancelled = true;
    this.drop();
  }

  add(jobs: Iterable<BaseJob>): void {
    if (this.cancelled) return;
    if (this.now() - this.windowStart >= 3_600_000) {
      this.windowStart = this.now();
      this.started = 0;
    }
    for (const job of jobs) {
      if (this.started + this.waiting.length >= this.maxPerHour) break;
      const key = job.id.toLowerCase();
      if (this.pending.has(key)) continue;
      this.pending.add(key);
      this.waiting.push(job);
    }
    this.pump();
  }

  /** Resolves when nothing is waiting or running (used by tests and shutdown). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private drop(): void {
    for (const job of this.waiting.splice(0)) this.pending.delete(job.id.toLowerCase());
    this.settleIfIdle();
  }

  private settleIfIdle(): void {
    if (this.running === 0 && this.waiting.length === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  private pump(): void {
    if (this.waiting.length > 0 && this.paused()) {
      this.logger.debug({ dropped: this.waiting.length }, 'hub: the Hub is failing; background base-model fetches dropped for now');
      this.drop();
      return;
    }
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running++;
      this.started++;
      this.work(job)
        .catch((err) => this.logger.debug({ err, id: job.id }, 'hub: background base-model fetch failed'))
        .finally(() => {
          this.running--;
          this.pending.delete(job.id.toLowerCase());
          this.pump();
          this.settleIfIdle();
        });
    }
  }
}
