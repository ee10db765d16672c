// The census: every model of the Hub in typed-array columns, one entry per model, no JS object per
// model. Ids live in one string table (UTF-8 bytes + offsets), found through a lower-case hash index;
// tasks, libraries and base-model references are interned to small integers. A model's parameter
// count and creation day are computed once, when it enters the store, and kept with it.
import { CREATED_BACKFILL, isBackfillDate } from '../core/date-floor.js';
import { EMPTY_CALIBRATION, learnCalibration, type Calibration } from '../core/families.js';
import { resolveParameters, type ParameterCount } from '../core/parameters.js';
import { baseModelsOf } from '../core/parameters.js';
import { dayOf, NO_DAY } from '../core/months.js';
import type { ModelRecord, ParameterSource, Thresholds } from '../core/types.js';
import { verdictCodes, type ModelView } from '../core/view.js';

/** Parameter sources as stored: code = index + 1, 0 = unknown. A new ParameterSource only needs adding here. */
export const PARAMETER_SOURCES = ['safetensors', 'gguf', 'base_model', 'name', 'family_table', 'family_median', 'config'] as const satisfies readonly ParameterSource[];
// Fails to compile when ParameterSource gains a value that is not in the list above.
const everySourceListed: Exclude<ParameterSource, (typeof PARAMETER_SOURCES)[number]> extends never ? true : never = true;
void everySourceListed;

export const CAVEATS = ['quantized_packed', 'name_estimate', 'mixture_estimate'] as const satisfies readonly NonNullable<ParameterCount['caveat']>[];
/** How a repo relates to a base model named in its tags (`base_model:quantized:org/x`); plain `base_model:org/x` is 'base'. */
export const RELATIONS = ['base', 'finetune', 'quantized', 'adapter', 'merge'] as const;

/** The flags bit analyses read as the backfill (CREATED_BACKFILL): the views hand the flags column over. */
export const FLAG_BACKFILL = CREATED_BACKFILL;
/** The Hub gave per-dtype counts, so FLAG_PACKED says whether the weights are packed. */
export const FLAG_PACKED_KNOWN = 2;
export const FLAG_PACKED = 4;
/** Tagged `peft`: an adapter repo. */
export const FLAG_PEFT = 8;

/** Strings interned to small integers; index 0 is the empty string (none). */
export class Interner {
  readonly values: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);

  intern(value: string | undefined): number {
    if (!value) return 0;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over ASCII-lower-cased bytes: repo ids are ASCII, and the Hub matches them case-insensitively. */
function hashLower(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let b = bytes[i];
    if (b >= 65 && b <= 90) b += 32;
    h = Math.imul(h ^ b, 0x01000193);
  }
  return h >>> 0;
}

function equalsLower(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array): boolean {
  if (aEnd - aStart !== b.length) return false;
  for (let i = 0; i < b.length; i++) {
    let x = a[aStart + i];
    let y = b[i];
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y) return false;
  }
  return true;
}

function grow<T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(array: T, size: number, fill?: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  if (fill !== undefined) next.fill(fill, array.length);
  return next;
}

/** Where a walk or sync stands; persisted with the columns (Arrow schema metadata). */
export interface CensusMeta {
  /** The Hub it was collected from. */
  endpoint: string;
  /** Number of the walk in progress or last completed (1 = the first); rows seen in it carry it. */
  walk: number;
  /** Next page of the walk in progress (an absolute Hub URL); undefined when no walk is in progress. */
  cursor?: string;
  walkStartedAt?: string;
  /** Models the walk in progress has seen so far. */
  walkSeen: number;
  /** Oldest creation day the walk in progress has reached (it walks newest first). */
  walkOldestDay?: number;
  /** When the last complete walk ended, and how many models it saw. */
  lastWalkAt?: string;
  lastWalkModels?: number;
  /** When the last incremental sync ended. */
  lastSyncAt?: string;
  /** Creation instant of the newest model stored: an incremental sync stops when it reaches it. */
  newestCreatedAt?: string;
}

/** The columns as arrays of `length` entries, for the Arrow file and for views. */
export interface CensusColumns {
  length: number;
  idBytes: Uint8Array;
  idOffsets: Uint32Array;
  createdDay: Int32Array;
  flags: Uint8Array;
  downloads: Uint32Array;
  likes: Uint32Array;
  parameters: Float64Array;
  parameterSource: Uint8Array;
  caveat: Uint8Array;
  safetensorsTotal: Float64Array;
  ggufTotal: Float64Array;
  task: Uint16Array;
  library: Uint16Array;
  base: Int32Array;
  baseRelation: Uint8Array;
  seenWalk: Uint16Array;
}

const INITIAL_CAPACITY = 1024;

export class CensusStore {
  private n = 0;
  private capacity = INITIAL_CAPACITY;
  private idBytes: Uint8Array = new Uint8Array(INITIAL_CAPACITY * 40);
  private idBytesUsed = 0;
  private idOffsets: Uint32Array = new Uint32Array(INITIAL_CAPACITY + 1);
  private createdDay: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private flags: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  private downloads: Uint32Array = new Uint32Array(INITIAL_CAPACITY);
  private likes: Uint32Array = new Uint32Array(INITIAL_CAPACITY);
  private parameters: Float64Array = new Float64Array(INITIAL_CAPACITY);
  private parameterSource: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  private caveat: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  private safetensorsTotal: Float64Array = new Float64Array(INITIAL_CAPACITY);
  private ggufTotal: Float64Array = new Float64Array(INITIAL_CAPACITY);
  private task: Uint16Array = new Uint16Array(INITIAL_CAPACITY);
  private library: Uint16Array = new Uint16Array(INITIAL_CAPACITY);
  /** First base model named by the repo (index into `bases`, 0 = none) and how it relates to it. */
  private base: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private baseRelation: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  /** The rare second and further bases (merges), by row. */
  private moreBases = new Map<number, { base: number; relation: number }[]>();
  private seenWalk: Uint16Array = new Uint16Array(INITIAL_CAPACITY);
  /** Rows seen by this process in the walk in progress: a page of only those is the same page again. */
  private seenNow: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  /** Open addressing, row + 1 per slot (0 = empty), at most half full; built on the first lookup, so a
   * start-up that only runs analyses never pays for it. */
  private hash: Int32Array | undefined = new Int32Array(INITIAL_CAPACITY * 2);

  tasks = new Interner();
  libraries = new Interner();
  bases = new Interner();
  meta: CensusMeta;
  /** Family medians learned from the census's own measured counts (see learnSizes); empty until then. */
  calibration: Calibration = EMPTY_CALIBRATION;
  calibrated = false;

  /** Bumped on every change, so derived orders (by downloads, per-task sizes) are rebuilt when needed. */
  private version = 0;
  private derived: { version: number; byDownloads?: Uint32Array; taskSizes?: Map<number, Float64Array>; verdicts?: { key: string; codes: Uint8Array } } = { version: -1 };

  constructor(endpoint: string) {
    this.meta = { endpoint, walk: 0, walkSeen: 0 };
  }

  get size(): number {
    return this.n;
  }

  // ---- ids ---------------------------------------------------------------------------------------

  idOf(row: number): string {
    return decoder.decode(this.idBytes.subarray(this.idOffsets[row], this.idOffsets[row + 1]));
  }

  /** The row of a repo id, any case; -1 when the census does not hold it. */
  find(id: string): number {
    const hash = this.index();
    const bytes = encoder.encode(id);
    const mask = hash.length - 1;
    for (let slot = hashLower(bytes, 0, bytes.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = hash[slot];
      if (entry === 0) return -1;
      const row = entry - 1;
      if (equalsLower(this.idBytes, this.idOffsets[row], this.idOffsets[row + 1], bytes)) return row;
    }
  }

  private indexRow(hash: Int32Array, row: number): void {
    const mask = hash.length - 1;
    let slot = hashLower(this.idBytes, this.idOffsets[row], this.idOffsets[row + 1]) & mask;
    while (hash[slot] !== 0) slot = (slot + 1) & mask;
    hash[slot] = row + 1;
  }

  private index(): Int32Array {
    if (!this.hash) {
      let size = 2 * INITIAL_CAPACITY;
      while (size < this.capacity * 2) size *= 2;
      const hash = new Int32Array(size);
      for (let row = 0; row < this.n; row++) this.indexRow(hash, row);
      this.hash = hash;
    }
    return this.hash;
  }

  /** Drops the id index; the next lookup builds it again. */
  private dropIndex(): void {
    this.hash = undefined;
  }

  // ---- writing -----------------------------------------------------------------------------------

  private ensureCapacity(rows: number, idBytes: number): void {
    if (this.idBytesUsed + idBytes > this.idBytes.length) this.idBytes = grow(this.idBytes, Math.max(this.idBytes.length * 1.5, this.idBytesUsed + idBytes) | 0);
    if (rows <= this.capacity) return;
    const cap = Math.max(rows, Math.floor(this.capacity * 1.5));
    this.capacity = cap;
    this.idOffsets = grow(this.idOffsets, cap + 1);
    this.createdDay = grow(this.createdDay, cap);
    this.flags = grow(this.flags, cap);
    this.downloads = grow(this.downloads, cap);
    this.likes = grow(this.likes, cap);
    this.parameters = grow(this.parameters, cap);
    this.parameterSource = grow(this.parameterSource, cap);
    this.caveat = grow(this.caveat, cap);
    this.safetensorsTotal = grow(this.safetensorsTotal, cap);
    this.ggufTotal = grow(this.ggufTotal, cap);
    this.task = grow(this.task, cap);
    this.library = grow(this.library, cap);
    this.base = grow(this.base, cap);
    this.baseRelation = grow(this.baseRelation, cap);
    this.seenWalk = grow(this.seenWalk, cap);
    this.seenNow = grow(this.seenNow, cap);
    if (this.hash && cap * 2 > this.hash.length) this.dropIndex();
  }

  /**
   * Adds a model, or updates the row holding its id: counts, dates and links as the Hub gave them now,
   * then its parameter count, resolved once, with the bases the census already holds.
   */
  upsert(record: ModelRecord, walk = this.meta.walk): number {
    let row = this.find(record.id);
    if (row < 0) {
      const bytes = encoder.encode(record.id);
      this.ensureCapacity(this.n + 1, bytes.length);
      row = this.n++;
      this.idBytes.set(bytes, this.idBytesUsed);
      this.idOffsets[row] = this.idBytesUsed;
      this.idBytesUsed += bytes.length;
      this.idOffsets[row + 1] = this.idBytesUsed;
      this.indexRow(this.index(), row);
    }
    this.setFields(row, record);
    this.seenWalk[row] = walk;
    this.seenNow[row] = 1;
    this.sizeRow(row);
    this.version++;
    return row;
  }

  private setFields(row: number, record: ModelRecord): void {
    const day = dayOf(record.createdAt);
    this.createdDay[row] = day;
    let flags = record.createdAtBackfill || isBackfillDate(record.createdAt) ? FLAG_BACKFILL : 0;
    if (record.safetensorsPackedShare !== undefined) flags |= FLAG_PACKED_KNOWN | (record.safetensorsPackedShare > 0.25 ? FLAG_PACKED : 0);
    if (record.tags.includes('peft')) flags |= FLAG_PEFT;
    this.flags[row] = flags;
    this.downloads[row] = Math.min(record.downloads ?? 0, 0xffffffff);
    this.likes[row] = Math.min(record.likes ?? 0, 0xffffffff);
    this.safetensorsTotal[row] = record.safetensorsTotal ?? NaN;
    this.ggufTotal[row] = record.ggufTotal ?? NaN;
    this.task[row] = this.tasks.intern(record.pipelineTag);
    this.library[row] = this.libraries.intern(record.libraryName);
    const bases = baseModelsOf(record);
    this.base[row] = bases.length ? this.bases.intern(bases[0].id) : 0;
    this.baseRelation[row] = bases.length ? Math.max(0, RELATIONS.indexOf(bases[0].relation as (typeof RELATIONS)[number])) : 0;
    if (bases.length > 1) this.moreBases.set(row, bases.slice(1).map((b) => ({ base: this.bases.intern(b.id), relation: Math.max(0, RELATIONS.indexOf(b.relation as (typeof RELATIONS)[number])) })));
    else this.moreBases.delete(row);
    if (record.createdAt && (!this.meta.newestCreatedAt || record.createdAt > this.meta.newestCreatedAt)) this.meta.newestCreatedAt = new Date(record.createdAt).toISOString();
  }

  /** The record the sizing rules read, rebuilt from the columns (tags hold only what sizing looks at). */
  recordOf(row: number): ModelRecord {
    const flags = this.flags[row];
    const tags: string[] = flags & FLAG_PEFT ? ['peft'] : [];
    const baseTag = (base: number, relation: number) => `base_model:${relation === 0 ? '' : `${RELATIONS[relation]}:`}${this.bases.values[base]}`;
    if (this.base[row]) tags.push(baseTag(this.base[row], this.baseRelation[row]));
    for (const extra of this.moreBases.get(row) ?? []) tags.push(baseTag(extra.base, extra.relation));
    const record: ModelRecord = { id: this.idOf(row), tags };
    if (this.createdDay[row] !== NO_DAY) record.createdAt = new Date(this.createdDay[row] * 86_400_000).toISOString();
    if (flags & FLAG_BACKFILL) record.createdAtBackfill = true;
    record.downloads = this.downloads[row];
    record.likes = this.likes[row];
    if (this.task[row]) record.pipelineTag = this.tasks.values[this.task[row]];
    if (this.library[row]) record.libraryName = this.libraries.values[this.library[row]];
    if (!Number.isNaN(this.safetensorsTotal[row])) record.safetensorsTotal = this.safetensorsTotal[row];
    if (flags & FLAG_PACKED_KNOWN) record.safetensorsPackedShare = flags & FLAG_PACKED ? 1 : 0;
    if (!Number.isNaN(this.ggufTotal[row])) record.ggufTotal = this.ggufTotal[row];
    return record;
  }

  /** Base models resolve inside the census: no Hub request to size a fine-tune, a quantization or an adapter. */
  readonly lookup = (id: string): ModelRecord | undefined => {
    const row = this.find(id);
    return row < 0 ? undefined : this.recordOf(row);
  };

  /** Resolves and stores a row's parameter count (the one place the census sizes a model). */
  private sizeRow(row: number): void {
    const count = resolveParameters(this.recordOf(row), this.lookup, this.calibration);
    this.parameters[row] = count.parameters ?? NaN;
    this.parameterSource[row] = count.source ? PARAMETER_SOURCES.indexOf(count.source) + 1 : 0;
    this.caveat[row] = count.caveat ? CAVEATS.indexOf(count.caveat) + 1 : 0;
  }

  /** Whether a row's count was measured (safetensors, GGUF), not estimated from a base, a name or a family. */
  private measured(row: number): boolean {
    const source = this.parameterSource[row];
    return source === 1 || source === 2;
  }

  /**
   * Learns the family medians from the measured counts (`calibrated` afterwards). Incremental syncs size
   * new models with them; a walk learns them again and re-sizes (see resizeEstimated).
   */
  learnSizes(): void {
    const store = this;
    function* measuredRecords() {
      for (let row = 0; row < store.n; row++) if (store.measured(row)) yield store.recordOf(row);
    }
    this.calibration = learnCalibration(measuredRecords(), this.lookup);
    this.calibrated = true;
  }

  /**
   * The sizing pass after a walk: every count that was not measured is resolved again, with the bases
   * the walk brought (newest first, fine-tunes came before their bases) and the medians just learned.
   * Returns how many counts changed.
   */
  resizeEstimated(): number {
    let changed = 0;
    for (let row = 0; row < this.n; row++) {
      if (this.base[row] === 0 && this.measured(row)) continue;
      const before = this.parameters[row];
      this.sizeRow(row);
      if (!Object.is(before, this.parameters[row])) changed++;
    }
    if (changed) this.version++;
    return changed;
  }

  // ---- walks -------------------------------------------------------------------------------------

  /** Starts a walk: rows the walk does not see again are dropped when it completes (deleted repos). */
  startWalk(firstUrl: string, startedAt: string): void {
    this.meta = { ...this.meta, walk: this.meta.walk + 1, cursor: firstUrl, walkStartedAt: startedAt, walkSeen: 0, walkOldestDay: undefined };
    this.seenNow.fill(0);
  }

  /** Whether this process already stored the id in the walk in progress (the pager's repeated-page guard). */
  seenInThisRun(id: string): boolean {
    const row = this.find(id);
    return row >= 0 && this.seenNow[row] === 1;
  }

  /** A completed walk: drop what it did not see, size the derivatives again, remember its size. */
  completeWalk(endedAt: string): { dropped: number } {
    const walk = this.meta.walk;
    const dropped = this.compact((row) => this.seenWalk[row] === walk);
    this.learnSizes();
    this.resizeEstimated();
    this.meta = { ...this.meta, cursor: undefined, lastWalkAt: endedAt, lastWalkModels: this.n, walkSeen: this.n };
    return { dropped };
  }

  /** Keeps the rows for which `keep` is true, in order, and rebuilds the id index. */
  private compact(keep: (row: number) => boolean): number {
    let out = 0;
    let bytesOut = 0;
    const more = new Map<number, { base: number; relation: number }[]>();
    const columns = [this.createdDay, this.flags, this.downloads, this.likes, this.parameters, this.parameterSource, this.caveat, this.safetensorsTotal, this.ggufTotal, this.task, this.library, this.base, this.baseRelation, this.seenWalk, this.seenNow];
    for (let row = 0; row < this.n; row++) {
      if (!keep(row)) continue;
      const start = this.idOffsets[row];
      const end = this.idOffsets[row + 1];
      if (out !== row) {
        this.idBytes.copyWithin(bytesOut, start, end);
        for (const column of columns) column[out] = column[row];
      }
      const extra = this.moreBases.get(row);
      if (extra) more.set(out, extra);
      this.idOffsets[out] = bytesOut;
      bytesOut += end - start;
      out++;
    }
    this.idOffsets[out] = bytesOut;
    const dropped = this.n - out;
    this.n = out;
    this.idBytesUsed = bytesOut;
    this.moreBases = more;
    if (dropped) {
      this.dropIndex();
      this.version++;
    }
    return dropped;
  }

  // ---- reading -----------------------------------------------------------------------------------

  /** Oldest and newest creation day stored (NO_DAY when no model has a date). */
  dayRange(): { oldest: number; newest: number } {
    let oldest = NO_DAY;
    let newest = NO_DAY;
    for (let row = 0; row < this.n; row++) {
      const d = this.createdDay[row];
      if (d === NO_DAY) continue;
      if (oldest === NO_DAY || d < oldest) oldest = d;
      if (d > newest) newest = d;
    }
    return { oldest, newest };
  }

  private fresh(): typeof this.derived {
    if (this.derived.version !== this.version) this.derived = { version: this.version };
    return this.derived;
  }

  /** Rows by 30-day downloads, highest first (ties: the row stored first). */
  byDownloads(): Uint32Array {
    const derived = this.fresh();
    if (!derived.byDownloads) {
      // One numeric sort of packed keys instead of a comparator over millions of rows:
      // downloads (capped at 2^31) in the high bits, the row's complement in the low 22 bits.
      const keys = new Float64Array(this.n);
      const low = 2 ** 22;
      for (let row = 0; row < this.n; row++) keys[row] = Math.min(this.downloads[row], 2 ** 31 - 1) * low + (low - 1 - row);
      keys.sort();
      const rows = new Uint32Array(this.n);
      for (let i = 0; i < this.n; i++) rows[i] = low - 1 - (keys[this.n - 1 - i] % low);
      derived.byDownloads = rows;
    }
    return derived.byDownloads;
  }

  /** Known parameter counts of one task's models, ascending: a percentile is a binary search. */
  taskSizes(task: string): Float64Array {
    const derived = this.fresh();
    if (!derived.taskSizes) {
      const counts = new Int32Array(this.tasks.values.length);
      for (let row = 0; row < this.n; row++) if (!Number.isNaN(this.parameters[row])) counts[this.task[row]]++;
      const sizes = [...counts].map((c) => new Float64Array(c));
      const fill = new Int32Array(counts.length);
      for (let row = 0; row < this.n; row++) if (!Number.isNaN(this.parameters[row])) sizes[this.task[row]][fill[this.task[row]]++] = this.parameters[row];
      derived.taskSizes = new Map(sizes.map((s, t) => [t, s.sort()]));
    }
    const t = this.tasks.find(task);
    return (t !== undefined ? derived.taskSizes.get(t) : undefined) ?? new Float64Array(0);
  }

  /** The pipeline task of a row ('' = none). */
  taskOf(row: number): string {
    return this.tasks.values[this.task[row]];
  }

  createdDayOf(row: number): number {
    return this.createdDay[row];
  }

  /** The parameter count stored for a row (null = unknown). */
  parametersOf(row: number): number | null {
    return Number.isNaN(this.parameters[row]) ? null : this.parameters[row];
  }

  private verdicts(thresholds: Thresholds): Uint8Array {
    const derived = this.fresh();
    const key = `${thresholds.slmBelow}|${thresholds.llmFrom}`;
    if (derived.verdicts?.key !== key) derived.verdicts = { key, codes: verdictCodes(this.parameters, this.n, thresholds) };
    return derived.verdicts.codes;
  }

  /**
   * The models an analysis reads: all of them, one task's, or the `top` most downloaded (the study's
   * sample as a view of the census), with verdicts under `thresholds`.
   */
  view(thresholds: Thresholds, options: { tag?: string; top?: number } = {}): ModelView {
    const base = {
      verdict: this.verdicts(thresholds),
      createdDay: this.createdDay,
      flags: this.flags,
      downloads: this.downloads,
      task: this.task,
      taskNames: this.tasks.values,
    };
    const t = options.tag ? (this.tasks.find(options.tag) ?? -1) : undefined;
    if (options.top !== undefined) {
      const order = this.byDownloads();
      const rows: number[] = [];
      for (let i = 0; i < order.length && rows.length < options.top; i++) if (t === undefined || this.task[order[i]] === t) rows.push(order[i]);
      return { ...base, rows: Uint32Array.from(rows), length: rows.length };
    }
    if (t !== undefined) {
      const rows: number[] = [];
      for (let row = 0; row < this.n; row++) if (this.task[row] === t) rows.push(row);
      return { ...base, rows: Uint32Array.from(rows), length: rows.length };
    }
    return { ...base, length: this.n };
  }

  /** The columns trimmed to the stored rows (shared memory, not copies), for the Arrow file. */
  columns(): CensusColumns {
    const n = this.n;
    return {
      length: n,
      idBytes: this.idBytes.subarray(0, this.idBytesUsed),
      idOffsets: this.idOffsets.subarray(0, n + 1),
      createdDay: this.createdDay.subarray(0, n),
      flags: this.flags.subarray(0, n),
      downloads: this.downloads.subarray(0, n),
      likes: this.likes.subarray(0, n),
      parameters: this.parameters.subarray(0, n),
      parameterSource: this.parameterSource.subarray(0, n),
      caveat: this.caveat.subarray(0, n),
      safetensorsTotal: this.safetensorsTotal.subarray(0, n),
      ggufTotal: this.ggufTotal.subarray(0, n),
      task: this.task.subarray(0, n),
      library: this.library.subarray(0, n),
      base: this.base.subarray(0, n),
      baseRelation: this.baseRelation.subarray(0, n),
      seenWalk: this.seenWalk.subarray(0, n),
    };
  }

  /** Extra bases (beyond the first) by row, for the file. */
  extraBases(): ReadonlyMap<number, readonly { base: number; relation: number }[]> {
    return this.moreBases;
  }

  /** A store from columns read back from the file. */
  static fromColumns(meta: CensusMeta, columns: CensusColumns, names: { tasks: Interner; libraries: Interner; bases: Interner }, moreBases: Map<number, { base: number; relation: number }[]>): CensusStore {
    const store = new CensusStore(meta.endpoint);
    store.meta = meta;
    store.tasks = names.tasks;
    store.libraries = names.libraries;
    store.bases = names.bases;
    // The loader hands over arrays it owns, of exactly `length` entries: adopted, not copied; the
    // first model added after a load grows them.
    const n = columns.length;
    store.n = n;
    store.capacity = n;
    store.idBytes = columns.idBytes;
    store.idBytesUsed = columns.idBytes.length;
    store.idOffsets = columns.idOffsets;
    store.createdDay = columns.createdDay;
    store.flags = columns.flags;
    store.downloads = columns.downloads;
    store.likes = columns.likes;
    store.parameters = columns.parameters;
    store.parameterSource = columns.parameterSource;
    store.caveat = columns.caveat;
    store.safetensorsTotal = columns.safetensorsTotal;
    store.ggufTotal = columns.ggufTotal;
    store.task = columns.task;
    store.library = columns.library;
    store.base = columns.base;
    store.baseRelation = columns.baseRelation;
    store.seenWalk = columns.seenWalk;
    store.seenNow = new Uint8Array(n);
    store.moreBases = moreBases;
    store.dropIndex();
    return store;
  }

  /** Bytes the columns, string table and index take (the benchmark's bytes per model). */
  bytes(): number {
    const arrays = [this.idBytes, this.idOffsets, this.createdDay, this.flags, this.downloads, this.likes, this.parameters, this.parameterSource, this.caveat, this.safetensorsTotal, this.ggufTotal, this.task, this.library, this.base, this.baseRelation, this.seenWalk, this.seenNow, this.index()];
    return arrays.reduce((sum, a) => sum + a.byteLength, 0);
  }
}
