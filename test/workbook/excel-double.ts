/**
 * A test double of the Excel JavaScript API, holding a workbook in memory.
 *
 * Like Excel, it queues every call until context.sync(), runs the queue in order, and refuses to
 * read a property that was not loaded and synced (PropertyNotLoaded). It counts syncs and records
 * the size of each sync's request, so tests can hold the adapter to a sync budget and to Excel on
 * the web's 5 MB payload limit. Only the part of the API the product uses is modelled, and calls
 * that need a requirement set above the double's version fail like a missing API.
 */
import { cellAddress, parseAddress } from '../../src/core/model/cells';

export class ExcelDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook model

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface DCell {
  value?: string | number | boolean;
  error?: string;
  formula?: string;
  numFmt?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  size?: number;
  underline?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  link?: { documentReference?: string; address?: string; textToDisplay?: string };
  /** Cells are locked unless unlocked (it matters once the sheet is protected). */
  locked?: boolean;
  validation?: DValidation;
}

export interface DValidation {
  rule?: Record<string, unknown>;
  prompt?: { showPrompt: boolean; title?: string; message?: string };
  errorAlert?: { showAlert: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks?: boolean;
}

export interface DDataBar {
  range: string;
  direction?: string;
  fillColor?: string;
  gradientFill?: boolean;
}

export interface DSheet {
  name: string;
  visibility: Visibility;
  cells: Map<string, DCell>;
  merges: string[];
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Row heights in points, by 0-based row. */
  rowHeights: Map<number, number>;
  freezeRows: number;
  autoFilter: string | null;
  orientation: 'Portrait' | 'Landscape';
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  dataBars: DDataBar[];
  notes: Map<string, string>;
  comments: { id: string; cell: string; content: string }[];
  protected: boolean;
}

const key = (row: number, col: number) => `${row},${col}`;

export function newSheet(name: string): DSheet {
  return {
    name,
    visibility: 'Visible',
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    freezeRows: 0,
    autoFilter: null,
    orientation: 'Portrait',
    zoom: {},
    dataBars: [],
    notes: new Map(),
    comments: [],
    protected: false,
  };
}

export class WorkbookModel {
  sheets: DSheet[] = [];
  active = 0;
  private commentIds = 0;

  sheet(name: string): DSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  add(name: string): DSheet {
    if (this.sheet(name)) throw new ExcelDoubleError('ItemAlreadyExists', `a sheet named ${name} exists`);
    if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new ExcelDoubleError('InvalidArgument', `bad sheet name ${name}`);
    const s = newSheet(name);
    this.sheets.push(s);
    return s;
  }

  cell(sheet: DSheet, row: number, col: number): DCell {
    let c = sheet.cells.get(key(row, col));
    if (!c) {
      c = {};
      sheet.cells.set(key(row, col), c);
    }
    return c;
  }

  nextCommentId(): string {
    return `c${++this.commentIds}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Excel's parsing of a value written as a string (what typing it into a cell does)

function parseWritten(s: string, cell: DCell): void {
  delete cell.value;
  delete cell.error;
  delete cell.formula;
  if (s === '') return;
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    return;
  }
  const numeric = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(%)?$/.exec(s.trim());
  if (numeric) {
    const n = Number(s.trim().replace(/[,%]/g, ''));
    cell.value = numeric[4] ? n / 100 : n;
    if (numeric[4] && !cell.numFmt) cell.numFmt = '0%';
    return;
  }
  if (/^(=|\+|-|@)/.test(s)) {
    cell.formula = s.replace(/^[=@]/, '');
    cell.error = '#NAME?';
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.value = /^true$/i.test(s);
    return;
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (date) {
    cell.value = (Date.UTC(+date[1], +date[2] - 1, +date[3]) - Date.UTC(1899, 11, 30)) / 86_400_000;
    cell.numFmt = 'yyyy-mm-dd';
    return;
  }
  cell.value = s;
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface Box {
  sheet: DSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

function parseBox(sheet: DSheet, address?: string): Box {
  if (address === undefined) return { sheet, top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL };
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const col = /^([A-Z]+):([A-Z]+)$/i.exec(local);
  if (col) {
    const a = parseAddress(`${col[1]}1`).col;
    const b = parseAddress(`${col[2]}1`).col;
    return { sheet, top: 0, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { sheet, top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COL };
  }
  const [first, second] = local.split(':');
  try {
    const a = parseAddress(first);
    const b = second ? parseAddress(second) : a;
    return { sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  } catch {
    throw new ExcelDoubleError('InvalidArgument', `bad address ${address}`);
  }
}

function quoted(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function boxAddress(b: Box): string {
  const a = cellAddress(b.top, b.left);
  const z = cellAddress(b.bottom, b.right);
  return `${quoted(b.sheet.name)}!${a === z ? a : `${a}:${z}`}`;
}

function eachCell(b: Box, fn: (row: number, col: number) => void): void {
  for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) fn(r, c);
}

function boxRows(b: Box): number {
  return b.bottom - b.top + 1;
}
function boxCols(b: Box): number {
  return b.right - b.left + 1;
}

function usedBox(sheet: DSheet, valuesOnly: boolean): Box | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of sheet.cells) {
    const hasValue = c.value !== undefined || c.error !== undefined || c.formula !== undefined;
    const hasFormat = !!(c.fill || c.fontColor || c.bold || c.numFmt || c.wrap || c.hAlign || c.size || c.link);
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const [r, col] = k.split(',').map(Number);
    top = Math.min(top, r);
    left = Math.min(left, col);
    bottom = Math.max(bottom, r);
    right = Math.max(right, col);
  }
  return bottom < 0 ? null : { sheet, top, left, bottom, right };
}

// ---------------------------------------------------------------------------------------------
// The request context and proxies

export interface SyncRecord {
  /** Bytes of the request: the JSON of every queued action's arguments, plus a small envelope each. */
  payloadBytes: number;
  actions: number;
}

const ENVELOPE = 60;

function utf8(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

type Action = { run: () => void; bytes: number };

export class DoubleContext {
  readonly syncs: SyncRecord[] = [];
  readonly workbook: WorkbookProxy;
  private queue: Action[] = [];
  /** Every property and method name the code under test used, for checking API versions in tests. */
  readonly used = new Set<string>();

  constructor(
    readonly model: WorkbookModel,
    /** The highest ExcelApi version this "Excel" supports, e.g. 1.18. */
    readonly apiVersion = 1.18,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** Like Office.context.requirements. */
  readonly requirements = {
    isSetSupported: (name: string, minVersion?: string): boolean =>
      name === 'ExcelApi' && (minVersion === undefined || versionNumber(minVersion) <= this.apiVersion),
  };

  enqueue(run: () => void, args: unknown = null): void {
    this.queue.push({ run, bytes: ENVELOPE + (args === null ? 0 : utf8(JSON.stringify(args) ?? '')) });
  }

  need(version: number, api: string): void {
    this.used.add(api);
    if (version > this.apiVersion) throw new ExcelDoubleError('ApiNotFound', `${api} needs ExcelApi ${version}`);
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.syncs.push({ payloadBytes: queue.reduce((n, a) => n + a.bytes, 0), actions: queue.length });
    // Excel runs a batch in order and stops at the first failing action.
    for (const action of queue) action.run();
  }
}

function versionNumber(v: string): number {
  const [major, minor] = v.split('.').map(Number);
  return major + (minor ?? 0) / 100;
}

/** How a proxy finds its target: when the queue reaches it, or (items of a loaded collection) at once. */
type Resolver<T> = (() => T | null) | { now: T };

/** Base of every proxy: loaded-property bookkeeping and null-object handling. */
abstract class Proxy<T> {
  protected target: T | null = null;
  protected resolved = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: DoubleContext,
    resolve: Resolver<T>,
    /** Made by an *OrNullObject call (or from one): a missing target is a null object, not an error. */
    protected readonly nullable = false,
  ) {
    if (typeof resolve !== 'function') {
      this.target = resolve.now;
      this.resolved = true;
      return;
    }
    ctx.enqueue(() => {
      this.target = resolve();
      if (this.target === null && !nullable) throw new ExcelDoubleError('ItemNotFound', `${this.constructor.name} not found`);
      this.resolved = true;
    });
  }

  /** Takes the named properties now (for items of a collection being loaded). */
  snapshot(names: string[]): this {
    for (const n of names) this.loaded.set(n, this.read(n));
    return this;
  }

  get isNullObject(): boolean {
    if (!this.resolved) throw new ExcelDoubleError('PropertyNotLoaded', 'isNullObject read before sync');
    return this.target === null;
  }

  /** The live target, for queued actions. */
  protected live(): T {
    if (this.target === null) throw new ExcelDoubleError('InvalidOperation', `${this.constructor.name} is a null object`);
    return this.target;
  }

  /** Snapshot of the named properties, taken when the queue runs. */
  load(props?: string | string[] | { select?: string }): this {
    const names = (typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : (props?.select ?? '').split(','))
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue(() => {
      if (this.target === null) return; // loading a null object is allowed; it has no properties
      for (const name of names) this.loaded.set(name, this.read(name));
    }, names);
    return this;
  }

  protected loadedValue<V>(name: string): V {
    if (this.target === null && this.resolved) throw new ExcelDoubleError('InvalidOperation', `${name} of a null object`);
    if (!this.loaded.has(name)) {
      throw new ExcelDoubleError('PropertyNotLoaded', `${this.constructor.name}.${name} was not loaded and synced`);
    }
    return this.loaded.get(name) as V;
  }

  protected setLater(name: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.delete(name);
    this.ctx.enqueue(() => apply(this.live()), { [name]: value });
  }

  /** Reads a property from the live target for load(). */
  protected abstract read(name: string): unknown;
}

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(private readonly ctx: DoubleContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
  }
  get comments(): never {
    throw new ExcelDoubleError('NotModelled', 'workbook-level comments: use a worksheet');
  }
  get notes(): never {
    throw new ExcelDoubleError('NotModelled', 'workbook-level notes: use a worksheet');
  }
}

export class WorksheetCollectionProxy extends Proxy<WorkbookModel> {
  constructor(ctx: DoubleContext) {
    super(ctx, () => ctx.model);
  }
  private itemsLoaded: WorksheetProxy[] | null = null;

  get items(): WorksheetProxy[] {
    if (!this.itemsLoaded) throw new ExcelDoubleError('PropertyNotLoaded', 'worksheets.items was not loaded and synced');
    return this.itemsLoaded;
  }

  override load(props?: string | string[]): this {
    const names = (typeof props === 'string' ? props.split(',') : props ?? [])
      .map((p) => p.trim().replace(/^items\//, ''))
      .filter(Boolean);
    const holder: WorksheetProxy[] = [];
    this.ctx.enqueue(() => {
      for (const s of this.ctx.model.sheets) {
        holder.push(new WorksheetProxy(this.ctx, { now: s }).snapshot(names));
      }
      this.itemsLoaded = holder;
    }, names);
    return this;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheets[this.ctx.model.active]);
  }
  add(name: string): WorksheetProxy {
    this.ctx.enqueue(() => void this.ctx.model.add(name), { add: name });
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
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.ctx.model.sheets.indexOf(s);
      default:
        throw new ExcelDoubleError('InvalidArgument', `Worksheet.${name} is not modelled`);
    }
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(v: string) {
    this.setLater('name', v, (s) => {
      if (this.ctx.model.sheet(v) && this.ctx.model.sheet(v) !== s) throw new ExcelDoubleError('ItemAlreadyExists', v);
      s.name = v;
    });
  }
  get visibility(): Visibility {
    return this.loadedValue('visibility');
  }
  set visibility(v: Visibility) {
    this.setLater('visibility', v, (s) => {
      if (v !== 'Visible' && this.ctx.model.sheets.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new ExcelDoubleError('InvalidOperation', 'a workbook needs a visible sheet');
      }
      s.visibility = v;
    });
  }
  get position(): number {
    return this.loadedValue('position');
  }
  set position(p: number) {
    this.setLater('position', p, (s) => {
      const list = this.ctx.model.sheets;
      const active = list[this.ctx.model.active];
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(p, list.length), 0, s);
      this.ctx.model.active = list.indexOf(active);
    });
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.live();
      const list = this.ctx.model.sheets;
      if (s.visibility === 'VeryHidden') throw new ExcelDoubleError('InvalidOperation', 'cannot delete a very hidden sheet');
      if (list.filter((x) => x !== s && x.visibility === 'Visible').length === 0) {
        throw new ExcelDoubleError('InvalidOperation', 'cannot delete the last visible sheet');
      }
      const active = list[this.ctx.model.active];
      list.splice(list.indexOf(s), 1);
      this.ctx.model.active = Math.max(0, active === s ? 0 : list.indexOf(active));
    }, { delete: true });
  }

  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.live();
      if (s.visibility !== 'Visible') throw new ExcelDoubleError('InvalidOperation', 'cannot activate a hidden sheet');
      this.ctx.model.active = this.ctx.model.sheets.indexOf(s);
    }, { activate: true });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => (this.target === null ? null : parseBox(this.target, address)), this.nullableChild());
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, () => (this.target === null ? null : usedBox(this.target, valuesOnly)), true);
  }

  get notes(): NoteCollectionProxy {
    this.ctx.need(1.18, 'Worksheet.notes');
    return new NoteCollectionProxy(this.ctx, () => this.target, this.nullableChild());
  }

  get comments(): CommentCollectionProxy {
    this.ctx.need(1.10, 'Worksheet.comments');
    return new CommentCollectionProxy(this.ctx, () => this.target, this.nullableChild());
  }

  get protection(): { protect(options?: unknown, password?: string): void } {
    return {
      protect: (options?: unknown, password?: string) => {
        if (password !== undefined) this.ctx.need(1.07, 'WorksheetProtection.protect(password)');
        this.ctx.enqueue(() => void (this.live().protected = true), { protect: options ?? null });
      },
    };
  }

  get autoFilter(): { apply(range: string): void } {
    this.ctx.need(1.09, 'Worksheet.autoFilter');
    return {
      apply: (range: string) => this.ctx.enqueue(() => void (this.live().autoFilter = range), { autoFilter: range }),
    };
  }

  get freezePanes(): { freezeRows(n: number): void } {
    this.ctx.need(1.07, 'Worksheet.freezePanes');
    return {
      freezeRows: (n: number) => this.ctx.enqueue(() => void (this.live().freezeRows = n), { freezeRows: n }),
    };
  }

  get pageLayout(): { orientation: string; zoom: DSheet['zoom'] } {
    this.ctx.need(1.09, 'Worksheet.pageLayout');
    const self = this;
    return {
      set orientation(v: string) {
        self.ctx.enqueue(() => void (self.live().orientation = v as DSheet['orientation']), { orientation: v });
      },
      get orientation(): string {
        throw new ExcelDoubleError('PropertyNotLoaded', 'pageLayout.orientation');
      },
      set zoom(v: DSheet['zoom']) {
        self.ctx.enqueue(() => void (self.live().zoom = { ...v }), { zoom: v });
      },
      get zoom(): DSheet['zoom'] {
        throw new ExcelDoubleError('PropertyNotLoaded', 'pageLayout.zoom');
      },
    };
  }

  /** Children of an OrNullObject sheet are null objects too, not errors. */
  private nullableChild(): boolean {
    return this.nullable;
  }
}

export class RangeProxy extends Proxy<Box> {
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: { add(type: string): ConditionalFormatProxy };

  constructor(ctx: DoubleContext, resolve: () => Box | null, nullable = false) {
    super(ctx, resolve, nullable);
    this.format = new RangeFormatProxy(ctx, () => this.target);
    this.conditionalFormats = {
      add: (type: string) => {
        ctx.need(1.06, 'Range.conditionalFormats');
        if (type !== 'DataBar') throw new ExcelDoubleError('NotModelled', `conditional format ${type}`);
        const bar: DDataBar = { range: '' };
        ctx.enqueue(() => {
          const b = this.live();
          bar.range = boxAddress(b).split('!')[1];
          b.sheet.dataBars.push(bar);
        }, { add: type });
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
    const grid = <V>(fn: (c: DCell | undefined) => V): V[][] => {
      const out: V[][] = [];
      for (let r = b.top; r <= b.bottom; r++) {
        const line: V[] = [];
        for (let c = b.left; c <= b.right; c++) line.push(fn(b.sheet.cells.get(key(r, c))));
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case 'address':
        return boxAddress(b);
      case 'rowCount':
        return boxRows(b);
      case 'columnCount':
        return boxCols(b);
      case 'rowIndex':
        return b.top;
      case 'columnIndex':
        return b.left;
      case 'values':
        return grid((c) => (c?.error ?? c?.value ?? ''));
      case 'valueTypes':
        return grid((c) =>
          c?.error !== undefined
            ? 'Error'
            : c?.value === undefined
              ? 'Empty'
              : typeof c.value === 'number'
                ? 'Double'
                : typeof c.value === 'boolean'
                  ? 'Boolean'
                  : 'String',
        );
      case 'numberFormat':
        return grid((c) => c?.numFmt ?? 'General');
      case 'formulas':
        return grid((c) => (c?.formula !== undefined ? `=${c.formula}` : c?.error ?? c?.value ?? ''));
      default:
        throw new ExcelDoubleError('InvalidArgument', `Range.${name} is not modelled`);
    }
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get values(): unknown[][] {
    return this.loadedValue('values');
  }
  set values(v: unknown[][]) {
    this.setLater('values', v, (b) => {
      this.checkShape(b, v, 'values');
      v.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value === null || value === undefined) return; // null leaves a cell as it is
          const cell = this.ctx.model.cell(b.sheet, b.top + r, b.left + c);
          if (typeof value === 'string') parseWritten(value, cell);
          else if (typeof value === 'number' || typeof value === 'boolean') {
            delete cell.error;
            delete cell.formula;
            cell.value = value;
          } else throw new ExcelDoubleError('InvalidArgument', `cannot write ${JSON.stringify(value)}`);
        }),
      );
    });
  }
  get valueTypes(): string[][] {
    return this.loadedValue('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.setLater('numberFormat', v, (b) => {
      this.checkShape(b, v, 'numberFormat');
      v.forEach((line, r) =>
        line.forEach((f, c) => {
          if (f === null || f === undefined) return;
          const cell = this.ctx.model.cell(b.sheet, b.top + r, b.left + c);
          if (f === 'General') delete cell.numFmt;
          else cell.numFmt = f;
        }),
      );
    });
  }
  get formulas(): unknown[][] {
    return this.loadedValue('formulas');
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.need(1.07, 'Range.hyperlink');
    this.setLater('hyperlink', link, (b) => {
      const cell = this.ctx.model.cell(b.sheet, b.top, b.left);
      cell.link = { ...link };
      if (link.textToDisplay !== undefined) {
        delete cell.formula;
        delete cell.error;
        cell.value = link.textToDisplay;
      }
    });
  }

  get dataValidation(): Record<'rule' | 'prompt' | 'errorAlert' | 'ignoreBlanks', unknown> {
    this.ctx.need(1.08, 'Range.dataValidation');
    const target = {} as Record<'rule' | 'prompt' | 'errorAlert' | 'ignoreBlanks', unknown>;
    for (const name of ['rule', 'prompt', 'errorAlert', 'ignoreBlanks'] as const) {
      Object.defineProperty(target, name, {
        set: (v: unknown) =>
          this.ctx.enqueue(() => {
            const b = this.live();
            eachCell(b, (r, c) => {
              const cell = this.ctx.model.cell(b.sheet, r, c);
              cell.validation = { ...cell.validation, [name]: v };
            });
          }, { [name]: v }),
        get: () => {
          throw new ExcelDoubleError('PropertyNotLoaded', `dataValidation.${name}`);
        },
      });
    }
    return target;
  }

  merge(across = false): void {
    this.ctx.enqueue(() => {
      const b = this.live();
      if (across) throw new ExcelDoubleError('NotModelled', 'merge across');
      b.sheet.merges.push(boxAddress(b).split('!')[1]);
    }, { merge: across });
  }

  clear(): void {
    this.ctx.enqueue(() => {
      const b = this.live();
      for (const k of [...b.sheet.cells.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) b.sheet.cells.delete(k);
      }
    }, { clear: true });
  }

  private checkShape(b: Box, v: unknown[][], what: string): void {
    if (!Array.isArray(v) || v.length !== boxRows(b) || v.some((line) => !Array.isArray(line) || line.length !== boxCols(b))) {
      throw new ExcelDoubleError('InvalidArgument', `${what} of ${boxRows(b)}×${boxCols(b)} cells given ${v.length} rows`);
    }
  }
}

export class RangeFormatProxy {
  readonly fill: RangeFillProxy;
  readonly font: { color: string; bold: boolean; size: number; underline: string };
  constructor(
    private readonly ctx: DoubleContext,
    private readonly box: () => Box | null,
  ) {
    this.fill = new RangeFillProxy(ctx, box);
    const each = (name: string, value: unknown, apply: (c: DCell) => void) =>
      ctx.enqueue(() => {
        const b = box();
        if (!b) throw new ExcelDoubleError('InvalidOperation', 'format of a null range');
        eachCell(b, (r, c) => apply(ctx.model.cell(b.sheet, r, c)));
      }, { [name]: value });
    const unreadable = (name: string) => () => {
      throw new ExcelDoubleError('PropertyNotLoaded', `format.${name}`);
    };
    this.font = Object.defineProperties({} as RangeFormatProxy['font'], {
      color: { set: (v: string) => each('font.color', v, (c) => (c.fontColor = v.toUpperCase())), get: unreadable('font.color') },
      bold: { set: (v: boolean) => each('font.bold', v, (c) => (c.bold = v)), get: unreadable('font.bold') },
      size: { set: (v: number) => each('font.size', v, (c) => (c.size = v)), get: unreadable('font.size') },
      underline: { set: (v: string) => each('font.underline', v, (c) => (c.underline = v)), get: unreadable('font.underline') },
    });
    this.each = each;
  }
  private each: (name: string, value: unknown, apply: (c: DCell) => void) => void;

  set wrapText(v: boolean) {
    this.each('wrapText', v, (c) => (c.wrap = v));
  }
  set horizontalAlignment(v: string) {
    this.each('horizontalAlignment', v, (c) => (c.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.each('verticalAlignment', v, (c) => (c.vAlign = v));
  }
  get protection(): { locked: boolean } {
    const target = {} as { locked: boolean };
    Object.defineProperty(target, 'locked', {
      set: (v: boolean) => this.each('protection.locked', v, (c) => (c.locked = v)),
      get: () => {
        throw new ExcelDoubleError('PropertyNotLoaded', 'format.protection.locked');
      },
    });
    return target;
  }

  set rowHeight(points: number) {
    this.ctx.enqueue(() => {
      const b = this.box();
      if (!b) throw new ExcelDoubleError('InvalidOperation', 'format of a null range');
      for (let r = b.top; r <= b.bottom; r++) b.sheet.rowHeights.set(r, points);
    }, { rowHeight: points });
  }

  set columnWidth(points: number) {
    this.ctx.enqueue(() => {
      const b = this.box();
      if (!b) throw new ExcelDoubleError('InvalidOperation', 'format of a null range');
      for (let c = b.left; c <= b.right; c++) b.sheet.columnWidths.set(c, points);
    }, { columnWidth: points });
  }
}

export class RangeFillProxy extends Proxy<Box> {
  constructor(ctx: DoubleContext, box: () => Box | null) {
    super(ctx, box, true);
  }
  protected read(name: string): unknown {
    const b = this.live();
    const fills = new Set<string | undefined>();
    eachCell(b, (r, c) => fills.add(b.sheet.cells.get(key(r, c))?.fill));
    const uniform = fills.size === 1;
    const fill = [...fills][0];
    switch (name) {
      case 'color':
        return uniform ? fill ?? '#FFFFFF' : null; // Excel reports "no fill" as white
      case 'pattern':
        this.ctx.need(1.09, 'RangeFill.pattern');
        return uniform ? (fill ? 'Solid' : 'None') : null;
      default:
        throw new ExcelDoubleError('InvalidArgument', `RangeFill.${name} is not modelled`);
    }
  }
  get color(): string {
    return this.loadedValue('color');
  }
  set color(v: string) {
    this.setLater('color', v, (b) => eachCell(b, (r, c) => (this.ctx.model.cell(b.sheet, r, c).fill = v.toUpperCase())));
  }
  get pattern(): string {
    return this.loadedValue('pattern');
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const b = this.live();
      eachCell(b, (r, c) => {
        const cell = b.sheet.cells.get(key(r, c));
        if (cell) delete cell.fill;
      });
    }, { clearFill: true });
  }
}

export class ConditionalFormatProxy {
  readonly dataBar: { barDirection: string; positiveFormat: { fillColor: string; gradientFill: boolean } };
  constructor(ctx: DoubleContext, bar: DDataBar) {
    const set = (name: string, v: unknown, apply: () => void) => ctx.enqueue(apply, { [name]: v });
    const positive = {} as { fillColor: string; gradientFill: boolean };
    Object.defineProperties(positive, {
      fillColor: { set: (v: string) => set('fillColor', v, () => (bar.fillColor = v.toUpperCase())) },
      gradientFill: { set: (v: boolean) => set('gradientFill', v, () => (bar.gradientFill = v)) },
    });
    this.dataBar = Object.defineProperties({ positiveFormat: positive } as ConditionalFormatProxy['dataBar'], {
      barDirection: { set: (v: string) => set('barDirection', v, () => (bar.direction = v)) },
    });
  }
}

export class NoteCollectionProxy extends Proxy<DSheet> {
  protected read(): unknown {
    return undefined;
  }
  add(where: RangeProxy | string, content: string): void {
    this.ctx.enqueue(() => {
      const s = this.live();
      const cell = typeof where === 'string' ? where.toUpperCase() : cellOf(where);
      if (s.notes.has(cell)) throw new ExcelDoubleError('InvalidArgument', `a note exists on ${cell}`);
      s.notes.set(cell, content);
    }, { content });
  }
  getItemOrNullObject(address: string): NoteProxy {
    return new NoteProxy(
      this.ctx,
      () => {
        const s = this.target;
        const cell = address.replace(/\$/g, '').toUpperCase();
        return s && s.notes.has(cell) ? { sheet: s, cell } : null;
      },
      true,
    );
  }
}

function cellOf(range: RangeProxy): string {
  const b = range.box();
  if (!b) throw new ExcelDoubleError('InvalidArgument', 'a null range');
  if (b.top !== b.bottom || b.left !== b.right) throw new ExcelDoubleError('InvalidArgument', 'a note needs one cell');
  return cellAddress(b.top, b.left);
}

export class NoteProxy extends Proxy<{ sheet: DSheet; cell: string }> {
  protected read(name: string): unknown {
    const t = this.live();
    if (name === 'content') return t.sheet.notes.get(t.cell);
    throw new ExcelDoubleError('InvalidArgument', `Note.${name} is not modelled`);
  }
  get content(): string {
    return this.loadedValue('content');
  }
  set content(v: string) {
    this.setLater('content', v, (t) => void t.sheet.notes.set(t.cell, v));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.live();
      t.sheet.notes.delete(t.cell);
    }, { delete: true });
  }
}

export class CommentCollectionProxy extends Proxy<DSheet> {
  private itemsLoaded: CommentProxy[] | null = null;
  protected read(): unknown {
    return undefined;
  }
  get items(): CommentProxy[] {
    if (!this.itemsLoaded) throw new ExcelDoubleError('PropertyNotLoaded', 'comments.items was not loaded and synced');
    return this.itemsLoaded;
  }
  override load(props?: string | string[]): this {
    this.ctx.need(1.10, 'Worksheet.comments');
    const names = (typeof props === 'string' ? props.split(',') : props ?? []).map((p) => p.trim().replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      const s = this.target;
      this.itemsLoaded = (s ? s.comments : []).map((c) => new CommentProxy(this.ctx, { now: c }).snapshot(names));
    }, names);
    return this;
  }
  add(where: RangeProxy | string, content: string): void {
    this.ctx.enqueue(() => {
      const s = this.live();
      const cell = typeof where === 'string' ? where.toUpperCase() : cellOf(where);
      if (s.comments.some((c) => c.cell === cell)) throw new ExcelDoubleError('InvalidArgument', `a comment exists on ${cell}`);
      s.comments.push({ id: this.ctx.model.nextCommentId(), cell, content });
    }, { content });
  }
}

type DComment = DSheet['comments'][number];

export class CommentProxy extends Proxy<DComment> {
  protected read(name: string): unknown {
    const c = this.live();
    if (name === 'content') return c.content;
    if (name === 'id') return c.id;
    throw new ExcelDoubleError('InvalidArgument', `Comment.${name} is not modelled`);
  }
  get content(): string {
    return this.loadedValue('content');
  }
  set content(v: string) {
    this.setLater('content', v, (c) => void (c.content = v));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const c = this.live();
      for (const s of this.ctx.model.sheets) s.comments = s.comments.filter((x) => x !== c);
    }, { delete: true });
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const c = this.live();
      const sheet = this.ctx.model.sheets.find((s) => s.comments.includes(c))!;
      return parseBox(sheet, c.cell);
    });
  }
}

/** The double as the adapter's `Excel.RequestContext`. */
export function asExcelContext(ctx: DoubleContext): Excel.RequestContext {
  return ctx as unknown as Excel.RequestContext;
}
