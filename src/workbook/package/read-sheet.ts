/**
 * One worksheet part → the core's rows of cells, by scanning its XML once. What a cell reads as
 * follows the ExcelJS reader (src/workbook/xlsx.ts) except where ExcelJS loses what Excel shows
 * (see the notes at each place and read-xlsx.ts).
 */
import type { Cell, CellValue } from "../../core/model/cells";
import { parseAddress } from "../../core/model/cells";
import type { CellFormats } from "./read-styles";
import { lastItemHadRuns, stringItem } from "./read-strings";
import { XmlScanner, END, EMPTY, decodeText, detach } from "./scan";
import { slideFormula } from "./shared-formula";
import { bool, isoDate, numberAt, serialToDate } from "./read-values";

export interface SheetContext {
  /** The shared string table; undefined when the package has none. */
  strings: (string | null)[] | undefined;
  formats: CellFormats;
  date1904: boolean;
}

const CHAR_C = 99;
const CHAR_V = 118;
const CHAR_F = 102;
const CHAR_R = 114;
const CHAR_S = 115;
const CHAR_T = 116;

/** Excel's last row and column, 0-based: a reference past them is no cell of a sheet. */
const MAX_ROW = 1048575;
const MAX_COL = 16383;

// A cell's t attribute.
const NUMBER = 0;
const SHARED = 1;
const STR = 2;
const INLINE = 3;
const BOOL = 4;
const ERROR = 5;
const DATE = 6;

/** The type code of a t attribute value held at xml[a, b). */
function typeCode(xml: string, a: number, b: number): number {
  if (b - a === 1) {
    const ch = xml.charCodeAt(a);
    return ch === CHAR_S
      ? SHARED
      : ch === 98
        ? BOOL
        : ch === 101
          ? ERROR
          : ch === 100
            ? DATE
            : NUMBER;
  }
  if (xml.startsWith("str", a) && b - a === 3) return STR;
  if (xml.startsWith("inlineStr", a) && b - a === 9) return INLINE;
  return NUMBER;
}

/** True for a character that ends an element name: whitespace, '>' or '/'. */
function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/** The 0-based column of an A1 reference at xml[a, b); -1 when it has no column letters. */
function refColumn(xml: string, a: number, b: number): number {
  let col = 0;
  let i = a;
  if (xml.charCodeAt(i) === 36 /* $ */) i++;
  for (; i < b; i++) {
    const ch = xml.charCodeAt(i) | 0x20; // lower case
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  return col - 1;
}

/** The non-negative integer at xml[a, b); -1 when it is not one. */
function digits(xml: string, a: number, b: number): number {
  if (a >= b) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

interface Master {
  row: number;
  col: number;
  text: string;
}

/** Rows as they are read: a row that holds no cell is left out until the end. */
type Rows = ((Cell | undefined)[] | undefined)[];

class SheetReader {
  private readonly rows: Rows = [];
  private readonly masters = new Map<string, Master>();
  private readonly merges: string[] = [];
  private row = -1;
  private col = -1;
  // The cell being read: its tag's s and t, and what its children hold (undefined: no such child).
  private style = 0;
  private type = NUMBER;
  private v: string | undefined;
  private f: string | undefined;
  private fType: string | undefined;
  private fSi: string | undefined;
  private fRef: string | undefined;
  private inline: string | null | undefined;
  private inlineRuns = false;

  constructor(
    private readonly sc: XmlScanner,
    private readonly ctx: SheetContext
  ) {}

  read(): (Cell | undefined)[][] {
    const sc = this.sc;
    while (sc.next()) {
      if (sc.kind !== END && sc.is("sheetData")) {
        if (sc.kind !== EMPTY) this.sheetData();
        break;
      }
    }
    // Merged ranges come after the cells.
    while (sc.next()) {
      if (sc.kind !== END && sc.is("mergeCell")) {
        const ref = sc.attr("ref");
        if (ref) this.merges.push(ref);
      }
    }
    applyMerges(this.rows, this.merges);
    return finish(this.rows);
  }

  private sheetData(): void {
    const sc = this.sc;
    const xml = sc.xml;
    let cells: (Cell | undefined)[] | null = null;
    let stored = 0;
    for (;;) {
      // The common case first: an unprefixed <c>, read without the general tag scanner.
      const lt = xml.indexOf("<", sc.pos);
      const quick =
        lt >= 0 && xml.charCodeAt(lt + 1) === CHAR_C && isNameEnd(xml.charCodeAt(lt + 2));
      if (!quick) {
        if (!sc.next()) break;
        if (sc.kind === END) {
          if (sc.is("row") || sc.is("sheetData")) {
            if (cells) this.commit(cells, stored);
            cells = null;
            if (sc.is("sheetData")) return;
          }
          continue;
        }
        if (sc.is("row")) {
          if (cells) this.commit(cells, stored);
          this.startRow(this.rowAttr());
          cells = [];
          stored = 0;
          if (sc.kind === EMPTY) {
            this.commit(cells, 0);
            cells = null;
          }
          continue;
        }
        if (!sc.isChar(CHAR_C)) {
          sc.skipElement();
          continue;
        }
      }
      if (!cells) {
        // A cell outside any <row>: it starts a row of its own.
        cells = [];
        stored = 0;
        this.startRow(-1);
      }
      const cell = quick ? this.quickCell(lt) : this.cell();
      if (cell) {
        cells[this.col] = cell;
        stored++;
      }
    }
    throw sc.damaged("its XML is cut off (the cells are not closed)");
  }

  /** The 0-based row number a <row> tag gives; -1 when it gives none. */
  private rowAttr(): number {
    const sc = this.sc;
    for (let i = sc.nextAttr(sc.name1); i >= 0; i = sc.nextAttr(i)) {
      if (sc.an1 - sc.an0 === 1 && sc.xml.charCodeAt(sc.an0) === CHAR_R)
        return digits(sc.xml, sc.av0, sc.av1) - 1;
    }
    return -1;
  }

  /** A row without a number follows the previous one, as Excel reads it. */
  private startRow(given: number): void {
    this.row = given >= 0 ? given : this.row + 1;
    this.col = -1;
    if (this.row > MAX_ROW)
      throw this.sc.damaged(`it has a row past Excel's last (row ${this.row + 1})`);
  }

  /** A cell's column: the one its address gives, else the one after the previous cell's. */
  private place(col: number): void {
    this.col = col >= 0 ? col : this.col + 1;
    if (this.col > MAX_COL)
      throw this.sc.damaged(`it has a cell past Excel's last column XFD (in row ${this.row + 1})`);
  }

  private commit(cells: (Cell | undefined)[], stored: number): void {
    if (stored > 0) this.rows[this.row] = cells;
    // A row given twice: the later one replaces the earlier, as in ExcelJS.
    else if (this.row < this.rows.length) this.rows[this.row] = undefined;
  }

  /** A cell tag's attribute, held at xml[n0, n1) = xml[v0, v1). */
  private cellAttr(
    xml: string,
    n0: number,
    n1: number,
    v0: number,
    v1: number,
    col: number
  ): number {
    if (n1 - n0 !== 1) return col;
    const ch = xml.charCodeAt(n0);
    if (ch === CHAR_R) return refColumn(xml, v0, v1);
    if (ch === CHAR_S) this.style = Math.max(0, digits(xml, v0, v1));
    else if (ch === CHAR_T) this.type = typeCode(xml, v0, v1);
    return col;
  }

  /** A cell met by the general scanner (a prefixed <x:c>). */
  private cell(): Cell | undefined {
    const sc = this.sc;
    let col = -1;
    this.style = 0;
    this.type = NUMBER;
    for (let i = sc.nextAttr(sc.name1); i >= 0; i = sc.nextAttr(i))
      col = this.cellAttr(sc.xml, sc.an0, sc.an1, sc.av0, sc.av1, col);
    // A cell without an address follows the previous one in its row, as Excel reads it.
    this.place(col);
    if (sc.kind === EMPTY) return undefined;
    return this.children();
  }

  /**
   * An unprefixed cell whose tag starts at lt: its attributes read in the same pass that finds the
   * tag's end, and the usual `<v>…</v></c>` taken at once.
   */
  private quickCell(lt: number): Cell | undefined {
    const sc = this.sc;
    const xml = sc.xml;
    let col = -1;
    let i = lt + 2;
    this.style = 0;
    this.type = NUMBER;
    for (;;) {
      let ch = xml.charCodeAt(i);
      while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = xml.charCodeAt(++i);
      if (ch === 62 /* > */ || ch === 47 /* / */) break;
      const n0 = i;
      while (
        ch !== 61 /* = */ &&
        ch === ch &&
        ch !== 62 &&
        ch !== 32 &&
        ch !== 9 &&
        ch !== 10 &&
        ch !== 13
      )
        ch = xml.charCodeAt(++i);
      const n1 = i;
      while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = xml.charCodeAt(++i);
      if (ch !== 61) throw sc.damaged(`a cell tag is malformed at character ${i}`);
      do ch = xml.charCodeAt(++i);
      while (ch === 32 || ch === 9 || ch === 10 || ch === 13);
      const close = ch === 34 || ch === 39 ? xml.indexOf(ch === 34 ? '"' : "'", i + 1) : -1;
      if (close < 0) throw sc.damaged(`a cell tag is malformed or cut off at character ${i}`);
      col = this.cellAttr(xml, n0, n1, i + 1, close, col);
      i = close + 1;
    }
    this.place(col);
    if (xml.charCodeAt(i) === 47) {
      if (xml.charCodeAt(i + 1) !== 62)
        throw sc.damaged(`a cell tag is malformed at character ${i}`);
      sc.pos = i + 2;
      return undefined;
    }
    const p = i + 1;
    if (xml.startsWith("<v>", p)) {
      const end = xml.indexOf("<", p + 3);
      if (end > 0 && xml.startsWith("</v></c>", end)) {
        sc.pos = end + 8;
        return this.quickValue(xml, p + 3, end);
      }
    }
    sc.pos = p;
    return this.children();
  }

  /** The cell of a lone <v> at xml[a, b): numbers and shared strings without making a string of the text. */
  private quickValue(xml: string, a: number, b: number): Cell | undefined {
    if (a === b) return undefined;
    if (this.type === NUMBER) {
      const n = numberAt(xml, a, b);
      return this.make(
        this.ctx.formats.isDate[this.style] && Number.isFinite(n)
          ? serialToDate(n, this.ctx.date1904)
          : n
      );
    }
    if (this.type === SHARED) {
      const i = digits(xml, a, b);
      if (i >= 0) {
        const s = this.ctx.strings?.[i];
        return s === null || s === undefined ? undefined : this.make(s);
      }
    }
    this.v = xml.slice(a, b);
    this.f = this.fType = this.fSi = this.fRef = this.inline = undefined;
    return this.valueCell();
  }

  /** The rest of a cell after its start tag: its formula, value or inline string, up to its end tag. */
  private children(): Cell | undefined {
    const sc = this.sc;
    this.v = this.f = this.fType = this.fSi = this.fRef = this.inline = undefined;
    for (;;) {
      if (!sc.next()) throw sc.damaged("its XML is cut off inside a cell");
      if (sc.kind === END) {
        if (sc.isChar(CHAR_C)) break;
        if (sc.is("row") || sc.is("sheetData"))
          throw sc.damaged(`a cell in row ${this.row + 1} is not closed`);
      } else if (sc.isChar(CHAR_V)) this.v = sc.kind === EMPTY ? "" : sc.text();
      else if (sc.isChar(CHAR_F)) this.formulaTag();
      else if (sc.is("is")) {
        this.inline = stringItem(sc);
        this.inlineRuns = lastItemHadRuns();
      } else sc.skipElement();
    }
    return this.f !== undefined && (this.f !== "" || this.fType !== undefined)
      ? this.formulaCell()
      : this.valueCell();
  }

  private formulaTag(): void {
    const sc = this.sc;
    for (let i = sc.nextAttr(sc.name1); i >= 0; i = sc.nextAttr(i)) {
      const name = sc.xml.slice(sc.an0, sc.an1);
      const value = sc.xml.slice(sc.av0, sc.av1);
      if (name === "t") this.fType = value;
      else if (name === "si") this.fSi = value;
      else if (name === "ref") this.fRef = value;
    }
    this.f = sc.kind === EMPTY ? "" : sc.text();
  }

  private make(value: CellValue, formula?: string): Cell {
    // Each shape built whole: adding properties one by one would cost a hidden-class change per cell.
    const fmt = this.ctx.formats.format[this.style];
    if (formula) return fmt === undefined ? { value, formula } : { value, numFmt: fmt, formula };
    return fmt === undefined ? { value } : { value, numFmt: fmt };
  }

  private valueCell(): Cell | undefined {
    let value: CellValue | undefined;
    if (this.type === INLINE || (this.inline !== undefined && this.v === undefined)) {
      // ExcelJS reads an inline string with an empty plain <t> as no value, but keeps empty runs.
      const s = this.inline;
      if (s !== null && s !== undefined && (s !== "" || this.inlineRuns)) value = detach(s);
      else if (this.v) value = detach(decodeText(this.v, true));
    } else if (this.v !== undefined && this.v !== "") {
      value = this.scalar(this.v);
    }
    return value === undefined ? undefined : this.make(value);
  }

  /**
   * A formula cell: its text (a shared formula's copy gets its master's, moved as ExcelJS moves it)
   * and its cached result, null when it has none. ExcelJS also reads a cached 0 or FALSE as null;
   * that is a figure lost, so it is kept here.
   */
  private formulaCell(): Cell | undefined {
    let text = this.f ? detach(decodeText(this.f, false)) : "";
    if (this.fType === "shared" && this.fSi !== undefined) {
      // The master is the cell that gives the range (ExcelJS's test: a ref that is not empty).
      if (this.fRef) this.masters.set(this.fSi, { row: this.row, col: this.col, text });
      else if (text === "") {
        const m = this.masters.get(this.fSi);
        if (m && m.text) text = slideFormula(m.text, m.row, m.col, this.row, this.col);
      }
    }
    const value = this.v === undefined || this.v === "" ? null : (this.scalar(this.v) ?? null);
    if (text === "" && value === null) return undefined;
    return this.make(value, text);
  }

  /** The value of a <v> by the cell's type; undefined for a shared string that cannot be found. */
  private scalar(text: string): CellValue | undefined {
    switch (this.type) {
      case SHARED: {
        const s = this.ctx.strings?.[parseInt(text, 10)];
        return s === null ? undefined : s;
      }
      case STR:
        return detach(decodeText(text, true));
      case BOOL:
        return bool(text);
      case ERROR:
        return { error: detach(decodeText(text, false)) };
      case DATE: {
        const d = isoDate(decodeText(text, false));
        return typeof d === "string" ? detach(d) : d;
      }
      default: {
        const n = parseFloat(text);
        return this.ctx.formats.isDate[this.style] && Number.isFinite(n)
          ? serialToDate(n, this.ctx.date1904)
          : n;
      }
    }
  }
}

/** Empties every cell of a merged range but its top-left one, which alone holds the value. */
function applyMerges(rows: Rows, refs: string[]): void {
  for (const ref of refs) {
    let a: { row: number; col: number };
    let b: { row: number; col: number };
    try {
      const [from, to] = ref.split(":");
      a = parseAddress(from);
      b = to ? parseAddress(to) : a;
    } catch {
      continue; // not a range: nothing is merged
    }
    const top = Math.min(a.row, b.row);
    const left = Math.min(a.col, b.col);
    for (let r = top; r <= Math.max(a.row, b.row) && r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      const right = Math.min(Math.max(a.col, b.col), row.length - 1);
      let touched = false;
      for (let c = left; c <= right; c++) {
        if ((r !== top || c !== left) && row[c] !== undefined) {
          row[c] = undefined;
          touched = true;
        }
      }
      if (!touched) continue;
      let n = row.length;
      while (n > 0 && row[n - 1] === undefined) n--;
      row.length = n;
      if (n === 0) rows[r] = undefined;
    }
  }
}

/** Rows up to the last that holds a cell, the missing ones as empty rows (as the ExcelJS reader gives them). */
function finish(rows: Rows): (Cell | undefined)[][] {
  let n = rows.length;
  while (n > 0 && !rows[n - 1]) n--;
  rows.length = n;
  for (let r = 0; r < n; r++) if (!rows[r]) rows[r] = [];
  return rows as (Cell | undefined)[][];
}

/** The rows of a worksheet part's XML; throws PackageError when the XML is cut off or malformed where it is read. */
export function readSheetXml(xml: string, what: string, ctx: SheetContext): (Cell | undefined)[][] {
  const sc = new XmlScanner(xml, what);
  sc.expectComplete("worksheet");
  return new SheetReader(sc, ctx).read();
}
