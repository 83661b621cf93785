/**
 * Ranges, formats, notes and comments of the Excel API double (see excel-double.ts). Members
 * above ExcelApi 1.1 check the version the double was made with, as the requirement-set pages
 * list them (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets).
 */
import { cellAddress } from "../../src/core/model/cells";
import {
  DoubleContextBase as DoubleContext,
  DoubleResult,
  Proxy,
  utf8,
} from "./excel-double-context";
import {
  Box,
  DCell,
  DDataBar,
  DSheet,
  ExcelDoubleError,
  boxAddress,
  boxCols,
  boxRows,
  cellKey,
  eachCell,
  guard,
  guardValues,
  parseBox,
  parseWritten,
} from "./excel-double-model";

export class RangeProxy extends Proxy<Box> {
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: { add(type: string): ConditionalFormatProxy };

  constructor(ctx: DoubleContext, resolve: () => Box | null, nullable = false) {
    super(ctx, resolve, nullable);
    this.format = new RangeFormatProxy(ctx, () => this.target);
    this.conditionalFormats = {
      add: (type: string) => {
        ctx.need(1.06, "Range.conditionalFormats");
        if (type !== "DataBar")
          throw new ExcelDoubleError("NotModelled", `conditional format ${type}`);
        const bar: DDataBar = { range: "" };
        ctx.enqueue(
          () => {
            const b = this.live();
            guard(b.sheet, "formatCells");
            bar.range = boxAddress(b).split("!")[1];
            b.sheet.dataBars.push(bar);
          },
          { add: type }
        );
        return new ConditionalFormatProxy(ctx, bar);
      },
    };
  }

  /** The resolved box, for actions of other proxies that take this range as an argument. */
  box(): Box | null {
    return this.target;
  }

  protected read(name: string): unknown {
    const b = this.live();
    const cells = boxRows(b) * boxCols(b);
    const grid = <V>(fn: (c: DCell | undefined) => V): V[][] | null => {
      // Over five million cells Excel may answer null instead of the matrix (office-js issue #4783).
      if (cells > this.ctx.limits.cellsPerGet) return null;
      const out: V[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const line: V[] = [];
        for (let c = b.left; c <= b.right; c++) line.push(fn(b.sheet.cells.get(cellKey(r, c))));
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case "address":
        return boxAddress(b);
      case "rowCount":
        return boxRows(b);
      case "columnCount":
        return boxCols(b);
      case "cellCount":
        return cells;
      case "rowIndex":
        return b.top;
      case "columnIndex":
        return b.left;
      case "values":
        return grid((c) => c?.error ?? c?.value ?? "");
      case "valueTypes":
        return grid((c) =>
          c?.error !== undefined
            ? "Error"
            : c?.value === undefined
              ? "Empty"
              : typeof c.value === "number"
                ? "Double"
                : typeof c.value === "boolean"
                  ? "Boolean"
                  : "String"
        );
      case "numberFormat":
        return grid((c) => c?.numFmt ?? "General");
      case "formulas":
        return grid((c) =>
          c?.formula !== undefined ? `=${c.formula}` : (c?.error ?? c?.value ?? "")
        );
      default:
        throw new ExcelDoubleError("InvalidArgument", `Range.${name} is not modelled`);
    }
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get cellCount(): number {
    return this.loadedValue("cellCount");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(v: unknown[][]) {
    this.setLater("values", v, (b) => {
      this.checkShape(b, v, "values");
      guardValues(b);
      v.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value === null || value === undefined) return; // null leaves a cell as it is
          const cell = this.ctx.model.cell(b.sheet, b.top + r, b.left + c);
          if (typeof value === "string") parseWritten(value, cell);
          else if (typeof value === "number" || typeof value === "boolean") {
            delete cell.error;
            delete cell.formula;
            cell.value = value;
          } else
            throw new ExcelDoubleError("InvalidArgument", `cannot write ${JSON.stringify(value)}`);
        })
      );
    });
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.setLater("numberFormat", v, (b) => {
      this.checkShape(b, v, "numberFormat");
      guard(b.sheet, "formatCells");
      v.forEach((line, r) =>
        line.forEach((f, c) => {
          if (f === null || f === undefined) return;
          const cell = this.ctx.model.cell(b.sheet, b.top + r, b.left + c);
          if (f === "General") delete cell.numFmt;
          else cell.numFmt = f;
        })
      );
    });
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.need(1.07, "Range.hyperlink");
    this.setLater("hyperlink", link, (b) => {
      guard(b.sheet, "hyperlinks");
      const cell = this.ctx.model.cell(b.sheet, b.top, b.left);
      cell.link = { ...link };
      if (link.textToDisplay !== undefined) {
        delete cell.formula;
        delete cell.error;
        cell.value = link.textToDisplay;
      }
    });
  }

  get dataValidation(): Record<"rule" | "prompt" | "errorAlert" | "ignoreBlanks", unknown> {
    this.ctx.need(1.08, "Range.dataValidation");
    const target = {} as Record<"rule" | "prompt" | "errorAlert" | "ignoreBlanks", unknown>;
    for (const name of ["rule", "prompt", "errorAlert", "ignoreBlanks"] as const) {
      Object.defineProperty(target, name, {
        set: (v: unknown) =>
          this.ctx.enqueue(
            () => {
              const b = this.live();
              guard(b.sheet, "structure");
              checkValidationTexts(name, v);
              eachCell(b, (r, c) => {
                const cell = this.ctx.model.cell(b.sheet, r, c);
                cell.validation = { ...cell.validation, [name]: v };
              });
            },
            { [name]: v }
          ),
        get: () => {
          throw new ExcelDoubleError("PropertyNotLoaded", `dataValidation.${name}`);
        },
      });
    }
    return target;
  }

  merge(across = false): void {
    this.ctx.need(1.02, "Range.merge");
    this.ctx.enqueue(
      () => {
        const b = this.live();
        guard(b.sheet, "structure");
        if (across) throw new ExcelDoubleError("NotModelled", "merge across");
        b.sheet.merges.push(boxAddress(b).split("!")[1]);
      },
      { merge: across }
    );
  }

  clear(): void {
    this.ctx.enqueue(
      () => {
        const b = this.live();
        guardValues(b);
        for (const k of [...b.sheet.cells.keys()]) {
          const [r, c] = k.split(",").map(Number);
          if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) b.sheet.cells.delete(k);
        }
      },
      { clear: true }
    );
  }

  private checkShape(b: Box, v: unknown[][], what: string): void {
    if (
      !Array.isArray(v) ||
      v.length !== boxRows(b) ||
      v.some((line) => !Array.isArray(line) || line.length !== boxCols(b))
    ) {
      throw new ExcelDoubleError(
        "InvalidArgument",
        `${what} of ${boxRows(b)}×${boxCols(b)} cells given ${v.length} rows`
      );
    }
  }
}

/**
 * Excel's limits on data-validation texts: titles 32 characters, an input message 255, an error
 * message 225 (MS-XLSB 2.5.37 DValStrings,
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/b8894965-c186-4bba-8a0b-8ec2a37a1cbe).
 */
function checkValidationTexts(name: string, v: unknown): void {
  const limits =
    name === "prompt"
      ? { title: 32, message: 255 }
      : name === "errorAlert"
        ? { title: 32, message: 225 }
        : null;
  if (!limits || !v || typeof v !== "object") return;
  for (const [key, max] of Object.entries(limits)) {
    const text = (v as Record<string, unknown>)[key];
    if (typeof text === "string" && Array.from(text).length > max) {
      throw new ExcelDoubleError(
        "InvalidArgument",
        `dataValidation.${name}.${key} longer than ${max} characters`
      );
    }
  }
}

export class RangeFormatProxy {
  readonly fill: RangeFillProxy;
  readonly font: { color: string; bold: boolean; size: number; underline: string };
  private each: (name: string, value: unknown, apply: (c: DCell) => void) => void;

  constructor(
    private readonly ctx: DoubleContext,
    private readonly box: () => Box | null
  ) {
    this.fill = new RangeFillProxy(ctx, box);
    const each = (name: string, value: unknown, apply: (c: DCell) => void) =>
      ctx.enqueue(
        () => {
          const b = box();
          if (!b) throw new ExcelDoubleError("InvalidOperation", "format of a null range");
          guard(b.sheet, name === "protection.locked" ? "structure" : "formatCells");
          eachCell(b, (r, c) => apply(ctx.model.cell(b.sheet, r, c)));
        },
        { [name]: value }
      );
    const unreadable = (name: string) => () => {
      throw new ExcelDoubleError("PropertyNotLoaded", `format.${name}`);
    };
    this.font = Object.defineProperties({} as RangeFormatProxy["font"], {
      color: {
        set: (v: string) => each("font.color", v, (c) => (c.fontColor = v.toUpperCase())),
        get: unreadable("font.color"),
      },
      bold: {
        set: (v: boolean) => each("font.bold", v, (c) => (c.bold = v)),
        get: unreadable("font.bold"),
      },
      size: {
        set: (v: number) => each("font.size", v, (c) => (c.size = v)),
        get: unreadable("font.size"),
      },
      underline: {
        set: (v: string) => each("font.underline", v, (c) => (c.underline = v)),
        get: unreadable("font.underline"),
      },
    });
    this.each = each;
  }

  set wrapText(v: boolean) {
    this.each("wrapText", v, (c) => (c.wrap = v));
  }
  set horizontalAlignment(v: string) {
    this.each("horizontalAlignment", v, (c) => (c.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.each("verticalAlignment", v, (c) => (c.vAlign = v));
  }
  get protection(): { locked: boolean } {
    this.ctx.need(1.02, "RangeFormat.protection");
    const target = {} as { locked: boolean };
    Object.defineProperty(target, "locked", {
      set: (v: boolean) => this.each("protection.locked", v, (c) => (c.locked = v)),
      get: () => {
        throw new ExcelDoubleError("PropertyNotLoaded", "format.protection.locked");
      },
    });
    return target;
  }

  set rowHeight(points: number) {
    this.ctx.need(1.02, "RangeFormat.rowHeight");
    this.ctx.enqueue(
      () => {
        const b = this.box();
        if (!b) throw new ExcelDoubleError("InvalidOperation", "format of a null range");
        guard(b.sheet, "formatRows");
        for (let r = b.top; r <= b.bottom; r++) b.sheet.rowHeights.set(r, points);
      },
      { rowHeight: points }
    );
  }

  set columnWidth(points: number) {
    this.ctx.need(1.02, "RangeFormat.columnWidth");
    this.ctx.enqueue(
      () => {
        const b = this.box();
        if (!b) throw new ExcelDoubleError("InvalidOperation", "format of a null range");
        guard(b.sheet, "formatColumns");
        for (let c = b.left; c <= b.right; c++) b.sheet.columnWidths.set(c, points);
      },
      { columnWidth: points }
    );
  }
}

export class RangeFillProxy extends Proxy<Box> {
  constructor(ctx: DoubleContext, box: () => Box | null) {
    super(ctx, box, true);
  }
  protected read(name: string): unknown {
    const b = this.live();
    const fills = new Set<string | undefined>();
    eachCell(b, (r, c) => fills.add(b.sheet.cells.get(cellKey(r, c))?.fill));
    const uniform = fills.size === 1;
    const fill = [...fills][0];
    switch (name) {
      case "color":
        return uniform ? (fill ?? "#FFFFFF") : null; // Excel reports "no fill" as white
      case "pattern":
        this.ctx.need(1.09, "RangeFill.pattern");
        return uniform ? (fill ? "Solid" : "None") : null;
      default:
        throw new ExcelDoubleError("InvalidArgument", `RangeFill.${name} is not modelled`);
    }
  }
  get color(): string {
    return this.loadedValue("color");
  }
  set color(v: string) {
    this.setLater("color", v, (b) => {
      guard(b.sheet, "formatCells");
      eachCell(b, (r, c) => (this.ctx.model.cell(b.sheet, r, c).fill = v.toUpperCase()));
    });
  }
  get pattern(): string {
    return this.loadedValue("pattern");
  }
  clear(): void {
    this.ctx.enqueue(
      () => {
        const b = this.live();
        guard(b.sheet, "formatCells");
        eachCell(b, (r, c) => {
          const cell = b.sheet.cells.get(cellKey(r, c));
          if (cell) delete cell.fill;
        });
      },
      { clearFill: true }
    );
  }
}

export class ConditionalFormatProxy {
  readonly dataBar: {
    barDirection: string;
    positiveFormat: { fillColor: string; gradientFill: boolean };
  };
  constructor(ctx: DoubleContext, bar: DDataBar) {
    const set = (name: string, v: unknown, apply: () => void) => ctx.enqueue(apply, { [name]: v });
    const positive = {} as { fillColor: string; gradientFill: boolean };
    Object.defineProperties(positive, {
      fillColor: {
        set: (v: string) => set("fillColor", v, () => (bar.fillColor = v.toUpperCase())),
      },
      gradientFill: { set: (v: boolean) => set("gradientFill", v, () => (bar.gradientFill = v)) },
    });
    this.dataBar = Object.defineProperties(
      { positiveFormat: positive } as ConditionalFormatProxy["dataBar"],
      {
        barDirection: { set: (v: string) => set("barDirection", v, () => (bar.direction = v)) },
      }
    );
  }
}

function cellOf(range: RangeProxy): string {
  const b = range.box();
  if (!b) throw new ExcelDoubleError("InvalidArgument", "a null range");
  if (b.top !== b.bottom || b.left !== b.right)
    throw new ExcelDoubleError("InvalidArgument", "a note needs one cell");
  return cellAddress(b.top, b.left);
}

/**
 * A cell holds a note or a threaded comment, never both: adding one where the other is fails
 * (https://support.microsoft.com/office/the-difference-between-threaded-comments-and-notes-75a51eec-4092-42ab-abf8-7669077b7be3).
 */
export class NoteCollectionProxy extends Proxy<DSheet> {
  protected read(): unknown {
    return undefined;
  }
  add(where: RangeProxy | string, content: string): void {
    this.ctx.enqueue(
      () => {
        const s = this.live();
        const cell = typeof where === "string" ? where.toUpperCase() : cellOf(where);
        guard(s, "editObjects");
        if (s.notes.has(cell))
          throw new ExcelDoubleError("InvalidArgument", `a note exists on ${cell}`);
        if (s.comments.some((c) => c.cell === cell))
          throw new ExcelDoubleError("InvalidArgument", `a threaded comment is on ${cell}`);
        s.notes.set(cell, content);
      },
      { content }
    );
  }
  getItemOrNullObject(address: string): NoteProxy {
    return new NoteProxy(
      this.ctx,
      () => {
        const s = this.target;
        const cell = address.replace(/\$/g, "").toUpperCase();
        return s && s.notes.has(cell) ? { sheet: s, cell } : null;
      },
      true
    );
  }
}

export class NoteProxy extends Proxy<{ sheet: DSheet; cell: string }> {
  protected read(name: string): unknown {
    const t = this.live();
    if (name === "content") return t.sheet.notes.get(t.cell);
    throw new ExcelDoubleError("InvalidArgument", `Note.${name} is not modelled`);
  }
  get content(): string {
    return this.loadedValue("content");
  }
  set content(v: string) {
    this.setLater("content", v, (t) => {
      guard(t.sheet, "editObjects");
      t.sheet.notes.set(t.cell, v);
    });
  }
  delete(): void {
    this.ctx.enqueue(
      () => {
        const t = this.live();
        guard(t.sheet, "editObjects");
        t.sheet.notes.delete(t.cell);
      },
      { delete: true }
    );
  }
}

export class CommentCollectionProxy extends Proxy<DSheet> {
  private itemsLoaded: CommentProxy[] | null = null;
  protected read(): unknown {
    return undefined;
  }
  get items(): CommentProxy[] {
    if (!this.itemsLoaded)
      throw new ExcelDoubleError("PropertyNotLoaded", "comments.items was not loaded and synced");
    return this.itemsLoaded;
  }
  override load(props?: string | string[]): this {
    this.ctx.need(1.1, "Worksheet.comments");
    const names = (typeof props === "string" ? props.split(",") : (props ?? [])).map((p) =>
      p.trim().replace(/^items\//, "")
    );
    this.ctx.enqueue(() => {
      const s = this.target;
      this.itemsLoaded = (s ? s.comments : []).map((c) =>
        new CommentProxy(this.ctx, { now: c }).snapshot(names)
      );
      this.ctx.respond(this.itemsLoaded.length * 40);
    }, names);
    return this;
  }
  getCount(): DoubleResult<number> {
    this.ctx.need(1.1, "CommentCollection.getCount");
    const result = new DoubleResult<number>();
    this.ctx.enqueue(() => result.set(this.target ? this.target.comments.length : 0), {
      getCount: true,
    });
    return result;
  }
  add(where: RangeProxy | string, content: string): void {
    this.ctx.enqueue(
      () => {
        const s = this.live();
        const cell = typeof where === "string" ? where.toUpperCase() : cellOf(where);
        guard(s, "editObjects");
        if (s.comments.some((c) => c.cell === cell))
          throw new ExcelDoubleError("InvalidArgument", `a comment exists on ${cell}`);
        if (s.notes.has(cell))
          throw new ExcelDoubleError("InvalidArgument", `a note is on ${cell}`);
        s.comments.push({ id: this.ctx.model.nextCommentId(), cell, content });
      },
      { content }
    );
  }
}

type DComment = DSheet["comments"][number];

export class CommentProxy extends Proxy<DComment> {
  protected read(name: string): unknown {
    const c = this.live();
    if (name === "content") return c.content;
    if (name === "id") return c.id;
    throw new ExcelDoubleError("InvalidArgument", `Comment.${name} is not modelled`);
  }
  get content(): string {
    return this.loadedValue("content");
  }
  set content(v: string) {
    this.setLater("content", v, (c) => {
      guard(this.sheetOf(c), "editObjects");
      c.content = v;
    });
  }
  delete(): void {
    this.ctx.enqueue(
      () => {
        const c = this.live();
        guard(this.sheetOf(c), "editObjects");
        for (const s of this.ctx.model.sheets) s.comments = s.comments.filter((x) => x !== c);
      },
      { delete: true }
    );
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, () => parseBox(this.sheetOf(this.live()), this.live().cell));
  }
  private sheetOf(c: DComment): DSheet {
    return this.ctx.model.sheets.find((s) => s.comments.includes(c))!;
  }
}

/** Bytes of a JSON value, for tests that size their data. */
export function jsonBytes(value: unknown): number {
  return utf8(JSON.stringify(value) ?? "");
}
