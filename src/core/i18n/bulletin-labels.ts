/**
 * The bulletin's (监测通报, docs/bulletin.md) short words: how it writes dates, figures, Chinese
 * numbers and statuses, its tables' own headers and captions, and the charts' labels. The bulletin
 * is a document in Chinese only; columns that mirror a sheet's take that sheet's header.
 */
import type { Status } from "../model/results";

const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings 一、 and （一）). */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  return String(n);
}

/** Figures and dates as the bulletin writes them. */
export const BULLETIN_FIGURE = {
  /** 2022, 9, 30 → "2022年9月30日". */
  date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
  /** A difference of percentages: "0.32个百分点". */
  percentagePoints: (v: string) => `${v}个百分点`,
  /** The actual of a unit or indicator that reported nothing. */
  notReported: "未报",
  /** A milestone's target. */
  milestoneTarget: "完成",
  /** A milestone's figure (0, 0.5, 1) in the words units write for it (src/core/read/milestone.ts). */
  milestone: { 0: "未启动", 0.5: "推进中", 1: "已完成" } as Record<number, string>,
  /** "92.8分" */
  score: (score: string) => `${score}分`,
  /** "科技惠民（92.8分）", "市科技局（C2、C6）": a name and what is said of it. */
  named: (name: string, what: string) => `${name}（${what}）`,
};

/** How a status reads in a sentence ("已达标7项"). */
export const STATUS_PHRASE: Record<Status, string> = {
  met: "已达标",
  on_track: "按序时推进",
  lagging: "滞后于序时进度",
  critical: "严重滞后",
  invalid: "数据有误待核实",
  no_data: "未填报数据",
  no_target: "无目标值",
  not_applicable: "不适用",
};

/** "已达标7项": a status and how many indicators are in it. */
export function statusCount(phrase: string, n: number): string {
  return `${phrase}${n}项`;
}

/** "由7项增至9项", "由3项减至1项", "保持2项". */
export function countChange(before: number, after: number): string {
  if (before === after) return `保持${after}项`;
  return `由${before}项${after > before ? "增至" : "减至"}${after}项`;
}

/** Tables and figures numbered in the order they appear, and the headings below a section's. */
export const BULLETIN_CAPTION = {
  table: (n: number, caption: string) => `表${n}　${caption}`,
  figure: (n: number, caption: string) => `图${n}　${caption}`,
  /** "（一）科技创新" */
  subheading: (n: number, text: string) => `（${cnNumber(n)}）${text}`,
};

/** The headers of the bulletin's tables that no sheet has; 指标数 is the count axis of a chart too. */
export const BULLETIN_HEADER = {
  indicatorCount: "指标数",
  codes: "指标编码",
  indicator: "指标",
  actual: "完成值",
  no: "序号",
  owner: "责任单位",
  actualOfTarget: "完成值/目标值",
};

/** The count at the end of a chart's bar: "7项". */
export function itemCount(n: number): string {
  return `${n}项`;
}
