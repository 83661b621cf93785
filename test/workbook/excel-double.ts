/**
 * A test double of the Excel JavaScript API, holding a workbook in memory.
 *
 * Like Excel, it queues every call until context.sync(), runs the queue in order, and refuses to
 * read a property that was not loaded and synced (PropertyNotLoaded). It counts syncs and records
 * the size of each sync's request and response, refusing either over Excel on the web's 5 MB.
 * Only the part of the API the product uses is modelled, and every member above ExcelApi 1.1
 * fails like a missing API (ApiNotFound) when the double's version is below its requirement set.
 * It enforces what real Excel enforces and the product must respect: protected sheets and
 * workbook structure, cell-edit mode, one note or comment per cell, activation of a sheet added
 * in the same batch (ignored, as Excel on the web does — office-js issue #930).
 *
 * The model is in excel-double-model.ts, the context in excel-double-context.ts, ranges, notes
 * and comments in excel-double-ranges.ts; this file has the workbook and its worksheets.
 */
import { DoubleContextBase, DoubleOptions, Proxy } from "./excel-double-context";
import {
  DSheet,
  ExcelDoubleError,
  ProtectionOptions,
  Visibility,
  WorkbookModel,
  guard,
  parseBox,
  usedBox,
} from "./excel-double-model";
import { CommentCollectionProxy, NoteCollectionProxy, RangeProxy } from "./excel-double-ranges";
import { ChartCollectionProxy } from "./excel-double-charts";

export * from "./excel-double-model";
export { DoubleResult, WEB_LIMITS, versionNumber } from "./excel-double-context";
export type { DoubleLimits, DoubleOptions, SyncRecord } from "./excel-double-context";
export * from "./excel-double-ranges";
export * from "./excel-double-charts";

export class DoubleContext extends DoubleContextBase {
  readonly workbook: WorkbookProxy;
  constructor(model: WorkbookModel, apiVersion = 1.18, options: DoubleOptions = {}) {
    super(model, apiVersion, options);
    this.workbook = new WorkbookProxy(this);
  }
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(private readonly ctx: DoubleContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }
  get comments(): never {
    throw new ExcelDoubleError("NotModelled", "workbook-level comments: use a worksheet");
  }
  get notes(): never {
    throw new ExcelDoubleError("NotModelled", "workbook-level notes: use a worksheet");
  }
  /** Excel.WorkbookProtection (ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.workbookprotection). */
  get protection(): WorkbookProtectionProxy {
    this.ctx.need(1.07, "Workbook.protection");
    return new WorkbookProtectionProxy(this.ctx, () => this.ctx.model);
  }
}

export class WorkbookProtectionProxy extends Proxy<WorkbookModel> {
  protected read(name: string): unknown {
    if (name === "protected") return this.live().structureProtected;
    throw new ExcelDoubleError("InvalidArgument", `WorkbookProtection.${name} is not modelled`);
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

export class WorksheetCollectionProxy extends Proxy<WorkbookModel> {
  constructor(ctx: DoubleContextBase) {
    super(ctx, () => ctx.model);
  }
  private itemsLoaded: WorksheetProxy[] | null = null;

  get items(): WorksheetProxy[] {
    if (!this.itemsLoaded)
      throw new ExcelDoubleError("PropertyNotLoaded", "worksheets.items was not loaded and synced");
    return this.itemsLoaded;
  }

  override load(props?: string | string[]): this {
    const names = (typeof props === "string" ? props.split(",") : (props ?? []))
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    const holder: WorksheetProxy[] = [];
    this.ctx.enqueue(() => {
      for (const s of this.ctx.model.sheets) {
        holder.push(new WorksheetProxy(this.ctx, { now: s }).snapshot(names));
      }
      this.ctx.respond(holder.length * 40);
      this.itemsLoaded = holder;
    }, names);
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    this.ctx.need(1.04, "WorksheetCollection.getItemOrNullObject");
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheets[this.ctx.model.active]);
  }
  add(name: string): WorksheetProxy {
    this.ctx.enqueue(() => this.ctx.addedInBatch.add(this.ctx.model.add(name)), { add: name });
    return this.getItem(name);
  }
  protected read(): unknown {
    return undefined;
  }
}

export class WorksheetProxy extends Proxy<DSheet> {
  protected read(name: string): unknown {
    const s = this.live();
    switch (name) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "position":
        return this.ctx.model.sheets.indexOf(s);
      default:
        throw new ExcelDoubleError("InvalidArgument", `Worksheet.${name} is not modelled`);
    }
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(v: string) {
    this.setLater("name", v, (s) => {
      this.ctx.model.guardStructure("rename a sheet");
      if (this.ctx.model.sheet(v) && this.ctx.model.sheet(v) !== s)
        throw new ExcelDoubleError("ItemAlreadyExists", v);
      s.name = v;
    });
  }
  get visibility(): Visibility {
    return this.loadedValue("visibility");
  }
  set visibility(v: Visibility) {
    this.setLater("visibility", v, (s) => {
      this.ctx.model.guardStructure("hide or show a sheet");
      if (
        v !== "Visible" &&
        this.ctx.model.sheets.filter((x) => x !== s && x.visibility === "Visible").length === 0
      ) {
        throw new ExcelDoubleError("InvalidOperation", "a workbook needs a visible sheet");
      }
      s.visibility = v;
    });
  }
  get position(): number {
    return this.loadedValue("position");
  }
  set position(p: number) {
    this.setLater("position", p, (s) => {
      this.ctx.model.guardStructure("move a sheet");
      const list = this.ctx.model.sheets;
      const active = list[this.ctx.model.active];
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
      this.ctx.model.active = list.indexOf(active);
    });
  }

  delete(): void {
    this.ctx.enqueue(
      () => {
        const s = this.live();
        const list = this.ctx.model.sheets;
        this.ctx.model.guardStructure("delete a sheet");
        if (s.visibility === "VeryHidden")
          throw new ExcelDoubleError("InvalidOperation", "cannot delete a very hidden sheet");
        if (list.filter((x) => x !== s && x.visibility === "Visible").length === 0) {
          throw new ExcelDoubleError("InvalidOperation", "cannot delete the last visible sheet");
        }
        const active = list[this.ctx.model.active];
        list.splice(list.indexOf(s), 1);
        this.ctx.model.active = Math.max(0, active === s ? 0 : list.indexOf(active));
      },
      { delete: true }
    );
  }

  activate(): void {
    this.ctx.enqueue(
      () => {
        const s = this.live();
        if (s.visibility !== "Visible")
          throw new ExcelDoubleError("InvalidOperation", "cannot activate a hidden sheet");
        // Excel on the web ignores activating a sheet added in the same batch (office-js issue #930).
        if (this.ctx.addedInBatch.has(s)) return;
        this.ctx.model.active = this.ctx.model.sheets.indexOf(s);
      },
      { activate: true }
    );
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => (this.target === null ? null : parseBox(this.target, address)),
      this.nullable
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.ctx.need(1.04, "Worksheet.getUsedRangeOrNullObject");
    return new RangeProxy(
      this.ctx,
      () => (this.target === null ? null : usedBox(this.target, valuesOnly)),
      true
    );
  }

  /** Excel.ChartCollection (ExcelApi 1.1; excel-double-charts.ts). */
  get charts(): ChartCollectionProxy {
    this.ctx.need(1.01, "Worksheet.charts");
    return new ChartCollectionProxy(this.ctx, () => this.target);
  }

  get notes(): NoteCollectionProxy {
    this.ctx.need(1.18, "Worksheet.notes");
    return new NoteCollectionProxy(this.ctx, () => this.target, this.nullable);
  }

  get comments(): CommentCollectionProxy {
    this.ctx.need(1.1, "Worksheet.comments");
    return new CommentCollectionProxy(this.ctx, () => this.target, this.nullable);
  }

  /** Excel.WorksheetProtection (ExcelApi 1.2; a password 1.7). */
  get protection(): WorksheetProtectionProxy {
    this.ctx.need(1.02, "Worksheet.protection");
    return new WorksheetProtectionProxy(this.ctx, () => this.target, this.nullable);
  }

  get autoFilter(): { apply(range: string): void } {
    this.ctx.need(1.09, "Worksheet.autoFilter");
    return {
      apply: (range: string) =>
        this.ctx.enqueue(
          () => {
            guard(this.live(), "autoFilter");
            this.live().autoFilter = range;
          },
          { autoFilter: range }
        ),
    };
  }

  get freezePanes(): { freezeRows(n: number): void } {
    this.ctx.need(1.07, "Worksheet.freezePanes");
    return {
      freezeRows: (n: number) =>
        this.ctx.enqueue(() => void (this.live().freezeRows = n), { freezeRows: n }),
    };
  }

  get pageLayout(): {
    orientation: string;
    zoom: DSheet["zoom"];
    setPrintArea(area: string): void;
  } {
    this.ctx.need(1.09, "Worksheet.pageLayout");
    const self = this;
    return {
      /** PageLayout.setPrintArea (ExcelApi 1.9): ranges of this sheet, comma-separated. */
      setPrintArea(area: string) {
        self.ctx.enqueue(
          () => {
            const s = self.live();
            for (const part of area.split(",")) parseBox(s, part);
            s.printArea = area;
          },
          { setPrintArea: area }
        );
      },
      set orientation(v: string) {
        self.ctx.enqueue(() => void (self.live().orientation = v as DSheet["orientation"]), {
          orientation: v,
        });
      },
      get orientation(): string {
        throw new ExcelDoubleError("PropertyNotLoaded", "pageLayout.orientation");
      },
      set zoom(v: DSheet["zoom"]) {
        self.ctx.enqueue(() => void (self.live().zoom = { ...v }), { zoom: v });
      },
      get zoom(): DSheet["zoom"] {
        throw new ExcelDoubleError("PropertyNotLoaded", "pageLayout.zoom");
      },
    };
  }
}

/**
 * Worksheet protection (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection):
 * unprotecting a sheet protected with a password needs that password (ExcelApi 1.7).
 */
export class WorksheetProtectionProxy extends Proxy<DSheet> {
  protected read(name: string): unknown {
    const s = this.live();
    if (name === "protected") return s.protected;
    if (name === "options") return { ...s.protectionOptions };
    throw new ExcelDoubleError("InvalidArgument", `WorksheetProtection.${name} is not modelled`);
  }
  get protected(): boolean {
    return this.loadedValue("protected");
  }
  get options(): ProtectionOptions {
    return this.loadedValue("options");
  }
  protect(options?: ProtectionOptions, password?: string): void {
    if (password !== undefined) this.ctx.need(1.07, "WorksheetProtection.protect(password)");
    this.ctx.enqueue(
      () => {
        const s = this.live();
        if (s.protected)
          throw new ExcelDoubleError("InvalidOperation", `${s.name} is already protected`);
        s.protected = true;
        s.protectionOptions = { ...options };
        if (password !== undefined) s.password = password;
      },
      { protect: options ?? null }
    );
  }
  unprotect(password?: string): void {
    if (password !== undefined) this.ctx.need(1.07, "WorksheetProtection.unprotect(password)");
    this.ctx.enqueue(
      () => {
        const s = this.live();
        if (s.password !== undefined && s.password !== password)
          throw new ExcelDoubleError("InvalidArgument", "the password is incorrect");
        s.protected = false;
        delete s.password;
      },
      { unprotect: true }
    );
  }
}

/** The double as the adapter's `Excel.RequestContext`. */
export function asExcelContext(ctx: DoubleContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}

/**
 * `Excel.run` over `model`, with both of its forms — `run(batch)` and `run(options, batch)` —
 * each run on a fresh request context. `contexts` collects them for tests that count syncs.
 */
export function excelRunOn(
  model: WorkbookModel,
  apiVersion = 1.18,
  contexts: DoubleContext[] = []
) {
  return <T>(
    first: unknown,
    second?: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T> => {
    const batch = (typeof first === "function" ? first : second) as (
      context: Excel.RequestContext
    ) => Promise<T>;
    const options = typeof first === "function" ? {} : (first as { delayForCellEdit?: boolean });
    const ctx = new DoubleContext(model, apiVersion, {
      delayForCellEdit: options.delayForCellEdit,
    });
    contexts.push(ctx);
    return batch(asExcelContext(ctx));
  };
}
