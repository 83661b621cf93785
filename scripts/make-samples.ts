/**
 * Writes the bundled sample monitoring workbooks (samples/*.xlsx), the way units really send them:
 * titles over merged cells, header blocks in different places, a second header row, the wide
 * layout, notes under the table — and one sheet with the mistakes statisticians make.
 * Run: npm run samples
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { promises as fs } from "fs";
import { bodyCells, headerCells, title, type SampleValue } from "./lib/sample-sheet";

type Row = (string | number | null | { formula: string; result: number })[];

const OUT = path.join(__dirname, "..", "samples");
function table(ws: ExcelJS.Worksheet, startRow: number, header: string[][], rows: Row[]): void {
  header.forEach((h, i) => headerCells(ws, startRow + i, h));
  rows.forEach((row, i) => bodyCells(ws, startRow + header.length + i, row as SampleValue[]));
}

/** 市科技局, 2022 Q3, long layout, header block as "label：value" cells, notes and signatures under the table. */
async function bureau(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("科技局监测表");
  title(ws, "合作市省级创新型县(市、区)试点建设监测指标完成情况表", 9);
  ws.getCell("A2").value = "填报单位：合作市科技局（盖章）";
  ws.getCell("F2").value = "报告期：2022年第三季度";
  table(
    ws,
    4,
    [
      [
        "序号",
        "一级指标",
        "指标名称",
        "计量单位",
        "2020年基数",
        "2023年目标",
        "上期完成值",
        "本期完成值",
        "备注",
      ],
    ],
    [
      [1, "科技创新投入", "R&D经费投入强度", "%", 0.85, "1.42%以上", 1.02, 1.1, "据统计局快报"],
      [2, null, "R&D经费支出", "万元", null, null, 5800, 6765, ""],
      [3, null, "地区生产总值", "亿元", null, null, null, 61.5, "2021年数"],
      [4, "企业创新主体", "高新技术企业占规模以上企业比例", "%", 30, 60, 40, 45, ""],
      [5, "科技创新能力", "市级众创空间", "家", null, 10, 6, 7, ""],
      [6, null, "省级科技企业孵化器", "个", null, 1, 0, 0, "已完成申报材料"],
      [7, null, "市级孵化器", "个", null, 2, 1, 1, ""],
      [8, null, "省级技术创新中心", "个", null, 2, 1, 2, ""],
      [9, null, "重点实验室", "个", null, 1, 0, 1, ""],
      [10, null, "省级技术转移机构", "个", null, 1, 0, 0, "正在培育"],
      [11, null, "院士（专家）工作站", "个", null, 1, 1, 1, ""],
      [
        12,
        "创新环境",
        "科技进步法和激励自主创新政策落实",
        "—",
        null,
        "落实",
        "推进中",
        "推进中",
        "",
      ],
      [13, "创新载体建设", "创新型县（市、区）", "个", null, 1, 0, 0, "2023年申报验收"],
      [14, null, "创新型乡镇", "个", null, 1, 0, 1, "那吾镇"],
      [15, null, "农业科技示范村", "个", null, 6, 3, 4, ""],
      [16, null, "特色产业科技创新示范基地", "个", null, 6, 2, 3, ""],
    ]
  );
  ws.mergeCells("B5:B7");
  ws.mergeCells("B9:B15");
  ws.mergeCells("B17:B20");
  ws.getCell("A22").value = "注：1.本期完成值为截至报告期末累计数；2.R&D经费投入强度为上年度数据。";
  ws.getCell("A23").value = "填表人：卓玛";
  ws.getCell("D23").value = "审核人：李明";
  ws.getCell("F23").value = "联系电话：0941-8212345";
  ws.getCell("H23").value = "报出日期：2022年10月8日";
  ws.columns = [6, 14, 36, 9, 11, 11, 11, 11, 22].map((width) => ({ width }));
  return wb;
}

/** 那吾镇, 2022 Q3: a township's farm and livestock figures, labels and values in adjacent cells, a second header row. */
async function township(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("那吾镇");
  title(ws, "那吾镇创新型县建设高原特色产业指标监测表", 9);
  ws.getCell("A2").value = "填报单位";
  ws.getCell("B2").value = "那吾镇人民政府";
  ws.getCell("E2").value = "统计期";
  ws.getCell("F2").value = "2022年1-9月";
  table(
    ws,
    4,
    [
      ["指标编码", "指标名称", "单位", "基数", "目标任务", "完成情况", "", "备注", ""],
      ["", "", "", "2020年底", "2023年", "上期值", "本期值", "", ""],
    ],
    [
      ["F2", "犏雌牛存栏", "头", 1850, "年递增3%", 1890, 1932, ""],
      ["F3", "藏羊存栏", "只", 12400, "年递增2%", 12600, 12750, ""],
      ["F4", "优质青稞种植面积", "亩", 8200, 7500, 7900, 8050, ""],
      ["F5", "青稞亩均产量", "公斤/亩", 175, 200, 180, 192, "斤换算为公斤"],
      ["F6", "油菜种植面积", "亩", 3600, 3000, 3300, 3350, ""],
      ["F7", "油菜亩均产量", "斤/亩", 220, 250, 226, 238, ""],
      ["F8", "饲草料(优质燕麦为主)种植面积", "亩", 2100, 3000, 2500, 2700, ""],
      ["F9", "藏中药材种植面积", "亩", 450, 1500, 800, 1020, ""],
      ["F10", "羊肚菌种植面积", "亩", 20, 50, 35, 42, ""],
      ["F11", "羊肚菌亩均产量", "斤/亩", null, 400, null, "约380斤", "试种"],
      ["F13", "农牧业产值", "万元", 21500, "年均增长6%", 15800, 17950, "1-9月累计"],
    ]
  );
  ws.mergeCells("F4:G4");
  ws.mergeCells("H4:H5");
  ws.getCell("A19").value = "填表人：才让  联系电话：13909411234";
  ws.columns = [9, 30, 9, 10, 12, 10, 10, 16, 4].map((width) => ({ width }));
  return wb;
}

/** 勒秀镇, 2022 annual: the wide layout, one column per year. */
async function wide(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  title(ws, "勒秀镇2022年度创新型县建设指标完成情况", 8);
  ws.getCell("A2").value = "报送单位：勒秀镇";
  ws.getCell("E2").value = "期别：2022年度";
  table(
    ws,
    4,
    [
      [
        "指标",
        "计量单位",
        "2020年",
        "2021年完成值",
        "2022年完成值",
        "2023年目标值",
        "责任单位",
        "说明",
      ],
    ],
    [
      ["犏雌牛存栏", "头", 2300, 2380, 2460, null, "勒秀镇", ""],
      ["藏羊存栏", "只", 15800, 16050, 16400, null, "勒秀镇", ""],
      ["优质青稞种植面积", "亩", 9800, 9600, 9200, 9000, "勒秀镇", "部分地块调整为饲草"],
      ["青稞亩均产量", "斤/亩", 360, 372, 395, 400, "勒秀镇", ""],
      ["饲草料(优质燕麦为主)种植面积", "万亩", 0.28, 0.33, 0.41, 0.4, "勒秀镇", ""],
      ["藏中药材种植面积", "亩", 600, 900, 1350, 2000, "勒秀镇", ""],
      ["农牧业产值", "亿元", 2.61, 2.77, 2.95, null, "勒秀镇", ""],
    ]
  );
  ws.getCell("A13").value = "说明：2022年数据为年度快报数。";
  ws.columns = [30, 10, 10, 12, 12, 12, 10, 20].map((width) => ({ width }));
  return wb;
}

/**
 * 市农业农村局, 2022 Q3, with the mistakes statisticians make (each listed in samples/README.md):
 * text in a number cell, a percent typed as a fraction, 万亩 over figures in 亩, a missing value,
 * a duplicated row, a changed target.
 */
async function faulty(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("监测表（第三季度）");
  title(ws, "合作市农业农村局创新型县建设指标监测表", 8);
  ws.getCell("A2").value = "填报单位：合作市农业农村局";
  ws.getCell("E2").value = "报告期：2022年第三季度";
  table(
    ws,
    3,
    [["编码", "指标名称", "单位", "基期值", "目标值", "本期完成值", "上期完成值", "备注"]],
    [
      ["F1", "产学研结合的特色产业示范基地", "个", 2, 6, 4, 3, ""],
      ["F4", "优质青稞种植面积", "万亩", 5.6, 5, 52000, null, ""], // row 5: values in 亩 under 万亩
      ["F5", "青稞亩均产量", "斤/亩", 360, 350, 388, 380, ""], // row 6: target changed (400)
      ["F6", "油菜种植面积", "亩", 24000, 20000, 21500, 21000, ""],
      ["F7", "油菜亩均产量", "斤/亩", 230, 250, 241, 236, ""],
      ["F8", "饲草料(优质燕麦为主)种植面积", "亩", 15000, 20000, "正在统计", 16800, ""], // row 9: text in a number cell
      ["F9", "藏中药材种植面积", "亩", 3000, 10000, null, 6200, ""], // row 10: missing value
      ["F6", "油菜种植面积", "亩", 24000, 20000, 21500, 21000, "重复"], // row 11: duplicated row
      ["F12", "农业科技进步贡献率", "%", 45, 50, 0.48, 0.47, ""], // row 12: 0.48 for 48 %
      ["H1", "美仁牦牛本品种提纯复壮基地", "个", 0, 2, 1, 1, ""],
      ["H2", "犏牛繁育基地", "个", 0, 3, 2, 2, ""],
      ["H3", "犏雌牛(奶牛)养殖基地", "个", 1, 5, 3, 3, ""],
      ["H4", "藏羊良种基地", "个", 1, 6, 4, 3, ""],
      ["H5", "特色种植基地项目", "个", 1, 6, 4, 4, ""],
    ]
  );
  ws.getCell("A19").value = "填表人：王芳";
  ws.getCell("C19").value = "联系电话：0941-8213456";
  ws.columns = [7, 30, 8, 10, 10, 12, 12, 14].map((width) => ({ width }));
  return wb;
}

async function main(): Promise<void> {
  await fs.mkdir(OUT, { recursive: true });
  const samples: [string, () => Promise<ExcelJS.Workbook>][] = [
    ["01-市科技局-2022Q3.xlsx", bureau],
    ["02-那吾镇-2022Q3.xlsx", township],
    ["03-勒秀镇-2022年度-宽表.xlsx", wide],
    ["04-市农业农村局-2022Q3-有错误.xlsx", faulty],
  ];
  for (const [name, make] of samples) {
    const wb = await make();
    wb.creator = "合作市创新型县建设领导小组办公室";
    wb.created = new Date(Date.UTC(2022, 9, 8));
    wb.modified = wb.created;
    await wb.xlsx.writeFile(path.join(OUT, name));
    process.stdout.write(`samples/${name}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
