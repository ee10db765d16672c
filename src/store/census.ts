// The census: every model of the Hub in typed-array columns, one entry per model, no JS object per
// model. Ids live in one string table (UTF-8 bytes + offsets), found through a lower-case hash index;
// tasks, libraries, base-model references and the Hub tags the sizing rules read are interned to
// small integers. A model's parameter count and creation day are computed once, when it enters the
// store, and kept with it.
import { join } from 'node:path';
import { CREATED_BACKFILL, isBackfillDate } from '../core/date-floor.js';
import { EMPTY_CALIBRATION, isFamilyTag, learnCalibration, type Calibration } from '../core/families.js';
import { baseModelsOf, resolveParameters, type ParameterCount } from '../core/parameters.js';
import { dayOf, NO_DAY } from '../core/months.js';
import type { ModelRecord, ParameterSource, Thresholds } from '../core/types.js';
import { verdictCodes, type ModelView } from '../core/view.js';
import { grow, growInChunks, type NumberArray } from './arrays.js';
import { StringTable } from './strings.js';

/** Where the census is saved under DATA_DIR (an Arrow IPC file, see census-file.ts). */
export const censusFile = (dataDir: string) => join(dataDir, 'census', 'census.arrow');

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

/** A few strings (tasks, libraries) interned to small integers; index 0 is the empty string (none). */
export class Interner {
  readonly values: string[];
  private readonly index: Map<string, number>;

  /** `values` from a file: index 0 must be the empty string. */
  constructor(values: string[] = ['']) {
    this.values = values;
    this.index = new Map(values.map((v, i) => [v, i]));
  }

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

/** The Hub tags the sizing rules read, besides `base_model:…`: `peft` (an adapter) and the tags that can name a family. */
export const isSizingTag = (tag: string) => tag === 'peft' || isFamilyTag(tag);


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
  /** A walk completed but its sizing pass has not run yet (it runs after a restart too). */
  sizingPending?: boolean;
}

/** The per-model columns as arrays of `length` entries, for the Arrow file. */
export interface CensusColumns {
  length: number;
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
  /** Index into the base-model table (0 = none). */
  base: Int32Array;
  /** 0 = no base, else RELATIONS index + 1. */
  baseRelation: Uint8Array;
  seenWalk: Uint16Array;
  /** Row i's sizing tags are tagCodes[tagOffsets[i] … tagOffsets[i + 1]), indexes into the tag-name table; length + 1 offsets. */
  tagOffsets: Uint32Array;
  tagCodes: Uint32Array;
}

/** The strings the columns point into. */
export interface CensusTables {
  ids: StringTable;
  tasks: Interner;
  libraries: Interner;
  /** Index 0 is the empty string (no base). */
  bases: StringTable;
  tagNames: StringTable;
}

/** What the sizing pass computes for every row (see sizeAll): the stored count, its source and caveat. */
export interface Sizes {
  parameters: Float64Array;
  parameterSource: Uint8Array;
  caveat: Uint8Array;
  calibration: Calibration;
}

type RowColumn = NumberArray;

const INITIAL_CAPACITY = 1024;
/** What reserve() makes room for per model: id bytes (and base or tag name bytes), tag codes. */
const ID_BYTES = 96;
const TAGS_PER_MODEL = 16;

/** A relation's code in the baseRelation column (0 = no base). */
export const relationCode = (relation: string) => Math.max(0, RELATIONS.indexOf(relation as (typeof RELATIONS)[number])) + 1;

export class CensusStore {
  private n = 0;
  private capacity = INITIAL_CAPACITY;
  private ids = new StringTable(true);
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
  /** The rare second and further bases (merges), by row: base index and relation code. */
  private moreBases = new Map<number, { base: number; relation: number }[]>();
  private seenWalk: Uint16Array = new Uint16Array(INITIAL_CAPACITY);
  /** Rows seen by this process in the walk in progress: a page of only those is the same page again. */
  private seenNow: Uint8Array = new Uint8Array(INITIAL_CAPACITY);
  /**
   * The sizing tags of row i are tagCodes[tagStart[i] … tagEnd[i]). Appended as rows come; a row whose
   * tags change gets a new run at the end, and the file is written with the runs in row order (so a
   * load takes both from the file's list offsets).
   */
  private tagStart: Uint32Array = new Uint32Array(INITIAL_CAPACITY);
  private tagEnd: Uint32Array = new Uint32Array(INITIAL_CAPACITY);
  private tagCodes: Uint32Array = new Uint32Array(INITIAL_CAPACITY * 4);
  private tagCodesUsed = 0;
  /** Arrays are views of a loaded file's buffer: copied before the first row is added. */
  private fileBacked = false;

  tasks = new Interner();
  libraries = new Interner();
  private bases = new StringTable(false);
  private tagNames = new StringTable(false);
  meta: CensusMeta;
  private learned: Calibration | (() => Calibration) = EMPTY_CALIBRATION;

  /** Bumped on every change, so derived orders (by downloads, per-task sizes) are rebuilt when needed. */
  private version = 0;
  private derived: { version: number; byDownloads?: Uint32Array; taskSizes?: Map<number, Float64Array>; verdicts?: { key: string; codes: Uint8Array } } = { version: -1 };

  constructor(endpoint: string) {
    this.meta = { endpoint, walk: 0, walkSeen: 0 };
    this.bases.add('');
  }

  get size(): number {
    return this.n;
  }

  /** Family medians learned from the census's own measured counts by the last sizing pass (read from the file lazily). */
  get calibration(): Calibration {
    if (typeof this.learned === 'function') this.learned = this.learned();
    return this.learned;
  }

  set calibration(calibration: Calibration | (() => Calibration)) {
    this.learned = calibration;
  }

  // ---- ids ---------------------------------------------------------------------------------------

  idOf(row: number): string {
    return this.ids.get(row);
  }

  /** The row of a repo id, any case; -1 when the census does not hold it. */
  find(id: string): number {
    return this.ids.find(id);
  }

  // ---- writing -----------------------------------------------------------------------------------

  private rowColumns(): RowColumn[] {
    return [this.createdDay, this.flags, this.downloads, this.likes, this.parameters, this.parameterSource, this.caveat, this.safetensorsTotal, this.ggufTotal, this.task, this.library, this.base, this.baseRelation, this.seenWalk, this.seenNow, this.tagStart, this.tagEnd];
  }

  private setRowColumns([createdDay, flags, downloads, likes, parameters, parameterSource, caveat, safetensorsTotal, ggufTotal, task, library, base, baseRelation, seenWalk, seenNow, tagStart, tagEnd]: RowColumn[]): void {
    Object.assign(this, { createdDay, flags, downloads, likes, parameters, parameterSource, caveat, safetensorsTotal, ggufTotal, task, library, base, baseRelation, seenWalk, seenNow, tagStart, tagEnd });
  }

  /**
   * Room for `rows` more models, made before a page of the sync is stored: when the columns must grow
   * (always after a load, when they are exactly full views of the file's buffer) they are copied into
   * larger arrays a chunk at a time, with yields between chunks, and swapped in when complete, so that
   * storing models never copies hundreds of megabytes at once. The store must not change meanwhile;
   * readers see the old arrays until the swap.
   */
  async reserve(rows: number): Promise<void> {
    const needed = this.n + rows;
    await this.ids.reserve(rows, rows * ID_BYTES);
    await this.bases.reserve(rows, rows * ID_BYTES);
    await this.tagNames.reserve(rows, rows * ID_BYTES);
    if (this.fileBacked || this.tagCodesUsed + rows * TAGS_PER_MODEL > this.tagCodes.length) {
      this.tagCodes = await growInChunks(this.tagCodes, Math.max(this.tagCodesUsed + rows * TAGS_PER_MODEL, Math.ceil(this.tagCodes.length * 1.5)));
    }
    if (!this.fileBacked && needed <= this.capacity) return;
    const capacity = Math.max(needed, Math.floor(this.capacity * 1.5));
    const columns: RowColumn[] = [];
    for (const column of this.rowColumns()) columns.push(await growInChunks(column, capacity));
    this.setRowColumns(columns);
    this.capacity = capacity;
    this.fileBacked = false;
  }

  /**
   * Room for `rows` models at once: the fallback when a change comes without a reserve (tests, small
   * censuses). The string tables grow by themselves when they must.
   */
  private ensureCapacity(rows: number): void {
    if (!this.fileBacked && rows <= this.capacity) return;
    if (this.fileBacked) this.tagCodes = grow(this.tagCodes, Math.ceil(this.tagCodes.length * 1.5));
    this.capacity = Math.max(rows, Math.floor(this.capacity * (this.fileBacked ? 1 : 1.5)));
    this.setRowColumns(this.rowColumns().map((column) => grow(column, this.capacity)));
    this.fileBacked = false;
  }

  /** When the Hub last answered for the whole census: the last sync, else the last complete walk. */
  collectedAt(): string | undefined {
    return this.meta.lastSyncAt ?? this.meta.lastWalkAt;
  }

  /**
   * Adds a model, or updates the row holding its id: counts, dates and links as the Hub gave them now,
   * then its parameter count, resolved once, with the bases the census already holds.
   */
  upsert(record: ModelRecord, walk = this.meta.walk): number {
    this.ensureCapacity(this.n);
    let row = this.find(record.id);
    const added = row < 0;
    if (added) {
      this.ensureCapacity(this.n + 1);
      row = this.ids.add(record.id);
      this.n++;
    }
    this.setFields(row, record, added);
    this.seenWalk[row] = walk;
    this.seenNow[row] = 1;
    this.sizeRow(row);
    this.version++;
    return row;
  }

  private setFields(row: number, record: ModelRecord, added: boolean): void {
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
    this.baseRelation[row] = bases.length ? relationCode(bases[0].relation) : 0;
    if (bases.length > 1) this.moreBases.set(row, bases.slice(1).map((b) => ({ base: this.bases.intern(b.id), relation: relationCode(b.relation) })));
    else this.moreBases.delete(row);
    this.setTags(row, record.tags, added);
    if (record.createdAt && (!this.meta.newestCreatedAt || record.createdAt > this.meta.newestCreatedAt)) this.meta.newestCreatedAt = new Date(record.createdAt).toISOString();
  }

  /** Keeps the row's sizing tags (each once, in the Hub's order): a new run at the end, unless an existing row's did not change. */
  private setTags(row: number, tags: readonly string[], added: boolean): void {
    const kept = [...new Set(tags.filter(isSizingTag))].slice(0, 0xffff).map((tag) => this.tagNames.intern(tag));
    const start = this.tagStart[row];
    if (!added && this.tagEnd[row] - start === kept.length && kept.every((code, k) => this.tagCodes[start + k] === code)) return;
    if (this.tagCodesUsed + kept.length > this.tagCodes.length) this.tagCodes = grow(this.tagCodes, Math.max(this.tagCodesUsed + kept.length, Math.ceil(this.tagCodes.length * 1.5)));
    this.tagCodes.set(kept, this.tagCodesUsed);
    this.tagStart[row] = this.tagCodesUsed;
    this.tagCodesUsed += kept.length;
    this.tagEnd[row] = this.tagCodesUsed;
  }

  private baseTag(base: number, relation: number): string {
    return `base_model:${relation <= 1 ? '' : `${RELATIONS[relation - 1]}:`}${this.bases.get(base)}`;
  }

  /** The record the sizing rules read, rebuilt from the columns (tags hold only what sizing looks at). */
  recordOf(row: number): ModelRecord {
    const flags = this.flags[row];
    const tags: string[] = [];
    for (let k = this.tagStart[row]; k < this.tagEnd[row]; k++) tags.push(this.tagNames.get(this.tagCodes[k]));
    if (this.base[row]) tags.push(this.baseTag(this.base[row], this.baseRelation[row]));
    for (const extra of this.moreBases.get(row) ?? []) tags.push(this.baseTag(extra.base, extra.relation));
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

  /** A row's parameter count as the sizing rules resolve it (the one place the census sizes a model). */
  private sizeOf(row: number, calibration: Calibration): ParameterCount {
    return resolveParameters(this.recordOf(row), this.lookup, calibration);
  }

  private sizeRow(row: number): void {
    writeCount({ parameters: this.parameters, parameterSource: this.parameterSource, caveat: this.caveat }, row, this.sizeOf(row, this.calibration));
  }

  /** Whether a row's count was measured (safetensors, GGUF), not estimated from a base, a name or a family. */
  private measured(row: number): boolean {
    const source = this.parameterSource[row];
    return source === 1 || source === 2;
  }

  /**
   * The sizing pass after a walk, computed without changing the store: the family medians learned
   * from the measured counts (a model's own, or its base's for a quantization or an adapter), then
   * every count that was not measured resolved again with them and with the bases the walk brought
   * (newest first, fine-tunes came before their bases). Seconds at millions of models: the census
   * sync runs it in a worker thread (see src/hub/census.ts) and applies the result with applySizes.
   */
  sizeAll(): Sizes {
    const store = this;
    function* learnable() {
      // Models with neither a measured count nor a base teach nothing (learnCalibration skips them).
      for (let row = 0; row < store.n; row++) if (store.measured(row) || store.base[row] !== 0) yield store.recordOf(row);
    }
    const calibration = learnCalibration(learnable(), this.lookup);
    const n = this.n;
    const sizes: Sizes = { parameters: this.parameters.slice(0, n), parameterSource: this.parameterSource.slice(0, n), caveat: this.caveat.slice(0, n), calibration };
    for (let row = 0; row < n; row++) if (this.base[row] !== 0 || !this.measured(row)) writeCount(sizes, row, this.sizeOf(row, calibration));
    return sizes;
  }

  /** Takes the sizing pass's counts (for the same rows: no row added or dropped since). */
  applySizes(sizes: Sizes): void {
    if (sizes.parameters.length !== this.n) throw new Error(`census: sizes for ${sizes.parameters.length} models, the census holds ${this.n}`);
    this.ensureCapacity(this.n);
    this.parameters.set(sizes.parameters);
    this.parameterSource.set(sizes.parameterSource);
    this.caveat.set(sizes.caveat);
    this.calibration = sizes.calibration;
    this.meta.sizingPending = undefined;
    this.version++;
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

  /** A walk has seen every page: drop what it did not see, remember its size; its sizing pass is pending. */
  endWalk(endedAt: string): { dropped: number } {
    const walk = this.meta.walk;
    const dropped = this.compact((row) => this.seenWalk[row] === walk);
    this.meta = { ...this.meta, cursor: undefined, lastWalkAt: endedAt, lastWalkModels: this.n, walkSeen: this.n, sizingPending: true };
    return { dropped };
  }

  /** endWalk and the sizing pass in this thread (tests, benchmarks, small censuses). */
  completeWalk(endedAt: string): { dropped: number } {
    const ended = this.endWalk(endedAt);
    this.applySizes(this.sizeAll());
    return ended;
  }

  /** Keeps the rows for which `keep` is true, in order; their tags are rewritten in row order. */
  private compact(keep: (row: number) => boolean): number {
    this.ensureCapacity(this.n);
    const kept = new Uint8Array(this.n);
    let out = 0;
    let codesOut = 0;
    const codes = new Uint32Array(Math.max(16, this.tagCodesUsed));
    const more = new Map<number, { base: number; relation: number }[]>();
    const columns = this.rowColumns();
    for (let row = 0; row < this.n; row++) {
      if (!keep(row)) continue;
      kept[row] = 1;
      const start = this.tagStart[row];
      const end = this.tagEnd[row];
      codes.set(this.tagCodes.subarray(start, end), codesOut);
      this.tagStart[row] = codesOut;
      codesOut += end - start;
      this.tagEnd[row] = codesOut;
      if (out !== row) for (const column of columns) column[out] = column[row];
      const extra = this.moreBases.get(row);
      if (extra) more.set(out, extra);
      out++;
    }
    this.ids.compact((row) => kept[row] === 1);
    const dropped = this.n - out;
    this.n = out;
    this.tagCodes = codes;
    this.tagCodesUsed = codesOut;
    this.moreBases = more;
    if (dropped) this.version++;
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

  /** Known parameter counts of one task's models, ascending: a percentile is a binary search. Sorted on first use, per task. */
  taskSizes(task: string): Float64Array {
    const t = this.tasks.find(task);
    if (t === undefined) return new Float64Array(0);
    const derived = this.fresh();
    derived.taskSizes ??= new Map();
    let sizes = derived.taskSizes.get(t);
    if (!sizes) {
      let count = 0;
      for (let row = 0; row < this.n; row++) if (this.task[row] === t && !Number.isNaN(this.parameters[row])) count++;
      sizes = new Float64Array(count);
      let i = 0;
      for (let row = 0; row < this.n; row++) if (this.task[row] === t && !Number.isNaN(this.parameters[row])) sizes[i++] = this.parameters[row];
      sizes.sort();
      derived.taskSizes.set(t, sizes);
    }
    return sizes;
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

  /** The parameter source stored for a row (null = unknown). */
  parameterSourceOf(row: number): ParameterSource | null {
    return this.parameterSource[row] ? PARAMETER_SOURCES[this.parameterSource[row] - 1] : null;
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

  /** The columns trimmed to the stored rows (views, not copies; the tag runs put in row order first), for the Arrow file. */
  columns(): CensusColumns {
    const n = this.n;
    const tagOffsets = new Uint32Array(n + 1);
    let contiguous = true;
    for (let row = 0, at = 0; row < n; row++) {
      const count = this.tagEnd[row] - this.tagStart[row];
      if (count && this.tagStart[row] !== at) contiguous = false;
      tagOffsets[row] = at;
      at += count;
      tagOffsets[row + 1] = at;
    }
    let tagCodes = this.tagCodes.subarray(0, tagOffsets[n]);
    if (!contiguous) {
      tagCodes = new Uint32Array(tagOffsets[n]);
      for (let row = 0; row < n; row++) tagCodes.set(this.tagCodes.subarray(this.tagStart[row], this.tagEnd[row]), tagOffsets[row]);
    }
    return {
      length: n,
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
      tagOffsets,
      tagCodes,
    };
  }

  tables(): Readonly<CensusTables> {
    return { ids: this.ids, tasks: this.tasks, libraries: this.libraries, bases: this.bases, tagNames: this.tagNames };
  }

  /** Extra bases (beyond the first) by row, for the file. */
  extraBases(): ReadonlyMap<number, readonly { base: number; relation: number }[]> {
    return this.moreBases;
  }

  /**
   * A store over columns read back from the file. Its arrays are adopted as they are (views of the
   * file's buffer, not copies); the first model added copies them into growable arrays.
   */
  static fromColumns(meta: CensusMeta, columns: CensusColumns, tables: CensusTables, moreBases: Map<number, { base: number; relation: number }[]>, calibration: () => Calibration): CensusStore {
    const store = new CensusStore(meta.endpoint);
    const n = columns.length;
    store.meta = meta;
    store.n = n;
    store.capacity = n;
    store.ids = tables.ids;
    store.tasks = tables.tasks;
    store.libraries = tables.libraries;
    store.bases = tables.bases;
    store.tagNames = tables.tagNames;
    store.setRowColumns([
      columns.createdDay, columns.flags, columns.downloads, columns.likes, columns.parameters, columns.parameterSource, columns.caveat,
      columns.safetensorsTotal, columns.ggufTotal, columns.task, columns.library, columns.base, columns.baseRelation, columns.seenWalk,
      new Uint8Array(n), columns.tagOffsets.subarray(0, n), columns.tagOffsets.subarray(1, n + 1),
    ]);
    store.tagCodes = columns.tagCodes;
    store.tagCodesUsed = columns.tagCodes.length;
    store.moreBases = moreBases;
    store.calibration = calibration;
    store.fileBacked = true;
    return store;
  }

  /** Bytes the columns, string tables and id index take (the benchmark's bytes per model). */
  bytes(): number {
    this.find(''); // the id index, as a lookup builds it
    const tables = this.ids.byteLength() + this.bases.byteLength() + this.tagNames.byteLength() + this.tagCodes.byteLength;
    return this.rowColumns().reduce((sum, column) => sum + column.byteLength, tables);
  }
}

/** Writes a resolved count into the count columns at `row`. */
function writeCount(columns: Pick<Sizes, 'parameters' | 'parameterSource' | 'caveat'>, row: number, count: ParameterCount): void {
  columns.parameters[row] = count.parameters ?? NaN;
  columns.parameterSource[row] = count.source ? PARAMETER_SOURCES.indexOf(count.source) + 1 : 0;
  columns.caveat[row] = count.caveat ? CAVEATS.indexOf(count.caveat) + 1 : 0;
}
