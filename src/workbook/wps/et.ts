/**
 * The part of WPS 表格's JavaScript object model (the ET object model of WPS 加载项) that the
 * adapter uses, as TypeScript types. The model follows Excel's VBA object model member for member
 * — WPS's own note: "对象树…接口函数…和微软Office保持一致"
 * (https://dotblogs.com.tw/SkyWorker/2018/03/14/150755, reposting WPS's developer forum) — so each
 * member's meaning is Excel VBA's (https://learn.microsoft.com/office/vba/api/overview/excel),
 * with the three rules of the JS binding seen in WPS add-ins' own code: collections are read with
 * `.Item(...)`, properties that take arguments are called as functions (`Address(false, false)`),
 * and values are read and written through `Value2` (docs/wps.md, "The object model").
 *
 * Every member is a synchronous call into WPS (no batching, no sync): the adapter counts on
 * whole-range reads and writes to keep their number small. test/workbook/wps-double.ts implements
 * exactly these types, so the adapter cannot use a member the double does not model.
 */

/** XlSheetVisibility (https://learn.microsoft.com/office/vba/api/excel.xlsheetvisibility). */
import { inBoth } from "../../core/i18n/catalogue-messages";
import { WPS_NO_WORKBOOK } from "../../core/i18n/excel-messages";

export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlNone / xlPatternNone / xlColorIndexNone: no fill (https://learn.microsoft.com/office/vba/api/excel.xlpattern). */
export const XL_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
/** XlHAlign and XlVAlign (https://learn.microsoft.com/office/vba/api/excel.xlhalign). */
export const XL_LEFT = -4131;
export const XL_CENTER = -4108;
export const XL_RIGHT = -4152;
export const XL_TOP = -4160;
/** xlUnderlineStyleSingle (https://learn.microsoft.com/office/vba/api/excel.xlunderlinestyle). */
export const XL_UNDERLINE_SINGLE = 2;
/** XlPageOrientation: xlLandscape. */
export const XL_LANDSCAPE = 2;
/** XlDVType, XlDVAlertStyle, XlFormatConditionOperator (https://learn.microsoft.com/office/vba/api/excel.validation.add). */
export const XL_VALIDATE_WHOLE = 1;
export const XL_VALIDATE_DECIMAL = 2;
export const XL_VALIDATE_LIST = 3;
export const XL_ALERT_STOP = 1;
export const XL_ALERT_WARNING = 2;
export const XL_BETWEEN = 1;
export const XL_GREATER_EQUAL = 7;
export const XL_LESS_EQUAL = 8;
/**
 * Range.SpecialCells(Type, Value): the numbers among constants or formulas
 * (https://learn.microsoft.com/office/vba/api/excel.range.specialcells). It fails when no cell
 * matches, and on a single cell it searches the whole sheet instead.
 */
export const XL_CELL_TYPE_CONSTANTS = 2;
export const XL_CELL_TYPE_FORMULAS = -4123;
export const XL_NUMBERS = 1;
/** xlDataBarFillSolid (https://learn.microsoft.com/office/vba/api/excel.xldatabarfilltype). */
export const XL_DATABAR_FILL_SOLID = 0;

export interface EtCount {
  readonly Count: number;
}

export interface EtInterior {
  /** BGR: red + green × 256 + blue × 65536 (VBA's RGB function); Null on a range of mixed fills. */
  Color: number | null;
  /** XL_NONE when the cell has no fill. */
  Pattern: number | null;
}

export interface EtFont {
  Color: number | null;
  Bold: boolean | null;
  Size: number | null;
  Underline: number | null;
}

export interface EtComment {
  /** Comment.Text([Text]): returns the text; with an argument, replaces it. */
  Text(text?: string): string;
  Delete(): void;
}

export interface EtValidation {
  Add(
    type: number,
    alertStyle: number,
    operator: number,
    formula1: string,
    formula2?: string
  ): void;
  Delete(): void;
  IgnoreBlank: boolean;
  InCellDropdown: boolean;
  ShowInput: boolean;
  ShowError: boolean;
  InputTitle: string;
  InputMessage: string;
  ErrorTitle: string;
  ErrorMessage: string;
}

export interface EtDatabar {
  readonly BarColor: { Color: number };
  BarFillType: number;
}

export interface EtFormatConditions {
  AddDatabar(): EtDatabar;
}

export interface EtRange {
  /** 1-based first row and column. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtCount;
  readonly Columns: EtCount;
  /** A scalar for one cell, an array of rows for several (docs/wps.md). */
  Value2: unknown;
  readonly Formula: unknown;
  /** The format code when every cell has the same one, else Null (Range.NumberFormat). */
  NumberFormat: unknown;
  /** True, false, or Null when only some cells hold formulas. */
  readonly HasFormula: boolean | null;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  WrapText: boolean | null;
  HorizontalAlignment: number | null;
  VerticalAlignment: number | null;
  /** In characters of the standard font (Range.ColumnWidth). */
  ColumnWidth: number | null;
  /** In points. */
  RowHeight: number | null;
  Locked: boolean | null;
  /** The cell's comment (批注), null when it has none. */
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  ClearComments(): void;
  readonly Validation: EtValidation;
  readonly FormatConditions: EtFormatConditions;
  SpecialCells(type: number, value?: number): EtRange;
  Merge(): void;
  AutoFilter(): unknown;
  Select(): unknown;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
}

export interface EtProtection {
  readonly AllowFormattingCells: boolean;
  readonly AllowFormattingColumns: boolean;
  readonly AllowFormattingRows: boolean;
}

export interface EtPageSetup {
  /** The ranges printed, e.g. "$A$1:$Q$55" ("" for the whole sheet). */
  PrintArea: string;
  Orientation: number;
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
}

export interface EtWorksheet {
  Name: string;
  /** XL_SHEET_VISIBLE, XL_SHEET_HIDDEN or XL_SHEET_VERY_HIDDEN. */
  Visible: number;
  /** 1-based tab position. */
  readonly Index: number;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  readonly Comments: EtCount;
  /** Shows a confirmation dialog unless Application.DisplayAlerts is false. */
  Delete(): unknown;
  Activate(): unknown;
  readonly ProtectContents: boolean;
  readonly ProtectDrawingObjects: boolean;
  readonly Protection: EtProtection;
  Protect(
    password?: string,
    drawingObjects?: boolean,
    contents?: boolean,
    scenarios?: boolean,
    userInterfaceOnly?: boolean,
    allowFormattingCells?: boolean,
    allowFormattingColumns?: boolean,
    allowFormattingRows?: boolean
  ): void;
  Unprotect(password?: string): void;
  readonly PageSetup: EtPageSetup;
}

export interface EtSheets extends EtCount {
  /** By 1-based index or by name; a missing name fails ("subscript out of range"). */
  Item(index: number | string): EtWorksheet;
  /** Sheets.Add(Before, After): the new sheet becomes the active sheet. */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  readonly ProtectStructure: boolean;
}

export interface EtWindow {
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
}

export interface EtTaskPane {
  readonly ID: string | number;
  Visible: boolean;
}

export interface EtPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveWindow: EtWindow;
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  /** WPS add-ins only: a task pane showing `url` (Application.CreateTaskPane). */
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  GetTaskPane?(id: string | number): EtTaskPane | null;
  readonly PluginStorage?: EtPluginStorage;
}

/** The workbook WPS shows, or a plain error when none is open (the adapter and the pane ask alike). */
export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error(inBoth(WPS_NO_WORKBOOK));
  return wb;
}
