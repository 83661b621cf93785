/**
 * Texts of the 填报情况 sheet (docs/consolidation.md): its title, summary lines, column headers, and
 * the words for a unit's kind, report status, timeliness and approval.
 */
import type { CompletenessRow, ReportStatus } from "../model/consolidation";
import { SHEET_NAME } from "./sheet-names";

export const COMPLETENESS_TITLE = `${SHEET_NAME.completeness} / Reporting completeness`;

export const COMPLETENESS_HEADER = {
  no: "序号",
  unit: "单位",
  kind: "类型",
  status: "报送情况",
  period: "报告期",
  reportDate: "报出日期",
  onTime: "按时报送",
  errors: "错误",
  warnings: "提示",
  approval: "审核",
  expected: "应报指标",
  missing: "缺报指标",
  score: "得分",
  rank: "排名",
  source: "来源",
} as const;

export const UNIT_KIND_LABEL: Record<CompletenessRow["kind"], string> = {
  bureau: "市直部门",
  township: "乡镇",
  street: "街道",
  other: "其他单位",
  unlisted: "名单外",
};

export const REPORT_STATUS_LABEL: Record<ReportStatus, string> = {
  reported: "✔ 已报送",
  not_reported: "○ 未报送",
  period_mismatch: "▲ 报告期不符",
  no_period: "! 未填报告期",
  unrecognised: "! 无法识别",
};

export const APPROVAL_LABEL: Record<CompletenessRow["approval"], string> = {
  approved: "✔ 已审核",
  changed: "▲ 审核后已修改",
  none: "– 未审核",
};

/** "✔ 已审核（李明）". */
export function approvedByText(label: string, reviewer: string): string {
  return `${label}（${reviewer}）`;
}

export const ON_TIME_LABEL = {
  onTime: "✔ 按时",
  late: (days: number) => `▲ 逾期 ${days} 天`,
  noDate: "– 未填报出日期",
  unknown: "—",
};

/** "全部 11 项": a unit that reported none of its indicators. */
export function allMissingText(count: number): string {
  return `全部 ${count} 项`;
}

/** A list of a cell: periods or indicator codes "、", sources "；"; "—" when empty. */
export const COMPLETENESS_LIST = {
  items: (xs: string[]) => xs.join("、"),
  sources: (xs: string[]) => xs.join("；"),
  none: "—",
};

export function completenessPeriodLine(a: {
  period: string | null;
  asOf: string | null;
  dueDate: string | null;
}): string {
  return `报告期：${a.period ?? "—"}　截至：${a.asOf ?? "—"}　报送截止：${a.dueDate ?? "—"}`;
}

export function completenessCountLine(a: {
  listed: number;
  reported: number;
  notReported: number;
  periodMismatch: number;
  approved: number;
}): string {
  return (
    `应报单位 ${a.listed} 个：已报送 ${a.reported}，未报送 ${a.notReported}，` +
    `报告期不符 ${a.periodMismatch}；已审核 ${a.approved}。` +
    "得分为各单位所报及所负责指标的得分（未报指标计 0 分）。"
  );
}
