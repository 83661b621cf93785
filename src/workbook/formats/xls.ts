/**
 * .xls (BIFF8, and BIFF5/BIFF7 of Excel 95 and old WPS) and WPS .et workbooks → the core's grids,
 * with the same semantics as the .xlsx reader (src/workbook/xlsx.ts): empty cells and merged
 * non-master cells omitted, numFmt only when not General, dates as UTC Dates, errors as
 * {error}, hidden sheets marked, the annotation store skipped.
 *
 * Formulas: BIFF keeps them as parsed tokens, which are not decompiled. The cell keeps its cached
 * result and no `formula`: the core never reads Cell.formula (it judges the value only), so the
 * findings are those of the .xlsx; a made-up marker would only pretend to be formula text.
 */
import type { Cell, CellValue, SheetGrid, WorkbookGrids } from "../../core/model/cells";
import { ANNOTATION_STORE_SHEET } from "../../core/model/plan";
import { excelSerialToDate, isDateFormat } from "../shared/number-format";
import { CompoundFile, hasOleMagic } from "./cfb";
import {
  type BiffRecord,
  ContinuedReader,
  ERROR_CODES,
  REC,
  builtinFormat,
  byteStringAt,
  codepageDecoder,
  f64,
  recordAt,
  rkValue,
  substream,
  u16,
  u32,
  unicodeStringAt,
} from "./biff";
import { FormatError } from "./errors";

const BIFF5 = 0x0500;
const BOF_WORKBOOK = 0x0005;
const BOF_WORKSHEET = 0x0010;
/** BOUNDSHEET sheet types: only worksheets hold cells (1 macro sheet, 2 chart, 6 VBA module). */
const SHEET_WORKSHEET = 0;
/** 1904 date system: serial 0 is 1904-01-01, which is serial 1462 of the 1900 system. */
const DAYS_1904 = 1462;
/** Cells looked at while applying merged areas, at most (a real sheet needs a tiny fraction). */
const MAX_MERGE_WORK = 50_000_000;

export const ENCRYPTED_MESSAGE =
  "the workbook is password-protected (encrypted); remove the password in Excel or WPS and save it again";

interface Globals {
  biff8: boolean;
  decoder: TextDecoder;
  date1904: boolean;
  formats: Map<number, string>;
  /** The number format id of each XF record, by XF index. */
  xfFormats: number[];
  sst: string[];
  sheets: { name: string; pos: number; hidden: boolean; type: number }[];
}

/** The BIFF workbook stream of an OLE file (Workbook in BIFF8, Book in BIFF5), or a bare BIFF stream. */
export function workbookStream(bytes: Uint8Array): Uint8Array {
  if (!hasOleMagic(bytes)) return bytes;
  const cf = CompoundFile.read(bytes);
  if (cf.has("EncryptedPackage")) throw new FormatError(ENCRYPTED_MESSAGE);
  const s = cf.stream("Workbook") ?? cf.stream("Book");
  if (!s)
    throw new FormatError(
      "the file is an OLE compound file without a workbook stream, so not an .xls or .et workbook"
    );
  return s;
}

/** True when the BIFF stream's globals hold a FILEPASS record (an encrypted .xls). */
export function biffEncrypted(stream: Uint8Array): boolean {
  try {
    return substream(stream, 0).some((r) => r.type === REC.FILEPASS);
  } catch {
    return false;
  }
}

export function readXls(bytes: Uint8Array): WorkbookGrids {
  const stream = workbookStream(bytes);
  const globals = readGlobals(stream);
  const sheets: SheetGrid[] = [];
  for (const s of globals.sheets) {
    if (s.type !== SHEET_WORKSHEET || s.name === ANNOTATION_STORE_SHEET) continue;
    const grid = readSheet(stream, s.pos, s.name, globals);
    if (!grid) continue;
    if (s.hidden) grid.hidden = true;
    sheets.push(grid);
  }
  if (sheets.length === 0) throw new FormatError("the workbook holds no worksheet");
  return { sheets };
}

function checkBof(
  r: BiffRecord | null | undefined,
  want: number
): { biff8: boolean; type: number } {
  if (!r || r.type !== REC.BOF) {
    if (r && (r.type === 0x0009 || r.type === 0x0209 || r.type === 0x0409)) {
      throw new FormatError(
        "the workbook is in the Excel 2.x–4.x format, which is not supported; save it as .xlsx in Excel or WPS"
      );
    }
    throw new FormatError(
      "the workbook stream does not start with a BIFF header, so the file is damaged"
    );
  }
  const version = u16(r.data, 0);
  const type = u16(r.data, 2);
  if (want === BOF_WORKBOOK && type !== BOF_WORKBOOK)
    throw new FormatError("the workbook stream does not start with the workbook globals");
  // BIFF5 and BIFF7 share 0x0500; anything else in a 0x0809 header is read as BIFF8.
  return { biff8: version !== BIFF5, type };
}

function readGlobals(stream: Uint8Array): Globals {
  const recs = substream(stream, 0);
  const { biff8 } = checkBof(recs[0] ?? recordAt(stream, 0), BOF_WORKBOOK);
  const g: Globals = {
    biff8,
    decoder: codepageDecoder(1252),
    date1904: false,
    formats: new Map(),
    xfFormats: [],
    sst: [],
    sheets: [],
  };
  for (let i = 1; i < recs.length; i++) {
    const d = recs[i].data;
    switch (recs[i].type) {
      case REC.FILEPASS:
        throw new FormatError(ENCRYPTED_MESSAGE);
      case REC.CODEPAGE:
        g.decoder = codepageDecoder(u16(d, 0));
        break;
      case REC.DATEMODE:
        g.date1904 = u16(d, 0) === 1;
        break;
      case REC.FORMAT:
        g.formats.set(
          u16(d, 0),
          biff8 ? unicodeStringAt(d, 2, true) : byteStringAt(d, 2, false, g.decoder)
        );
        break;
      case REC.XF:
        g.xfFormats.push(u16(d, 2));
        break;
      case REC.BOUNDSHEET:
        g.sheets.push({
          pos: u32(d, 0),
          hidden: (d[4] & 3) !== 0,
          type: d[5],
          name: biff8 ? unicodeStringAt(d, 6, false) : byteStringAt(d, 6, false, g.decoder),
        });
        break;
      case REC.SST:
        g.sst = readSst(recs, i);
        break;
    }
  }
  return g;
}

/** The data of record i followed by those of its CONTINUE records. */
function withContinues(recs: BiffRecord[], i: number): Uint8Array[] {
  const segs = [recs[i].data];
  for (let k = i + 1; k < recs.length && recs[k].type === REC.CONTINUE; k++)
    segs.push(recs[k].data);
  return segs;
}

function readSst(recs: BiffRecord[], i: number): string[] {
  const segs = withContinues(recs, i);
  const r = new ContinuedReader(segs, 8);
  const unique = u32(segs[0], 4);
  const out: string[] = [];
  // The declared count is not trusted for allocation: the strings are read while bytes remain.
  while (out.length < unique && !r.atEnd) out.push(r.unicodeString());
  return out;
}

/** A sheet's cells as they are read, before merged areas are applied. */
class SheetCells {
  readonly rows: (Cell | undefined)[][] = [];
  merges: [number, number, number, number][] = [];

  constructor(private readonly g: Globals) {}

  put(row: number, col: number, xf: number, value: CellValue): Cell {
    const cell: Cell = { value };
    const fmt = this.format(xf);
    if (fmt && !/^general$/i.test(fmt)) {
      cell.numFmt = fmt;
      if (typeof value === "number" && isDateFormat(fmt)) cell.value = this.date(value);
    }
    (this.rows[row] ??= [])[col] = cell;
    return cell;
  }

  private format(xf: number): string | undefined {
    const id = this.g.xfFormats[xf];
    if (id === undefined) return undefined;
    return this.g.formats.get(id) ?? builtinFormat(id);
  }

  private date(serial: number): Date {
    return excelSerialToDate(this.g.date1904 ? serial + DAYS_1904 : serial);
  }

  /** The grid as the .xlsx reader gives it: merged non-masters dropped, empty rows as holes filled with []. */
  grid(name: string): SheetGrid {
    // Only cells that exist are visited, with a bound on the work: a damaged file may claim
    // thousands of sheet-wide merged areas.
    let work = 0;
    for (const [r1, r2, c1, c2] of this.merges) {
      for (let r = r1; r <= Math.min(r2, this.rows.length - 1); r++) {
        const row = this.rows[r];
        if (!row) continue;
        for (let c = c1; c <= Math.min(c2, row.length - 1); c++)
          if ((r !== r1 || c !== c1) && row[c]) delete row[c];
        work += row.length;
        if (work > MAX_MERGE_WORK)
          throw new FormatError(
            "the sheet has more merged areas than this reader takes, so the file is probably damaged"
          );
      }
    }
    const rows: (Cell | undefined)[][] = [];
    this.rows.forEach((row, r) => {
      let len = row.length;
      while (len > 0 && !row[len - 1]) len--;
      if (len === 0) return;
      row.length = len;
      rows[r] = row;
    });
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    return { name, rows };
  }
}

function readSheet(stream: Uint8Array, pos: number, name: string, g: Globals): SheetGrid | null {
  const recs = substream(stream, pos);
  const { type } = checkBof(recs[0] ?? recordAt(stream, pos), BOF_WORKSHEET);
  // A dialog sheet or an Excel 4 macro sheet behind a worksheet entry holds no data.
  if (type !== BOF_WORKSHEET) return null;
  const cells = new SheetCells(g);
  let pending: Cell | null = null; // a formula cell whose string result follows in a STRING record
  for (let i = 1; i < recs.length; i++) {
    const r = recs[i];
    if (r.type === REC.STRING) {
      if (pending) pending.value = formulaString(withContinues(recs, i), g);
      pending = null;
    } else if (r.type === REC.FORMULA) {
      pending = readFormula(r.data, cells);
    } else readCellRecord(r, cells, g);
  }
  return cells.grid(name);
}

/** Cell records other than FORMULA; records that are not cells are passed over. */
function readCellRecord(r: BiffRecord, cells: SheetCells, g: Globals): void {
  const d = r.data;
  if (d.length < 6 && r.type !== REC.MERGEDCELLS) return;
  const row = u16(d, 0);
  const col = u16(d, 2);
  const xf = u16(d, 4);
  switch (r.type) {
    case REC.LABELSST: {
      const text = g.sst[u32(d, 6)];
      // A string missing from the table is lost: omitted, as the .xlsx reader does.
      if (text !== undefined) cells.put(row, col, xf, text);
      break;
    }
    case REC.LABEL:
    case REC.RSTRING: {
      cells.put(
        row,
        col,
        xf,
        g.biff8 ? unicodeStringAt(d, 6, true) : byteStringAt(d, 6, true, g.decoder)
      );
      break;
    }
    case REC.NUMBER:
      cells.put(row, col, xf, f64(d, 6));
      break;
    case REC.RK:
      cells.put(row, col, xf, rkValue(u32(d, 6)));
      break;
    case REC.MULRK:
      // row, first column, then (XF, RK) pairs, then the last column.
      for (let o = 4, c = col; o + 6 <= d.length - 2; o += 6, c++)
        cells.put(row, c, u16(d, o), rkValue(u32(d, o + 2)));
      break;
    case REC.BOOLERR:
      cells.put(row, col, xf, d[7] ? { error: ERROR_CODES[d[6]] ?? "#VALUE!" } : d[6] !== 0);
      break;
    case REC.MERGEDCELLS:
      for (let k = 0, n = u16(d, 0); k < n && 2 + 8 * k + 8 <= d.length; k++) {
        const o = 2 + 8 * k;
        cells.merges.push([u16(d, o), u16(d, o + 2), u16(d, o + 4), u16(d, o + 6)]);
      }
      break;
  }
}

/** A FORMULA record's cached result; returns the cell when the result is a string still to come. */
function readFormula(d: Uint8Array, cells: SheetCells): Cell | null {
  if (d.length < 14) return null;
  const row = u16(d, 0);
  const col = u16(d, 2);
  const xf = u16(d, 4);
  // A result whose last two bytes are 0xFFFF is not a number: its first byte says what it is.
  if (d[12] !== 0xff || d[13] !== 0xff) {
    cells.put(row, col, xf, f64(d, 6));
    return null;
  }
  switch (d[6]) {
    case 0:
      return cells.put(row, col, xf, "");
    case 1:
      cells.put(row, col, xf, d[8] !== 0);
      return null;
    case 2:
      cells.put(row, col, xf, { error: ERROR_CODES[d[8]] ?? "#VALUE!" });
      return null;
    default:
      // An empty result (3) still makes a cell, as a formula cell in an .xlsx does.
      cells.put(row, col, xf, "");
      return null;
  }
}

function formulaString(segs: Uint8Array[], g: Globals): string {
  if (!g.biff8) return byteStringAt(segs[0], 0, true, g.decoder);
  return new ContinuedReader(segs).unicodeString(true);
}
