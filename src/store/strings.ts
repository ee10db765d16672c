// Millions of strings without a JS string each: UTF-8 bytes one after another, an offset per string,
// and a hash index (open addressing) to find one, built on the first lookup so that a start-up that
// only reads rows never pays for it. Repo ids (found in any case, as the Hub does), base-model ids
// and tag names of the census live in these tables; the Arrow file stores the same two buffers.
import { grow, growInChunks } from './arrays.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over the bytes, ASCII-lower-cased when `fold` (repo ids are ASCII). */
function hashOf(bytes: Uint8Array, start: number, end: number, fold: boolean): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let b = bytes[i];
    if (fold && b >= 65 && b <= 90) b += 32;
    h = Math.imul(h ^ b, 0x01000193);
  }
  return h >>> 0;
}

function sameBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, fold: boolean): boolean {
  if (aEnd - aStart !== b.length) return false;
  for (let i = 0; i < b.length; i++) {
    let x = a[aStart + i];
    let y = b[i];
    if (fold) {
      if (x >= 65 && x <= 90) x += 32;
      if (y >= 65 && y <= 90) y += 32;
    }
    if (x !== y) return false;
  }
  return true;
}

export class StringTable {
  private bytes: Uint8Array;
  private used: number;
  /** offsets[i]..offsets[i + 1] are string i's bytes. */
  private offsets: Uint32Array;
  private count: number;
  /** String index + 1 per slot (0 = empty), at most half full; undefined until the first lookup. */
  private hash: Int32Array | undefined;

  /** `foldCase`: lookups ignore ASCII case (repo ids); otherwise they are exact. */
  constructor(
    private readonly foldCase: boolean,
    buffers?: { bytes: Uint8Array; offsets: Uint32Array; count: number },
  ) {
    this.count = buffers?.count ?? 0;
    this.offsets = buffers?.offsets ?? new Uint32Array(1024);
    this.used = this.offsets[this.count];
    this.bytes = buffers?.bytes ?? new Uint8Array(1024 * 32);
  }

  get size(): number {
    return this.count;
  }

  get(i: number): string {
    return decoder.decode(this.bytes.subarray(this.offsets[i], this.offsets[i + 1]));
  }

  /** The index of a string (any ASCII case when the table folds case); -1 when absent. */
  find(value: string): number {
    const hash = this.index();
    const bytes = encoder.encode(value);
    const mask = hash.length - 1;
    for (let slot = hashOf(bytes, 0, bytes.length, this.foldCase) & mask; ; slot = (slot + 1) & mask) {
      const entry = hash[slot];
      if (entry === 0) return -1;
      if (sameBytes(this.bytes, this.offsets[entry - 1], this.offsets[entry], bytes, this.foldCase)) return entry - 1;
    }
  }

  /** Appends a string (the caller knows it is new) and returns its index. */
  add(value: string): number {
    const bytes = encoder.encode(value);
    if (this.used + bytes.length > this.bytes.length) this.bytes = grow(this.bytes, roomFor(this.bytes, this.used + bytes.length));
    if (this.count + 2 > this.offsets.length) this.offsets = grow(this.offsets, roomFor(this.offsets, this.count + 2));
    this.bytes.set(bytes, this.used);
    this.used += bytes.length;
    const i = this.count++;
    this.offsets[i + 1] = this.used;
    if (this.hash) {
      if (this.count * 2 > this.hash.length) this.hash = undefined;
      else this.insert(this.hash, i);
    }
    return i;
  }

  /** The index of a string, added when absent. */
  intern(value: string): number {
    const i = this.find(value);
    return i >= 0 ? i : this.add(value);
  }

  /** Keeps the strings for which `keep(i)` is true, in order (the caller renumbers what points at them). */
  compact(keep: (i: number) => boolean): void {
    let out = 0;
    let bytesOut = 0;
    for (let i = 0; i < this.count; i++) {
      if (!keep(i)) continue;
      const start = this.offsets[i];
      const end = this.offsets[i + 1];
      this.bytes.copyWithin(bytesOut, start, end);
      this.offsets[out] = bytesOut;
      bytesOut += end - start;
      out++;
    }
    this.offsets[out] = bytesOut;
    if (out !== this.count) this.hash = undefined;
    this.count = out;
    this.used = bytesOut;
  }

  /**
   * Room for `strings` more strings of `bytes` bytes in all, copied a chunk at a time when the buffers
   * must grow (after a load they are views of the file, exactly full). The table must not change meanwhile.
   */
  async reserve(strings: number, bytes: number): Promise<void> {
    if (this.used + bytes > this.bytes.length) this.bytes = await growInChunks(this.bytes, roomFor(this.bytes, this.used + bytes));
    if (this.count + strings + 1 > this.offsets.length) this.offsets = await growInChunks(this.offsets, roomFor(this.offsets, this.count + strings + 1));
  }

  /** The bytes and count + 1 offsets (views, not copies), for the Arrow file. */
  buffers(): { bytes: Uint8Array; offsets: Uint32Array; count: number } {
    return { bytes: this.bytes.subarray(0, this.used), offsets: this.offsets.subarray(0, this.count + 1), count: this.count };
  }

  /** Every string, decoded (small tables: tasks, libraries). */
  values(): string[] {
    return Array.from({ length: this.count }, (_, i) => this.get(i));
  }

  /** Bytes held, the index included once built. */
  byteLength(): number {
    return this.bytes.byteLength + this.offsets.byteLength + (this.hash?.byteLength ?? 0);
  }

  private insert(hash: Int32Array, i: number): void {
    const mask = hash.length - 1;
    let slot = hashOf(this.bytes, this.offsets[i], this.offsets[i + 1], this.foldCase) & mask;
    while (hash[slot] !== 0) slot = (slot + 1) & mask;
    hash[slot] = i + 1;
  }

  private index(): Int32Array {
    if (!this.hash) {
      let size = 1024;
      while (size < this.count * 2 + 2) size *= 2;
      const hash = new Int32Array(size);
      for (let i = 0; i < this.count; i++) this.insert(hash, i);
      this.hash = hash;
    }
    return this.hash;
  }
}

/** A size with room for at least `needed` entries: half as much again as now, so growth is rare. */
const roomFor = (array: Uint8Array | Uint32Array, needed: number) => Math.max(needed, Math.ceil(array.length * 1.5), 16);
