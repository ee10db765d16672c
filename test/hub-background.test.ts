import { describe, expect, it } from 'vitest';
import { BackgroundQueue } from '../src/hub/background.js';
import { silentLogger } from '../src/log.js';

describe('background base-model fetches', () => {
  it('run at most 2 at a time, each id once, within an hourly budget', async () => {
    let clock = 0;
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    const queue = new BackgroundQueue(
      async ({ id }) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        done.push(id);
      },
      silentLogger,
      { concurrency: 2, maxPerHour: 3, now: () => clock },
    );
    queue.add(['a', 'b', 'a', 'c', 'd', 'e'].map((id) => ({ id, depth: 1 })));
    await queue.idle();
    expect(done.sort()).toEqual(['a', 'b', 'c']);
    expect(peak).toBe(2);

    queue.add([{ id: 'd', depth: 1 }]);
    await queue.idle();
    expect(done).toHaveLength(3);

    clock += 3_600_000;
    queue.add([{ id: 'd', depth: 1 }]);
    await queue.idle();
    expect(done).toContain('d');
  });
});
