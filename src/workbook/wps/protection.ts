/**
 * Marking cells on protected sheets of WPS 表格. A protected sheet refuses fills unless its
 * protection allows formatting cells, and comments unless drawing objects are left editable
 * (https://learn.microsoft.com/office/vba/api/excel.worksheet.protect). Templates written since
 * allow both; a sheet protected otherwise without a password has its protection lifted for the
 * marks and put back with the same options; a sheet protected with a password is left unmarked.
 * Unprotect() without an argument would ask the person for a password, so an empty one is given:
 * a sheet with a password refuses it, and that refusal is the sign (a point to check, docs/wps.md).
 */
import type { EtWorksheet } from "./et";

export interface Lifted {
  /** Puts the protection back as it was. */
  restore(): void;
}

/** null: nothing in the way; "locked": a password; else lifted, to restore. */
export function liftProtection(ws: EtWorksheet, comments: boolean): Lifted | "locked" | null {
  if (!ws.ProtectContents) return null;
  const p = ws.Protection;
  const cells = p.AllowFormattingCells;
  const drawing = ws.ProtectDrawingObjects;
  if (cells && (!comments || !drawing)) return null;
  const columns = p.AllowFormattingColumns;
  const rows = p.AllowFormattingRows;
  try {
    ws.Unprotect("");
  } catch {
    return "locked";
  }
  return {
    restore: () => ws.Protect(undefined, drawing, true, false, false, cells, columns, rows),
  };
}
