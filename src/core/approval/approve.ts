/**
 * Approving a sheet (docs/specification.md §9) and noticing a change after approval. Approval is refused while the
 * sheet has an error finding; the reason says which.
 */
import type { WorkbookGrids } from "../model/cells";
import type { Catalogue } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { Message } from "../i18n/messages";
import type { SheetCheck } from "../validate/sheet";
import { makeFinding } from "../validate/rules";
import { APPROVAL_REFUSED, changesSinceApproval } from "../i18n/approval-messages";
import { fingerprint } from "./fingerprint";
import {
  formatRecordedValues,
  parseRecordedValues,
  valueChanges,
  type ValueChange,
} from "./values";
import {
  APPROVALS_SHEET,
  approvalToRow,
  lastApproval,
  readApprovals,
  type Approval,
} from "./record";
import type { CellValue } from "../model/cells";

/** The approvals recorded in a workbook's own 审核记录 sheet. */
export function workbookApprovals(wb: WorkbookGrids): Approval[] {
  return readApprovals(wb.sheets.find((s) => s.name === APPROVALS_SHEET));
}

export type ApprovalState =
  | { state: "approved"; approval: Approval }
  | {
      state: "changed";
      approval: Approval;
      /** Each value that differs from the approved one; null when the approval recorded no values. */
      changes: ValueChange[] | null;
    }
  | { state: "none" };

/** Whether the sheet as it is now is what was last approved, and if not, what changed. */
export function approvalState(
  check: SheetCheck,
  approvals: Approval[],
  opts: { byUnit?: boolean } = {}
): ApprovalState {
  const last = lastApproval(check, approvals, opts);
  if (!last) return { state: "none" };
  if (last.fingerprint === fingerprint(check)) return { state: "approved", approval: last };
  // A row written before the values were kept (or a record typed over) tells that, not what, changed.
  const recorded = last.values ? parseRecordedValues(last.values) : null;
  return {
    state: "changed",
    approval: last,
    changes: recorded ? valueChanges(recorded, check) : null,
  };
}

/** A `changed_after_approval` warning for each sheet whose data differ from its last approval. */
export function approvalFindings(
  checks: SheetCheck[],
  approvals: Approval[],
  opts: { byUnit?: boolean } = {}
): Finding[] {
  if (!approvals.length) return [];
  const out: Finding[] = [];
  for (const c of checks) {
    // The units' rows of one table are approved as one: one warning for the table, with its first row.
    if (!c.recognised || (c.whole?.parts && c.whole.parts[0] !== c)) continue;
    const st = approvalState(c, approvals, opts);
    if (st.state !== "changed") continue;
    out.push(
      makeFinding(
        "changed_after_approval",
        { sheet: c.sheet },
        {
          reporter: st.approval.reviewer,
          other: st.approval.time,
          reason: changesSinceApproval(st.changes),
        }
      )
    );
  }
  return out;
}

export interface ApprovalRequest {
  check: SheetCheck;
  /** Every finding of the sheet as validated now. */
  findings: Finding[];
  reviewer: string;
  /** The time of approval, as written in the log (see formatApprovalTime). */
  time: string;
  catalogue: Catalogue;
}

export type ApprovalOutcome =
  { ok: true; approval: Approval; row: CellValue[] } | { ok: false; reason: Message };

/**
 * The approval of one sheet, or the reason it is refused: no reviewer, not a monitoring sheet, or
 * an error finding. The counts leave out `changed_after_approval`: this approval is what settles it.
 */
export function approveSheet(req: ApprovalRequest): ApprovalOutcome {
  const { check } = req;
  const reviewer = req.reviewer.replace(/\s+/g, " ").trim();
  if (!reviewer) return { ok: false, reason: APPROVAL_REFUSED.noReviewer() };
  if (!check.recognised) return { ok: false, reason: APPROVAL_REFUSED.notRecognised(check.sheet) };
  const own = req.findings.filter(
    (f) => f.sheet === check.sheet && f.rule !== "changed_after_approval"
  );
  const errors = own.filter((f) => f.severity === "error");
  if (errors.length) {
    const first = errors[0];
    const at = first.cell ? `${first.cell} ` : "";
    return {
      ok: false,
      reason: APPROVAL_REFUSED.hasErrors(check.sheet, errors.length, {
        zh: at + first.message.zh,
        en: at + first.message.en,
      }),
    };
  }
  const approval: Approval = {
    time: req.time,
    reviewer,
    sheet: check.sheet,
    // A table of units as rows is approved whole, under the unit that sent it (its 填报单位, if any).
    unit:
      (check.whole
        ? (check.whole.unitCanonical ?? check.whole.unit)
        : (check.unitCanonical ?? check.unit)) ?? "",
    period: check.period?.label ?? "",
    errors: 0,
    warnings: own.length,
    catalogueVersion: req.catalogue.version,
    fingerprint: fingerprint(check),
  };
  const values = formatRecordedValues(check);
  if (values) approval.values = values;
  return { ok: true, approval, row: approvalToRow(approval) };
}
