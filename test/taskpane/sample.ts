/**
 * A small monitoring workbook for the pane's browser tests: a bureau's sheet for 2022 Q3 with
 * rows that are right and rows that are wrong in known ways.
 */
import ExcelJS from "exceljs";

export const SAMPLE_SHEET = "科技局监测表";

export async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  ws.addRows([
    ["合作市创新型县建设指标监测表"],
    ["填报单位：合作市科技局", null, null, "报告期", "2022年第三季度"],
    [],
    ["指标编码", "指标名称", "计量单位", "基期值", "目标值", "本期完成值", "上期完成值", "备注"],
    ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, ""],
    ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
    ["C2", "省级科技企业孵化器", "个", 0, 1, "待统计", "", ""],
    ["C3", "市级孵化器", "个", 0, 2, 2, 1, ""],
    ["C4", "省级技术创新中心", "个", 0, 2, 1.5, "", ""],
    ["E1", "科技进步法和激励自主创新政策落实", "—", "", "完成", "推进中", "", ""],
    [],
    ["填表人：张三", null, "联系电话：0941-8211234"],
  ]);
  // A fill the annotations must keep for the "clear" command (a user's own formatting).
  ws.getCell("F8").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
