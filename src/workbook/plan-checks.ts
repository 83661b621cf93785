/**
 * What a write plan must satisfy before an adapter writes any of it, the same for both adapters
 * (package/ and office/): a plan that fails throws PlanError and leaves the workbook as it was.
 */
import { PlanError } from "../core/errors";
import { parseAddress } from "../core/model/cells";
import { ANNOTATION_STORE_SHEET, type WritePlan } from "../core/model/plan";

/** The plan's own faults, known without the workbook: a sheet named like the annotation store, a malformed address. */
export function assertPlanWritable(plan: WritePlan): void {
  const reserved = plan.sheets.filter((ps) => ps.name === ANNOTATION_STORE_SHEET);
  if (reserved.length > 0)
    throw new PlanError(
      "reserved_sheet",
      reserved.map((ps) => ps.name)
    );
  for (const a of plan.annotations) parseAddress(a.cell);
}

/** Annotations only on sheets the workbook has; `has` answers for one sheet. */
export function assertAnnotatedSheetsExist(plan: WritePlan, has: (sheet: string) => boolean): void {
  const missing = [...new Set(plan.annotations.map((a) => a.sheet))].filter((s) => !has(s));
  if (missing.length > 0) throw new PlanError("missing_sheet", missing);
}
