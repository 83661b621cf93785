/** Approving one sheet of a workbook: validate it as it is now, then approve it or say why not. */
import type { WorkbookGrids } from "./model/cells";
import type { Catalogue } from "./model/catalogue";
import { checkWorkbook } from "./engine";
import { approveSheet, type ApprovalOutcome } from "./approval/approve";
import { APPROVAL_REFUSED } from "./i18n/approval-messages";
import { RULES_SHEET } from "./catalogue/sheet-layout";

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
export function approveInWorkbook(
  wb: WorkbookGrids,
  req: WorkbookApprovalRequest
): ApprovalOutcome {
  const { checks, findings, catalogue } = checkWorkbook(wb, {
    sheet: req.sheet,
    catalogue: req.catalogue,
  });
  // A broken 指标规则: nothing was checked, so nothing can be approved.
  if (!catalogue) {
    const first = findings[0];
    const at = first?.cell ? `${first.cell} ` : "";
    return {
      ok: false,
      reason: APPROVAL_REFUSED.hasErrors(RULES_SHEET, findings.length, {
        zh: at + first.message.zh,
        en: at + first.message.en,
      }),
    };
  }
  return approveSheet({
    check: checks[0],
    findings,
    reviewer: req.reviewer,
    time: req.time,
    catalogue,
  });
}
