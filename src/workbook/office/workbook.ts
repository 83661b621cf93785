/**
 * The Excel adapter: the workbook open in Excel, through the Excel JavaScript API.
 *
 * Office.js habits kept here: load only what is needed, read and write whole 2-D blocks, values
 * before formats, no context.sync() per item, and every request and response well under Excel on
 * the web's 5 MB by splitting large reads and writes into row blocks. Sync counts (the UI waits
 * on each):
 *   readActive / readSheets(names) ... 2 (+1 per extra ~1.5 MB of cells)    readSheets() ... 3
 *   applyPlan ........................ 3: what is there, the writes, then the sheet to show and
 *                                       protection put back; +1 to locate comments on marked
 *                                       sheets that have any, +1 per protected sheet to unprotect,
 *                                       +1 for comments without the notes API, +1 per ~1.5 MB
 *   clearAnnotations ................. 3 (the same extras)     appendRows ..... 2
 * so validating the active sheet costs 5 syncs and analysing the workbook 6, whatever its size.
 * Every Excel.run waits for the user to leave cell-edit mode (delayForCellEdit).
 */
import type { CellValue, WorkbookGrids } from "../../core/model/cells";
import type { Annotation, WritePlan } from "../../core/model/plan";
import { ANNOTATION_STORE_SHEET } from "../../core/model/plan";
import { freeSheetName } from "../../core/plan/sheet-name";
import type { WorkbookPort } from "../shared/port";
import { assertAnnotatedSheetsExist, assertPlanWritable } from "../shared/plan-checks";
import { StoredOriginal, storeKey } from "../shared/annotation-store";
import {
  Comments,
  Marks,
  PreviousLook,
  Store,
  locateComments,
  queueCommentRead,
  queueNotes,
  queuePreviousLooks,
  queueStoreRead,
  storeEntries,
  writeStore,
} from "./marks";
import { BLOCK_FRACTION, DEFAULT_PAYLOAD_BUDGET, WriteBatch, estimatePayload } from "./payload";
import {
  Unprotected,
  liftProtection,
  queueProtection,
  restoreAfterFailure,
  restoreProtection,
} from "./protection";
import { queueExtent, readGrids } from "./read";
import { ExcelRefusal, WriteReport, emptyReport } from "./refusal";
import { SheetWriter, TEMP_SHEET_PREFIX } from "./sheet-writer";
import { ApiSupport, apiSupport } from "./support";
import { a1Range, excelText, toExcelValue, topLeft } from "./values";

export interface OfficeWorkbookOptions {
  /** What the running Excel supports; detected with Office.context.requirements when omitted. */
  support?: ApiSupport;
  /** Largest estimated request or response, in bytes, before an intermediate sync. */
  payloadBudget?: number;
}

/** What applyPlan learnt in its first syncs. */
interface PlanState {
  existing: Excel.Worksheet[];
  touched: Map<string, Excel.Worksheet>;
  activate: Excel.Worksheet | null;
  store: Store | null;
  stored: StoredOriginal[];
  stale: StoredOriginal[];
  staleNotes: Map<string, Excel.Note>;
  previous: Map<string, PreviousLook>;
  annotations: Annotation[];
  comments: Comments;
  names: string[];
  leftovers: Excel.Worksheet[];
  structureLocked: boolean;
  unprotected: Unprotected;
  report: WriteReport;
}

/** A stored mark the plan drops: on a sheet whose marks it replaces, on a cell it no longer marks. */
function staleIn(plan: WritePlan): (o: StoredOriginal) => boolean {
  const replace = new Set(plan.replaceAnnotations ?? []);
  const marking = new Set(plan.annotations.map((a) => storeKey(a.sheet, a.cell)));
  return (o) => replace.has(o.sheet) && !marking.has(storeKey(o.sheet, o.cell));
}

export class OfficeWorkbook implements WorkbookPort {
  readonly support: ApiSupport;
  private readonly budget: number;
  /** Unique per run, so a temporary sheet left by a failed run never collides with the next. */
  private readonly runId = Date.now().toString(36);
  /**
   * The annotation store as read along with the sheets in this Excel.run: with it a plan can give
   * cells it no longer marks their own notes back without a sync of its own to find them.
   */
  private storeCache: StoredOriginal[] | null = null;
  /** What the last applyPlan or clearAnnotations did not do, for the pane to say. */
  lastReport: WriteReport = emptyReport();

  constructor(
    private readonly context: Excel.RequestContext,
    options: OfficeWorkbookOptions = {}
  ) {
    this.support = options.support ?? apiSupport();
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  }

  /**
   * Runs `work` with a port on the open workbook, inside one Excel.run that waits while the user
   * is typing in a cell instead of failing with InvalidOperationInCellEditMode
   * (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
   */
  static run<T>(
    work: (port: OfficeWorkbook) => Promise<T>,
    options?: OfficeWorkbookOptions
  ): Promise<T> {
    return Excel.run({ delayForCellEdit: true }, (context) =>
      work(new OfficeWorkbook(context, options))
    );
  }

  /** Nothing is asked of an Excel without the core path: it would fail on its first call. */
  private requireCore(): void {
    if (!this.support.core) throw new ExcelRefusal("officeTooOld");
  }

  private queueStructureCheck(): Excel.WorkbookProtection | null {
    if (!this.support.workbookProtection) return null;
    const p = this.context.workbook.protection;
    p.load("protected");
    return p;
  }

  // --- reading ---------------------------------------------------------------------------

  /** The names of the workbook's sheets in tab order, without the product's internal ones. */
  async sheetNames(): Promise<string[]> {
    this.requireCore();
    const all = this.context.workbook.worksheets;
    all.load("items/name");
    await this.context.sync();
    return all.items
      .map((ws) => ws.name)
      .filter((n) => n !== ANNOTATION_STORE_SHEET && !n.startsWith(TEMP_SHEET_PREFIX));
  }

  /** The active sheet and the named sheets that exist (e.g. 指标规则, 审核记录). */
  async readActive(others: string[] = []): Promise<{ active: string; workbook: WorkbookGrids }> {
    this.requireCore();
    const sheets = this.context.workbook.worksheets;
    const active = queueExtent(sheets.getActiveWorksheet());
    const extra = others.map((name) => queueExtent(sheets.getItemOrNullObject(name)));
    const store = queueStoreRead(this.context);
    await this.context.sync();
    this.storeCache = storeEntries(store);
    const reads = [
      active,
      ...extra.filter((e) => !e.sheet.isNullObject && e.sheet.name !== active.sheet.name),
    ];
    return {
      active: active.sheet.name,
      workbook: { sheets: await readGrids(this.context, reads, this.budget) },
    };
  }

  async readSheets(names?: string[]): Promise<WorkbookGrids> {
    this.requireCore();
    const wanted = names ?? (await this.sheetNames());
    const sheets = this.context.workbook.worksheets;
    const reads = [...new Set(wanted)]
      .filter((n) => n !== ANNOTATION_STORE_SHEET)
      .map((name) => queueExtent(sheets.getItemOrNullObject(name), "name,visibility,position"));
    const store = queueStoreRead(this.context);
    await this.context.sync();
    this.storeCache = storeEntries(store);
    const present = reads
      .filter((r) => !r.sheet.isNullObject)
      .sort((a, b) => a.sheet.position - b.sheet.position);
    return { sheets: await readGrids(this.context, present, this.budget) };
  }

  // --- writing a plan ---------------------------------------------------------------------

  async applyPlan(plan: WritePlan): Promise<void> {
    this.requireCore();
    this.lastReport = emptyReport();
    assertPlanWritable(plan); // before any request to Excel
    const state = await this.inspect(plan);
    this.lastReport = state.report;
    try {
      await this.write(plan, state);
    } catch (e) {
      await restoreAfterFailure(this.context, state.unprotected);
      throw e;
    }
  }

  /** What sync 1 of applyPlan reads, queued: the sheets the plan writes, marks and shows, and their state. */
  private queueLookups(plan: WritePlan) {
    const sheets = this.context.workbook.worksheets;
    const structure = this.queueStructureCheck();
    sheets.load("items/name");
    const existing = plan.sheets.map((ps) =>
      sheets.getItemOrNullObject(ps.name).load("name,position")
    );
    const touched = new Map<string, Excel.Worksheet>();
    for (const name of [
      ...plan.annotations.map((a) => a.sheet),
      ...(plan.replaceAnnotations ?? []),
    ]) {
      if (!touched.has(name)) touched.set(name, sheets.getItemOrNullObject(name).load("name"));
    }
    const activate =
      plan.activate && !plan.sheets.some((ps) => ps.name === plan.activate)
        ? sheets.getItemOrNullObject(plan.activate)
        : null;
    activate?.load("name");
    const store = touched.size > 0 ? queueStoreRead(this.context) : null;
    const previous = queuePreviousLooks(plan.annotations, touched, this.support);
    const isStale = staleIn(plan);
    const staleNotes = new Map<string, Excel.Note>();
    queueNotes((this.storeCache ?? []).filter(isStale), touched, staleNotes, this.support);
    return {
      sheets,
      structure,
      existing,
      touched,
      activate,
      store,
      previous,
      isStale,
      staleNotes,
      commentReads: queueCommentRead([...touched.values()], this.support),
      protections: queueProtection(touched),
    };
  }

  /** Sync 1 — what is there — and the few syncs that depend on it. Refuses before any change. */
  private async inspect(plan: WritePlan): Promise<PlanState> {
    const { sheets, structure, touched, store, isStale, staleNotes, ...looked } =
      this.queueLookups(plan);
    await this.context.sync();

    assertAnnotatedSheetsExist(plan, (name) => !touched.get(name)!.isNullObject);
    const stored = store ? storeEntries(store) : [];
    this.storeCache = null;
    const structureLocked = structure?.protected === true;
    if (
      structureLocked &&
      (plan.sheets.length > 0 || (plan.annotations.length > 0 && store?.sheet.isNullObject))
    ) {
      throw new ExcelRefusal("workbookProtected");
    }
    // Notes of marks the earlier read did not know of (no read in this run): one more sync, rarely.
    if (queueNotes(stored.filter(isStale), touched, staleNotes, this.support) > 0)
      await this.context.sync();
    const comments = await locateComments(this.context, looked.commentReads);
    const unprotected = await liftProtection(this.context, looked.protections, this.support);
    const report = emptyReport();
    report.unmarkedSheets = [...unprotected.locked].filter((s) =>
      plan.annotations.some((a) => a.sheet === s)
    );
    return {
      existing: looked.existing,
      touched,
      activate: looked.activate,
      store,
      stored,
      // On a sheet protected with a password nothing is marked, and old marks wait to be cleared.
      stale: stored.filter((o) => isStale(o) && !unprotected.locked.has(o.sheet)),
      staleNotes,
      previous: looked.previous,
      annotations: plan.annotations.filter((a) => !unprotected.locked.has(a.sheet)),
      comments,
      names: sheets.items.map((ws) => ws.name),
      leftovers: structureLocked
        ? []
        : sheets.items.filter((ws) => ws.name.startsWith(TEMP_SHEET_PREFIX)),
      structureLocked,
      unprotected,
      report,
    };
  }

  /** The writes (one sync, more only for very large plans), then the comments, then the last sync. */
  private async write(plan: WritePlan, s: PlanState): Promise<void> {
    const batch = new WriteBatch(this.context, this.budget);
    // A temporary sheet a failed run left behind: the product's own, half written.
    for (const ws of s.leftovers) ws.delete();
    const writer = new SheetWriter(this.context, this.support, this.budget, this.runId);
    const written = new Map<string, Excel.Worksheet>();
    const taken = [...s.names];
    for (let i = 0; i < plan.sheets.length; i++) {
      const ps = plan.sheets[i];
      // 'create' sheets never replace one of the same name: they take a free name beside it.
      const name = ps.mode === "create" ? freeSheetName(ps.name, taken) : null;
      if (name) taken.push(name);
      written.set(
        ps.name,
        await writer.write(ps, name === null ? s.existing[i] : null, name ?? ps.name, i, batch)
      );
      if (ps.charts?.charts.length && !this.support.charts)
        (s.report.chartlessSheets ??= []).push(name ?? ps.name);
    }
    const marks = new Marks(this.context, this.support, s.comments);
    for (const o of s.stale) {
      await batch.reserve(estimatePayload(o));
      marks.restore(s.touched.get(o.sheet)!, o, s.staleNotes.get(storeKey(o.sheet, o.cell)));
    }
    if (s.store) {
      const kept = s.stored.filter((o) => !s.stale.includes(o));
      await marks.annotate(s.annotations, s.touched, s.previous, kept, batch);
      await writeStore(this.context, this.budget, s.store, kept, batch, s.structureLocked);
    }
    await batch.flush();
    await marks.addComments();
    s.report.fillOnlyCells = marks.fillOnly;
    // Last: protection back on, and the sheet to show — Excel on the web ignores activating a
    // sheet added in the same batch (office-js issue #930), so it waits for this sync.
    const target = plan.activate
      ? (written.get(plan.activate) ?? (s.activate && !s.activate.isNullObject ? s.activate : null))
      : null;
    const lifted = s.unprotected.lifted.length > 0;
    restoreProtection(s.unprotected);
    target?.activate();
    if (target || lifted) await this.context.sync();
  }

  // --- clearing ---------------------------------------------------------------------------

  async clearAnnotations(sheet?: string): Promise<void> {
    this.requireCore();
    const report = emptyReport();
    this.lastReport = report;
    // Sync 1: the store.
    const store = queueStoreRead(this.context);
    const structure = this.queueStructureCheck();
    await this.context.sync();
    this.storeCache = null;
    const stored = storeEntries(store);
    const chosen = stored.filter((o) => sheet === undefined || o.sheet === sheet);
    if (chosen.length === 0) return;

    // Sync 2: the marked cells' notes and comments as they are now, which sheets still exist, their protection.
    const sheets = new Map<string, Excel.Worksheet>();
    for (const o of chosen) {
      if (!sheets.has(o.sheet))
        sheets.set(
          o.sheet,
          this.context.workbook.worksheets.getItemOrNullObject(o.sheet).load("name")
        );
    }
    const notes = new Map<string, Excel.Note>();
    queueNotes(chosen, sheets, notes, this.support);
    const commentReads = queueCommentRead([...sheets.values()], this.support);
    const protections = queueProtection(sheets);
    await this.context.sync();
    const comments = await locateComments(this.context, commentReads);
    const unprotected = await liftProtection(this.context, protections, this.support);
    report.unmarkedSheets = [...unprotected.locked];
    const restore = chosen.filter((o) => !unprotected.locked.has(o.sheet));
    try {
      // Last syncs: fills and notes back, the store shrunk, protection back on.
      const batch = new WriteBatch(this.context, this.budget);
      const marks = new Marks(this.context, this.support, comments);
      for (const o of restore) {
        await batch.reserve(estimatePayload(o));
        marks.restore(sheets.get(o.sheet)!, o, notes.get(storeKey(o.sheet, o.cell)));
      }
      await writeStore(
        this.context,
        this.budget,
        store,
        stored.filter((o) => !restore.includes(o)),
        batch,
        structure?.protected === true
      );
      await batch.flush();
      await marks.addComments();
      if (unprotected.lifted.length > 0) {
        restoreProtection(unprotected);
        await this.context.sync();
      }
    } catch (e) {
      await restoreAfterFailure(this.context, unprotected);
      throw e;
    }
  }

  // --- append-only sheets -----------------------------------------------------------------

  async appendRows(sheet: string, header: string[], rows: CellValue[][]): Promise<void> {
    this.requireCore();
    const ws = this.context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load("name");
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("address,rowCount");
    const structure = this.queueStructureCheck();
    await this.context.sync();

    const batch = new WriteBatch(this.context, this.budget);
    let target = ws;
    let next = 0;
    const lines: (string | number | boolean)[][] = [];
    /* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- ws and used were loaded, and synced just above */
    if (ws.isNullObject) {
      if (structure?.protected) throw new ExcelRefusal("workbookProtected");
      target = this.context.workbook.worksheets.add(sheet);
      lines.push(header.map(excelText));
    } else if (!used.isNullObject) {
      next = topLeft(used.address).row + used.rowCount;
    }
    /* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load */
    for (const row of rows) lines.push(row.map((v) => toExcelValue(v)));
    const width = Math.max(1, ...lines.map((l) => l.length));
    const dense = lines.map((l) => [...l, ...new Array(width - l.length).fill("")]);
    const blockRows = Math.max(
      1,
      Math.floor(this.budget / BLOCK_FRACTION / Math.max(1, estimatePayload(dense[0] ?? [])))
    );
    for (let start = 0; start < dense.length; start += blockRows) {
      const block = dense.slice(start, start + blockRows);
      await batch.reserve(estimatePayload(block));
      target.getRange(a1Range(next + start, 0, next + start + block.length - 1, width - 1)).values =
        block;
    }
    await batch.flush();
  }
}
