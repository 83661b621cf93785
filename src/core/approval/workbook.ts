/** Approving one sheet of a workbook: validate it as it is now, then approve it or say why not. */
import type { WorkbookGrids } from '../model/cells';
import type { Catalogue } from '../model/catalogue';
import { checkWorkbook } from '../engine';
import { approveSheet, type ApprovalOutcome } from './approve';

export interface WorkbookApprovalRequest {
  sheet: string;
  reviewer: string;
  /** The time of approval, as written in the log (see formatApprovalTime). */
  time: string;
  catalogue?: Catalogue;
}

/**
 * The approval of `req.sheet` (to append to 审核记录 with WorkbookPort.appendRows), or the reason it is
 * refused. Throws, with a bilingual message, when the workbook has no sheet of that name.
 */
export function approveInWorkbook(wb: WorkbookGrids, req: WorkbookApprovalRequest): ApprovalOutcome {
  const { checks, findings, catalogue } = checkWorkbook(wb, { sheet: req.sheet, catalogue: req.catalogue });
  return approveSheet({ check: checks[0], findings, reviewer: req.reviewer, time: req.time, catalogue });
}
