/**
 * Number formats of a workbook's cell styles: for each cellXfs entry (a cell's `s` index), its
 * number format id and code, and whether numbers in that style are dates.
 */
import { isDateFormat } from "../shared/number-format";
import { XmlScanner, START, END, detach } from "./scan";
import { workbookRelPart } from "./read-strings";
import { workbookPart } from "./structure";
import type { ZipPackage } from "./zip";

/**
 * The built-in number formats a file may use by id alone, as ExcelJS names them (ids 0–49), and
 * for ids 27–36 and 50–58, whose code depends on the locale, the code Excel uses in a Chinese
 * (zh-CN) installation — ExcelJS leaves those without a format, so their dates read as bare numbers.
 * Ids 5–8, 23–26, 41–44 and the rest depend on the locale's currency and are left as General, as in ExcelJS.
 */
export const BUILTIN_NUM_FMTS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export interface CellXf {
  /** The xf's numFmtId (0 when it names none). */
  numFmtId: number;
  /** The format code: the workbook's own <numFmt> of that id, else the built-in one; undefined when neither. */
  format: string | undefined;
}

export interface StyleSheet {
  /** The workbook's own number formats (<numFmts>), by id, codes as written (backslash escapes kept). */
  numFmts: Map<number, string>;
  /** One entry per <xf> of <cellXfs>, in order: a cell's `s` attribute indexes this. */
  cellXfs: CellXf[];
}

/** What the sheet reader needs per style index: the format a Cell carries, and whether numbers are dates. */
export interface CellFormats {
  /** Per cellXfs index: the format code, undefined for General. */
  format: (string | undefined)[];
  isDate: boolean[];
}

/** The code of number format `id`: the workbook's own first, as Excel resolves it, then the built-in one. */
export function numFmtCode(id: number, own: Map<number, string>): string | undefined {
  return own.get(id) ?? BUILTIN_NUM_FMTS[id];
}

function integer(text: string | undefined): number {
  const n = text === undefined ? 0 : parseInt(text, 10);
  return Number.isFinite(n) ? n : 0;
}

/** The number formats and cellXfs of a styles part. */
export function parseStyles(xml: string, part: string): StyleSheet {
  const sc = new XmlScanner(xml, `the styles part (${part})`);
  sc.expectComplete("styleSheet");
  const numFmts = new Map<number, string>();
  const ids: number[] = [];
  // Only <numFmt> inside <numFmts> and <xf> inside <cellXfs>: dxfs and cellStyleXfs hold the same elements.
  let inside: "numFmts" | "cellXfs" | null = null;
  while (sc.next()) {
    if (sc.kind === END) {
      if (inside && sc.is(inside)) inside = null;
    } else if (inside === "numFmts" && sc.is("numFmt")) {
      const code = sc.attr("formatCode");
      if (code !== undefined) numFmts.set(integer(sc.attr("numFmtId")), detach(code));
    } else if (inside === "cellXfs" && sc.is("xf")) {
      ids.push(integer(sc.attr("numFmtId")));
    } else if (sc.kind === START && inside === null && (sc.is("numFmts") || sc.is("cellXfs"))) {
      inside = sc.is("numFmts") ? "numFmts" : "cellXfs";
    }
  }
  return { numFmts, cellXfs: ids.map((id) => ({ numFmtId: id, format: numFmtCode(id, numFmts) })) };
}

/** The workbook's styles; an empty sheet (every cell General) when the package has no styles part. */
export function readStyles(pkg: ZipPackage, wbPart = workbookPart(pkg)): StyleSheet {
  const part = workbookRelPart(pkg, wbPart, "styles", "xl/styles.xml");
  if (!part) return { numFmts: new Map(), cellXfs: [] };
  return parseStyles(pkg.text(part) ?? "", part);
}

/** Per style index, the format a cell shows (General left out, as the ExcelJS reader does) and whether it is a date. */
export function cellFormats(styles: StyleSheet): CellFormats {
  const format: (string | undefined)[] = [];
  const isDate: boolean[] = [];
  for (const xf of styles.cellXfs) {
    const f = xf.format === "General" ? undefined : xf.format;
    format.push(f);
    isDate.push(isDateFormat(f));
  }
  return { format, isDate };
}
