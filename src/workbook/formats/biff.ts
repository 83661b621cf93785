/**
 * Low-level pieces of the BIFF5/BIFF8 record stream of an .xls/.et workbook (MS-XLS): records,
 * strings (also when they run over CONTINUE records), code pages, RK numbers, errors and the
 * built-in number formats.
 */
import { FormatError } from "./errors";
import { BUILTIN_NUM_FMTS } from "../package/read-styles";

export interface BiffRecord {
  type: number;
  data: Uint8Array;
  /** Offset of the record's header in the stream. */
  pos: number;
}

export const REC = {
  BOF: 0x0809,
  EOF: 0x000a,
  CONTINUE: 0x003c,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  FILEPASS: 0x002f,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGEDCELLS: 0x00e5,
} as const;

/** The record at `pos`, or null at the end of the stream; a record cut short is damage. */
export function recordAt(s: Uint8Array, pos: number): BiffRecord | null {
  if (pos + 4 > s.length) return null;
  const type = s[pos] | (s[pos + 1] << 8);
  const len = s[pos + 2] | (s[pos + 3] << 8);
  if (pos + 4 + len > s.length)
    throw new FormatError("the workbook stream is truncated in the middle of a record");
  return { type, data: s.subarray(pos + 4, pos + 4 + len), pos };
}

/**
 * The records of one substream, from its BOF to its EOF. Embedded substreams (a chart inside a
 * worksheet) are skipped with their own BOF…EOF; a stream that ends without EOF gives what it has.
 */
export function substream(s: Uint8Array, start: number): BiffRecord[] {
  const out: BiffRecord[] = [];
  let depth = 0;
  for (let pos = start, r = recordAt(s, pos); r; pos += 4 + r.data.length, r = recordAt(s, pos)) {
    if (r.type === REC.BOF && pos !== start) depth++;
    else if (r.type === REC.EOF) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) out.push(r);
  }
  return out;
}

export function u16(d: Uint8Array, o: number): number {
  return d[o] | (d[o + 1] << 8);
}

export function u32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
}

export function f64(d: Uint8Array, o: number): number {
  return new DataView(d.buffer, d.byteOffset + o, 8).getFloat64(0, true);
}

/** An RK number: a 30-bit integer or the high bits of a double, optionally divided by 100. */
export function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = (rk | 0) >> 2;
  else {
    const b = new DataView(new ArrayBuffer(8));
    b.setUint32(4, rk & 0xfffffffc, true);
    v = b.getFloat64(0, true);
  }
  return rk & 1 ? v / 100 : v;
}

export const ERROR_CODES: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** Code page numbers of the CODEPAGE record → WHATWG encoding labels (TextDecoder). */
const CODEPAGES: Record<number, string> = {
  367: "windows-1252",
  874: "windows-874",
  932: "shift_jis",
  936: "gbk",
  949: "euc-kr",
  950: "big5",
  1250: "windows-1250",
  1251: "windows-1251",
  1252: "windows-1252",
  1253: "windows-1253",
  1254: "windows-1254",
  1255: "windows-1255",
  1256: "windows-1256",
  1257: "windows-1257",
  1258: "windows-1258",
  10000: "macintosh",
  32768: "macintosh",
  32769: "windows-1252",
  54936: "gb18030",
};

/** A decoder for BIFF5 byte strings; unknown code pages fall back to Windows-1252, as Excel does. */
export function codepageDecoder(codepage: number): TextDecoder {
  return new TextDecoder(CODEPAGES[codepage] ?? "windows-1252");
}

/** 8-bit "compressed" BIFF8 characters are the low bytes of UTF-16: Latin-1 exactly, not Windows-1252. */
function latin1(d: Uint8Array): string {
  let s = "";
  for (let i = 0; i < d.length; i += 4096)
    s += String.fromCharCode(...d.subarray(i, Math.min(i + 4096, d.length)));
  return s;
}

const utf16 = new TextDecoder("utf-16le");

/**
 * Reads a record and its CONTINUE records as one byte sequence, except that characters of a
 * string carried over into a CONTINUE record start with a fresh option byte there (MS-XLS 2.5.293):
 * a string may switch between 8-bit and 16-bit characters at a CONTINUE boundary.
 */
export class ContinuedReader {
  private seg = 0;
  private off: number;

  constructor(
    private readonly segs: Uint8Array[],
    start = 0
  ) {
    this.off = start;
  }

  get atEnd(): boolean {
    this.skipEmpty();
    return this.seg >= this.segs.length;
  }

  private skipEmpty(): void {
    while (this.seg < this.segs.length && this.off >= this.segs[this.seg].length) {
      this.seg++;
      this.off = 0;
    }
  }

  u8(): number {
    this.skipEmpty();
    if (this.seg >= this.segs.length)
      throw new FormatError("the shared string table of the workbook is cut short");
    return this.segs[this.seg][this.off++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  /** Skips bytes that are not characters (rich-text runs, phonetic data): no option byte at a boundary. */
  skip(n: number): void {
    while (n > 0) {
      this.skipEmpty();
      if (this.seg >= this.segs.length)
        throw new FormatError("the shared string table of the workbook is cut short");
      const take = Math.min(n, this.segs[this.seg].length - this.off);
      this.off += take;
      n -= take;
    }
  }

  /** `count` characters, 16-bit when `high`; at a CONTINUE boundary a new option byte says which. */
  chars(count: number, high: boolean): string {
    let out = "";
    let left = count;
    while (left > 0) {
      if (this.seg >= this.segs.length || this.off >= this.segs[this.seg].length) {
        this.seg++;
        this.off = 0;
        if (this.seg >= this.segs.length)
          throw new FormatError("the shared string table of the workbook is cut short");
        high = (this.segs[this.seg][this.off++] & 1) === 1;
        continue;
      }
      const d = this.segs[this.seg];
      const size = high ? 2 : 1;
      const n = Math.min(left, Math.floor((d.length - this.off) / size));
      if (n === 0) throw new FormatError("a string of the workbook is split inside a character");
      const bytes = d.subarray(this.off, this.off + n * size);
      out += high ? utf16.decode(bytes) : latin1(bytes);
      this.off += n * size;
      left -= n;
    }
    return out;
  }

  /** A BIFF8 XLUnicodeRichExtendedString (the SST's strings; `wide` 16-bit length as elsewhere). */
  unicodeString(wide = true): string {
    const count = wide ? this.u16() : this.u8();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(4 * runs + ext);
    return text;
  }
}

/** A BIFF8 string at `o` of a record, its length 16-bit (`wide`) or 8-bit. */
export function unicodeStringAt(d: Uint8Array, o: number, wide: boolean): string {
  return new ContinuedReader([d], o).unicodeString(wide);
}

/** A BIFF5 byte string at `o`: a length (8- or 16-bit) and bytes in the workbook's code page. */
export function byteStringAt(
  d: Uint8Array,
  o: number,
  wide: boolean,
  decoder: TextDecoder
): string {
  const count = wide ? u16(d, o) : d[o];
  const start = o + (wide ? 2 : 1);
  return decoder.decode(d.subarray(start, Math.min(start + count, d.length)));
}

// Excel's built-in number formats have one home, shared with the .xlsx reader.

export function builtinFormat(id: number): string | undefined {
  return BUILTIN_NUM_FMTS[id];
}
