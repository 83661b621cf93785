/**
 * Ranges of the WPS double: whole-range values and formats, fills and fonts, comments, data
 * validation, data bars — each member one counted call, as in wps-double.ts. A range read that
 * spans cells which differ answers Null, as Excel's object model does for NumberFormat, Interior,
 * Font and HasFormula (docs/wps.md).
 */
import type {
  EtComment,
  EtDatabar,
  EtFont,
  EtFormatConditions,
  EtInterior,
  EtRange,
  EtValidation,
} from "../../src/workbook/wps/et";
import { cellAddress } from "../../src/core/model/cells";
import type { WpsState } from "./wps-double";
import { validationOf } from "./wps-double-validation";
import {
  Box,
  WCell,
  WSheet,
  WpsDoubleError,
  boxAddress,
  eachCell,
  errorToValue2,
  hasContent,
  isUsed,
  key,
  parseAreas,
  typeInto,
} from "./wps-double-model";

/** The used range: every cell holding anything (a format too); A1 alone on an empty sheet. */
export function usedBox(s: WSheet): Box {
  let box: Box | null = null;
  const extend = (row: number, col: number) => {
    box = box
      ? {
          top: Math.min(box.top, row),
          left: Math.min(box.left, col),
          bottom: Math.max(box.bottom, row),
          right: Math.max(box.right, col),
        }
      : { top: row, left: col, bottom: row, right: col };
  };
  for (const [k, c] of s.cells) {
    if (!isUsed(c)) continue;
    const [r, col] = k.split(",").map(Number);
    extend(r, col);
  }
  return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
}

type Kind = "value" | "format" | "column" | "row" | "object" | "structure";

export class RangeDouble implements EtRange {
  constructor(
    private readonly st: WpsState,
    private readonly sheet: WSheet,
    private readonly areas: Box[]
  ) {
    // A WPS without comments in its object model has no such member at all.
    if (!st.features.comments) Object.defineProperty(this, "AddComment", { value: undefined });
  }

  static at(st: WpsState, sheet: WSheet, address: string): RangeDouble {
    return new RangeDouble(st, sheet, parseAreas(address));
  }

  private call(label: string): void {
    this.st.call(`Range.${label}`);
    if (!this.st.sheets.includes(this.sheet)) throw new WpsDoubleError("the sheet was deleted");
  }

  /** What a protected sheet refuses (https://learn.microsoft.com/office/vba/api/excel.worksheet.protect). */
  private guard(kind: Kind, what: string): void {
    const p = this.sheet.protection;
    if (!p) return;
    const refused =
      kind === "structure" ||
      (kind === "format" && !p.allowFormattingCells) ||
      (kind === "column" && !p.allowFormattingColumns) ||
      (kind === "row" && !p.allowFormattingRows) ||
      (kind === "object" && p.drawingObjects) ||
      (kind === "value" && this.someCell((c) => c?.locked !== false));
    if (refused) throw new WpsDoubleError(`${this.sheet.name} is protected: ${what}`);
  }

  private someCell(test: (c: WCell | undefined) => boolean): boolean {
    let hit = false;
    eachCell(this.areas, (r, c) => {
      if (!hit && test(this.sheet.cells.get(key(r, c)))) hit = true;
    });
    return hit;
  }

  private cell(r: number, c: number): WCell {
    const k = key(r, c);
    let cell = this.sheet.cells.get(k);
    if (!cell) this.sheet.cells.set(k, (cell = {}));
    return cell;
  }

  private set(kind: Kind, label: string, fn: (c: WCell) => void): void {
    this.call(`${label}=`);
    this.guard(kind, label);
    eachCell(this.areas, (r, c) => fn(this.cell(r, c)));
  }

  /** One value for all cells, or Null when they differ. */
  private common<T>(label: string, read: (c: WCell | undefined) => T): T | null {
    this.call(label);
    let first = true;
    let out: T | null = null;
    let same = true;
    eachCell(this.areas, (r, c) => {
      const v = read(this.sheet.cells.get(key(r, c)));
      if (first) out = v;
      else if (v !== out) same = false;
      first = false;
    });
    return same ? out : null;
  }

  private single(): Box {
    if (this.areas.length !== 1) throw new WpsDoubleError("a range of several areas");
    return this.areas[0];
  }

  /** A scalar for one cell, rows of values for more (one area only). */
  private matrix<T>(read: (c: WCell | undefined) => T): T | T[][] {
    const b = this.single();
    const rows: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const line: T[] = [];
      for (let c = b.left; c <= b.right; c++) line.push(read(this.sheet.cells.get(key(r, c))));
      rows.push(line);
    }
    return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
  }

  get Row(): number {
    this.call("Row");
    return this.single().top + 1;
  }
  get Column(): number {
    this.call("Column");
    return this.single().left + 1;
  }
  get Rows(): { Count: number } {
    this.call("Rows");
    const b = this.single();
    const st = this.st;
    return {
      get Count() {
        st.call("Rows.Count");
        return b.bottom - b.top + 1;
      },
    };
  }
  get Columns(): { Count: number } {
    this.call("Columns");
    const b = this.single();
    const st = this.st;
    return {
      get Count() {
        st.call("Columns.Count");
        return b.right - b.left + 1;
      },
    };
  }

  get Value2(): unknown {
    this.call("Value2");
    return this.matrix((c) =>
      c?.error !== undefined ? errorToValue2(c.error) : (c?.value ?? undefined)
    );
  }
  set Value2(v: unknown) {
    this.call("Value2=");
    this.guard("value", "Value2");
    const b = this.single();
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (!Array.isArray(v)) {
      eachCell(this.areas, (r, c) => typeInto(this.cell(r, c), v));
      return;
    }
    if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols))
      throw new WpsDoubleError(`Value2 = an array not ${rows} × ${cols} (WPS would fill #N/A)`);
    (v as unknown[][]).forEach((line, i) =>
      line.forEach((x, j) => typeInto(this.cell(b.top + i, b.left + j), x))
    );
  }
  get Formula(): unknown {
    this.call("Formula");
    return this.matrix(
      (c) => c?.formula ?? c?.error ?? (c?.value === undefined ? "" : String(c.value))
    );
  }
  get NumberFormat(): unknown {
    return this.common("NumberFormat", (c) => c?.numFmt ?? "General");
  }
  set NumberFormat(v: unknown) {
    if (typeof v !== "string") throw new WpsDoubleError("NumberFormat = a format code string");
    this.set("format", "NumberFormat", (c) => (c.numFmt = v === "General" ? undefined : v));
  }
  get HasFormula(): boolean | null {
    return this.common("HasFormula", (c) => c?.formula !== undefined);
  }

  get Interior(): EtInterior {
    this.call("Interior");
    const self = this;
    return {
      get Color() {
        return self.common("Interior.Color", (c) => c?.fill ?? 0xffffff);
      },
      set Color(v: number | null) {
        self.set("format", "Interior.Color", (c) => (c.fill = Number(v)));
      },
      get Pattern() {
        return self.common("Interior.Pattern", (c) => (c?.fill === undefined ? -4142 : 1));
      },
      set Pattern(v: number | null) {
        self.set("format", "Interior.Pattern", (c) => {
          if (v === -4142) delete c.fill;
          else c.fill ??= 0xffffff;
        });
      },
    };
  }

  get Font(): EtFont {
    this.call("Font");
    const self = this;
    const prop = <K extends keyof WCell>(name: string, field: K, none: WCell[K]) => ({
      get: () => self.common(`Font.${name}`, (c) => c?.[field] ?? none),
      set: (v: WCell[K]) => self.set("format", `Font.${name}`, (c) => void (c[field] = v)),
    });
    const color = prop("Color", "fontColor", 0);
    const bold = prop("Bold", "bold", false);
    const size = prop("Size", "size", 11);
    const underline = prop("Underline", "underline", -4142);
    return {
      get Color() {
        return color.get() as number | null;
      },
      set Color(v) {
        color.set(v as number);
      },
      get Bold() {
        return bold.get() as boolean | null;
      },
      set Bold(v) {
        bold.set(v as boolean);
      },
      get Size() {
        return size.get() as number | null;
      },
      set Size(v) {
        size.set(v as number);
      },
      get Underline() {
        return underline.get() as number | null;
      },
      set Underline(v) {
        underline.set(v as number);
      },
    };
  }

  get WrapText(): boolean | null {
    return this.common("WrapText", (c) => c?.wrap === true);
  }
  set WrapText(v: boolean | null) {
    this.set("format", "WrapText", (c) => (c.wrap = v === true));
  }
  get HorizontalAlignment(): number | null {
    return this.common("HorizontalAlignment", (c) => c?.hAlign ?? 1);
  }
  set HorizontalAlignment(v: number | null) {
    this.set("format", "HorizontalAlignment", (c) => (c.hAlign = v ?? undefined));
  }
  get VerticalAlignment(): number | null {
    return this.common("VerticalAlignment", (c) => c?.vAlign ?? -4107);
  }
  set VerticalAlignment(v: number | null) {
    this.set("format", "VerticalAlignment", (c) => (c.vAlign = v ?? undefined));
  }
  get ColumnWidth(): number | null {
    this.call("ColumnWidth");
    const b = this.single();
    return this.sheet.columnWidths.get(b.left) ?? 8.38;
  }
  set ColumnWidth(v: number | null) {
    this.call("ColumnWidth=");
    this.guard("column", "ColumnWidth");
    const b = this.single();
    for (let c = b.left; c <= b.right; c++) this.sheet.columnWidths.set(c, Number(v));
  }
  get RowHeight(): number | null {
    this.call("RowHeight");
    return this.sheet.rowHeights.get(this.single().top) ?? 13.5;
  }
  set RowHeight(v: number | null) {
    this.call("RowHeight=");
    this.guard("row", "RowHeight");
    const b = this.single();
    for (let r = b.top; r <= b.bottom; r++) this.sheet.rowHeights.set(r, Number(v));
  }
  get Locked(): boolean | null {
    return this.common("Locked", (c) => c?.locked !== false);
  }
  set Locked(v: boolean | null) {
    this.set("structure", "Locked", (c) => {
      if (v === false) c.locked = false;
      else delete c.locked;
    });
  }

  get Comment(): EtComment | null {
    this.call("Comment");
    const b = this.single();
    const at = cellAddress(b.top, b.left);
    return this.sheet.comments.has(at) ? this.commentAt(at) : null;
  }

  private commentAt(at: string): EtComment {
    const st = this.st;
    const sheet = this.sheet;
    return {
      Text(text?: string): string {
        st.call(text === undefined ? "Comment.Text" : "Comment.Text=");
        if (text !== undefined) sheet.comments.set(at, text);
        return sheet.comments.get(at) ?? "";
      },
      Delete(): void {
        st.call("Comment.Delete");
        sheet.comments.delete(at);
      },
    };
  }

  AddComment(text: string): EtComment {
    this.call("AddComment");
    if (!this.st.features.comments) throw new WpsDoubleError("AddComment is not available");
    this.guard("object", "AddComment");
    const b = this.single();
    if (b.top !== b.bottom || b.left !== b.right)
      throw new WpsDoubleError("AddComment on more than one cell");
    const at = cellAddress(b.top, b.left);
    if (this.sheet.comments.has(at)) throw new WpsDoubleError(`${at} already has a comment`);
    this.sheet.comments.set(at, String(text));
    return this.commentAt(at);
  }
  ClearComments(): void {
    this.call("ClearComments");
    this.guard("object", "ClearComments");
    eachCell(this.areas, (r, c) => this.sheet.comments.delete(cellAddress(r, c)));
  }

  get Validation(): EtValidation {
    this.call("Validation");
    if (!this.st.features.validation) throw new WpsDoubleError("Range.Validation is not available");
    return validationOf(this);
  }

  /** Cells of this range, for the validation object. */
  forEach(fn: (c: WCell) => void): void {
    eachCell(this.areas, (r, c) => fn(this.cell(r, c)));
  }
  guardStructure(what: string): void {
    this.st.call(what);
    this.guard("structure", what);
  }

  get FormatConditions(): EtFormatConditions {
    this.call("FormatConditions");
    if (!this.st.features.dataBars) throw new WpsDoubleError("FormatConditions is not available");
    const self = this;
    return {
      AddDatabar(): EtDatabar {
        self.call("FormatConditions.AddDatabar");
        self.guard("format", "AddDatabar");
        const bar = { range: boxAddress(self.single()), color: 0x638ec6, fill: 1 };
        self.sheet.dataBars.push(bar);
        return {
          BarColor: {
            get Color() {
              self.call("Databar.BarColor.Color");
              return bar.color;
            },
            set Color(v: number) {
              self.call("Databar.BarColor.Color=");
              bar.color = v;
            },
          },
          get BarFillType() {
            self.call("Databar.BarFillType");
            return bar.fill;
          },
          set BarFillType(v: number) {
            self.call("Databar.BarFillType=");
            bar.fill = v;
          },
        };
      },
    };
  }

  /**
   * The numbers among constants (2) or formulas (-4123) as a range of their own; fails when there
   * is none, and searches the whole used range when asked of one cell, as Excel's does.
   */
  SpecialCells(type: number, value?: number): RangeDouble {
    this.call("SpecialCells");
    if (value !== 1 || (type !== 2 && type !== -4123))
      throw new WpsDoubleError(`SpecialCells(${type}, ${value}) is not modelled`);
    const one = this.areas.length === 1 && boxAddress(this.areas[0]).indexOf(":") < 0;
    const where = one ? [usedBox(this.sheet)] : this.areas;
    const found: Box[] = [];
    eachCell(where, (r, c) => {
      const cell = this.sheet.cells.get(key(r, c));
      const isFormula = cell?.formula !== undefined;
      if (typeof cell?.value === "number" && cell.error === undefined && isFormula === (type !== 2))
        found.push({ top: r, left: c, bottom: r, right: c });
    });
    if (found.length === 0) throw new WpsDoubleError("SpecialCells: no cells were found");
    return new RangeDouble(this.st, this.sheet, found);
  }

  Merge(): void {
    this.call("Merge");
    this.guard("structure", "Merge");
    const b = this.single();
    // Merging keeps the top-left value only (WPS asks first unless the alerts are off).
    let others = false;
    eachCell([b], (r, c) => {
      if ((r !== b.top || c !== b.left) && hasContent(this.sheet.cells.get(key(r, c))))
        others = true;
    });
    if (others && this.st.displayAlerts) throw new WpsDoubleError("Merge() would ask to confirm");
    this.sheet.merges.push(boxAddress(b));
  }
  AutoFilter(): boolean {
    this.call("AutoFilter");
    this.guard("structure", "AutoFilter");
    const at = boxAddress(this.single());
    this.sheet.autoFilter = this.sheet.autoFilter === at ? null : at; // without arguments it toggles
    return true;
  }
  Select(): boolean {
    this.call("Select");
    if (this.st.sheets[this.st.active] !== this.sheet)
      throw new WpsDoubleError("Select(): the range's sheet is not the active sheet");
    this.st.selection = { sheet: this.sheet.name, address: this.areas.map(boxAddress).join(",") };
    return true;
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.call("Address");
    const plain = this.areas.map(boxAddress).join(",");
    if (!rowAbsolute && !columnAbsolute) return plain;
    return plain.replace(
      /([A-Z]+)(\d+)/g,
      (_m, c: string, r: string) => `${columnAbsolute ? "$" : ""}${c}${rowAbsolute ? "$" : ""}${r}`
    );
  }
}
