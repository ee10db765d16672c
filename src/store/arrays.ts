// Growing the census's typed arrays. A copy of hundreds of megabytes takes the best part of a second
// on a busy machine, so the census sync grows them ahead of time a chunk at a time (growInChunks),
// yielding to the event loop between chunks; `grow` is the synchronous fallback.
import { setImmediate as yieldToLoop } from 'node:timers/promises';

export type NumberArray = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** Elements copied between two yields: a few megabytes. */
const COPY_CHUNK = 1 << 20;

/** A copy of `array` with room for `size` entries (at least its own length). */
export function grow<T extends NumberArray>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length));
  next.set(array);
  return next;
}

/** The same copy, a chunk at a time with a yield between chunks; `array` must not change meanwhile. */
export async function growInChunks<T extends NumberArray>(array: T, size: number): Promise<T> {
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length));
  for (let at = 0; at < array.length; at += COPY_CHUNK) {
    next.set(array.subarray(at, at + COPY_CHUNK), at);
    await yieldToLoop();
  }
  return next;
}
