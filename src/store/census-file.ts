// The census on disk: one Apache Arrow IPC file (DATA_DIR/census/census.arrow) that pandas, polars and
// DuckDB open directly. Written to a temporary file and renamed, so a crash mid-write never leaves a
// broken census. Column names and meanings are listed in the README ("The census file").
//
// The file's buffers are the store's own layout (interned codes as dictionary indices in the store's
// order, NaN and NO_DAY under nulls), so a load adopts them as they are: no per-row conversion, no
// copy, no string decoded until it is read. The family medians the last sizing pass learned travel in
// the schema metadata, read when a sync first needs them.
import { open } from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int16,
  Int32,
  Int8,
  List,
  makeData,
  makeVector,
  RecordBatch,
  RecordBatchFileWriter,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  Uint16,
  Uint32,
  Utf8,
  vectorFromArray,
  type Data,
  type DataType,
} from 'apache-arrow';
import { writeFileAtomic } from '../atomic-file.js';
import type { Calibration, LearnedFamily } from '../core/families.js';
import { NO_DAY } from '../core/months.js';
import {
  CAVEATS,
  CensusStore,
  FLAG_BACKFILL,
  FLAG_PACKED,
  FLAG_PACKED_KNOWN,
  FLAG_PEFT,
  Interner,
  PARAMETER_SOURCES,
  RELATIONS,
  relationCode,
  type CensusColumns,
  type CensusMeta,
} from './census.js';
import { StringTable } from './strings.js';

/** Schema metadata key holding CensusMeta as JSON (walk number, cursor, dates). */
const META_KEY = 'slm_radar_census';
/** Schema metadata key holding the family medians of the last sizing pass, as JSON. */
const CALIBRATION_KEY = 'slm_radar_calibration';
/** Bumped when the file's columns change meaning; an unknown format is ignored (walked again), never misread. */
const FORMAT = 2;


/** A bitmap in Arrow's order (bit i of byte i >> 3) of a 0/1 byte per row, and how many bits are set. */
function packBits(mask: Uint8Array): { bits: Uint8Array; set: number } {
  const bits = new Uint8Array(Math.ceil(mask.length / 8));
  let set = 0;
  for (let i = 0; i < mask.length; i++) {
    bits[i >> 3] |= mask[i] << (i & 7);
    set += mask[i];
  }
  return { bits, set };
}
// One tight loop per test, each over one array type: a few milliseconds per column at millions of rows.
function presentNumbers(values: Float64Array) {
  const mask = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) mask[i] = values[i] === values[i] ? 1 : 0;
  return packBits(mask);
}
function presentCodes(codes: Int8Array | Int16Array | Int32Array) {
  const mask = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) mask[i] = codes[i] !== 0 ? 1 : 0;
  return packBits(mask);
}
function presentDays(days: Int32Array) {
  const mask = new Uint8Array(days.length);
  for (let i = 0; i < days.length; i++) mask[i] = days[i] !== NO_DAY ? 1 : 0;
  return packBits(mask);
}
function flagSet(flags: Uint8Array, flag: number) {
  const mask = new Uint8Array(flags.length);
  for (let i = 0; i < flags.length; i++) mask[i] = (flags[i] & flag) !== 0 ? 1 : 0;
  return packBits(mask);
}

/** An Arrow validity bitmap from present bits, or none when every value is present. */
function validity(length: number, present: { bits: Uint8Array; set: number }): { nullBitmap?: Uint8Array; nullCount: number } {
  return present.set < length ? { nullBitmap: present.bits, nullCount: length - present.set } : { nullCount: 0 };
}

/** The same bytes seen as another integer type (codes below 2^7, 2^15 or 2^31 read the same). */
function as<T extends Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array>(Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T }, array: ArrayLike<number> & ArrayBufferView): T {
  return new Type(array.buffer, array.byteOffset, array.length);
}

function column<T extends DataType>(type: T, length: number, data: ArrayBufferView, present?: { bits: Uint8Array; set: number }): Data<T> {
  return makeData({ type, length, data, ...(present ? validity(length, present) : { nullCount: 0 }) } as never) as Data<T>;
}

function boolColumn(flags: Uint8Array, mask: number, present?: { bits: Uint8Array; set: number }): Data<Bool> {
  return makeData({ type: new Bool(), length: flags.length, data: flagSet(flags, mask).bits, ...(present ? validity(flags.length, present) : { nullCount: 0 }) });
}

/** A string table as an Arrow Utf8 column (its own two buffers). */
function utf8Of(table: StringTable): Data<Utf8> {
  const { bytes, offsets, count } = table.buffers();
  return makeData({ type: new Utf8(), length: count, nullCount: 0, valueOffsets: as(Int32Array, offsets), data: bytes });
}

/** Interned codes (0 = none, a null) as a dictionary-encoded string column: readers see plain strings. */
function dictionaryColumn<I extends Int8 | Int16 | Int32>(indexType: I, codes: Int8Array | Int16Array | Int32Array, dictionary: Data<Utf8>): Data<Dictionary<Utf8, I>> {
  const type = new Dictionary(new Utf8(), indexType);
  return makeData({ type, length: codes.length, data: codes, dictionary: makeVector(dictionary), ...validity(codes.length, presentCodes(codes)) } as never) as unknown as Data<typeof type>;
}

const utf8List = (values: readonly string[]) => vectorFromArray([...values], new Utf8()).data[0] as Data<Utf8>;

/** Rare merges' further bases as `relation:org/name;…` (mostly null). */
function otherBasesColumn(store: CensusStore): Data<Utf8> {
  const n = store.size;
  const { bases } = store.tables();
  const extra = store.extraBases();
  const offsets = new Int32Array(n + 1);
  const parts: Uint8Array[] = [];
  const utf8 = new TextEncoder();
  const hasExtra = new Uint8Array(n);
  let length = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = length;
    const list = extra.get(i);
    if (!list) continue;
    hasExtra[i] = 1;
    const bytes = utf8.encode(list.map((b) => `${RELATIONS[b.relation - 1]}:${bases.get(b.base)}`).join(';'));
    parts.push(bytes);
    length += bytes.length;
  }
  offsets[n] = length;
  const data = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return makeData({ type: new Utf8(), length: n, valueOffsets: offsets, data, ...validity(n, packBits(hasExtra)) });
}

function calibrationJson(calibration: Calibration): string {
  return JSON.stringify({ families: [...calibration.families], tags: [...calibration.tags] });
}

function parseCalibration(json: string | undefined): Calibration {
  const parsed = JSON.parse(json ?? '{}') as { families?: [string, LearnedFamily][]; tags?: [string, LearnedFamily][] };
  return { families: new Map(parsed.families ?? []), tags: new Map(parsed.tags ?? []) };
}

/**
 * The census as an Arrow table over the store's own arrays. Built column by column with a yield to
 * the event loop between them (each is one pass over the rows: milliseconds at millions of models),
 * so a save never holds a command up.
 */
export async function censusTable(store: CensusStore): Promise<Table> {
  const c = store.columns();
  const n = c.length;
  const tables = store.tables();
  const tagType = new Dictionary(new Utf8(), new Int32());
  const columns: [string, () => Data, boolean][] = [
    ['id', () => utf8Of(tables.ids), false],
    ['created_day', () => column(new DateDay(), n, c.createdDay, presentDays(c.createdDay)), true],
    ['created_at_backfill', () => boolColumn(c.flags, FLAG_BACKFILL), false],
    ['downloads_30d', () => column(new Uint32(), n, c.downloads), false],
    ['likes', () => column(new Uint32(), n, c.likes), false],
    ['pipeline_tag', () => dictionaryColumn(new Int16(), as(Int16Array, c.task), utf8List(tables.tasks.values)), true],
    ['library_name', () => dictionaryColumn(new Int16(), as(Int16Array, c.library), utf8List(tables.libraries.values)), true],
    ['parameters', () => column(new Float64(), n, c.parameters, presentNumbers(c.parameters)), true],
    ['parameter_source', () => dictionaryColumn(new Int8(), as(Int8Array, c.parameterSource), utf8List(['', ...PARAMETER_SOURCES])), true],
    ['parameter_caveat', () => dictionaryColumn(new Int8(), as(Int8Array, c.caveat), utf8List(['', ...CAVEATS])), true],
    ['safetensors_total', () => column(new Float64(), n, c.safetensorsTotal, presentNumbers(c.safetensorsTotal)), true],
    ['gguf_total', () => column(new Float64(), n, c.ggufTotal, presentNumbers(c.ggufTotal)), true],
    ['safetensors_packed', () => boolColumn(c.flags, FLAG_PACKED, flagSet(c.flags, FLAG_PACKED_KNOWN)), true],
    ['peft', () => boolColumn(c.flags, FLAG_PEFT), false],
    ['base_model', () => dictionaryColumn(new Int32(), c.base, utf8Of(tables.bases)), true],
    ['base_relation', () => dictionaryColumn(new Int8(), as(Int8Array, c.baseRelation), utf8List(['', ...RELATIONS])), true],
    ['other_base_models', () => otherBasesColumn(store), true],
    [
      'model_tags',
      () => {
        const tagCodes = makeData({ type: tagType, length: c.tagCodes.length, nullCount: 0, data: as(Int32Array, c.tagCodes), dictionary: makeVector(utf8Of(tables.tagNames)) });
        return makeData({ type: new List(new Field('item', tagType, false)), length: n, nullCount: 0, valueOffsets: as(Int32Array, c.tagOffsets), child: tagCodes });
      },
      false,
    ],
    ['last_seen_walk', () => column(new Uint16(), n, c.seenWalk), false],
  ];
  const children: Data[] = [];
  for (const [, build] of columns) {
    await yieldToLoop();
    children.push(build());
  }
  const fields = columns.map(([name, , nullable], i) => new Field(name, children[i].type, nullable));
  const metadata = new Map([
    [META_KEY, JSON.stringify({ format: FORMAT, ...store.meta })],
    [CALIBRATION_KEY, calibrationJson(store.calibration)],
  ]);
  const schema = new Schema(fields, metadata);
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: n, nullCount: 0, children }));
  return new Table(schema, [batch]);
}

/**
 * Writes the census next to its final name, then renames it over the old file. The columns go to the
 * file as they are, buffer after buffer, without being gathered into one copy first; the caller does
 * not change the store until this resolves.
 */
export async function saveCensus(store: CensusStore, file: string): Promise<void> {
  await writeFileAtomic(file, RecordBatchFileWriter.writeAll(await censusTable(store)));
}

// ---- reading ---------------------------------------------------------------------------------------

/** One column's single chunk (the files we write have one record batch). */
function chunk(table: Table, name: string): Data {
  const vector = table.getChild(name);
  if (!vector || vector.data.length !== 1) throw new Error(`census file: column ${name} missing or in several batches`);
  return vector.data[0];
}

/** `length` values of a column from its first one, as a view of the file's buffer in the store's type. */
function values<T extends Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float64Array>(
  Type: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
  data: Data,
  length = data.length,
): T {
  const v = data.values as ArrayBufferView;
  return new Type(v.buffer, v.byteOffset + data.offset * Type.BYTES_PER_ELEMENT, length);
}

/** The length + 1 offsets of a Utf8 or List chunk, as a view. */
function offsetsOf(data: Data): Uint32Array {
  const offsets = data.valueOffsets as Int32Array;
  return new Uint32Array(offsets.buffer, offsets.byteOffset + data.offset * 4, data.length + 1);
}

/** A Utf8 chunk's strings as a string table over the same buffers. */
function tableOf(data: Data, foldCase: boolean): StringTable {
  return new StringTable(foldCase, { bytes: data.values as Uint8Array, offsets: offsetsOf(data), count: data.length });
}

/** A dictionary's strings (small dictionaries: tasks, libraries, the fixed lists). */
function dictionaryValues(data: Data): string[] {
  const dictionary = data.dictionary?.data[0];
  return dictionary ? tableOf(dictionary, false).values() : [];
}

const isBit = (bits: Uint8Array, i: number) => (bits[i >> 3] & (1 << (i & 7))) !== 0;

/**
 * Codes of a column over a fixed list (`['', ...PARAMETER_SOURCES]`): the file's own indices when its
 * dictionary is the list or an older, shorter one; otherwise mapped row by row.
 */
function fixedCodes(data: Data, list: readonly string[]): Uint8Array {
  const dictionary = dictionaryValues(data);
  const codes = values(Uint8Array, data);
  if (dictionary.every((name, i) => name === list[i])) return codes;
  const map = dictionary.map((name) => Math.max(0, list.indexOf(name)));
  return Uint8Array.from(codes, (code) => map[code]);
}

/** A file's bytes in one read (readFile reads 512 KB at a time: hundreds of round trips for a census). */
async function readWhole(file: string): Promise<Uint8Array> {
  const handle = await open(file);
  try {
    const { size } = await handle.stat();
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) throw new Error(`census file: ${file} ended after ${at} of ${size} bytes`);
      at += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** The census saved under DATA_DIR, or undefined when there is none (or it is of another format). */
export async function loadCensus(file: string): Promise<CensusStore | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readWhole(file);
  } catch {
    return undefined;
  }
  const table = tableFromIPC(bytes);
  const raw = JSON.parse(table.schema.metadata.get(META_KEY) ?? '{}') as CensusMeta & { format?: number };
  if (raw.format !== FORMAT) return undefined;
  const { format: _format, ...meta } = raw;
  void _format;
  const calibration = table.schema.metadata.get(CALIBRATION_KEY);
  const n = table.numRows;

  const backfill = chunk(table, 'created_at_backfill').values as Uint8Array;
  const packed = chunk(table, 'safetensors_packed');
  const packedBits = packed.values as Uint8Array;
  const packedKnown = packed.nullCount > 0 ? packed.nullBitmap : undefined;
  const peft = chunk(table, 'peft').values as Uint8Array;
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const known = !packedKnown || isBit(packedKnown, i);
    flags[i] = (isBit(backfill, i) ? FLAG_BACKFILL : 0) | (known ? FLAG_PACKED_KNOWN : 0) | (known && isBit(packedBits, i) ? FLAG_PACKED : 0) | (isBit(peft, i) ? FLAG_PEFT : 0);
  }

  const tasks = dictionaryValues(chunk(table, 'pipeline_tag'));
  const libraries = dictionaryValues(chunk(table, 'library_name'));
  if (tasks[0] !== '' || libraries[0] !== '') throw new Error('census file: task or library dictionary does not start with the empty string');
  const baseData = chunk(table, 'base_model');
  const bases = tableOf(baseData.dictionary!.data[0], false);
  const tagList = chunk(table, 'model_tags');
  const tagChild = tagList.children[0];
  const tagOffsets = offsetsOf(tagList);

  const columns: CensusColumns = {
    length: n,
    createdDay: values(Int32Array, chunk(table, 'created_day')),
    flags,
    downloads: values(Uint32Array, chunk(table, 'downloads_30d')),
    likes: values(Uint32Array, chunk(table, 'likes')),
    parameters: values(Float64Array, chunk(table, 'parameters')),
    parameterSource: fixedCodes(chunk(table, 'parameter_source'), ['', ...PARAMETER_SOURCES]),
    caveat: fixedCodes(chunk(table, 'parameter_caveat'), ['', ...CAVEATS]),
    safetensorsTotal: values(Float64Array, chunk(table, 'safetensors_total')),
    ggufTotal: values(Float64Array, chunk(table, 'gguf_total')),
    task: values(Uint16Array, chunk(table, 'pipeline_tag')),
    library: values(Uint16Array, chunk(table, 'library_name')),
    base: values(Int32Array, baseData),
    baseRelation: fixedCodes(chunk(table, 'base_relation'), ['', ...RELATIONS]),
    seenWalk: values(Uint16Array, chunk(table, 'last_seen_walk')),
    tagOffsets,
    tagCodes: values(Uint32Array, tagChild, tagOffsets[n]),
  };

  const more = new Map<number, { base: number; relation: number }[]>();
  // Mostly nulls: only rows with a value are decoded.
  const other = chunk(table, 'other_base_models');
  if (other.nullCount < n) {
    const otherOffsets = other.valueOffsets as Int32Array;
    const otherBytes = other.values as Uint8Array;
    const utf8 = new TextDecoder();
    for (let i = 0; i < n; i++) {
      if (other.nullBitmap && other.nullCount > 0 && !isBit(other.nullBitmap, i)) continue;
      const text = utf8.decode(otherBytes.subarray(otherOffsets[other.offset + i], otherOffsets[other.offset + i + 1]));
      if (!text) continue;
      more.set(
        i,
        text.split(';').map((entry) => {
          const colon = entry.indexOf(':');
          return { base: bases.intern(entry.slice(colon + 1)), relation: relationCode(entry.slice(0, colon)) };
        }),
      );
    }
  }
  const tablesOfFile = {
    ids: tableOf(chunk(table, 'id'), true),
    tasks: new Interner(tasks),
    libraries: new Interner(libraries),
    bases,
    tagNames: tableOf(tagChild.dictionary!.data[0], false),
  };
  return CensusStore.fromColumns(meta as CensusMeta, columns, tablesOfFile, more, () => parseCalibration(calibration));
}
