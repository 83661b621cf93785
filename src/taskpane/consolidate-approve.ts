/**
 * The pane's consolidation and approval actions, without React: they work on any WorkbookPort
 * (the Office adapter inside Excel, ExcelJS on a file) and answer with data and a message to show.
 */
import { checkWorkbook } from "../core/engine";
import { catalogueFor } from "../core/catalogue/resolve";
import { type ConsolidationInput, type ConsolidationResult } from "../core/consolidate";
import { consolidateHistory, type HistoryConsolidation } from "../core/consolidate/history";
import {
  APPROVALS_SHEET,
  APPROVAL_HEADER,
  approvalState,
  formatApprovalTime,
  workbookApprovals,
} from "../core/approval";
import { approveInWorkbook } from "../core/approval/workbook";
import type { Message } from "../core/i18n/messages";
import { changesSinceApproval } from "../core/i18n/approval-messages";
import type { WorkbookPort } from "../workbook/port";
import type { PaneMessage } from "./rules-templates";

// --- the reviewer's name --------------------------------------------------------------------------

/**
 * Where the reviewer's name is remembered: per person, in this browser's or Office's local storage
 * — never in the workbook's settings, which travel with the file to the next reviewer, who would
 * find the previous one's name filled in.
 */
export interface ReviewerStore {
  load(): string;
  save(name: string): Promise<void>;
}

export const REVIEWER_SETTING = "indicatorTracker.reviewer";

/** localStorage in a plain browser; a store that forgets when the browser keeps nothing (private mode). */
export function localReviewerStore(
  storage: Pick<Storage, "getItem" | "setItem"> | null
): ReviewerStore {
  return {
    load: () => {
      try {
        return storage?.getItem(REVIEWER_SETTING) ?? "";
      } catch {
        return "";
      }
    },
    save: async (name) => {
      try {
        storage?.setItem(REVIEWER_SETTING, name);
      } catch {
        // Nothing kept: the name is asked again next time, which is all that is lost.
      }
    },
  };
}

// --- approval --------------------------------------------------------------------------------------

/** What the approve button needs to know about a sheet as it is now. */
export interface ApprovalTarget {
  sheet: string;
  unit: string | null;
  errors: number;
  warnings: number;
  /** Why approval is refused now (null: it can be approved). */
  refusal: Message | null;
  state: "approved" | "changed" | "none";
  reviewer: string | null;
  time: string | null;
  /** When the data changed after the approval: what changed, old → new, or that the log cannot tell. */
  changes: Message | null;
}

/** The monitoring sheets of the workbook that can be approved, in tab order. */
export async function approvableSheets(port: WorkbookPort): Promise<string[]> {
  const { checks } = checkWorkbook(await port.readSheets());
  return checks.map((c) => c.sheet);
}

/** The sheet's errors, warnings and last approval, and why it cannot be approved if it cannot. */
export async function inspectForApproval(
  port: WorkbookPort,
  sheet: string
): Promise<ApprovalTarget> {
  const grids = await port.readSheets();
  // A dry run with a placeholder name: the refusal, if any, is about the sheet, not the reviewer.
  const dry = approveInWorkbook(grids, { sheet, reviewer: "—", time: "" });
  const { checks, findings } = checkWorkbook(grids, { sheet });
  const check = checks[0];
  const own = findings.filter((f) => f.sheet === sheet);
  const st = check?.recognised
    ? approvalState(check, workbookApprovals(grids))
    : { state: "none" as const };
  return {
    sheet,
    unit: check?.unitCanonical ?? check?.unit ?? null,
    errors: own.filter((f) => f.severity === "error").length,
    warnings: own.filter((f) => f.severity === "warning").length,
    refusal: dry.ok ? null : dry.reason,
    state: st.state,
    reviewer: st.state === "none" ? null : st.approval.reviewer,
    time: st.state === "none" ? null : st.approval.time,
    changes: st.state === "changed" ? changesSinceApproval(st.changes) : null,
  };
}

export type ApproveOutcome = { ok: true; message: PaneMessage } | { ok: false; reason: Message };

/**
 * The approve button: remembers the reviewer's name, then approves. Remembering is a convenience:
 * a store that cannot save never stands in the way of the approval.
 */
export async function approveAs(
  port: WorkbookPort,
  sheet: string,
  reviewer: string,
  now: Date,
  store: ReviewerStore
): Promise<ApproveOutcome> {
  const name = reviewer.trim();
  try {
    await store.save(name);
  } catch (e) {
    console.warn("the reviewer name was not remembered", e);
  }
  return approveInPort(port, sheet, name, now);
}

/** Approves `sheet` as it is now and appends the row to 审核记录; refused with the reason while it has an error. */
export async function approveInPort(
  port: WorkbookPort,
  sheet: string,
  reviewer: string,
  now: Date
): Promise<ApproveOutcome> {
  const out = approveInWorkbook(await port.readSheets(), {
    sheet,
    reviewer,
    time: formatApprovalTime(now),
  });
  if (!out.ok) return out;
  await port.appendRows(APPROVALS_SHEET, APPROVAL_HEADER, [out.row]);
  return {
    ok: true,
    message: { intent: "success", key: "approvalDone", vars: { sheet, log: APPROVALS_SHEET } },
  };
}

// --- consolidation ---------------------------------------------------------------------------------

/** The few figures the pane shows after a consolidation. */
export interface ConsolidationSummary {
  period: string;
  expected: number;
  reported: number;
  notReported: string[];
  errors: number;
  warnings: number;
  score: string;
  /** Files of several periods: the city's score per period, oldest first (the 趋势 sheet has the rest). */
  trend: { count: string; scores: string } | null;
}

export function summarise(result: ConsolidationResult): ConsolidationSummary {
  const history = (result as Partial<HistoryConsolidation>).history;
  const listed = result.completeness.filter((r) => r.kind !== "unlisted");
  const errors = result.findings.filter((f) => f.severity === "error").length;
  return {
    period: result.period ?? "—",
    expected: listed.length,
    reported: listed.filter((r) => r.reported).length,
    notReported: listed.filter((r) => !r.reported).map((r) => r.unit),
    errors,
    warnings: result.findings.length - errors,
    score: result.scores.overall === null ? "—" : result.scores.overall.toFixed(1),
    trend: history
      ? {
          count: String(history.periods.length),
          scores: history.periods
            .map((p) => `${p.period} ${p.scores.overall?.toFixed(1) ?? "—"}`)
            .join(" → "),
        }
      : null,
  };
}

/**
 * Consolidates the tabs of the workbook behind `port` and writes 汇总, 填报情况 and the findings into
 * it — and 趋势 when the tabs hold several periods.
 */
export async function consolidateTabs(port: WorkbookPort): Promise<HistoryConsolidation> {
  const result = consolidateHistory([{ grids: await port.readSheets() }]);
  await port.clearAnnotations();
  await port.applyPlan(result.plan);
  return result;
}

/**
 * Consolidates units' files. With a `target` (the open workbook in Excel) the result is written into
 * it and its own 指标规则, when it has one, is the catalogue; without one the caller saves the plan.
 */
export async function consolidateFiles(
  inputs: ConsolidationInput[],
  target: WorkbookPort | null
): Promise<HistoryConsolidation> {
  let catalogue;
  let targetGrids;
  if (target) {
    targetGrids = await target.readSheets();
    const choice = catalogueFor(targetGrids);
    if (choice.catalogue) catalogue = choice.catalogue;
  }
  // Files of several periods (quarters' folders picked together): the latest, with its history.
  const result = consolidateHistory(inputs, { catalogue, target: targetGrids });
  if (target) await target.applyPlan(result.plan);
  return result;
}

/** "2022年第三季度" → "汇总-2022年第三季度.xlsx": a name that says what the download holds. */
export function consolidationFileName(period: string | null, prefix: string): string {
  const safe = (period ?? "").replace(/[\\/:*?"<>|]/g, "-").trim();
  return `${prefix}${safe ? `-${safe}` : ""}.xlsx`;
}
