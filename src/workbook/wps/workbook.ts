/**
 * The WPS adapter: the workbook open in WPS 表格, through the JavaScript object model of WPS
 * add-ins (window.Application). Every member is a synchronous call into WPS, so the adapter
 * reads and writes whole ranges and counts on a number of calls that does not grow with a
 * sheet's rows: reading a sheet is about 15 calls plus its number-format regions; writing a
 * result sheet a few dozen whatever its length; each marked cell costs a comment, and the first
 * time it is marked a look at its fill and comment (test/workbook/wps.test.ts counts them).
 * Deleting and merging would ask the person to confirm: the alerts are off while a plan is
 * written, and screen updating too, both put back as they were.
 */
import type { CellValue, WorkbookGrids } from "../../core/model/cells";
import type { Annotation, WritePlan } from "../../core/model/plan";
import { ANNOTATION_STORE_SHEET } from "../../core/model/plan";
import { freeSheetName } from "../../core/plan/sheet-name";
import type { WorkbookPort } from "../shared/port";
import { assertAnnotatedSheetsExist, assertPlanWritable } from "../shared/plan-checks";
import { StoredOriginal, normaliseAddress, storeKey } from "../shared/annotation-store";
import { ExcelRefusal, WriteReport, emptyReport } from "../office/refusal";
import { a1Range, excelText, toExcelValue } from "../office/values";
import type { EtApplication, EtSheets, EtWorkbook, EtWorksheet } from "./et";
import { XL_SHEET_VISIBLE, activeWorkbook } from "./et";
import {
  Store,
  findSheet,
  markCells,
  previousLook,
  readStore,
  restoreCells,
  writeStore,
} from "./marks";
import { Lifted, liftProtection } from "./protection";
import { readSheet } from "./read";
import { fillSheet } from "./sheet-writer";
import { FULL_WPS_SUPPORT, WpsSupport } from "./support";

/** Sheets the product works on by name, with what protection was lifted for the marks. */
interface Touched {
  sheets: Map<string, EtWorksheet>;
  lifted: Lifted[];
  locked: Set<string>;
}

export class WpsWorkbook implements WorkbookPort {
  /** What the last applyPlan or clearAnnotations did not do, for the pane to say. */
  lastReport: WriteReport = emptyReport();

  constructor(
    private readonly app: EtApplication,
    readonly support: WpsSupport = FULL_WPS_SUPPORT
  ) {}

  private workbook(): EtWorkbook {
    return activeWorkbook(this.app);
  }

  // --- reading ---------------------------------------------------------------------------

  /** Names of the workbook's sheets in tab order, without the annotation store. */
  async sheetNames(): Promise<string[]> {
    return allSheets(this.workbook().Worksheets)
      .map((s) => s.name)
      .filter((n) => n !== ANNOTATION_STORE_SHEET);
  }

  /** The active sheet and the named sheets that exist (e.g. 指标规则, 审核记录). */
  async readActive(others: string[] = []): Promise<{ active: string; workbook: WorkbookGrids }> {
    const wb = this.workbook();
    const ws = wb.ActiveSheet;
    const active = ws.Name;
    const sheets = [readSheet(ws, active, false)];
    const all = wb.Worksheets;
    for (const name of new Set(others)) {
      if (name === active || name === ANNOTATION_STORE_SHEET) continue;
      const other = findSheet(all, name);
      if (other) sheets.push(readSheet(other, name, other.Visible !== XL_SHEET_VISIBLE));
    }
    return { active, workbook: { sheets } };
  }

  async readSheets(names?: string[]): Promise<WorkbookGrids> {
    const all = this.workbook().Worksheets;
    if (!names) {
      return {
        sheets: allSheets(all)
          .filter((s) => s.name !== ANNOTATION_STORE_SHEET)
          .map((s) => readSheet(s.ws, s.name, s.ws.Visible !== XL_SHEET_VISIBLE)),
      };
    }
    const found: { index: number; name: string; ws: EtWorksheet }[] = [];
    for (const name of new Set(names)) {
      const ws = name === ANNOTATION_STORE_SHEET ? null : findSheet(all, name);
      if (ws) found.push({ index: ws.Index, name, ws });
    }
    found.sort((a, b) => a.index - b.index);
    return {
      sheets: found.map((s) => readSheet(s.ws, s.name, s.ws.Visible !== XL_SHEET_VISIBLE)),
    };
  }

  // --- writing ------------------------------------------------------------------------------

  /** Runs `work` with the alerts and screen updating off, putting them back after. */
  private quietly<T>(work: () => T): T {
    const alerts = this.app.DisplayAlerts;
    const screen = this.app.ScreenUpdating;
    this.app.DisplayAlerts = false;
    this.app.ScreenUpdating = false;
    try {
      return work();
    } finally {
      this.app.DisplayAlerts = alerts;
      this.app.ScreenUpdating = screen;
    }
  }

  /** Finds the sheets a plan marks or clears; lifts protection in the way of marks. */
  private touch(all: EtSheets, names: Iterable<string>, report: WriteReport): Touched {
    const t: Touched = { sheets: new Map(), lifted: [], locked: new Set() };
    for (const name of names) {
      if (t.sheets.has(name)) continue;
      const ws = findSheet(all, name);
      if (!ws) continue;
      t.sheets.set(name, ws);
      const lifted = liftProtection(ws, this.support.comments);
      if (lifted === "locked") t.locked.add(name);
      else if (lifted) t.lifted.push(lifted);
    }
    report.unmarkedSheets = [...t.locked];
    return t;
  }

  async applyPlan(plan: WritePlan): Promise<void> {
    this.lastReport = emptyReport();
    assertPlanWritable(plan); // before any call into WPS
    const wb = this.workbook();
    const all = wb.Worksheets;
    const annotated = [...new Set(plan.annotations.map((a) => a.sheet))];
    assertAnnotatedSheetsExist(plan, (name) => !!findSheet(all, name));
    const touchedNames = [...annotated, ...(plan.replaceAnnotations ?? [])];
    const store = touchedNames.length > 0 ? readStore(all) : null;
    const structureLocked = wb.ProtectStructure;
    if (structureLocked && (plan.sheets.length > 0 || (plan.annotations.length > 0 && !store?.ws)))
      throw new ExcelRefusal("workbookProtected");
    const shown = plan.sheets.length > 0 || (store !== null && !store.ws) ? wb.ActiveSheet : null;
    this.quietly(() => {
      const written = this.writeSheets(all, plan);
      if (store) this.writeMarks(all, plan, store, touchedNames, structureLocked);
      this.show(all, plan.activate, written, shown);
    });
  }

  /** The plan's sheets, each replacing its namesake at its tab position or added at the end. */
  private writeSheets(all: EtSheets, plan: WritePlan): Map<string, EtWorksheet> {
    const written = new Map<string, EtWorksheet>();
    if (plan.sheets.length === 0) return written;
    const taken = plan.sheets.some((ps) => ps.mode === "create")
      ? allSheets(all).map((s) => s.name)
      : [];
    for (const ps of plan.sheets) {
      // 'create' sheets never replace one of the same name: they take a free name beside it.
      const name = ps.mode === "create" ? freeSheetName(ps.name, taken) : ps.name;
      taken.push(name);
      const old = ps.mode === "create" ? null : findSheet(all, name);
      const ws = old ? all.Add(old) : all.Add(null, all.Item(all.Count));
      if (old) old.Delete();
      ws.Name = name;
      fillSheet(this.app, ws, ps, this.support);
      written.set(ps.name, ws);
    }
    return written;
  }

  private writeMarks(
    all: EtSheets,
    plan: WritePlan,
    store: Store,
    names: string[],
    structureLocked: boolean
  ): void {
    const report = this.lastReport;
    const t = this.touch(all, names, report);
    try {
      const replace = new Set(plan.replaceAnnotations ?? []);
      const marking = new Set(plan.annotations.map((a) => storeKey(a.sheet, a.cell)));
      const stale = store.entries.filter(
        (o) =>
          replace.has(o.sheet) && !marking.has(storeKey(o.sheet, o.cell)) && !t.locked.has(o.sheet)
      );
      for (const [name, entries] of bySheet(stale)) {
        const ws = t.sheets.get(name);
        if (ws) restoreCells(ws, entries, this.support.comments);
      }
      const kept = store.entries.filter((o) => !stale.includes(o));
      const marks = plan.annotations.filter((a) => !t.locked.has(a.sheet));
      report.fillOnlyCells = this.mark(t, marks, kept);
      writeStore(all, store, kept, structureLocked);
    } finally {
      for (const l of t.lifted) l.restore();
    }
  }

  /** Marks cells sheet by sheet; a cell's own look is stored before its first mark. */
  private mark(t: Touched, marks: Annotation[], kept: StoredOriginal[]): number {
    const known = new Map(kept.map((o) => [storeKey(o.sheet, o.cell), o]));
    let fillOnly = 0;
    for (const [name, list] of bySheet(marks)) {
      const ws = t.sheets.get(name)!;
      const fresh = [...new Set(list.map((a) => normaliseAddress(a.cell)))].filter(
        (cell) => !known.has(storeKey(name, cell))
      );
      // Comments are looked for only on a sheet that has any.
      const readComments = this.support.comments && fresh.length > 0 && ws.Comments.Count > 0;
      for (const cell of fresh) {
        const entry = previousLook(ws, name, cell, readComments);
        known.set(storeKey(name, cell), entry);
        kept.push(entry);
      }
      const ofSheet = new Map(
        kept.filter((o) => o.sheet === name).map((o) => [o.cell, o] as [string, StoredOriginal])
      );
      fillOnly += markCells(ws, list, ofSheet, this.support.comments);
    }
    return fillOnly;
  }

  /** Shows the plan's sheet to show, or the sheet that was shown before sheets were added. */
  private show(
    all: EtSheets,
    activate: string | undefined,
    written: Map<string, EtWorksheet>,
    shown: EtWorksheet | null
  ): void {
    const target = activate ? (written.get(activate) ?? findSheet(all, activate)) : shown;
    if (!target) return;
    try {
      target.Activate();
    } catch {
      // A hidden sheet cannot be shown; the work is done all the same.
    }
  }

  // --- clearing -----------------------------------------------------------------------------

  async clearAnnotations(sheet?: string): Promise<void> {
    const report = emptyReport();
    this.lastReport = report;
    const wb = this.workbook();
    const all = wb.Worksheets;
    const store = readStore(all);
    const chosen = store.entries.filter((o) => sheet === undefined || o.sheet === sheet);
    if (chosen.length === 0) return;
    const structureLocked = wb.ProtectStructure;
    this.quietly(() => {
      const t = this.touch(all, new Set(chosen.map((o) => o.sheet)), report);
      try {
        const restore = chosen.filter((o) => !t.locked.has(o.sheet));
        for (const [name, entries] of bySheet(restore)) {
          const ws = t.sheets.get(name);
          if (ws) restoreCells(ws, entries, this.support.comments);
        }
        const left = store.entries.filter((o) => !restore.includes(o));
        writeStore(all, store, left, structureLocked);
      } finally {
        for (const l of t.lifted) l.restore();
      }
    });
  }

  // --- append-only sheets -------------------------------------------------------------------

  async appendRows(sheet: string, header: string[], rows: CellValue[][]): Promise<void> {
    const wb = this.workbook();
    const all = wb.Worksheets;
    let ws = findSheet(all, sheet);
    const lines: (string | number | boolean)[][] = [];
    let next = 0;
    if (!ws) {
      if (wb.ProtectStructure) throw new ExcelRefusal("workbookProtected");
      const shown = wb.ActiveSheet;
      ws = all.Add(null, all.Item(all.Count));
      ws.Name = sheet;
      shown.Activate(); // Add shows the new sheet; the person stays where they were
      lines.push(header.map(excelText));
    } else {
      const used = ws.UsedRange;
      const value = used.Value2;
      const single = !Array.isArray(value);
      // An empty sheet's used range is A1 alone, and empty.
      if (!(single && (value === undefined || value === null || value === "")))
        next = used.Row - 1 + used.Rows.Count;
    }
    for (const row of rows) lines.push(row.map((v) => toExcelValue(v)));
    if (lines.length === 0) return;
    const width = Math.max(1, ...lines.map((l) => l.length));
    const dense = lines.map((l) => [...l, ...new Array(width - l.length).fill("")]);
    ws.Range(a1Range(next, 0, next + dense.length - 1, width - 1)).Value2 = dense;
  }
}

/** Every worksheet in tab order: two calls each. */
function allSheets(all: EtSheets): { name: string; ws: EtWorksheet }[] {
  const out: { name: string; ws: EtWorksheet }[] = [];
  const count = all.Count;
  for (let i = 1; i <= count; i++) {
    const ws = all.Item(i);
    out.push({ name: ws.Name, ws });
  }
  return out;
}

function bySheet<T extends { sheet: string }>(items: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.sheet) ?? [];
    list.push(item);
    out.set(item.sheet, list);
  }
  return out;
}
