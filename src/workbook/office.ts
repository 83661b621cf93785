/**
 * The Excel adapter: the workbook open in Excel, through the Excel JavaScript API.
 *
 * Office.js habits kept here: load only what is needed, read and write whole 2-D blocks, values
 * before formats, no context.sync() per item, and requests kept well under Excel on the web's 5 MB
 * payload limit by splitting large writes into row blocks. Sync counts (the UI waits on each):
 *   readActive / readSheets(names) ... 1     readSheets() ... 2
 *   applyPlan ........................ 2 (+1 only with old-style comments already on annotated sheets,
 *                                       +1 per extra ~1.5 MB of writes)
 *   clearAnnotations ................. 3     appendRows ..... 2
 * so validating the active sheet costs 3 syncs and analysing the workbook 4, whatever its size.
 */
import type { Cell, CellValue, SheetGrid, WorkbookGrids } from '../core/model/cells';
import { cellAddress, columnLetters, parseAddress } from '../core/model/cells';
import type { Annotation, CellValidation, PlanCell, PlanSheet, PlanValue, WritePlan } from '../core/model/plan';
import { ANNOTATION_STORE_SHEET, planCells } from '../core/model/plan';
import { freeSheetName } from '../core/plan/sheet-name';
import type { WorkbookPort } from './port';
import {
  STORE_HEADER,
  StoredOriginal,
  decodeStoreRows,
  encodeStoreRow,
  normaliseAddress,
  storeKey,
} from './annotation-store';
import { dateToExcelSerial, excelSerialToDate, isDateFormat } from './number-format';
import { NumericRule, PROMPT_TEXT_MAX, PROMPT_TITLE_MAX, clip, listSource, numericRule } from './validation';

// ---------------------------------------------------------------------------------------------
// Requirement sets

export interface Bilingual {
  zh: string;
  en: string;
}

export interface MissingFeature {
  /** The requirement set that is missing, e.g. "ExcelApi 1.8". */
  requirement: string;
  feature: Bilingual;
  /** What the user will see instead, in a sentence. */
  reason: Bilingual;
}

/** How cell notes are written: notes (ExcelApi 1.18), comments (1.10), or not at all. */
export type NoteMode = 'notes' | 'comments' | 'none';

export interface ApiSupport {
  /** ExcelApi 1.1: ranges and worksheets — without it nothing works. */
  core: boolean;
  /** ExcelApi 1.6: data bars (conditional formats). */
  dataBars: boolean;
  /** ExcelApi 1.7: hyperlinks and frozen panes. */
  links: boolean;
  /** ExcelApi 1.8: data validation (drop-downs in templates). */
  dataValidation: boolean;
  /** ExcelApi 1.9: print setup and fill patterns. */
  pageLayout: boolean;
  noteMode: NoteMode;
  missing: MissingFeature[];
}

export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

const FEATURES: { key: keyof Omit<ApiSupport, 'noteMode' | 'missing'>; version: string; feature: Bilingual; reason: Bilingual }[] = [
  {
    key: 'core',
    version: '1.1',
    feature: { zh: '读写工作表', en: 'reading and writing sheets' },
    reason: {
      zh: '此版本的 Excel 过旧，无法运行本加载项，请升级到 Excel 2016 或更高版本，或使用网页版。',
      en: 'This Excel is too old to run the add-in; use Excel 2016 or later, or Excel on the web.',
    },
  },
  {
    key: 'dataBars',
    version: '1.6',
    feature: { zh: '数据条', en: 'data bars' },
    reason: {
      zh: '此版本的 Excel 不支持数据条：“差距分析”中的完成率只显示数字。',
      en: 'This Excel cannot draw data bars: completion in 差距分析 shows as numbers only.',
    },
  },
  {
    key: 'links',
    version: '1.7',
    feature: { zh: '超链接和冻结窗格', en: 'hyperlinks and frozen panes' },
    reason: {
      zh: '此版本的 Excel 不支持超链接和冻结窗格：“校验结果”不能点击跳转到单元格，表头不会冻结。',
      en: 'This Excel cannot write hyperlinks or freeze panes: findings do not link to their cells and headers do not stay in view.',
    },
  },
  {
    key: 'dataValidation',
    version: '1.8',
    feature: { zh: '数据验证', en: 'data validation' },
    reason: {
      zh: '此版本的 Excel 不支持数据验证：生成的填报模板没有下拉选项和输入限制。',
      en: 'This Excel cannot add data validation: generated templates have no drop-downs or input limits.',
    },
  },
  {
    key: 'pageLayout',
    version: '1.9',
    feature: { zh: '页面设置', en: 'page setup' },
    reason: {
      zh: '此版本的 Excel 不支持页面设置：结果表不会自动设为横向、按页宽打印。',
      en: 'This Excel cannot set up printing: result sheets are not set to landscape, fit to page width.',
    },
  },
];

const NOTES_VERSION = '1.18';
const COMMENTS_VERSION = '1.10';

/** What this Excel can do, with a sentence per missing feature for the task pane to show. */
export function apiSupport(requirements?: RequirementChecker): ApiSupport {
  const req: RequirementChecker | undefined =
    requirements ?? (typeof Office !== 'undefined' ? Office.context?.requirements : undefined);
  const has = (version: string) => (req ? req.isSetSupported('ExcelApi', version) : false);
  const support = { missing: [] as MissingFeature[] } as ApiSupport;
  for (const f of FEATURES) {
    support[f.key] = has(f.version);
    if (!support[f.key]) support.missing.push({ requirement: `ExcelApi ${f.version}`, feature: f.feature, reason: f.reason });
  }
  if (has(NOTES_VERSION)) support.noteMode = 'notes';
  else if (has(COMMENTS_VERSION)) {
    support.noteMode = 'comments';
    support.missing.push({
      requirement: `ExcelApi ${NOTES_VERSION}`,
      feature: { zh: '注释', en: 'notes' },
      reason: {
        zh: '此版本的 Excel 不支持“注释”：问题说明改为以批注写在单元格上。',
        en: 'This Excel cannot write notes: the explanation of each problem is attached as a comment instead.',
      },
    });
  } else {
    support.noteMode = 'none';
    support.missing.push({
      requirement: `ExcelApi ${COMMENTS_VERSION}`,
      feature: { zh: '批注和注释', en: 'comments and notes' },
      reason: {
        zh: '此版本的 Excel 不支持批注和注释：问题单元格只以颜色标出，说明请看“校验结果”表。',
        en: 'This Excel cannot attach comments or notes: problem cells are only coloured; read the explanations in 校验结果.',
      },
    });
  }
  return support;
}

/** Everything available (Microsoft 365). */
export const FULL_SUPPORT: ApiSupport = apiSupport({ isSetSupported: () => true });

// ---------------------------------------------------------------------------------------------
// Payload accounting

/** Excel on the web refuses requests over 5 MB; a sync is made well before that. */
export const DEFAULT_PAYLOAD_BUDGET = 1_500_000;
/** Rows of one values block stay under this, so a block and its formats fit in a sync with room. */
const BLOCK_FRACTION = 4;
/** A conservative allowance for the envelope of each queued action (ids, names, property keys). */
const ACTION_OVERHEAD = 200;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The size a queued write adds to the request, estimated from its JSON. */
export function estimatePayload(value: unknown): number {
  return ACTION_OVERHEAD + utf8Length(JSON.stringify(value) ?? '');
}

/** Queued writes of one sync; syncs early only when the next write would overflow the budget. */
class WriteBatch {
  private bytes = 0;
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  /** Call before queueing a write of the given estimated size. */
  async reserve(size: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + size > this.budget) await this.flush();
    this.bytes += size;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Values between the core and Excel

/** Excel parses strings written as values ("=…" becomes a formula, "1.42%" a number); a leading
 * apostrophe makes it keep the text as typed, without the apostrophe. */
function excelText(s: string): string {
  return `'${s}`;
}

function toExcelValue(v: PlanValue | CellValue | undefined): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return excelText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToExcelSerial(v);
  if (typeof v === 'object' && 'error' in v) return excelText(v.error);
  return '';
}

function fromExcel(value: unknown, type: string, format: string, formula: unknown): Cell | undefined {
  // Text typed as '=abc reads back as "=abc" from both values and formulas; a real formula's text
  // differs from its result.
  const f = typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula.slice(1) : undefined;
  if (type === 'Empty' && !f) return undefined;
  let v: CellValue;
  if (type === 'Error') v = { error: String(value) };
  else if (typeof value === 'number') v = isDateFormat(format) ? excelSerialToDate(value) : value;
  else if (typeof value === 'boolean') v = value;
  else if (value === '' || value === null || value === undefined) v = null;
  else v = String(value);
  const cell: Cell = { value: v };
  if (format && format !== 'General' && typeof value === 'number') cell.numFmt = format;
  if (f) cell.formula = f;
  return cell;
}

/** The top-left cell of a range address such as "监测表!B2:F40" or "'a b'!C3". */
function topLeft(address: string): { row: number; col: number } {
  const local = address.slice(address.lastIndexOf('!') + 1).split(':')[0];
  return parseAddress(local);
}

interface LoadedRange {
  address: string;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
  formulas: unknown[][];
}

function gridFromRange(name: string, hidden: boolean, range: LoadedRange | null): SheetGrid {
  const rows: (Cell | undefined)[][] = [];
  if (range) {
    const origin = topLeft(range.address);
    for (let r = 0; r < origin.row; r++) rows.push([]);
    range.values.forEach((line, r) => {
      const cells: (Cell | undefined)[] = [];
      line.forEach((value, c) => {
        const cell = fromExcel(value, range.valueTypes[r][c], range.numberFormat[r][c], range.formulas[r][c]);
        if (cell) cells[origin.col + c] = cell;
      });
      rows.push(cells);
    });
    while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  }
  const grid: SheetGrid = { name, rows };
  if (hidden) grid.hidden = true;
  return grid;
}

const RANGE_PROPS = ['address', 'values', 'valueTypes', 'numberFormat', 'formulas'];

/** Excel column widths are in points; plans give characters of the default font (7 px each + 5 px padding). */
export function charactersToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function a1Range(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  return top === bottom && left === right ? a : `${a}:${cellAddress(bottom, right)}`;
}

// ---------------------------------------------------------------------------------------------
// Styles grouped into rectangles, so a column of equal cells is one request, not one per cell

interface Style {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  wrap?: boolean;
  align?: PlanCell['align'];
  underline?: boolean;
}

function styleOf(pc: PlanCell, linked: boolean): Style | null {
  const s: Style = {};
  if (pc.fill) s.fill = pc.fill;
  if (pc.fontColor) s.fontColor = pc.fontColor;
  else if (linked) s.fontColor = '#0563C1'; // Excel's own hyperlink blue
  if (pc.bold) s.bold = true;
  if (pc.size) s.size = pc.size;
  if (pc.wrap) s.wrap = true;
  if (pc.align) s.align = pc.align;
  if (linked) s.underline = true;
  return Object.keys(s).length > 0 ? s : null;
}

interface Rect<T> {
  top: number;
  left: number;
  bottom: number;
  right: number;
  item: T;
}

/** Groups cells with equal keys into rectangles: runs along each row, stacked over equal runs below. */
export function rectangles<T>(cells: { row: number; col: number; key: string; item: T }[]): Rect<T>[] {
  const byRow = new Map<number, { col: number; key: string; item: T }[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const open = new Map<string, Rect<T> & { key: string }>();
  const done: Rect<T>[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const list = byRow.get(row)!.sort((a, b) => a.col - b.col);
    const runs: { left: number; right: number; key: string; item: T }[] = [];
    for (const c of list) {
      const last = runs[runs.length - 1];
      if (last && last.key === c.key && last.right === c.col - 1) last.right = c.col;
      else runs.push({ left: c.col, right: c.col, key: c.key, item: c.item });
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const id = `${run.left}:${run.right}:${run.key}`;
      seen.add(id);
      const rect = open.get(id);
      if (rect && rect.bottom === row - 1) rect.bottom = row;
      else {
        if (rect) done.push(rect);
        open.set(id, { top: row, bottom: row, left: run.left, right: run.right, key: run.key, item: run.item });
      }
    }
    for (const [id, rect] of open) {
      if (!seen.has(id) && rect.bottom < row) {
        done.push(rect);
        open.delete(id);
      }
    }
  }
  done.push(...open.values());
  return done.map(({ top, left, bottom, right, item }) => ({ top, left, bottom, right, item }));
}

// ---------------------------------------------------------------------------------------------

export interface OfficeWorkbookOptions {
  /** What the running Excel supports; detected with Office.context.requirements when omitted. */
  support?: ApiSupport;
  /** Largest estimated request, in bytes, before an intermediate sync. */
  payloadBudget?: number;
}

/** A cell's look before the product marked it, read just before marking. */
interface PreviousLook {
  sheet: string;
  cell: string;
  fill: Excel.RangeFill;
  note: Excel.Note | null;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly support: ApiSupport;
  private readonly budget: number;
  /**
   * The annotation store as read along with the sheets in this Excel.run: with it a plan can give
   * cells it no longer marks their own notes back without a sync of its own to find them.
   */
  private storeCache: StoredOriginal[] | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    options: OfficeWorkbookOptions = {},
  ) {
    this.support = options.support ?? apiSupport();
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  }

  /** Runs `work` with a port on the open workbook, inside one Excel.run. */
  static run<T>(work: (port: OfficeWorkbook) => Promise<T>, options?: OfficeWorkbookOptions): Promise<T> {
    return Excel.run((context) => work(new OfficeWorkbook(context, options)));
  }

  // --- reading ---------------------------------------------------------------------------

  /** The active sheet and the named sheets that exist (e.g. 指标规则, 审核记录), in one sync. */
  async readActive(others: string[] = []): Promise<{ active: string; workbook: WorkbookGrids }> {
    const sheets = this.context.workbook.worksheets;
    const active = sheets.getActiveWorksheet();
    active.load('name,visibility');
    const activeRange = active.getUsedRangeOrNullObject();
    activeRange.load(RANGE_PROPS);
    const extra = others.map((name) => this.queueSheetRead(name));
    const store = this.queueStoreRead();
    await this.context.sync();
    this.storeCache = this.storeEntries(store);

    const grids = [gridFromRange(active.name, active.visibility !== 'Visible', activeRange.isNullObject ? null : activeRange)];
    for (const e of extra) {
      if (e.sheet.isNullObject || e.sheet.name === active.name) continue;
      grids.push(gridFromRange(e.sheet.name, e.sheet.visibility !== 'Visible', e.range.isNullObject ? null : e.range));
    }
    return { active: active.name, workbook: { sheets: grids } };
  }

  async readSheets(names?: string[]): Promise<WorkbookGrids> {
    let wanted = names;
    if (!wanted) {
      const all = this.context.workbook.worksheets;
      all.load('items/name');
      await this.context.sync();
      wanted = all.items.map((ws) => ws.name);
    }
    const reads = wanted.filter((n) => n !== ANNOTATION_STORE_SHEET).map((name) => this.queueSheetRead(name));
    const store = this.queueStoreRead();
    await this.context.sync();
    this.storeCache = this.storeEntries(store);
    const grids = reads
      .filter((r) => !r.sheet.isNullObject)
      .map((r) => ({ position: r.sheet.position, grid: gridFromRange(r.sheet.name, r.sheet.visibility !== 'Visible', r.range.isNullObject ? null : r.range) }));
    grids.sort((a, b) => a.position - b.position);
    return { sheets: grids.map((g) => g.grid) };
  }

  private queueSheetRead(name: string): { sheet: Excel.Worksheet; range: Excel.Range } {
    const sheet = this.context.workbook.worksheets.getItemOrNullObject(name);
    sheet.load('name,visibility,position');
    const range = sheet.getUsedRangeOrNullObject();
    range.load(RANGE_PROPS);
    return { sheet, range };
  }

  // --- writing a plan ---------------------------------------------------------------------

  async applyPlan(plan: WritePlan): Promise<void> {
    for (const ps of plan.sheets) {
      if (ps.name === ANNOTATION_STORE_SHEET) throw new Error(`不能写入内部工作表 / reserved sheet name: ${ps.name}`);
    }
    for (const a of plan.annotations) parseAddress(a.cell); // a malformed address fails before any write
    const sheets = this.context.workbook.worksheets;
    const replace = new Set(plan.replaceAnnotations ?? []);
    const marking = new Set(plan.annotations.map((a) => storeKey(a.sheet, a.cell)));
    const isStale = (o: StoredOriginal) => replace.has(o.sheet) && !marking.has(storeKey(o.sheet, o.cell));

    // Sync 1: what is there — the plan's sheets, the marked sheets and cells, the store.
    const existing = plan.sheets.map((ps) => {
      const ws = sheets.getItemOrNullObject(ps.name);
      ws.load('name,position');
      return ws;
    });
    const touched = new Map<string, Excel.Worksheet>();
    for (const name of [...plan.annotations.map((a) => a.sheet), ...replace]) {
      if (touched.has(name)) continue;
      const ws = sheets.getItemOrNullObject(name);
      ws.load('name');
      touched.set(name, ws);
    }
    const activate =
      plan.activate && !plan.sheets.some((ps) => ps.name === plan.activate) ? sheets.getItemOrNullObject(plan.activate) : null;
    activate?.load('name');
    const store = touched.size > 0 ? this.queueStoreRead() : null;
    const previous = this.queuePreviousLooks(plan.annotations, touched);
    const staleNotes = new Map<string, Excel.Note>();
    this.queueNotes((this.storeCache ?? []).filter(isStale), touched, staleNotes);
    const commentReads = this.support.noteMode === 'comments' ? this.queueCommentRead([...touched.values()]) : [];
    const creating = plan.sheets.some((ps) => ps.mode === 'create');
    if (creating) sheets.load('items/name');
    await this.context.sync();

    const missing = plan.annotations.map((a) => a.sheet).filter((name, i, all) => all.indexOf(name) === i && touched.get(name)!.isNullObject);
    if (missing.length > 0) throw new Error(`标注的工作表不存在 / annotated sheet not found: ${missing.join(', ')}`);
    const stored = store ? this.storeEntries(store) : [];
    this.storeCache = null;
    const stale = stored.filter(isStale);
    // Notes of marks the earlier read did not know of (no read in this run): one more sync, rarely.
    if (this.queueNotes(stale, touched, staleNotes) > 0) await this.context.sync();
    const comments = await this.locateComments(commentReads);

    // Sync 2 (and more only for very large writes): the plan's sheets, old marks undone, new marks.
    const batch = new WriteBatch(this.context, this.budget);
    const written = new Map<string, Excel.Worksheet>();
    const taken = creating ? sheets.items.map((ws) => ws.name) : [];
    for (let i = 0; i < plan.sheets.length; i++) {
      const ps = plan.sheets[i];
      // 'create' sheets never replace one of the same name: they take a free name beside it.
      const name = ps.mode === 'create' ? freeSheetName(ps.name, taken) : null;
      if (name) taken.push(name);
      written.set(ps.name, await this.writeSheet(ps, name === null ? existing[i] : null, name ?? ps.name, i, batch));
    }
    for (const o of stale) {
      await batch.reserve(estimatePayload(o));
      this.restoreCell(touched.get(o.sheet)!, o, staleNotes.get(storeKey(o.sheet, o.cell)), comments.get(storeKey(o.sheet, o.cell)));
    }
    if (store) {
      const kept = stored.filter((o) => !isStale(o));
      await this.annotate(plan.annotations, touched, previous, comments, kept, store, batch);
    }
    const target = plan.activate ? written.get(plan.activate) ?? (activate && !activate.isNullObject ? activate : null) : null;
    target?.activate();
    await batch.flush();
  }

  /** Queues loading the current notes of stored cells not yet in `into`; returns how many it queued. */
  private queueNotes(entries: StoredOriginal[], sheets: Map<string, Excel.Worksheet>, into: Map<string, Excel.Note>): number {
    if (this.support.noteMode !== 'notes') return 0;
    let queued = 0;
    for (const o of entries) {
      const key = storeKey(o.sheet, o.cell);
      const ws = sheets.get(o.sheet);
      if (into.has(key) || !ws) continue;
      const note = ws.notes.getItemOrNullObject(o.cell);
      note.load('content');
      into.set(key, note);
      queued++;
    }
    return queued;
  }

  /** Gives a marked cell back the fill and note it had (nothing when its sheet is gone). */
  private restoreCell(ws: Excel.Worksheet, o: StoredOriginal, note: Excel.Note | undefined, comment: Excel.Comment | undefined): void {
    if (ws.isNullObject) return;
    const range = ws.getRange(o.cell);
    if (o.fill) range.format.fill.color = o.fill;
    else range.format.fill.clear();
    if (this.support.noteMode === 'notes') {
      const present = note && !note.isNullObject ? note : null;
      if (o.note === null) present?.delete();
      else if (present) present.content = o.note;
      else ws.notes.add(range, o.note);
    } else if (this.support.noteMode === 'comments') {
      if (o.note === null) comment?.delete();
      else if (comment) comment.content = o.note;
      else ws.comments.add(range, o.note);
    }
  }

  private queueStoreRead(): { sheet: Excel.Worksheet; range: Excel.Range } {
    const sheet = this.context.workbook.worksheets.getItemOrNullObject(ANNOTATION_STORE_SHEET);
    sheet.load('name');
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('values,address');
    return { sheet, range };
  }

  private storeEntries(store: { sheet: Excel.Worksheet; range: Excel.Range }): StoredOriginal[] {
    if (store.sheet.isNullObject || store.range.isNullObject) return [];
    return decodeStoreRows(store.range.values as CellValue[][]);
  }

  private queuePreviousLooks(annotations: Annotation[], sheets: Map<string, Excel.Worksheet>): Map<string, PreviousLook> {
    const looks = new Map<string, PreviousLook>();
    for (const a of annotations) {
      const key = storeKey(a.sheet, a.cell);
      if (looks.has(key)) continue;
      const ws = sheets.get(a.sheet)!;
      const cell = normaliseAddress(a.cell);
      const fill = ws.getRange(cell).format.fill;
      fill.load(this.support.pageLayout ? 'color,pattern' : 'color');
      let note: Excel.Note | null = null;
      if (this.support.noteMode === 'notes') {
        note = ws.notes.getItemOrNullObject(cell);
        note.load('content');
      }
      looks.set(key, { sheet: a.sheet, cell, fill, note });
    }
    return looks;
  }

  private queueCommentRead(sheets: Excel.Worksheet[]): { sheet: Excel.Worksheet; comments: Excel.CommentCollection }[] {
    return sheets.map((sheet) => {
      const comments = sheet.comments;
      comments.load('items/content');
      return { sheet, comments };
    });
  }

  /**
   * Old-style comments carry no address; finding their cells costs one more sync, made only when
   * an annotated sheet already holds comments.
   */
  private async locateComments(
    reads: { sheet: Excel.Worksheet; comments: Excel.CommentCollection }[],
  ): Promise<Map<string, Excel.Comment>> {
    const found = new Map<string, Excel.Comment>();
    const pending: { sheet: string; comment: Excel.Comment; where: Excel.Range }[] = [];
    for (const r of reads) {
      if (r.sheet.isNullObject) continue;
      for (const comment of r.comments.items) {
        const where = comment.getLocation();
        where.load('address');
        pending.push({ sheet: r.sheet.name, comment, where });
      }
    }
    if (pending.length === 0) return found;
    await this.context.sync();
    for (const p of pending) found.set(storeKey(p.sheet, topLeftAddress(p.where.address)), p.comment);
    return found;
  }

  /** Replaces `old` (keeping its tab position) or adds a sheet named `name`, and fills it. */
  private async writeSheet(
    ps: PlanSheet,
    old: Excel.Worksheet | null,
    name: string,
    index: number,
    batch: WriteBatch,
  ): Promise<Excel.Worksheet> {
    const sheets = this.context.workbook.worksheets;
    await batch.reserve(estimatePayload(name) * 3);
    let ws: Excel.Worksheet;
    if (!old || old.isNullObject) ws = sheets.add(name);
    else {
      // Add under a temporary name first: Excel refuses to delete a workbook's last visible sheet.
      ws = sheets.add(`~替换中~${index}`);
      old.delete();
      ws.name = name;
      ws.position = old.position;
    }

    const cells = planCells(ps);
    let maxRow = -1;
    let maxCol = -1;
    for (const c of cells) {
      maxRow = Math.max(maxRow, c.row);
      maxCol = Math.max(maxCol, c.col);
    }
    if (maxRow >= 0) await this.writeValues(ws, cells, maxRow, maxCol, batch);
    await this.writeFormats(ws, ps, cells, batch);
    return ws;
  }

  /** Values and number formats, in row blocks that each stay a fraction of the payload budget. */
  private async writeValues(ws: Excel.Worksheet, cells: PlanCell[], maxRow: number, maxCol: number, batch: WriteBatch): Promise<void> {
    const byRow = new Map<number, PlanCell[]>();
    for (const c of cells) {
      const list = byRow.get(c.row) ?? [];
      list.push(c);
      byRow.set(c.row, list);
    }
    const blockLimit = this.budget / BLOCK_FRACTION;
    let start = 0;
    let values: (string | number | boolean)[][] = [];
    let formats: string[][] = [];
    let size = 0;
    const emit = async () => {
      if (values.length === 0) return;
      // Number formats go with their values only where a block has any: most rows are General.
      const hasFormat = formats.some((line) => line.some((f) => f !== 'General'));
      await batch.reserve(estimatePayload(values) + (hasFormat ? estimatePayload(formats) : 0));
      const range = ws.getRange(a1Range(start, 0, start + values.length - 1, maxCol));
      range.values = values;
      if (hasFormat) range.numberFormat = formats;
      start += values.length;
      values = [];
      formats = [];
      size = 0;
    };
    for (let r = 0; r <= maxRow; r++) {
      const line: (string | number | boolean)[] = new Array(maxCol + 1).fill('');
      const fmt: string[] = new Array(maxCol + 1).fill('General');
      for (const c of byRow.get(r) ?? []) {
        line[c.col] = toExcelValue(c.value);
        const numFmt = c.numFmt ?? (c.value instanceof Date ? 'yyyy-mm-dd' : undefined);
        if (numFmt) fmt[c.col] = numFmt;
      }
      const rowSize = utf8Length(JSON.stringify(line)) + utf8Length(JSON.stringify(fmt));
      if (values.length > 0 && size + rowSize > blockLimit) await emit();
      values.push(line);
      formats.push(fmt);
      size += rowSize;
    }
    await emit();
  }

  private async writeFormats(ws: Excel.Worksheet, ps: PlanSheet, cells: PlanCell[], batch: WriteBatch): Promise<void> {
    const styled: { row: number; col: number; key: string; item: Style }[] = [];
    const links: PlanCell[] = [];
    for (const c of cells) {
      const linked = !!c.link && this.support.links && c.value !== null && c.value !== undefined;
      if (linked) links.push(c);
      const s = styleOf(c, linked);
      if (s) styled.push({ row: c.row, col: c.col, key: JSON.stringify(s), item: s });
    }
    for (const rect of rectangles(styled)) {
      const s = rect.item;
      await batch.reserve(estimatePayload(s) * 2);
      const format = ws.getRange(a1Range(rect.top, rect.left, rect.bottom, rect.right)).format;
      if (s.fill) format.fill.color = s.fill;
      if (s.fontColor) format.font.color = s.fontColor;
      if (s.bold) format.font.bold = true;
      if (s.size) format.font.size = s.size;
      if (s.underline) format.font.underline = 'Single';
      if (s.wrap) format.wrapText = true;
      if (s.align) format.horizontalAlignment = s.align === 'left' ? 'Left' : s.align === 'center' ? 'Center' : 'Right';
      if (s.wrap || s.align) format.verticalAlignment = 'Top';
    }
    for (const c of links) {
      const link: Excel.RangeHyperlink = { documentReference: `${quoteSheet(c.link!.sheet)}!${normaliseAddress(c.link!.cell)}` };
      if (typeof c.value === 'string') link.textToDisplay = c.value;
      await batch.reserve(estimatePayload(link));
      ws.getRange(cellAddress(c.row, c.col)).hyperlink = link;
    }
    for (const m of ps.merges ?? []) {
      await batch.reserve(estimatePayload(m));
      ws.getRange(m).merge(false);
    }
    for (const [col, width] of (ps.columnWidths ?? []).entries()) {
      if (!(width > 0)) continue;
      await batch.reserve(estimatePayload(width));
      const letter = columnLetters(col);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = charactersToPoints(width);
    }
    for (const [row, height] of Object.entries(ps.rowHeights ?? {})) {
      await batch.reserve(estimatePayload(height));
      ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
    }
    if (ps.freezeRows && ps.freezeRows > 0 && this.support.links) ws.freezePanes.freezeRows(ps.freezeRows);
    // Worksheet.autoFilter is ExcelApi 1.9, as the print setup.
    if (ps.autoFilter && this.support.pageLayout) ws.autoFilter.apply(ps.autoFilter);
    if (ps.landscape && this.support.pageLayout) {
      ws.pageLayout.orientation = 'Landscape';
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    }
    if (this.support.dataBars) {
      for (const bar of ps.dataBars ?? []) {
        await batch.reserve(estimatePayload(bar) * 2);
        const cf = ws.getRange(bar.range).conditionalFormats.add('DataBar' as Excel.ConditionalFormatType);
        cf.dataBar.barDirection = 'LeftToRight';
        cf.dataBar.positiveFormat.fillColor = bar.color;
        cf.dataBar.positiveFormat.gradientFill = false;
      }
    }
    if (this.support.dataValidation) {
      for (const v of ps.validations ?? []) {
        await batch.reserve(estimatePayload(v) * 2);
        applyValidation(ws.getRange(v.range).dataValidation, v);
      }
    }
    for (const range of ps.unlocked ?? []) {
      await batch.reserve(estimatePayload(range));
      ws.getRange(range).format.protection.locked = false;
    }
    if (ps.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  }

  // --- annotations ------------------------------------------------------------------------

  private async annotate(
    annotations: Annotation[],
    sheets: Map<string, Excel.Worksheet>,
    previous: Map<string, PreviousLook>,
    comments: Map<string, Excel.Comment>,
    stored: StoredOriginal[],
    store: { sheet: Excel.Worksheet; range: Excel.Range },
    batch: WriteBatch,
  ): Promise<void> {
    const known = new Set(stored.map((o) => storeKey(o.sheet, o.cell)));
    const notes = new Map<string, string>();
    for (const a of annotations) {
      const key = storeKey(a.sheet, a.cell);
      const look = previous.get(key)!;
      if (!known.has(key)) {
        // Keep the cell's own look once, before the first mark; later marks must not overwrite it.
        known.add(key);
        stored.push({
          sheet: a.sheet,
          cell: look.cell,
          fill: previousFill(look.fill, this.support.pageLayout),
          note: this.previousNote(look, comments.get(key)),
          detail: '',
        });
      }
      await batch.reserve(estimatePayload(a));
      sheets.get(a.sheet)!.getRange(look.cell).format.fill.color = a.fill;
      notes.set(key, a.note);
    }
    // Last mark wins when a plan marks a cell twice.
    for (const [key, text] of notes) {
      const look = previous.get(key)!;
      const ws = sheets.get(look.sheet)!;
      if (this.support.noteMode === 'notes') {
        if (look.note && !look.note.isNullObject) look.note.content = text;
        else ws.notes.add(ws.getRange(look.cell), text);
      } else if (this.support.noteMode === 'comments') {
        const existing = comments.get(key);
        if (existing) existing.content = text;
        else ws.comments.add(ws.getRange(look.cell), text);
      }
    }
    await this.writeStore(store.sheet, store.range, stored, batch);
  }

  private previousNote(look: PreviousLook, comment: Excel.Comment | undefined): string | null {
    if (this.support.noteMode === 'notes') return look.note && !look.note.isNullObject ? look.note.content : null;
    if (this.support.noteMode === 'comments') return comment ? comment.content : null;
    return null;
  }

  /** Rewrites the store whole; it is the product's own very hidden sheet. */
  private async writeStore(
    sheet: Excel.Worksheet,
    oldRange: Excel.Range | null,
    entries: StoredOriginal[],
    batch: WriteBatch,
  ): Promise<void> {
    const sheets = this.context.workbook.worksheets;
    if (entries.length === 0) {
      if (!sheet.isNullObject) {
        // Excel will not delete a very hidden sheet; make it merely hidden first.
        sheet.visibility = 'Hidden';
        sheet.delete();
      }
      return;
    }
    let ws = sheet;
    if (sheet.isNullObject) {
      ws = sheets.add(ANNOTATION_STORE_SHEET);
    } else if (oldRange && !oldRange.isNullObject) {
      ws.getRange(oldRange.address.slice(oldRange.address.lastIndexOf('!') + 1)).clear();
    }
    const rows = [STORE_HEADER, ...entries.map(encodeStoreRow)].map((r) => r.map((v) => excelText(v)));
    const blockRows = Math.max(1, Math.floor(this.budget / BLOCK_FRACTION / Math.max(1, estimatePayload(rows[rows.length - 1]))));
    for (let start = 0; start < rows.length; start += blockRows) {
      const block = rows.slice(start, start + blockRows);
      await batch.reserve(estimatePayload(block));
      ws.getRange(a1Range(start, 0, start + block.length - 1, STORE_HEADER.length - 1)).values = block;
    }
    ws.visibility = 'VeryHidden';
  }

  async clearAnnotations(sheet?: string): Promise<void> {
    // Sync 1: the store.
    const store = this.queueStoreRead();
    await this.context.sync();
    this.storeCache = null;
    const stored = this.storeEntries(store);
    const restore = stored.filter((o) => sheet === undefined || o.sheet === sheet);
    if (restore.length === 0) return;

    // Sync 2: the marked cells' notes as they are now, and which sheets still exist.
    const sheets = new Map<string, Excel.Worksheet>();
    for (const o of restore) {
      if (sheets.has(o.sheet)) continue;
      const ws = this.context.workbook.worksheets.getItemOrNullObject(o.sheet);
      ws.load('name');
      sheets.set(o.sheet, ws);
    }
    const notes = new Map<string, Excel.Note>();
    this.queueNotes(restore, sheets, notes);
    const commentReads = this.support.noteMode === 'comments' ? this.queueCommentRead([...sheets.values()]) : [];
    await this.context.sync();
    const comments = await this.locateComments(commentReads);

    // Last sync: put back fills and notes, shrink the store.
    const batch = new WriteBatch(this.context, this.budget);
    for (const o of restore) {
      await batch.reserve(estimatePayload(o));
      const key = storeKey(o.sheet, o.cell);
      this.restoreCell(sheets.get(o.sheet)!, o, notes.get(key), comments.get(key));
    }
    await this.writeStore(store.sheet, store.range, stored.filter((o) => !restore.includes(o)), batch);
    await batch.flush();
  }

  // --- append-only sheets -----------------------------------------------------------------

  async appendRows(sheet: string, header: string[], rows: CellValue[][]): Promise<void> {
    const ws = this.context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,rowCount');
    await this.context.sync();

    const batch = new WriteBatch(this.context, this.budget);
    let target = ws;
    let next = 0;
    const lines: (string | number | boolean)[][] = [];
    if (ws.isNullObject) {
      target = this.context.workbook.worksheets.add(sheet);
      lines.push(header.map(excelText));
    } else if (!used.isNullObject) {
      next = topLeft(used.address).row + used.rowCount;
    }
    for (const row of rows) lines.push(row.map((v) => toExcelValue(v)));
    const width = Math.max(1, ...lines.map((l) => l.length));
    const dense = lines.map((l) => [...l, ...new Array(width - l.length).fill('')]);
    const blockRows = Math.max(1, Math.floor(this.budget / BLOCK_FRACTION / Math.max(1, estimatePayload(dense[0] ?? []))));
    for (let start = 0; start < dense.length; start += blockRows) {
      const block = dense.slice(start, start + blockRows);
      await batch.reserve(estimatePayload(block));
      target.getRange(a1Range(next + start, 0, next + start + block.length - 1, width - 1)).values = block;
    }
    await batch.flush();
  }
}

const OPERATORS: Record<NumericRule['operator'], Excel.DataValidationOperator | 'Between' | 'GreaterThanOrEqualTo' | 'LessThanOrEqualTo'> = {
  between: 'Between',
  greaterThanOrEqual: 'GreaterThanOrEqualTo',
  lessThanOrEqual: 'LessThanOrEqualTo',
  any: 'Between',
};

function applyValidation(target: Excel.DataValidation, v: CellValidation): void {
  if (v.kind === 'list') {
    target.rule = { list: { inCellDropDown: true, source: listSource(v) } };
  } else {
    const rule = numericRule(v);
    const basic: Excel.BasicDataValidation =
      rule.operator === 'any'
        ? { formula1: -1e15, formula2: 1e15, operator: 'Between' }
        : rule.operator === 'between'
          ? { formula1: rule.min!, formula2: rule.max!, operator: 'Between' }
          : { formula1: (rule.min ?? rule.max)!, operator: OPERATORS[rule.operator] };
    target.rule = rule.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
  }
  target.ignoreBlanks = true;
  target.prompt = { showPrompt: true, title: clip(v.title, PROMPT_TITLE_MAX), message: clip(v.prompt, PROMPT_TEXT_MAX) };
  target.errorAlert = {
    showAlert: true,
    style: v.errorStyle === 'stop' ? 'Stop' : 'Warning',
    title: clip(v.title, PROMPT_TITLE_MAX),
    message: clip(v.error ?? v.prompt, PROMPT_TEXT_MAX),
  };
}

/**
 * "#RRGGBB" of a fill that is really there, null for none. Excel reports "no fill" as white; the
 * fill pattern (ExcelApi 1.9) tells the two apart, and without it white is taken as no fill.
 */
function previousFill(fill: Excel.RangeFill, patternLoaded: boolean): string | null {
  if (patternLoaded && fill.pattern === 'None') return null;
  const color = (fill.color ?? '').toUpperCase();
  if (!/^#[0-9A-F]{6}$/.test(color)) return null;
  return !patternLoaded && color === '#FFFFFF' ? null : color;
}

function topLeftAddress(address: string): string {
  const { row, col } = topLeft(address);
  return cellAddress(row, col);
}
