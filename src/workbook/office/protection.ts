/**
 * Marking cells on protected sheets. Excel refuses formatting cells and editing notes or comments
 * on a protected sheet — even unlocked cells — unless its protection allows them
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotectionoptions). Templates
 * written since allow both; a sheet protected otherwise without a password (templates of earlier
 * versions) has its protection lifted for the marks and put back with the same options; a sheet
 * protected with a password is not marked at all. The password cannot be seen beforehand outside
 * Excel on the web (WorksheetProtection.isPasswordProtected is ExcelApiOnline only), so lifting is
 * tried in a sync of its own and a refusal means a password.
 */
import type { ApiSupport } from "./support";

export interface SheetProtection {
  name: string;
  ws: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
}

/** Queues loading whether each sheet is protected and how. */
export function queueProtection(sheets: Map<string, Excel.Worksheet>): SheetProtection[] {
  return [...sheets].map(([name, ws]) => {
    const protection = ws.protection;
    protection.load("protected,options");
    return { name, ws, protection };
  });
}

function blocksMarks(p: Excel.WorksheetProtection, support: ApiSupport): boolean {
  if (!p.protected) return false;
  const options = p.options ?? {};
  return !options.allowFormatCells || (support.noteMode !== "none" && !options.allowEditObjects);
}

export interface Unprotected {
  /** Sheets whose protection was lifted; `restore` puts it back. */
  lifted: { ws: Excel.Worksheet; options: Excel.WorksheetProtectionOptions }[];
  /** Sheets protected with a password: nothing is marked or restored on them. */
  locked: Set<string>;
}

/** Lifts the protection that stands in the way of marks, one sheet per sync (rarely any). */
export async function liftProtection(
  context: Excel.RequestContext,
  sheets: SheetProtection[],
  support: ApiSupport
): Promise<Unprotected> {
  const out: Unprotected = { lifted: [], locked: new Set() };
  for (const s of sheets) {
    if (s.ws.isNullObject || !blocksMarks(s.protection, support)) continue;
    const options = { ...s.protection.options };
    s.ws.protection.unprotect();
    try {
      // One sync per sheet, on purpose: a sheet protected with a password refuses, and the others must still be unprotected.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      out.lifted.push({ ws: s.ws, options });
    } catch {
      out.locked.add(s.name);
    }
  }
  return out;
}

/** Queues putting back the protection lifted for the marks. */
export function restoreProtection(u: Unprotected): void {
  for (const { ws, options } of u.lifted) ws.protection.protect(options);
  u.lifted = [];
}

/** Puts lifted protection back after a failure, so a failed run never leaves a sheet open. */
export async function restoreAfterFailure(
  context: Excel.RequestContext,
  u: Unprotected
): Promise<void> {
  if (u.lifted.length === 0) return;
  restoreProtection(u);
  try {
    await context.sync();
  } catch {
    // The original failure is the one to report.
  }
}
