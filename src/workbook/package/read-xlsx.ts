/**
 * A .xlsx/.xlsm package → the core's grids, without ExcelJS: each part is scanned once as text,
 * and only the worksheets are read. The grids are the ExcelJS reader's (XlsxWorkbook.readSheets:
 * the same sheets in the same order, the same cells left out, the same values, formulas and
 * formats), except where ExcelJS loses or alters what Excel shows:
 *
 * - a formula's cached 0 or FALSE is kept (ExcelJS reads null);
 * - number format codes are kept as written (ExcelJS drops every backslash, so `0.0\%` became a
 *   percent and `0\h` a date), and a date is told by isDateFormat (number-format.ts);
 * - the Chinese built-in formats 27–36 and 50–58 are known (ExcelJS reads those dates as numbers);
 * - a hyperlink does not change its cell (ExcelJS turns a linked number or date into text and
 *   drops a linked cell's formula);
 * - strings: _xHHHH_ escapes are decoded in inline strings and t="str" values too, entities once
 *   (ExcelJS decodes t="str" values and sheet names twice), phonetic guides never shown (ExcelJS
 *   loses the whole row of an inline string that has one);
 * - a t="d" cell is a Date (ExcelJS: the year as a number); t="b" "false" is false; a formula's
 *   text or error result in a date format stays as it is (ExcelJS makes it an Invalid Date);
 * - serials 1–60 are a day later (Excel's 1900 leap day); date1904="true" counts as 1904;
 * - a formula cell whose text is elsewhere (a data table, a shared formula without its master)
 *   keeps its value; a shared formula's copy does not move text inside quotes;
 * - cells and rows without an address, prefixed element names and parts under other names are
 *   read, a shared-string index past the table is an empty cell (ExcelJS refuses the file or
 *   drops the sheet);
 * - style 0 applies to cells without one, as in Excel (ExcelJS gives them no format);
 * - sheet names are kept whole (ExcelJS cuts them at 31 characters).
 *
 * Damage that makes a sheet unusable (XML cut off, a listed sheet whose part is missing) is a
 * PackageError naming the sheet and part, never a TypeError.
 */
import type { SheetGrid, WorkbookGrids } from "../../core/model/cells";
import { ANNOTATION_STORE_SHEET } from "../../core/model/plan";
import { readSharedStrings } from "./read-strings";
import { cellFormats, readStyles } from "./read-styles";
import { readSheetXml, type SheetContext } from "./read-sheet";
import { listSheets, relsOf, usesDate1904, workbookPart, type SheetEntry } from "./structure";
import { PackageError, type ZipPackage } from "./zip";

export { readSharedStrings, parseSharedStrings } from "./read-strings";
export { readStyles, parseStyles, cellFormats, numFmtCode, BUILTIN_NUM_FMTS } from "./read-styles";
export type { StyleSheet, CellXf, CellFormats } from "./read-styles";
export { readSheetXml } from "./read-sheet";
export { serialToDate } from "./read-values";
export type { SheetContext } from "./read-sheet";

export interface ReadOptions {
  /** Read the product's annotation store sheet too (left out by default, as the ExcelJS reader does). */
  includeStore?: boolean;
}

/** The worksheets to read, in tab order; throws when one of them is not in the package. */
function sheetsToRead(
  pkg: ZipPackage,
  wbPart: string,
  names: string[] | undefined,
  includeStore: boolean
): SheetEntry[] {
  const wanted = names ? new Set(names) : null;
  const rels = new Map(relsOf(pkg, wbPart).map((r) => [r.id, r]));
  const out: SheetEntry[] = [];
  for (const s of listSheets(pkg, wbPart)) {
    if ((s.name === ANNOTATION_STORE_SHEET && !includeStore) || (wanted && !wanted.has(s.name)))
      continue;
    const rel = rels.get(s.rid);
    if (!rel)
      throw new PackageError(
        `the workbook lists sheet '${s.name}' but does not say which part holds it; the package is damaged`
      );
    // Chart sheets, dialog sheets and macro sheets hold no cells to read.
    if (s.kind !== "worksheet") continue;
    if (!s.part) {
      throw new PackageError(
        `sheet '${s.name}' is missing from the package (its part ${rel.part ?? rel.target} is not there); the package is damaged`
      );
    }
    out.push(s);
  }
  return out;
}

/**
 * The grids of the workbook's worksheets (or of those named), in tab order, the annotation store
 * left out unless asked for. `onProgress` is told after each sheet how many of how many are read.
 */
export function readPackageGrids(
  pkg: ZipPackage,
  names?: string[],
  onProgress?: (done: number, total: number) => void,
  options: ReadOptions = {}
): WorkbookGrids {
  const wbPart = workbookPart(pkg);
  const entries = sheetsToRead(pkg, wbPart, names, options.includeStore === true);
  const sheets: SheetGrid[] = [];
  if (entries.length === 0) return { sheets };
  const ctx: SheetContext = {
    strings: readSharedStrings(pkg, wbPart),
    formats: cellFormats(readStyles(pkg, wbPart)),
    date1904: usesDate1904(pkg, wbPart),
  };
  entries.forEach((s, i) => {
    const part = s.part!;
    const rows = readSheetXml(pkg.text(part) ?? "", `sheet '${s.name}' (${part})`, ctx);
    const grid: SheetGrid = { name: s.name, rows };
    if (s.state !== "visible") grid.hidden = true;
    sheets.push(grid);
    onProgress?.(i + 1, entries.length);
  });
  return { sheets };
}
