/** Unit sheets for consolidation tests: a header block with unit, period and 报出日期, the long layout. */
import type { SheetGrid, WorkbookGrids } from "../../../src/core/model/cells";
import { checkWorkbook } from "../../../src/core/engine";
import { approveSheet, APPROVALS_SHEET, APPROVAL_HEADER } from "../../../src/core/approval";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { grid, type Raw } from "../../helpers/grid";

export const HEADER = [
  "指标编码",
  "指标名称",
  "计量单位",
  "基期值",
  "目标值",
  "本期完成值",
  "上期完成值",
  "备注",
];

/** Row r of the table (0-based) sits on sheet row 5 + r: the actual of the first row is F5. */
export function unitSheet(
  unit: string,
  rows: Raw[][],
  opts: { period?: string; reportDate?: string; name?: string } = {}
): SheetGrid {
  return grid(opts.name ?? "监测表", [
    [`${unit}创新型县建设指标监测表`],
    [`填报单位：${unit}`, undefined, undefined, "报告期", opts.period ?? "2022年第三季度"],
    opts.reportDate ? ["报出日期", opts.reportDate] : [],
    HEADER,
    ...rows,
  ]);
}

export function file(name: string, ...sheets: SheetGrid[]): { file: string; grids: WorkbookGrids } {
  return { file: name, grids: { sheets } };
}

/** The same workbook with an approval of `sheet` as it is now appended to its 审核记录. */
export function approved(wb: WorkbookGrids, sheet: string, reviewer = "李明"): WorkbookGrids {
  const { checks, findings } = checkWorkbook(wb, { sheet });
  const out = approveSheet({
    check: checks[0],
    findings,
    reviewer,
    time: "2022-10-09 10:00:00 +08:00",
    catalogue: defaultCatalogue(),
  });
  if (!out.ok) throw new Error(`fixture not approvable: ${out.reason.en}`);
  return { sheets: [...wb.sheets, grid(APPROVALS_SHEET, [APPROVAL_HEADER, out.row])] };
}

export const TOWNSHIP_A: Raw[][] = [
  ["F2", "犏雌牛存栏", "头", 1850, "年递增3%", 1932, 1890, ""],
  ["F4", "优质青稞种植面积", "亩", 8200, 7500, 1000, 7900, ""],
  ["F5", "青稞亩均产量", "斤/亩", 350, 400, 400, 380, ""],
  ["F6", "油菜种植面积", "亩", 3600, 3000, 3350, 3300, ""],
];
export const TOWNSHIP_B: Raw[][] = [
  ["F2", "犏雌牛存栏", "头", 2300, "年递增3%", 2460, 2380, ""],
  ["F4", "优质青稞种植面积", "亩", 9800, 9000, 3000, 9600, ""],
  ["F5", "青稞亩均产量", "斤/亩", 360, 400, 300, 372, ""],
];
export const BUREAU: Raw[][] = [
  ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""],
  ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
];
