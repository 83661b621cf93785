/**
 * The product's marks on users' cells — a fill and a note — and the annotation store that keeps
 * what each cell had before, so clearing gives it back.
 *
 * A cell holds either a note or a threaded comment, never both: adding one where the other is
 * fails and stops the whole batch
 * (https://support.microsoft.com/office/the-difference-between-threaded-comments-and-notes-75a51eec-4092-42ab-abf8-7669077b7be3).
 * A colleague's comment is theirs: a cell holding one gets the fill only, and its text is never
 * rewritten. Without the notes API (ExcelApi below 1.18) a note cannot be seen before adding a
 * comment, so comments are added in a sync of their own and one that fails on a note is skipped.
 */
import type { CellValue } from "../../core/model/cells";
import type { Annotation } from "../../core/model/plan";
import { ANNOTATION_STORE_SHEET } from "../../core/model/plan";
import {
  FILL_ONLY,
  STORE_HEADER,
  StoredOriginal,
  decodeStoreRows,
  encodeStoreRow,
  normaliseAddress,
  storeKey,
} from "../shared/annotation-store";
import { BLOCK_FRACTION, WriteBatch, estimatePayload } from "./payload";
import type { ApiSupport } from "./support";
import { a1Range, excelText, localAddress, topLeftAddress } from "./values";

// The store's detail for a fill-only cell has one home, shared with the file adapter.
export { FILL_ONLY } from "../shared/annotation-store";

export interface Store {
  sheet: Excel.Worksheet;
  range: Excel.Range;
}

export function queueStoreRead(context: Excel.RequestContext): Store {
  const sheet = context.workbook.worksheets.getItemOrNullObject(ANNOTATION_STORE_SHEET);
  sheet.load("name,visibility");
  const range = sheet.getUsedRangeOrNullObject(true);
  range.load("values,address");
  return { sheet, range };
}

export function storeEntries(store: Store): StoredOriginal[] {
  if (store.sheet.isNullObject || store.range.isNullObject) return [];
  return decodeStoreRows(store.range.values as CellValue[][]);
}

/**
 * Rewrites the store whole; it is the product's own very hidden sheet. With the workbook's
 * structure protected it can be neither added, hidden nor deleted: an emptied store is then only
 * cleared (the caller refuses before a store would have to be added).
 */
export async function writeStore(
  context: Excel.RequestContext,
  budget: number,
  store: Store,
  entries: StoredOriginal[],
  batch: WriteBatch,
  structureLocked: boolean
): Promise<void> {
  const { sheet, range: oldRange } = store;
  if (entries.length === 0) {
    if (sheet.isNullObject) return;
    if (structureLocked) {
      if (!oldRange.isNullObject) sheet.getRange(localAddress(oldRange.address)).clear();
      return;
    }
    // Excel will not delete a very hidden sheet; make it merely hidden first.
    sheet.visibility = "Hidden";
    sheet.delete();
    return;
  }
  let ws = sheet;
  if (sheet.isNullObject) ws = context.workbook.worksheets.add(ANNOTATION_STORE_SHEET);
  else if (!oldRange.isNullObject) ws.getRange(localAddress(oldRange.address)).clear();
  const rows = [STORE_HEADER, ...entries.map(encodeStoreRow)].map((r) =>
    r.map((v) => excelText(v))
  );
  const blockRows = Math.max(
    1,
    Math.floor(budget / BLOCK_FRACTION / Math.max(1, estimatePayload(rows[rows.length - 1])))
  );
  for (let start = 0; start < rows.length; start += blockRows) {
    const block = rows.slice(start, start + blockRows);
    await batch.reserve(estimatePayload(block));
    ws.getRange(a1Range(start, 0, start + block.length - 1, STORE_HEADER.length - 1)).values =
      block;
  }
  if (sheet.isNullObject || sheet.visibility !== "VeryHidden") ws.visibility = "VeryHidden";
}

/** A cell's look before the product marked it, read just before marking. */
export interface PreviousLook {
  sheet: string;
  cell: string;
  fill: Excel.RangeFill;
  note: Excel.Note | null;
}

export function queuePreviousLooks(
  annotations: Annotation[],
  sheets: Map<string, Excel.Worksheet>,
  support: ApiSupport
): Map<string, PreviousLook> {
  const looks = new Map<string, PreviousLook>();
  for (const a of annotations) {
    const key = storeKey(a.sheet, a.cell);
    if (looks.has(key)) continue;
    const ws = sheets.get(a.sheet)!;
    const cell = normaliseAddress(a.cell);
    const fill = ws.getRange(cell).format.fill;
    fill.load(support.pageLayout ? "color,pattern" : "color");
    let note: Excel.Note | null = null;
    if (support.noteMode === "notes") {
      note = ws.notes.getItemOrNullObject(cell);
      note.load("content");
    }
    looks.set(key, { sheet: a.sheet, cell, fill, note });
  }
  return looks;
}

/** Queues loading the current notes of stored cells not yet in `into`; returns how many it queued. */
export function queueNotes(
  entries: StoredOriginal[],
  sheets: Map<string, Excel.Worksheet>,
  into: Map<string, Excel.Note>,
  support: ApiSupport
): number {
  if (support.noteMode !== "notes") return 0;
  let queued = 0;
  for (const o of entries) {
    const key = storeKey(o.sheet, o.cell);
    const ws = sheets.get(o.sheet);
    if (into.has(key) || !ws) continue;
    const note = ws.notes.getItemOrNullObject(o.cell);
    note.load("content");
    into.set(key, note);
    queued++;
  }
  return queued;
}

export interface CommentRead {
  sheet: Excel.Worksheet;
  comments: Excel.CommentCollection;
}

/** Threaded comments are read wherever Excel has them (ExcelApi 1.10), in notes mode too. */
export function queueCommentRead(sheets: Excel.Worksheet[], support: ApiSupport): CommentRead[] {
  if (support.noteMode === "none") return [];
  return sheets.map((sheet) => {
    const comments = sheet.comments;
    comments.load("items/content");
    return { sheet, comments };
  });
}

export interface Comments {
  byCell: Map<string, Excel.Comment>;
  /** How many comments each sheet holds now. */
  counts: Map<string, number>;
}

/**
 * Where the comments are: they carry no address, so finding their cells costs one more sync,
 * made only when a sheet read holds comments.
 */
export async function locateComments(
  context: Excel.RequestContext,
  reads: CommentRead[]
): Promise<Comments> {
  const found: Comments = { byCell: new Map(), counts: new Map() };
  const pending: { sheet: string; comment: Excel.Comment; where: Excel.Range }[] = [];
  for (const r of reads) {
    if (r.sheet.isNullObject) continue;
    found.counts.set(r.sheet.name, r.comments.items.length);
    for (const comment of r.comments.items) {
      const where = comment.getLocation();
      where.load("address");
      pending.push({ sheet: r.sheet.name, comment, where });
    }
  }
  if (pending.length === 0) return found;
  await context.sync();
  for (const p of pending)
    found.byCell.set(storeKey(p.sheet, topLeftAddress(p.where.address)), p.comment);
  return found;
}

interface CommentAdd {
  ws: Excel.Worksheet;
  sheet: string;
  cell: string;
  text: string;
}

/** "#RRGGBB" of a fill that is really there, null for none (white without a pattern is taken as none). */
function previousFill(fill: Excel.RangeFill, patternLoaded: boolean): string | null {
  if (patternLoaded && fill.pattern === "None") return null;
  const color = (fill.color ?? "").toUpperCase();
  if (!/^#[0-9A-F]{6}$/.test(color)) return null;
  return !patternLoaded && color === "#FFFFFF" ? null : color;
}

/** Queues marks and restores, then adds comments in syncs of their own. */
export class Marks {
  private readonly adds: CommentAdd[] = [];
  private readonly deleted = new Map<string, number>();
  /** Cells that got the fill only: their note slot was someone else's. */
  fillOnly = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly support: ApiSupport,
    private readonly comments: Comments
  ) {}

  /** Gives a marked cell back the fill and note it had (nothing when its sheet is gone). */
  restore(ws: Excel.Worksheet, o: StoredOriginal, note: Excel.Note | undefined): void {
    if (ws.isNullObject) return;
    const range = ws.getRange(o.cell);
    if (o.fill) range.format.fill.color = o.fill;
    else range.format.fill.clear();
    if (o.detail === FILL_ONLY) return;
    const comment = this.comments.byCell.get(storeKey(o.sheet, o.cell));
    if (this.support.noteMode === "notes") {
      if (comment) return; // a threaded comment holds the slot now: no note to put back
      const present = note && !note.isNullObject ? note : null;
      if (o.note === null) present?.delete();
      else if (present) present.content = o.note;
      else ws.notes.add(range, o.note);
    } else if (this.support.noteMode === "comments") {
      if (o.note === null) {
        if (comment) {
          comment.delete();
          this.deleted.set(o.sheet, (this.deleted.get(o.sheet) ?? 0) + 1);
        }
      } else if (comment)
        comment.content = o.note; // an earlier version's mark over this text
      else this.adds.push({ ws, sheet: o.sheet, cell: o.cell, text: o.note });
    }
  }

  /** Fills and notes of `annotations`; a cell's look is stored once, before its first mark. */
  async annotate(
    annotations: Annotation[],
    sheets: Map<string, Excel.Worksheet>,
    previous: Map<string, PreviousLook>,
    stored: StoredOriginal[],
    batch: WriteBatch
  ): Promise<void> {
    const known = new Map(stored.map((o) => [storeKey(o.sheet, o.cell), o]));
    const notes = new Map<string, string>();
    for (const a of annotations) {
      const key = storeKey(a.sheet, a.cell);
      const look = previous.get(key)!;
      if (!known.has(key)) {
        const comment = this.comments.byCell.get(key);
        const entry: StoredOriginal = {
          sheet: a.sheet,
          cell: look.cell,
          fill: previousFill(look.fill, this.support.pageLayout),
          note: this.previousNote(look, comment),
          detail: comment ? FILL_ONLY : "",
        };
        known.set(key, entry);
        stored.push(entry);
      }
      await batch.reserve(estimatePayload(a));
      sheets.get(a.sheet)!.getRange(look.cell).format.fill.color = a.fill;
      notes.set(key, a.note);
    }
    // Last mark wins when a plan marks a cell twice.
    for (const [key, text] of notes)
      this.note(sheets.get(previous.get(key)!.sheet)!, previous.get(key)!, known.get(key)!, text);
  }

  private note(ws: Excel.Worksheet, look: PreviousLook, entry: StoredOriginal, text: string): void {
    const comment = this.comments.byCell.get(storeKey(look.sheet, look.cell));
    if (this.support.noteMode === "none") return;
    if (
      entry.detail === FILL_ONLY ||
      (comment && (this.support.noteMode === "notes" || entry.note !== null))
    ) {
      this.fillOnly++;
      return;
    }
    if (this.support.noteMode === "notes") {
      if (look.note && !look.note.isNullObject) look.note.content = text;
      else ws.notes.add(ws.getRange(look.cell), text);
    } else if (comment)
      comment.content = text; // the product's own comment of an earlier run
    else this.adds.push({ ws, sheet: look.sheet, cell: look.cell, text });
  }

  private previousNote(look: PreviousLook, comment: Excel.Comment | undefined): string | null {
    if (this.support.noteMode === "notes")
      return look.note && !look.note.isNullObject ? look.note.content : null;
    if (this.support.noteMode === "comments") return comment ? comment.content : null;
    return null;
  }

  /**
   * Adds the queued comments, in syncs of their own after the marks. Excel stops a batch at its
   * first failing action and keeps the ones before it: when an add fails (a note Excel did not let
   * us see holds the cell), the comments counted per sheet tell which one, and the rest go on.
   */
  async addComments(): Promise<void> {
    let from = 0;
    const base = new Map<string, number>();
    for (const [sheet, n] of this.comments.counts)
      base.set(sheet, n - (this.deleted.get(sheet) ?? 0));
    while (from < this.adds.length) {
      const attempt = this.adds.slice(from);
      for (const c of attempt) c.ws.comments.add(c.cell, c.text);
      try {
        await this.context.sync();
        return;
      } catch (error) {
        const sheets = new Map(attempt.map((c) => [c.sheet, c.ws]));
        const counts = [...sheets].map(([sheet, ws]) => ({ sheet, count: ws.comments.getCount() }));
        await this.context.sync();
        let applied = 0;
        for (const { sheet, count } of counts) {
          applied += count.value - (base.get(sheet) ?? 0);
          base.set(sheet, count.value);
        }
        if (applied >= attempt.length) throw error; // not an add that failed
        this.fillOnly++;
        from += applied + 1;
      }
    }
  }
}
