/**
 * A small reader of OLE compound files ("Compound File Binary", MS-CFB), the container of .xls,
 * WPS .et and password-protected .xlsx files: header, FAT and DIFAT, directory, mini stream.
 *
 * Read only, streams of the root storage only (that is where Workbook, Book and EncryptedPackage
 * live). Files come from outside: every sector number is checked against the file's length and
 * every chain against loops, so a damaged file gives a FormatError, never a hang or a crash.
 */
import { FormatError } from "./errors";

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIR_ENTRY_SIZE = 128;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

function damaged(what: string): FormatError {
  return new FormatError(
    `the file is damaged or truncated (${what}); save it again in Excel or WPS`
  );
}

export function hasOleMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private fat = new Uint32Array(0);
  private miniFat = new Uint32Array(0);
  private miniStream: Uint8Array = new Uint8Array(0);
  private miniCutoff = 4096;
  private entries: DirEntry[] = [];
  /** The streams of the root storage, by upper-case name. */
  private readonly rootStreams = new Map<string, DirEntry>();

  private constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < 512 || !hasOleMagic(bytes)) throw damaged("no compound file header");
    const shift = this.u16(30);
    if (shift !== 9 && shift !== 12) throw damaged(`sector size 2^${shift} is not valid`);
    this.sectorSize = 1 << shift;
    if (bytes.length < this.sectorSize) throw damaged("the header is cut short");
    // The header takes the first sector's place: sector n starts at (n + 1) × sector size.
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
  }

  static read(bytes: Uint8Array): CompoundFile {
    const cf = new CompoundFile(bytes);
    cf.readFat();
    cf.readDirectory();
    return cf;
  }

  /** Names of the streams in the root storage. */
  streamNames(): string[] {
    return [...this.rootStreams.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.rootStreams.has(name.toUpperCase());
  }

  /** A stream of the root storage (names compared without case, as Excel does), or undefined. */
  stream(name: string): Uint8Array | undefined {
    const e = this.rootStreams.get(name.toUpperCase());
    if (!e) return undefined;
    if (e.size < this.miniCutoff) return this.readMini(e.start, e.size, e.name);
    return this.readRegular(e.start, e.size, e.name);
  }

  // --- internals -------------------------------------------------------------------------

  private u16(o: number): number {
    return this.view.getUint16(o, true);
  }

  private u32(o: number): number {
    return this.view.getUint32(o, true);
  }

  private sector(id: number): Uint8Array {
    if (id >= this.sectorCount) throw damaged(`sector ${id} lies past the end of the file`);
    const start = (id + 1) * this.sectorSize;
    return this.bytes.subarray(start, Math.min(start + this.sectorSize, this.bytes.length));
  }

  /** The FAT sector numbers: 109 in the header, the rest in the DIFAT chain. */
  private fatSectorIds(): number[] {
    const count = this.u32(44);
    if (count > this.sectorCount) throw damaged("more FAT sectors than the file holds");
    const ids: number[] = [];
    for (let i = 0; i < 109 && ids.length < count; i++) ids.push(this.u32(76 + 4 * i));
    const perSector = this.sectorSize / 4 - 1;
    const seen = new Set<number>();
    for (let next = this.u32(68); ids.length < count && next !== ENDOFCHAIN && next !== FREESECT;) {
      if (seen.has(next)) throw damaged("the DIFAT chain loops");
      seen.add(next);
      const s = this.sector(next);
      if (s.length < this.sectorSize) throw damaged("a DIFAT sector is cut short");
      const dv = new DataView(s.buffer, s.byteOffset, s.length);
      for (let i = 0; i < perSector && ids.length < count; i++) ids.push(dv.getUint32(4 * i, true));
      next = dv.getUint32(4 * perSector, true);
    }
    if (ids.length < count) throw damaged("FAT sectors are missing");
    return ids;
  }

  private readFat(): void {
    const ids = this.fatSectorIds();
    const per = this.sectorSize / 4;
    const fat = new Uint32Array(ids.length * per);
    ids.forEach((id, k) => {
      const s = this.sector(id);
      if (s.length < this.sectorSize) throw damaged("a FAT sector is cut short");
      const dv = new DataView(s.buffer, s.byteOffset, s.length);
      for (let i = 0; i < per; i++) fat[k * per + i] = dv.getUint32(4 * i, true);
    });
    this.fat = fat;
  }

  /** The sector numbers of a chain; loops and numbers outside the table are damage. */
  private chain(start: number, table: Uint32Array, limit: number, what: string): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(Math.min(table.length, limit));
    for (let id = start; id !== ENDOFCHAIN; id = table[id]) {
      if (id > MAX_REGULAR_SECTOR || id >= table.length || id >= limit)
        throw damaged(`the ${what} points outside the file`);
      if (seen[id]) throw damaged(`the ${what} loops`);
      seen[id] = 1;
      out.push(id);
    }
    return out;
  }

  private readRegular(start: number, size: number, what: string): Uint8Array {
    const ids =
      size === 0 && start === ENDOFCHAIN
        ? []
        : this.chain(start, this.fat, this.sectorCount, `chain of ${what}`);
    if (ids.length * this.sectorSize < size)
      throw damaged(`${what} is shorter than its declared size`);
    const out = new Uint8Array(size);
    let o = 0;
    for (const id of ids) {
      if (o >= size) break;
      const s = this.sector(id).subarray(0, size - o);
      out.set(s, o);
      o += s.length;
    }
    if (o < size) throw damaged(`${what} is cut short`);
    return out;
  }

  private readMini(start: number, size: number, what: string): Uint8Array {
    if (size === 0) return new Uint8Array(0);
    const count = Math.floor(this.miniStream.length / 64);
    const ids = this.chain(start, this.miniFat, count, `mini chain of ${what}`);
    if (ids.length * 64 < size) throw damaged(`${what} is shorter than its declared size`);
    const out = new Uint8Array(size);
    ids.forEach((id, k) => {
      const n = Math.min(64, size - k * 64);
      if (n > 0) out.set(this.miniStream.subarray(id * 64, id * 64 + n), k * 64);
    });
    return out;
  }

  private readDirectory(): void {
    const ids = this.chain(this.u32(48), this.fat, this.sectorCount, "directory chain");
    const dir = new Uint8Array(ids.length * this.sectorSize);
    ids.forEach((id, k) => dir.set(this.sector(id), k * this.sectorSize));
    const dv = new DataView(dir.buffer);
    const major = this.u16(26);
    for (let o = 0; o + DIR_ENTRY_SIZE <= dir.length; o += DIR_ENTRY_SIZE)
      this.entries.push(dirEntry(dir, dv, o, major));
    const root = this.entries[0];
    if (!root || root.type !== TYPE_ROOT) throw damaged("no root entry in the directory");
    this.miniCutoff = this.u32(56) || 4096;
    if (root.size > 0) this.miniStream = this.readRegular(root.start, root.size, "the mini stream");
    const miniFatCount = this.u32(64);
    if (miniFatCount > 0) {
      const ids2 = this.chain(this.u32(60), this.fat, this.sectorCount, "mini FAT chain");
      const raw = new Uint8Array(ids2.length * this.sectorSize);
      ids2.forEach((id, k) => raw.set(this.sector(id), k * this.sectorSize));
      this.miniFat = new Uint32Array(raw.length / 4);
      const mv = new DataView(raw.buffer);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = mv.getUint32(4 * i, true);
    }
    this.collectRootStreams(root.child);
  }

  /** Walks the red-black tree of the root's children (siblings via left/right), guarding against loops. */
  private collectRootStreams(first: number): void {
    const seen = new Set<number>();
    const stack = [first];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (i === NOSTREAM) continue;
      if (i >= this.entries.length) throw damaged("a directory entry points outside the directory");
      if (seen.has(i)) throw damaged("the directory tree loops");
      seen.add(i);
      const e = this.entries[i];
      // Storages (and unused entries some writers leave linked) hold nothing read here.
      if (e.type === TYPE_STREAM) this.rootStreams.set(e.name.toUpperCase(), e);
      stack.push(e.left, e.right);
    }
  }
}

function dirEntry(dir: Uint8Array, dv: DataView, o: number, major: number): DirEntry {
  const nameBytes = Math.min(64, dv.getUint16(o + 64, true));
  let name = "";
  for (let i = 0; i + 1 < nameBytes; i += 2) {
    const c = dv.getUint16(o + i, true);
    if (c === 0) break;
    name += String.fromCharCode(c);
  }
  // Version 3 files may hold garbage in the size's high half: only version 4 uses it.
  const high = major >= 4 ? dv.getUint32(o + 124, true) : 0;
  if (high !== 0) throw damaged("a stream is larger than 4 GB");
  return {
    name,
    type: dir[o + 66],
    left: dv.getUint32(o + 68, true),
    right: dv.getUint32(o + 72, true),
    child: dv.getUint32(o + 76, true),
    start: dv.getUint32(o + 116, true),
    size: dv.getUint32(o + 120, true),
  };
}
