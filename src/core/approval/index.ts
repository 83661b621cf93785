/** Approval of monitoring sheets with a fingerprint of their values (docs/specification.md §9). */
export { fingerprint, fingerprintContent } from "./fingerprint";
export {
  APPROVALS_SHEET,
  APPROVAL_HEADER,
  readApprovals,
  lastApproval,
  approvalToRow,
  formatApprovalTime,
} from "./record";
export type { Approval } from "./record";
export { approveSheet, approvalFindings, approvalState, workbookApprovals } from "./approve";
export type { ApprovalRequest, ApprovalOutcome, ApprovalState } from "./approve";
