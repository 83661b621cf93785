import type { WorkbookGrids, CellValue } from "../../core/model/cells";
import type { WritePlan } from "../../core/model/plan";

/**
 * The one interface between the engine and a workbook host. An adapter reads everything
 * it needs in one batch and applies a whole plan in one batch.
 */
export interface WorkbookPort {
  /** The grids of the named sheets (all sheets when omitted), with number formats. */
  readSheets(names?: string[]): Promise<WorkbookGrids>;
  /** Replaces the plan's sheets, annotates user cells (keeping their previous fills to restore). */
  applyPlan(plan: WritePlan): Promise<void>;
  /** Removes the product's annotations from a sheet (all sheets when omitted), restoring the fills they covered. */
  clearAnnotations(sheet?: string): Promise<void>;
  /** Appends rows at the end of a sheet, creating it with the header when missing; never rewrites a row. */
  appendRows(sheet: string, header: string[], rows: CellValue[][]): Promise<void>;
}
