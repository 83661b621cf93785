/**
 * The layout of the very-hidden sheet ANNOTATION_STORE_SHEET, shared by both adapters so that a
 * workbook annotated on the command line can be cleared in Excel and the other way round.
 *
 * One row per annotated cell, written before its first annotation: the fill and note the cell had,
 * so that clearing restores them exactly. All values are stored as text.
 */
import type { CellValue } from "../../core/model/cells";
import { ANNOTATION_STORE_HEADER } from "../../core/model/plan";

/** The header row (its words are data of the model, beside the store's name). */
export const STORE_HEADER = ANNOTATION_STORE_HEADER;

export interface StoredOriginal {
  sheet: string;
  /** A1 address, upper case, without "$". */
  cell: string;
  /** The previous solid fill "#RRGGBB", or null when the cell had no (plain) fill. */
  fill: string | null;
  /** The previous note text, or null when the cell had no note. */
  note: string | null;
  /**
   * Host-specific detail for an exact restore (the xlsx adapter keeps the whole fill and note
   * objects as JSON here: theme colours, patterns, formatted notes). Empty when not needed.
   */
  detail: string;
}

/**
 * The detail of a cell that got the fill only (its note slot held someone's comment or note): a
 * clear gives back the fill and leaves the note alone, whichever adapter clears it.
 */
export const FILL_ONLY = '{"office":"fill-only"}';

export function normaliseAddress(cell: string): string {
  return cell.replace(/\$/g, "").trim().toUpperCase();
}

export function storeKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${normaliseAddress(cell)}`;
}

export function encodeStoreRow(o: StoredOriginal): string[] {
  return [
    o.sheet,
    normaliseAddress(o.cell),
    o.fill ?? "",
    o.note ?? "",
    o.note === null ? "0" : "1",
    o.detail,
  ];
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && !(v instanceof Date)) return "";
  return String(v);
}

/** Decodes the store's rows (header included or not); rows without a sheet and cell are skipped. */
export function decodeStoreRows(rows: CellValue[][]): StoredOriginal[] {
  const out: StoredOriginal[] = [];
  for (const row of rows) {
    const sheet = text(row[0]);
    const cell = text(row[1]);
    if (!sheet || !cell || (sheet === STORE_HEADER[0] && cell === STORE_HEADER[1])) continue;
    const fill = text(row[2]);
    const hadNote = text(row[4]) === "1";
    out.push({
      sheet,
      cell: normaliseAddress(cell),
      fill: /^#[0-9A-Fa-f]{6}$/.test(fill) ? fill.toUpperCase() : null,
      note: hadNote ? text(row[3]) : null,
      detail: text(row[5]),
    });
  }
  return out;
}
