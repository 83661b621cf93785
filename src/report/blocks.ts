/** Small helpers the bulletin's sections share: counts by status, tables numbered in order. */
import type { IndicatorResult, Status } from "../core/model/results";
import { BULLETIN_CAPTION, STATUS_PHRASE, statusCount } from "../core/i18n/bulletin-labels";
import type { Block, TableColumn, TableRow, TextRun } from "./model";

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
  return Array.from(countByStatus(results), ([s, n]) => statusCount(STATUS_PHRASE[s], n)).join(
    "、"
  );
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
    const numbered = BULLETIN_CAPTION.table(this.tables, caption);
    return { kind: "table", caption: numbered, columns, rows, ...extra };
  }

  nextTable(): number {
    return this.tables + 1;
  }

  figure(
    caption: string,
    block: Omit<Extract<Block, { kind: "chart" }>, "caption" | "kind">
  ): Block {
    this.figures += 1;
    return { kind: "chart", caption: BULLETIN_CAPTION.figure(this.figures, caption), ...block };
  }
}
