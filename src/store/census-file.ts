// The census on disk: one Apache Arrow IPC file (DATA_DIR/census/census.arrow) that pandas, polars and
// DuckDB open directly. Written to a temporary file and renamed, so a crash mid-write never leaves a
// broken census. Column names and meanings are listed in the README ("The census file").
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableFromIPC,
  tableToIPC,
  Uint16,
  Uint32,
  Utf8,
  vectorFromArray,
  type Data,
  type DataType,
  type Vector,
} from 'apache-arrow';
import { writeFileAtomic } from '../atomic-file.js';
import { NO_DAY } from '../core/months.js';
import {
  CAVEATS,
  CensusStore,
  FLAG_BACKFILL,
  Interner,
  FLAG_PACKED,
  FLAG_PACKED_KNOWN,
  FLAG_PEFT,
  PARAMETER_SOURCES,
  RELATIONS,
  type CensusColumns,
  type CensusMeta,
} from './census.js';

/** Schema metadata key holding CensusMeta as JSON (walk number, cursor, dates). */
const META_KEY = 'slm_radar_census';
/** Bumped when the file's columns change meaning; an unknown format is ignored (walked again), never misread. */
const FORMAT = 1;

export const censusFile = (dataDir: string) => join(dataDir, 'census', 'census.arrow');

/** An Arrow validity bitmap (bit set = value present). */
function validity(length: number, present: (i: number) => boolean): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(length / 8));
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (present(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return { bitmap, nulls };
}

function column<T extends DataType>(type: T, length: number, data: ArrayLike<number> | Uint8Array, present?: (i: number) => boolean): Data<T> {
  const valid = present ? validity(length, present) : undefined;
  return makeData({ type, length, nullCount: valid?.nulls ?? 0, nullBitmap: valid?.bitmap, data } as never) as Data<T>;
}

function boolColumn(length: number, value: (i: number) => boolean, present?: (i: number) => boolean): Data<Bool> {
  const bits = validity(length, value).bitmap;
  const valid = present ? validity(length, present) : undefined;
  return makeData({ type: new Bool(), length, nullCount: valid?.nulls ?? 0, nullBitmap: valid?.bitmap, data: bits });
}

/** Interned codes (0 = none, a null) as a dictionary-encoded string column: readers see plain strings. */
function dictionaryColumn(length: number, codes: ArrayLike<number>, names: readonly string[]): Data<Dictionary<Utf8, Int32>> {
  const indices = Int32Array.from({ length }, (_, i) => codes[i]);
  const valid = validity(length, (i) => codes[i] !== 0);
  const dictionary = vectorFromArray([...names], new Utf8()) as Vector<Utf8>;
  return makeData({ type: new Dictionary(new Utf8(), new Int32()), length, nullCount: valid.nulls, nullBitmap: valid.bitmap, data: indices, dictionary });
}

export function censusTable(store: CensusStore): Table {
  const c = store.columns();
  const n = c.length;
  const hasDay = (i: number) => c.createdDay[i] !== NO_DAY;
  const offsets = new Int32Array(c.idOffsets.length);
  offsets.set(c.idOffsets);
  const extra = store.extraBases();
  // Mostly null: written straight as Arrow Utf8 buffers (offsets + bytes) rather than through a builder.
  const otherOffsets = new Int32Array(n + 1);
  const otherParts: Uint8Array[] = [];
  let otherLength = 0;
  for (let i = 0; i < n; i++) {
    otherOffsets[i] = otherLength;
    const list = extra.get(i);
    if (list) {
      const bytes = new TextEncoder().encode(list.map((b) => `${RELATIONS[b.relation]}:${store.bases.values[b.base]}`).join(';'));
      otherParts.push(bytes);
      otherLength += bytes.length;
    }
  }
  otherOffsets[n] = otherLength;
  const otherBytes = new Uint8Array(otherLength);
  let at = 0;
  for (const part of otherParts) {
    otherBytes.set(part, at);
    at += part.length;
  }
  const otherValid = validity(n, (i) => extra.has(i));
  const otherBases = makeData({ type: new Utf8(), length: n, nullCount: otherValid.nulls, nullBitmap: otherValid.bitmap, valueOffsets: otherOffsets, data: otherBytes });
  const children: [string, Data, boolean][] = [
    ['id', makeData({ type: new Utf8(), length: n, nullCount: 0, valueOffsets: offsets, data: c.idBytes }), false],
    ['created_day', column(new DateDay(), n, c.createdDay, hasDay), true],
    ['created_at_backfill', boolColumn(n, (i) => (c.flags[i] & FLAG_BACKFILL) !== 0), false],
    ['downloads_30d', column(new Uint32(), n, c.downloads), false],
    ['likes', column(new Uint32(), n, c.likes), false],
    ['pipeline_tag', dictionaryColumn(n, c.task, store.tasks.values), true],
    ['library_name', dictionaryColumn(n, c.library, store.libraries.values), true],
    ['parameters', column(new Float64(), n, c.parameters, (i) => !Number.isNaN(c.parameters[i])), true],
    ['parameter_source', dictionaryColumn(n, c.parameterSource, ['', ...PARAMETER_SOURCES]), true],
    ['parameter_caveat', dictionaryColumn(n, c.caveat, ['', ...CAVEATS]), true],
    ['safetensors_total', column(new Float64(), n, c.safetensorsTotal, (i) => !Number.isNaN(c.safetensorsTotal[i])), true],
    ['gguf_total', column(new Float64(), n, c.ggufTotal, (i) => !Number.isNaN(c.ggufTotal[i])), true],
    ['safetensors_packed', boolColumn(n, (i) => (c.flags[i] & FLAG_PACKED) !== 0, (i) => (c.flags[i] & FLAG_PACKED_KNOWN) !== 0), true],
    ['peft', boolColumn(n, (i) => (c.flags[i] & FLAG_PEFT) !== 0), false],
    ['base_model', dictionaryColumn(n, c.base, store.bases.values), true],
    ['base_relation', dictionaryColumn(n, Uint8Array.from(c.baseRelation, (r, i) => (c.base[i] ? r + 1 : 0)), ['', ...RELATIONS]), true],
    ['other_base_models', otherBases, true],
    ['last_seen_walk', column(new Uint16(), n, c.seenWalk), false],
  ];
  const fields = children.map(([name, data, nullable]) => new Field(name, data.type, nullable));
  const schema = new Schema(fields, new Map([[META_KEY, JSON.stringify({ format: FORMAT, ...store.meta })]]));
  const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: n, nullCount: 0, children: children.map(([, data]) => data) }));
  return new Table(schema, [batch]);
}

/** Writes the census next to its final name, then renames it over the old file. */
export async function saveCensus(store: CensusStore, file: string): Promise<void> {
  await writeFileAtomic(file, tableToIPC(censusTable(store), 'file'));
}

/** One column's single chunk (the files we write have one record batch). */
function chunk(table: Table, name: string): Data {
  const vector = table.getChild(name);
  if (!vector || vector.data.length !== 1) throw new Error(`census file: column ${name} missing or in several batches`);
  return vector.data[0];
}

const isValid = (data: Data, i: number) => !data.nullBitmap || data.nullCount === 0 || (data.nullBitmap[i >> 3] & (1 << (i & 7))) !== 0;

/** A dictionary's strings decoded straight from its Utf8 buffers (Vector.toArray is slow on 200,000 base ids). */
function dictionaryStrings(data: Data): (string | null)[] {
  const dict = data.dictionary?.data[0];
  if (!dict) return [];
  const offsets = dict.valueOffsets as Int32Array;
  const bytes = dict.values as Uint8Array;
  const utf8 = new TextDecoder();
  const out: (string | null)[] = new Array(dict.length);
  for (let i = 0; i < dict.length; i++) out[i] = isValid(dict, i) ? utf8.decode(bytes.subarray(offsets[dict.offset + i], offsets[dict.offset + i + 1])) : null;
  return out;
}

/** Dictionary codes mapped onto interned codes (0 = none), or onto a fixed list (code = index), whatever order the file has. */
function codesOf(data: Data, names: Interner | readonly string[]): Int32Array {
  const dictionary = dictionaryStrings(data);
  const map = dictionary.map((name) => {
    if (!name) return 0;
    return names instanceof Interner ? names.intern(name) : Math.max(0, names.indexOf(name));
  });
  const indices = (data.values as Int32Array).subarray(data.offset, data.offset + data.length);
  const codes = Int32Array.from(map);
  const out = new Int32Array(data.length);
  const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
  for (let i = 0; i < out.length; i++) out[i] = !bitmap || (bitmap[i >> 3] & (1 << (i & 7))) !== 0 ? codes[indices[i]] : 0;
  return out;
}

/** The census saved under DATA_DIR, or undefined when there is none (or it is of another format). */
export async function loadCensus(file: string): Promise<CensusStore | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  const table = tableFromIPC(bytes);
  const raw = JSON.parse(table.schema.metadata.get(META_KEY) ?? '{}') as CensusMeta & { format?: number };
  if (raw.format !== FORMAT) return undefined;
  const { format: _format, ...meta } = raw;
  void _format;
  const n = table.numRows;
  // Arrow pads buffers: read exactly n values from each.
  const values = <T extends Uint32Array | Uint16Array | Float64Array | Int32Array>(data: Data) => (data.values as T).subarray(data.offset, data.offset + n) as T;
  const id = chunk(table, 'id');
  const idOffsets = new Uint32Array((id.valueOffsets as Int32Array).subarray(id.offset, id.offset + n + 1));
  const day = chunk(table, 'created_day');
  const createdDay = new Int32Array(n);
  const days = values<Int32Array>(day);
  for (let i = 0; i < n; i++) createdDay[i] = isValid(day, i) ? days[i] : NO_DAY;
  const boolAt = (data: Data, i: number) => isValid(data, i) && ((data.values as Uint8Array)[(data.offset + i) >> 3] & (1 << ((data.offset + i) & 7))) !== 0;
  const backfill = chunk(table, 'created_at_backfill');
  const packed = chunk(table, 'safetensors_packed');
  const peft = chunk(table, 'peft');
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    flags[i] = (boolAt(backfill, i) ? FLAG_BACKFILL : 0) | (isValid(packed, i) ? FLAG_PACKED_KNOWN : 0) | (boolAt(packed, i) ? FLAG_PACKED : 0) | (boolAt(peft, i) ? FLAG_PEFT : 0);
  }
  const floats = (name: string) => {
    const data = chunk(table, name);
    const out = new Float64Array(values<Float64Array>(data));
    const bitmap = data.nullCount > 0 ? data.nullBitmap : undefined;
    if (bitmap) for (let i = 0; i < n; i++) if ((bitmap[i >> 3] & (1 << (i & 7))) === 0) out[i] = NaN;
    return out;
  };
  const names = { tasks: new Interner(), libraries: new Interner(), bases: new Interner() };
  const sources = codesOf(chunk(table, 'parameter_source'), ['', ...PARAMETER_SOURCES]);
  const caveats = codesOf(chunk(table, 'parameter_caveat'), ['', ...CAVEATS]);
  const relations = codesOf(chunk(table, 'base_relation'), ['', ...RELATIONS]);
  const columns: CensusColumns = {
    length: n,
    // Copies of the buffers that would otherwise keep the whole file in memory.
    idBytes: (id.values as Uint8Array).slice(0, idOffsets[n]),
    idOffsets,
    createdDay,
    flags,
    downloads: values<Uint32Array>(chunk(table, 'downloads_30d')).slice(),
    likes: values<Uint32Array>(chunk(table, 'likes')).slice(),
    parameters: floats('parameters'),
    parameterSource: new Uint8Array(sources),
    caveat: new Uint8Array(caveats),
    safetensorsTotal: floats('safetensors_total'),
    ggufTotal: floats('gguf_total'),
    task: new Uint16Array(codesOf(chunk(table, 'pipeline_tag'), names.tasks)),
    library: new Uint16Array(codesOf(chunk(table, 'library_name'), names.libraries)),
    base: codesOf(chunk(table, 'base_model'), names.bases),
    baseRelation: new Uint8Array(relations.map((r) => Math.max(0, r - 1))),
    seenWalk: values<Uint16Array>(chunk(table, 'last_seen_walk')).slice(),
  };
  const more = new Map<number, { base: number; relation: number }[]>();
  // Mostly nulls: only rows with a value are decoded (Vector.get on millions of rows is slow).
  const other = chunk(table, 'other_base_models');
  const otherOffsets = other.valueOffsets as Int32Array;
  const otherBytes = other.values as Uint8Array;
  const utf8 = new TextDecoder();
  for (let i = 0; i < n; i++) {
    if (!isValid(other, i)) continue;
    const text = utf8.decode(otherBytes.subarray(otherOffsets[other.offset + i], otherOffsets[other.offset + i + 1]));
    if (!text) continue;
    more.set(
      i,
      text.split(';').map((entry) => {
        const colon = entry.indexOf(':');
        const relation = Math.max(0, RELATIONS.indexOf(entry.slice(0, colon) as (typeof RELATIONS)[number]));
        return { base: names.bases.intern(entry.slice(colon + 1)), relation };
      }),
    );
  }
  return CensusStore.fromColumns(meta as CensusMeta, columns, names, more);
}
