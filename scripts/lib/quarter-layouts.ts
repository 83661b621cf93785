/**
 * The three table layouts the quarter's sample units use (scripts/make-quarter-samples.ts): the
 * bureaux' long layout, a township's two-row header, a street's plain table in 万亩.
 */
import ExcelJS from "exceljs";
import { bodyCells, headerCells, title as sheetTitle } from "./sample-sheet";

const title = (ws: ExcelJS.Worksheet, text: string, width: number) =>
  sheetTitle(ws, text, width, 15);

export type Value = string | number | null;
/** code, name, unit, baseline, target, previous, actual, remark */
export type Row = [string, string, string, Value, Value, Value, Value, string?];

export interface Sheet {
  unit: string;
  /** How the unit writes its own name in 填报单位. */
  unitAs: string;
  period: string;
  reportDate: string | null;
  preparer: string;
  rows: Row[];
}

/** The bureaux' layout: 序号, category-free, "label：value" header cells, signatures under the table. */
export function longLayout(wb: ExcelJS.Workbook, s: Sheet): void {
  const ws = wb.addWorksheet("监测表");
  title(ws, `${s.unitAs}创新型县建设监测指标完成情况表`, 9);
  ws.getCell("A2").value = `填报单位：${s.unitAs}（盖章）`;
  ws.getCell("F2").value = `报告期：${s.period}`;
  headerCells(ws, 4, [
    "序号",
    "指标编码",
    "指标名称",
    "计量单位",
    "2020年基数",
    "2023年目标",
    "上期完成值",
    "本期完成值",
    "备注",
  ]);
  s.rows.forEach((r, i) =>
    bodyCells(ws, 5 + i, [i + 1, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] ?? ""])
  );
  const foot = 5 + s.rows.length + 1;
  ws.getCell(foot, 1).value = "注：本期完成值为截至报告期末累计数。";
  ws.getCell(foot + 1, 1).value = `填表人：${s.preparer}`;
  ws.getCell(foot + 1, 4).value =
    "联系电话：0941-821" + String(1000 + s.rows.length * 37).slice(0, 4);
  if (s.reportDate) ws.getCell(foot + 1, 7).value = `报出日期：${s.reportDate}`;
  ws.columns = [6, 9, 34, 9, 11, 12, 11, 11, 22].map((width) => ({ width }));
}

/** A township's layout: labels and values in adjacent cells, a second header row under 完成情况. */
export function twoRowLayout(wb: ExcelJS.Workbook, s: Sheet): void {
  const ws = wb.addWorksheet(s.unit);
  title(ws, `${s.unit}高原特色产业指标监测表`, 8);
  ws.getCell("A2").value = "填报单位";
  ws.getCell("B2").value = s.unitAs;
  ws.getCell("E2").value = "统计期";
  ws.getCell("F2").value = s.period;
  headerCells(ws, 4, ["指标编码", "指标名称", "单位", "基数", "目标任务", "完成情况", "", "备注"]);
  headerCells(ws, 5, ["", "", "", "2020年底", "2023年", "上期值", "本期值", ""]);
  ws.mergeCells("F4:G4");
  s.rows.forEach((r, i) =>
    bodyCells(ws, 6 + i, [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] ?? ""])
  );
  const foot = 6 + s.rows.length + 1;
  ws.getCell(foot, 1).value = `填表人：${s.preparer}`;
  if (s.reportDate) {
    ws.getCell(foot, 4).value = "报出日期";
    ws.getCell(foot, 5).value = s.reportDate;
  }
  ws.columns = [9, 30, 9, 10, 12, 10, 10, 18].map((width) => ({ width }));
}

/** A street's layout: a plain table under a one-line header block, areas in 万亩. */
export function wanmuLayout(wb: ExcelJS.Workbook, s: Sheet): void {
  const ws = wb.addWorksheet("Sheet1");
  ws.getCell("A1").value = `报送单位：${s.unitAs}`;
  ws.getCell("D1").value = `期别：${s.period}`;
  if (s.reportDate) ws.getCell("F1").value = `填报日期：${s.reportDate}`;
  headerCells(ws, 3, [
    "编码",
    "指标",
    "计量单位",
    "基期值",
    "目标值",
    "上期完成值",
    "本期完成值",
    "说明",
  ]);
  s.rows.forEach((r, i) => {
    const mu = r[2] === "亩";
    const wan = (v: Value) => (mu && typeof v === "number" ? Number((v / 10000).toFixed(4)) : v);
    bodyCells(ws, 4 + i, [
      r[0],
      r[1],
      mu ? "万亩" : r[2],
      wan(r[3]),
      wan(r[4]),
      wan(r[5]),
      wan(r[6]),
      r[7] ?? "",
    ]);
  });
  ws.getCell(4 + s.rows.length + 1, 1).value = `统计人：${s.preparer}`;
  ws.columns = [7, 30, 9, 10, 10, 11, 11, 20].map((width) => ({ width }));
}
