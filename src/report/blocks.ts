/** Small helpers the bulletin's sections share: Chinese numbering, counts by status, tables numbered in order. */
import type { IndicatorResult, Status } from "../core/model/results";
import type { Block, TableColumn, TableRow, TextRun } from "./model";

const DIGITS = "零一二三四五六七八九";

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings 一、 and （一）). */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ""}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`;
  return String(n);
}

/** The order statuses are told in: best first, then the figures that cannot be judged. */
export const STATUS_ORDER: readonly Status[] = [
  "met",
  "on_track",
  "lagging",
  "critical",
  "invalid",
  "no_data",
  "no_target",
  "not_applicable",
];

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

export function countByStatus(results: IndicatorResult[]): Map<Status, number> {
  const counts = new Map<Status, number>();
  for (const s of STATUS_ORDER) {
    const n = results.filter((r) => r.status === s).length;
    if (n) counts.set(s, n);
  }
  return counts;
}

/** "已达标7项、按序时推进27项、滞后于序时进度3项" */
export function statusCountsText(results: IndicatorResult[]): string {
  return Array.from(countByStatus(results), ([s, n]) => `${STATUS_PHRASE[s]}${n}项`).join("、");
}

/** "由7项增至9项", "由3项减至1项", "保持2项". */
export function changeText(before: number, after: number, unit = "项"): string {
  if (before === after) return `保持${after}${unit}`;
  return `由${before}${unit}${after > before ? "增至" : "减至"}${after}${unit}`;
}

export const text = (t: string, bold = false): TextRun => (bold ? { text: t, bold } : { text: t });

export function paragraph(...runs: (TextRun | string)[]): Extract<Block, { kind: "paragraph" }> {
  return {
    kind: "paragraph",
    runs: runs.map((r) => (typeof r === "string" ? text(r) : r)),
    indent: true,
  };
}

/** Tables and figures numbered in the order they appear (表1, 表2 …; 图1, 图2). */
export class Numbering {
  private tables = 0;
  private figures = 0;

  table(
    caption: string,
    columns: TableColumn[],
    rows: TableRow[],
    extra: { statusColumn?: number; note?: string } = {}
  ): Block {
    this.tables += 1;
    return { kind: "table", caption: `表${this.tables}　${caption}`, columns, rows, ...extra };
  }

  nextTable(): number {
    return this.tables + 1;
  }

  figure(
    caption: string,
    block: Omit<Extract<Block, { kind: "chart" }>, "caption" | "kind">
  ): Block {
    this.figures += 1;
    return { kind: "chart", caption: `图${this.figures}　${caption}`, ...block };
  }
}
