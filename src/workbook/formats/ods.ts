/**
 * OpenDocument spreadsheets (.ods, as LibreOffice and WPS save them) → the core's grids, with the
 * semantics of the .xlsx reader: covered (merged) cells omitted, empty cells omitted, dates as UTC
 * Dates, errors as {error}, hidden sheets marked, and an Excel-like numFmt derived from each
 * cell's data style, so that a percent cell is a percent cell to the core (isPercentFormat).
 *
 * content.xml is scanned with the package's small XML helpers, never built into a tree. Repeated
 * empty rows and cells (LibreOffice writes a million of them at the end of a sheet) only move the
 * position; repeated cells with content are copied, within the sheet's limits and a cell budget.
 * Formulas keep their cached value and no `formula`, as in xls.ts (the core never reads it, and
 * OpenFormula text is not Excel's).
 */
import type { Cell, CellValue, SheetGrid, WorkbookGrids } from "../../core/model/cells";
import { ANNOTATION_STORE_SHEET } from "../../core/model/plan";
import { EXCEL_ERRORS } from "../../core/read/values";
import { excelSerialToDate, isDateFormat } from "../shared/number-format";
import { PackageError, ZipPackage } from "../package/zip";
import { attributes, element, xmlDecode } from "../package/xml";
import { FormatError } from "./errors";
import { OdsStyles, readStyles } from "./ods-styles";

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** Cells copied out of repeats, at most, per workbook: a guard against a small file that claims millions. */
const MAX_CELLS = 5_000_000;

/** One table's scanning state. */
interface TableState {
  rows: (Cell | undefined)[][];
  row: number;
  col: number;
  rowStyle?: string;
  budget: { cells: number };
}

export function readOds(bytes: Uint8Array): WorkbookGrids {
  const { content, stylesXml } = packageParts(bytes);
  const styles = readStyles(content, stylesXml);
  const budget = { cells: 0 };
  const sheets: SheetGrid[] = [];
  for (let from = 0, t = nextTable(content, from); t; from = t.end, t = nextTable(content, from)) {
    const attrs = attributes(t.text.slice(0, t.text.indexOf(">")));
    const name = attrs["table:name"] ?? `Sheet${sheets.length + 1}`;
    if (name === ANNOTATION_STORE_SHEET) continue;
    const grid: SheetGrid = { name, rows: readTable(t.text, styles, budget) };
    if (styles.hiddenTables.has(attrs["table:style-name"] ?? "")) grid.hidden = true;
    sheets.push(grid);
  }
  if (sheets.length === 0)
    throw new FormatError("the OpenDocument file holds no spreadsheet table");
  return { sheets };
}

/** content.xml and styles.xml; a damaged package is a FormatError with the package's own sentence. */
function packageParts(bytes: Uint8Array): { content: string; stylesXml: string } {
  let content: string | undefined;
  let stylesXml: string;
  try {
    const pkg = ZipPackage.read(bytes);
    content = pkg.text("content.xml");
    stylesXml = pkg.text("styles.xml") ?? "";
  } catch (e) {
    if (e instanceof PackageError) throw new FormatError(e.message);
    throw e;
  }
  if (content === undefined)
    throw new FormatError(
      "the OpenDocument package has no content.xml, so it holds no spreadsheet"
    );
  return { content, stylesXml };
}

/** The next <table:table> element of the spreadsheet body. */
function nextTable(xml: string, from: number): { text: string; end: number } | undefined {
  const re = /<table:table(?=[\s>])/g;
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return undefined;
  const el = element(xml, "table", m.index);
  if (!el) throw new FormatError("the OpenDocument content is cut short inside a table");
  return { text: el.text, end: el.end };
}

const TOKEN =
  /<(\/?)table:(table-row|table-cell|covered-table-cell|table-column)(?=[\s/>])([^>]*?)(\/?)>/g;

function readTable(
  xml: string,
  styles: OdsStyles,
  budget: { cells: number }
): (Cell | undefined)[][] {
  const columns = columnStyles(xml);
  const st: TableState = { rows: [], row: 0, col: 0, budget };
  let rowStart = -1;
  let rowRepeat = 1;
  const re = new RegExp(TOKEN.source, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, close, kind, attrText, selfClosing] = m;
    if (kind === "table-row") {
      if (!close) {
        const a = attributes(attrText);
        st.col = 0;
        st.rowStyle = a["table:default-cell-style-name"];
        rowStart = st.row;
        rowRepeat = Math.max(1, Number(a["table:number-rows-repeated"] ?? 1) || 1);
        if (selfClosing) st.row += rowRepeat;
      } else {
        repeatRow(st, rowStart, rowRepeat);
      }
      continue;
    }
    if (close || kind === "table-column") continue;
    const a = attributes(attrText);
    const repeat = Math.max(1, Number(a["table:number-columns-repeated"] ?? 1) || 1);
    if (kind === "table-cell" && !selfClosing) {
      const end = xml.indexOf("</table:table-cell>", re.lastIndex);
      if (end < 0) throw new FormatError("the OpenDocument content is cut short inside a cell");
      const cell = readCell(
        a,
        xml.slice(re.lastIndex, end),
        styles,
        st.rowStyle ?? columns(st.col)
      );
      re.lastIndex = end + "</table:table-cell>".length;
      if (cell) putRepeated(st, cell, repeat);
    } else if (kind === "table-cell" && selfClosing && hasValue(a)) {
      const cell = readCell(a, "", styles, st.rowStyle ?? columns(st.col));
      if (cell) putRepeated(st, cell, repeat);
    }
    st.col += repeat;
  }
  for (let r = 0; r < st.rows.length; r++) if (!st.rows[r]) st.rows[r] = [];
  return st.rows;
}

/** A self-closing cell may still hold a value in its attributes (a formula's result, a float). */
function hasValue(a: Record<string, string>): boolean {
  return a["office:value-type"] !== undefined;
}

/** A cell with content, copied over its repeat; the columns past the sheet's last are dropped. */
function putRepeated(st: TableState, cell: Cell, repeat: number): void {
  const n = Math.min(repeat, MAX_COLS - st.col);
  // Past the sheet's last row or column (a file that claims more): nothing is placed.
  if (n <= 0 || st.row >= MAX_ROWS) return;
  spend(st.budget, n);
  const row = (st.rows[st.row] ??= []);
  for (let k = 0; k < n; k++) row[st.col + k] = k === 0 ? cell : { ...cell };
}

/** A row with content repeated N times is copied; an empty one only moves the position. */
function repeatRow(st: TableState, start: number, repeat: number): void {
  const row = st.rows[start];
  const n = Math.min(repeat, MAX_ROWS - start);
  if (row && n > 1) {
    spend(st.budget, (n - 1) * row.filter(Boolean).length);
    for (let k = 1; k < n; k++) st.rows[start + k] = row.map((c) => (c ? { ...c } : c));
  }
  st.row = start + repeat;
}

function spend(budget: { cells: number }, n: number): void {
  budget.cells += n;
  if (budget.cells > MAX_CELLS) {
    throw new FormatError(
      `the OpenDocument file repeats cells past ${MAX_CELLS.toLocaleString("en")}, more than this reader takes`
    );
  }
}

/** The default cell style of each column (<table:table-column>), looked up by column index. */
function columnStyles(xml: string): (col: number) => string | undefined {
  const runs: { from: number; to: number; style?: string }[] = [];
  let col = 0;
  const re = /<table:table-column(?=[\s/>])([^>]*)>/g;
  // Columns are declared before the first row; stop there so rows are not scanned twice.
  const firstRow = xml.search(/<table:table-row(?=[\s/>])/);
  const head = firstRow < 0 ? xml : xml.slice(0, firstRow);
  for (let m = re.exec(head); m && col < MAX_COLS; m = re.exec(head)) {
    const a = attributes(m[1]);
    const n = Math.max(1, Number(a["table:number-columns-repeated"] ?? 1) || 1);
    runs.push({ from: col, to: col + n, style: a["table:default-cell-style-name"] });
    col += n;
  }
  return (c) => runs.find((r) => c >= r.from && c < r.to)?.style;
}

function readCell(
  a: Record<string, string>,
  inner: string,
  styles: OdsStyles,
  fallbackStyle?: string
): Cell | undefined {
  const value = cellValue(a, inner);
  if (value === undefined) return undefined;
  const cell: Cell = { value };
  const numFmt = styles.numFmtOf(a["table:style-name"] ?? fallbackStyle);
  const type = a["office:value-type"];
  if (type === "percentage") cell.numFmt = numFmt && numFmt.includes("%") ? numFmt : "0%";
  else if (type === "date") cell.numFmt = numFmt ?? "yyyy-mm-dd";
  else if (type === "time") cell.numFmt = numFmt ?? "h:mm:ss";
  else if (numFmt && type !== "boolean" && (type !== "string" || numFmt === "@"))
    cell.numFmt = numFmt;
  // A number under a date style (other writers than LibreOffice) is a date, as in an .xlsx.
  if (typeof cell.value === "number" && isDateFormat(cell.numFmt))
    cell.value = excelSerialToDate(cell.value);
  return cell;
}

function cellValue(a: Record<string, string>, inner: string): CellValue | undefined {
  const type = a["office:value-type"];
  if (a["calcext:value-type"] === "error") return { error: errorCode(cellText(inner)) };
  // LibreOffice turns an .xlsx boolean into the formula TRUE() or FALSE() with a float result.
  const bool = /^of:=(TRUE|FALSE)\(\)$/i.exec(a["table:formula"] ?? "");
  if (bool && type === "float") return bool[1].toUpperCase() === "TRUE";
  switch (type) {
    case "float":
    case "percentage":
    case "currency": {
      const n = Number(a["office:value"]);
      return Number.isFinite(n) ? n : undefined;
    }
    case "boolean":
      return a["office:boolean-value"] === "true";
    case "date":
      return parseDate(a["office:date-value"]);
    case "time":
      return parseTime(a["office:time-value"]);
    case "string":
      return a["office:string-value"] ?? cellText(inner);
    default: {
      // Cells without a value type hold no value (a comment, a shape, a formatted blank).
      return undefined;
    }
  }
}

/** LibreOffice shows its own error codes (Err:502) for some errors: those become #VALUE!. */
function errorCode(text: string): string {
  const t = text.trim().toUpperCase();
  return EXCEL_ERRORS.includes(t) ? t : "#VALUE!";
}

/** 2022-09-30 or 2022-09-30T12:30:00(.5) → that moment as a UTC Date, as the .xlsx reader gives dates. */
function parseDate(s: string | undefined): Date | undefined {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s ?? "");
  if (!m) return undefined;
  const ms =
    Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) +
    Math.round(Number(m[6] ?? 0) * 1000);
  return new Date(ms);
}

/** An ISO duration PT12H30M00S → the Date of that fraction of a day, as a time cell of Excel reads. */
function parseTime(s: string | undefined): Date | undefined {
  const m = /^(-)?P(?:(\d+)D)?T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(s ?? "");
  if (!m) return undefined;
  const days =
    Number(m[2] ?? 0) +
    (Number(m[3] ?? 0) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) / 86400;
  return excelSerialToDate(m[1] ? -days : days);
}

/** The text of a cell: its paragraphs joined with newlines; comments and shapes left out. */
export function cellText(inner: string): string {
  if (inner === "") return "";
  const body = inner
    .replace(/<office:annotation(?=[\s>])[\s\S]*?<\/office:annotation>/g, "")
    .replace(/<draw:(\w[\w-]*)(?=[\s>])[^>]*?(?:\/>|>[\s\S]*?<\/draw:\1>)/g, "");
  const paragraphs: string[] = [];
  const re = /<text:(p|h)(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) paragraphs.push(inlineText(m[2] ?? ""));
  return paragraphs.join("\n");
}

/** Inline content of a paragraph: <text:s text:c="n"/> spaces, tabs, line breaks, spans and links. */
function inlineText(xml: string): string {
  const s = xml
    .replace(/<text:s(?=[\s/>])([^>]*)\/>/g, (_m, attrs: string) =>
      " ".repeat(Math.max(1, Number(attributes(attrs)["text:c"] ?? 1) || 1))
    )
    .replace(/<text:tab(?=[\s/>])[^>]*\/>/g, "\t")
    .replace(/<text:line-break(?=[\s/>])[^>]*\/>/g, "\n")
    .replace(/<text:note(?=[\s>])[\s\S]*?<\/text:note>/g, "")
    .replace(/<[^>]*>/g, "");
  return xmlDecode(s);
}
