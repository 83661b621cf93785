/**
 * The product's marks on users' cells in WPS 表格 — a fill and a comment (批注) — and the annotation
 * store that keeps what each cell had, shared with the other adapters (annotation-store.ts).
 *
 * Fills go in one write per colour for up to 255 characters of addresses ("B4,B11,…"); comments
 * are cleared the same way, then added one cell at a time, the one thing the object model offers
 * only per cell. A cell's own look is read once, before its first mark. WPS has one kind of
 * comment (no threaded comments), so a colleague's comment is kept in the store and given back;
 * a cell the store says got the fill only (marked in Excel over a threaded comment) keeps its
 * comment untouched here too.
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
} from "../annotation-store";
import { a1Range, excelText } from "../office/values";
import type { EtSheets, EtWorksheet } from "./et";
import { XL_NONE, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN } from "./et";
import { areaChunks, bgrToHex, hexToBgr, toRows } from "./values";

/** A sheet by name, or null: Item(name) fails for a name the workbook does not have. */
export function findSheet(sheets: EtSheets, name: string): EtWorksheet | null {
  try {
    return sheets.Item(name) ?? null;
  } catch {
    return null;
  }
}

export interface Store {
  ws: EtWorksheet | null;
  entries: StoredOriginal[];
}

export function readStore(sheets: EtSheets): Store {
  const ws = findSheet(sheets, ANNOTATION_STORE_SHEET);
  if (!ws) return { ws: null, entries: [] };
  const rows = toRows(ws.UsedRange.Value2, 2, STORE_HEADER.length);
  return { ws, entries: decodeStoreRows(rows as CellValue[][]) };
}

/**
 * Rewrites the store whole (the product's very hidden sheet). Emptied, it is deleted — hidden
 * first, then deleted with the alerts off — or only cleared while the workbook's structure is
 * protected; the caller refuses before a store would have to be added then.
 */
export function writeStore(
  sheets: EtSheets,
  store: Store,
  entries: StoredOriginal[],
  structureLocked: boolean
): void {
  let ws = store.ws;
  if (entries.length === 0) {
    if (!ws) return;
    if (structureLocked) ws.UsedRange.Value2 = "";
    else {
      ws.Visible = XL_SHEET_HIDDEN;
      ws.Delete();
    }
    return;
  }
  if (!ws) {
    ws = sheets.Add(null, sheets.Item(sheets.Count));
    ws.Name = ANNOTATION_STORE_SHEET;
  } else ws.UsedRange.Value2 = "";
  const rows = [STORE_HEADER, ...entries.map(encodeStoreRow)].map((r) => r.map(excelText));
  ws.Range(a1Range(0, 0, rows.length - 1, STORE_HEADER.length - 1)).Value2 = rows;
  if (!structureLocked) ws.Visible = XL_SHEET_VERY_HIDDEN;
}

/** A cell's fill and comment before its first mark: a few calls per newly marked cell. */
export function previousLook(
  ws: EtWorksheet,
  sheet: string,
  cell: string,
  readComment: boolean
): StoredOriginal {
  const r = ws.Range(cell);
  const interior = r.Interior;
  const fill = interior.Pattern === XL_NONE ? null : bgrToHex(Number(interior.Color));
  let note: string | null = null;
  if (readComment) {
    const comment = r.Comment;
    if (comment) note = String(comment.Text() ?? "");
  }
  return { sheet, cell, fill, note, detail: "" };
}

function byColour<T>(items: T[], colour: (t: T) => string | null, cell: (t: T) => string) {
  const groups = new Map<string | null, string[]>();
  for (const t of items) {
    const k = colour(t);
    const list = groups.get(k) ?? [];
    list.push(cell(t));
    groups.set(k, list);
  }
  return groups;
}

/** Fills of many cells, one write per colour and chunk of addresses; null takes the fill away. */
export function fillCells(ws: EtWorksheet, cells: { cell: string; fill: string | null }[]): void {
  for (const [fill, list] of byColour(
    cells,
    (c) => c.fill,
    (c) => c.cell
  )) {
    for (const chunk of areaChunks(list)) {
      const interior = ws.Range(chunk).Interior;
      if (fill === null) interior.Pattern = XL_NONE;
      else interior.Color = hexToBgr(fill);
    }
  }
}

/** Replaces the comments of cells: cleared by chunks of addresses, then added one by one. */
export function setComments(ws: EtWorksheet, notes: { cell: string; text: string | null }[]): void {
  for (const chunk of areaChunks(notes.map((n) => n.cell))) ws.Range(chunk).ClearComments();
  for (const n of notes) if (n.text !== null) ws.Range(n.cell).AddComment(n.text);
}

/** Gives cells back their own fill and comment. */
export function restoreCells(ws: EtWorksheet, entries: StoredOriginal[], comments: boolean): void {
  fillCells(ws, entries);
  if (!comments) return;
  setComments(
    ws,
    entries.filter((o) => o.detail !== FILL_ONLY).map((o) => ({ cell: o.cell, text: o.note }))
  );
}

/** Marks cells of one sheet: fills, then comments (the last mark of a cell wins). */
export function markCells(
  ws: EtWorksheet,
  marks: Annotation[],
  known: Map<string, StoredOriginal>,
  comments: boolean
): number {
  const last = new Map<string, Annotation>();
  for (const a of marks) last.set(normaliseAddress(a.cell), a);
  fillCells(
    ws,
    [...last].map(([cell, a]) => ({ cell, fill: a.fill }))
  );
  if (!comments) return 0;
  const notes: { cell: string; text: string }[] = [];
  let fillOnly = 0;
  for (const [cell, a] of last) {
    if (known.get(cell)?.detail === FILL_ONLY) fillOnly++;
    else notes.push({ cell, text: a.note });
  }
  setComments(ws, notes);
  return fillOnly;
}
