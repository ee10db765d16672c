// Work a shutdown waits for: replies being answered, digests being posted.
import { withDeadline } from './time.js';

/** How long a shutdown waits for replies and posts in flight before closing anyway. */
export const STOP_TIMEOUT_MS = 10_000;

export class InFlight {
  private readonly tasks = new Set<Promise<unknown>>();

  /** Tracks `task` until it settles, and returns it. */
  track<T>(task: Promise<T>): Promise<T> {
    const tracked = task.finally(() => this.tasks.delete(tracked));
    this.tasks.add(tracked);
    tracked.catch(() => {}); // the caller handles failures; tracking must not add an unhandled rejection
    return tracked;
  }

  get size(): number {
    return this.tasks.size;
  }

  /**
   * Resolves once every tracked task (those started meanwhile too) has settled, or at `deadline`
   * (epoch ms), whichever comes first; true when nothing is left in flight.
   */
  async settled(deadline: number): Promise<boolean> {
    while (this.tasks.size > 0 && Date.now() < deadline) {
      await withDeadline(Promise.allSettled([...this.tasks]), deadline - Date.now());
    }
    return this.tasks.size === 0;
  }
}
