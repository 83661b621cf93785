/**
 * A zip package read part by part and written back with every untouched part copied as it was:
 * its compressed bytes are never inflated and deflated again, so a part the product does not
 * change leaves byte-for-byte as it came (docs/files.md, "Writing never loses anything").
 *
 * Bytes in, bytes out, no file system: the same code runs in Node and in the browser.
 */
import { deflateSync, inflateSync } from "fflate";

/** Limits against a zip bomb: a part, and the whole package, may not inflate past these. */
export const MAX_PART_BYTES = 512 * 1024 * 1024;
export const MAX_PACKAGE_BYTES = 2 * 1024 * 1024 * 1024;
/** A part's declared size may exceed its compressed size by at most this ratio. */
export const MAX_RATIO = 1000;
/** Parts set larger than this are deflated at once (fastest level) rather than when the package is written. */
const EAGER_DEFLATE_BYTES = 4 * 1024 * 1024;

/**
 * Raw deflate and inflate. fflate's run everywhere; where Node's zlib is at hand (the command
 * line), it is set instead (setCodec), being native and several times faster.
 */
export interface Codec {
  deflate(data: Uint8Array, level: number): Uint8Array;
  /** Inflates into at most `limit` bytes: more is an error or a longer result, never a silent cut. */
  inflate(data: Uint8Array, limit: number): Uint8Array;
}

let codec: Codec = {
  deflate: (data, level) =>
    deflateSync(data, { level: level as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }),
  inflate: (data, limit) => inflateSync(data, { out: new Uint8Array(limit) }),
};

export function setCodec(c: Codec): void {
  codec = c;
}

/** A package that cannot be used; its message is one sentence for people. */
export class PackageError extends Error {}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the compressed bytes start in the source, or -1 for a part set by `set`. */
  dataOffset: number;
  /** A part set (or replaced) by the program, inflated. */
  data?: Uint8Array;
  /** A large part set by the program, deflated at once so its text is not held until the package is written. */
  deflated?: Uint8Array;
  modTime: number;
  modDate: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

const utf8 = new TextDecoder("utf-8");
const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Finds the end-of-central-directory record, searching back over a trailing comment. */
function findEnd(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let o = bytes.length - 22; o >= min; o--) {
    if (u32(bytes, o) === SIG_END) return o;
  }
  throw new PackageError("the file is not a complete zip package (no central directory)");
}

let crcTable: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export class ZipPackage {
  private readonly entries = new Map<string, Entry>();
  /** Part names in their order in the source, new parts appended. */
  private order: string[] = [];

  private constructor(private readonly source: Uint8Array) {}

  static read(bytes: Uint8Array): ZipPackage {
    const pkg = new ZipPackage(bytes);
    const end = findEnd(bytes);
    const count = u16(bytes, end + 10);
    const cdSize = u32(bytes, end + 12);
    let o = u32(bytes, end + 16);
    if (count === 0xffff || o === 0xffffffff || cdSize === 0xffffffff) {
      throw new PackageError(
        "the package is in the zip64 format, which is not supported; save it again in Excel or WPS"
      );
    }
    if (o + cdSize > bytes.length) throw new PackageError("the zip package is truncated");
    let total = 0;
    for (let i = 0; i < count; i++) {
      const { entry, next } = centralEntry(bytes, o);
      o = next;
      if (!entry) continue; // a folder entry holds nothing
      total += entry.size;
      if (total > MAX_PACKAGE_BYTES)
        throw new PackageError(
          "the package would inflate past 2 GB, too large to be a real workbook (a zip bomb?)"
        );
      if (!pkg.entries.has(entry.name)) pkg.order.push(entry.name);
      pkg.entries.set(entry.name, entry);
    }
    return pkg;
  }

  static empty(): ZipPackage {
    return new ZipPackage(new Uint8Array(0));
  }

  /** Part names in package order. */
  names(): string[] {
    return [...this.order];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** True when the part is the one read from the source, not set since. */
  isOriginal(name: string): boolean {
    const e = this.entries.get(name);
    return !!e && e.data === undefined && e.deflated === undefined;
  }

  /** A part's bytes, inflated; undefined when the package has no such part. */
  get(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.data) return e.data;
    if (e.deflated) return codec.inflate(e.deflated, e.size + 1);
    const raw = this.source.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    if (e.method === 0) {
      if (raw.length !== e.size)
        throw new PackageError(`part ${name} is damaged (its size does not match)`);
      return raw;
    }
    let out: Uint8Array;
    try {
      // One byte more than declared: a part that inflates past its declared size is caught.
      out = codec.inflate(raw, e.size + 1);
    } catch (err) {
      throw new PackageError(`part ${name} is damaged (${(err as Error).message})`);
    }
    if (out.length !== e.size)
      throw new PackageError(`part ${name} is damaged (it does not inflate to its declared size)`);
    return out;
  }

  /** A part as text (UTF-8, a byte-order mark dropped). */
  text(name: string): string | undefined {
    const b = this.get(name);
    if (!b) return undefined;
    const s = utf8.decode(b);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }

  set(name: string, data: Uint8Array | string): void {
    const bytes = typeof data === "string" ? encoder.encode(data) : data;
    const old = this.entries.get(name);
    if (!old) this.order.push(name);
    const entry: Entry = {
      name,
      method: 8,
      flags: 0x0800,
      crc: 0,
      compressedSize: 0,
      size: bytes.length,
      dataOffset: -1,
      data: bytes,
      modTime: old?.modTime ?? 0,
      modDate: old?.modDate ?? 0x21, // 1980-01-01, as Excel writes
    };
    if (bytes.length > EAGER_DEFLATE_BYTES) {
      // A big part (a gap analysis of 100,000 rows) is kept deflated: a tenth of the memory.
      entry.crc = crc32(bytes);
      entry.deflated = codec.deflate(bytes, 1);
      entry.data = undefined;
    }
    this.entries.set(name, entry);
  }

  delete(name: string): void {
    if (!this.entries.delete(name)) return;
    this.order = this.order.filter((n) => n !== name);
  }

  /** The package as zip bytes: untouched parts copied compressed as they came, set parts deflated. */
  toBytes(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): Uint8Array {
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    for (const name of this.order) {
      const e = this.entries.get(name)!;
      const { payload, method, crc } = this.payloadOf(e, level);
      const fields: EntryFields = {
        name: encoder.encode(name),
        flags: (e.flags & ~0x0009) | 0x0800,
        method,
        crc,
        e,
        compressed: payload.length,
      };
      const local = localHeader(fields);
      chunks.push(local, payload);
      central.push(centralHeader(fields, offset));
      offset += local.length + payload.length;
    }
    return concat([...chunks, ...central, endRecord(central, offset)]);
  }

  /** A part's stored bytes: as they came, or the set bytes deflated (stored when that is no smaller). */
  private payloadOf(e: Entry, level: number): { payload: Uint8Array; method: number; crc: number } {
    if (e.deflated) return { payload: e.deflated, method: 8, crc: e.crc };
    if (!e.data)
      return {
        payload: this.source.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
        method: e.method,
        crc: e.crc,
      };
    const crc = crc32(e.data);
    const deflated = codec.deflate(e.data, level);
    return deflated.length < e.data.length
      ? { payload: deflated, method: 8, crc }
      : { payload: e.data, method: 0, crc };
  }
}

/** What the local and central headers of one part say (sizes known: no data descriptor; UTF-8 names). */
interface EntryFields {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  e: Entry;
  compressed: number;
}

function localHeader(f: EntryFields): Uint8Array {
  const h = new Uint8Array(30 + f.name.length);
  const v = new DataView(h.buffer);
  v.setUint32(0, SIG_LOCAL, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, f.flags, true);
  v.setUint16(8, f.method, true);
  v.setUint16(10, f.e.modTime, true);
  v.setUint16(12, f.e.modDate, true);
  v.setUint32(14, f.crc, true);
  v.setUint32(18, f.compressed, true);
  v.setUint32(22, f.e.size, true);
  v.setUint16(26, f.name.length, true);
  h.set(f.name, 30);
  return h;
}

function centralHeader(f: EntryFields, offset: number): Uint8Array {
  const h = new Uint8Array(46 + f.name.length);
  const v = new DataView(h.buffer);
  v.setUint32(0, SIG_CENTRAL, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, 20, true);
  v.setUint16(8, f.flags, true);
  v.setUint16(10, f.method, true);
  v.setUint16(12, f.e.modTime, true);
  v.setUint16(14, f.e.modDate, true);
  v.setUint32(16, f.crc, true);
  v.setUint32(20, f.compressed, true);
  v.setUint32(24, f.e.size, true);
  v.setUint16(28, f.name.length, true);
  v.setUint32(42, offset, true);
  h.set(f.name, 46);
  return h;
}

function endRecord(central: Uint8Array[], cdStart: number): Uint8Array {
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, SIG_END, true);
  v.setUint16(8, central.length, true);
  v.setUint16(10, central.length, true);
  v.setUint32(
    12,
    central.reduce((n, c) => n + c.length, 0),
    true
  );
  v.setUint32(16, cdStart, true);
  return end;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A part's name, as UTF-8 when it is valid UTF-8 (the flag is not always set), else as it decodes. */
function partName(raw: Uint8Array): string {
  try {
    return utf8Fatal.decode(raw);
  } catch {
    return utf8.decode(raw);
  }
}

/**
 * The central-directory record at `o`, checked against its local header and the limits against
 * zip bombs; null for a folder entry. `next` is where the following record starts.
 */
function centralEntry(bytes: Uint8Array, o: number): { entry: Entry | null; next: number } {
  if (o + 46 > bytes.length || u32(bytes, o) !== SIG_CENTRAL)
    throw new PackageError("the zip directory is damaged");
  const flags = u16(bytes, o + 8);
  const method = u16(bytes, o + 10);
  const compressedSize = u32(bytes, o + 20);
  const size = u32(bytes, o + 24);
  const nameLen = u16(bytes, o + 28);
  const local = u32(bytes, o + 42);
  const name = partName(bytes.subarray(o + 46, o + 46 + nameLen));
  const next = o + 46 + nameLen + u16(bytes, o + 30) + u16(bytes, o + 32);
  if (flags & 1) throw new PackageError("the package is encrypted");
  if (name.endsWith("/")) return { entry: null, next };
  if (local + 30 > bytes.length || u32(bytes, local) !== SIG_LOCAL)
    throw new PackageError(`the zip package is damaged at part ${name}`);
  const dataOffset = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  if (dataOffset + compressedSize > bytes.length)
    throw new PackageError(`the zip package is truncated at part ${name}`);
  if (method !== 0 && method !== 8)
    throw new PackageError(
      `part ${name} uses a compression method (${method}) that is not supported`
    );
  if (
    size > MAX_PART_BYTES ||
    (method === 8 && size > Math.max(1 << 20, compressedSize * MAX_RATIO))
  )
    throw new PackageError(
      `part ${name} would inflate to ${size} bytes, too large to be a real workbook (a zip bomb?)`
    );
  const key = name.replace(/^\/+/, "");
  const entry: Entry = {
    name: key,
    method,
    flags,
    crc: u32(bytes, o + 16),
    compressedSize,
    size,
    dataOffset,
    modTime: u16(bytes, o + 12),
    modDate: u16(bytes, o + 14),
  };
  return { entry, next };
}
