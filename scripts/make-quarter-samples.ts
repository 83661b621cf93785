/**
 * Writes a quarter's worth of unit files for consolidation (samples/2022Q3/*.xlsx): the seven
 * bureaux that own indicators and the townships and streets, each as a unit would send it for
 * 2022年第三季度 — in three table layouts, with 报出日期 on time or late, some approved by a reviewer.
 *
 * What the office should see when it consolidates them (docs/consolidation.md):
 * - 佐盖曼玛乡 sent nothing;
 * - 卡加道乡 sent its second-quarter sheet (period_mismatch, not mixed in);
 * - 市科技局 also reports A2, which 市财政局 owns, with another value (conflicting_values);
 * - 通钦街道 typed text for F9 (an error: the city's F9 is invalid until it is fixed);
 * - 勒秀镇 was approved, then F6 changed (changed_after_approval; not shown as approved);
 * - 伊合昂街道 and 佐盖多玛乡 reported after the due date; 市工信局 gave no 报出日期.
 * Run: npm run samples:quarter
 */
import ExcelJS from "exceljs";
import * as path from "path";
import { promises as fs } from "fs";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { approveInWorkbook } from "../src/core/approval/workbook";
import { APPROVALS_SHEET, APPROVAL_HEADER } from "../src/core/approval";
import { bodyCells, headerCells, title as sheetTitle } from "./lib/sample-sheet";

const title = (ws: ExcelJS.Worksheet, text: string, width: number) =>
  sheetTitle(ws, text, width, 15);

const OUT = path.join(__dirname, "..", "samples", "2022Q3");
const PERIOD = "2022年第三季度";
const APPROVED_AT = "2022-10-12 09:30:00 +08:00";

type Value = string | number | null;
/** code, name, unit, baseline, target, previous, actual, remark */
type Row = [string, string, string, Value, Value, Value, Value, string?];

interface Sheet {
  unit: string;
  /** How the unit writes its own name in 填报单位. */
  unitAs: string;
  period: string;
  reportDate: string | null;
  preparer: string;
  rows: Row[];
}

/** The bureaux' layout: 序号, category-free, "label：value" header cells, signatures under the table. */
function longLayout(wb: ExcelJS.Workbook, s: Sheet): void {
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
function twoRowLayout(wb: ExcelJS.Workbook, s: Sheet): void {
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
function wanmuLayout(wb: ExcelJS.Workbook, s: Sheet): void {
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

// --- the townships and streets -----------------------------------------------------------------

interface Place {
  name: string;
  kind: "township" | "street";
  /** Shares of the city's crop areas and of its herds. */
  crops: number;
  herds: number;
  /** How this quarter went against the city's trend (1 = as the city). */
  pace: number;
  layout: typeof longLayout;
  reportDate: string;
  preparer: string;
  morels: boolean;
}

const PLACES: Place[] = [
  {
    name: "那吾镇",
    kind: "township",
    crops: 0.16,
    herds: 0.12,
    pace: 1.04,
    layout: twoRowLayout,
    reportDate: "2022年10月8日",
    preparer: "才让",
    morels: true,
  },
  {
    name: "勒秀镇",
    kind: "township",
    crops: 0.17,
    herds: 0.14,
    pace: 1.0,
    layout: twoRowLayout,
    reportDate: "2022年10月9日",
    preparer: "杨文华",
    morels: true,
  },
  {
    name: "卡加曼乡",
    kind: "township",
    crops: 0.14,
    herds: 0.13,
    pace: 0.97,
    layout: longLayout,
    reportDate: "2022年10月10日",
    preparer: "拉毛草",
    morels: true,
  },
  {
    name: "卡加道乡",
    kind: "township",
    crops: 0.13,
    herds: 0.13,
    pace: 0.95,
    layout: longLayout,
    reportDate: "2022年7月8日",
    preparer: "扎西",
    morels: true,
  },
  {
    name: "佐盖多玛乡",
    kind: "township",
    crops: 0.12,
    herds: 0.18,
    pace: 0.88,
    layout: twoRowLayout,
    reportDate: "2022年10月17日",
    preparer: "完玛",
    morels: false,
  },
  {
    name: "佐盖曼玛乡",
    kind: "township",
    crops: 0.12,
    herds: 0.18,
    pace: 1.0,
    layout: twoRowLayout,
    reportDate: "2022年10月9日",
    preparer: "索南",
    morels: false,
  },
  {
    name: "坚木克尔街道",
    kind: "street",
    crops: 0.05,
    herds: 0.04,
    pace: 1.02,
    layout: wanmuLayout,
    reportDate: "2022-10-09",
    preparer: "马晓燕",
    morels: true,
  },
  {
    name: "当周街道",
    kind: "street",
    crops: 0.04,
    herds: 0.03,
    pace: 0.99,
    layout: wanmuLayout,
    reportDate: "2022-10-10",
    preparer: "李娜",
    morels: false,
  },
  {
    name: "伊合昂街道",
    kind: "street",
    crops: 0.04,
    herds: 0.03,
    pace: 1.01,
    layout: wanmuLayout,
    reportDate: "2022-10-14",
    preparer: "周德才",
    morels: false,
  },
  {
    name: "通钦街道",
    kind: "street",
    crops: 0.03,
    herds: 0.02,
    pace: 0.96,
    layout: wanmuLayout,
    reportDate: "2022-10-10",
    preparer: "王海燕",
    morels: true,
  },
];

/** The city's end-2020 figures and 2023 targets the shares are taken of. */
const CITY = {
  F2: 16800,
  F3: 142000,
  F4: 56000,
  F6: 24000,
  F8: 12000,
  F9: 3000,
  F10: 120,
  F13: 152000,
  target: { F4: 50000, F6: 20000, F8: 20000, F9: 10000, F10: 300 },
};

const round = (x: number, step = 1) => Math.round(x / step) * step;

/** A township's or street's rows for the quarter ending `months` into 2022 (9: Q3, 6: Q2). */
function placeRows(p: Place, months: 6 | 9): Row[] {
  const q = months === 9 ? 1 : 0.985; // herds and areas a quarter earlier
  const b = (code: keyof typeof CITY, share: number, step = 10) =>
    round((CITY[code] as number) * share, step);
  const t = (code: keyof typeof CITY.target, share: number, step = 10) =>
    round(CITY.target[code] * share, step);
  const herdsB = b("F2", p.herds),
    sheepB = b("F3", p.herds, 50);
  const f4B = b("F4", p.crops),
    f6B = b("F6", p.crops),
    f8B = b("F8", p.crops),
    f9B = b("F9", p.crops),
    f10B = b("F10", p.crops, 1);
  const f13B = b("F13", (p.crops + p.herds) / 2, 50);
  const f9 = round(f9B * 2.25 * p.pace * q);
  // Herds and yields move less than planted areas when a place falls behind.
  const herd = (1 + (p.pace - 1) * 0.1) * q;
  const yieldOf = (x: number) => round(x * (1 + (p.pace - 1) * 0.3));
  const behind = p.pace < 0.9 ? "受春旱影响，已组织补栏补种" : "";
  const rows: Row[] = [
    [
      "F2",
      "犏雌牛存栏",
      "头",
      herdsB,
      "年递增3%",
      round(herdsB * 1.045 * herd * 0.99),
      round(herdsB * 1.052 * herd),
      behind,
    ],
    [
      "F3",
      "藏羊存栏",
      "只",
      sheepB,
      "年递增2%",
      round(sheepB * 1.03 * herd * 0.99),
      round(sheepB * 1.036 * herd),
      behind,
    ],
    [
      "F4",
      "优质青稞种植面积",
      "亩",
      f4B,
      t("F4", p.crops),
      round(f4B * 0.95, 10),
      round(f4B * 0.95, 10),
    ],
    ["F5", "青稞亩均产量", "斤/亩", 360, 400, 372, yieldOf(392), behind],
    ["F6", "油菜种植面积", "亩", f6B, t("F6", p.crops), round(f6B * 0.9, 10), round(f6B * 0.9, 10)],
    ["F7", "油菜亩均产量", "斤/亩", 225, 250, 232, yieldOf(245), behind],
    [
      "F8",
      "饲草料(优质燕麦为主)种植面积",
      "亩",
      f8B,
      t("F8", p.crops),
      round(f8B * 1.4 * p.pace, 10),
      round(f8B * 1.45 * p.pace, 10),
    ],
    [
      "F9",
      "藏中药材种植面积",
      "亩",
      f9B,
      t("F9", p.crops),
      round(f9 * 0.96),
      f9,
      p.pace < 0.9 ? "部分农户改种饲草，正在动员扩种" : "",
    ],
    p.morels
      ? [
          "F10",
          "羊肚菌种植面积",
          "亩",
          f10B,
          t("F10", p.crops, 1),
          round(f10B * 1.9 * p.pace),
          round(f10B * 2 * p.pace),
        ]
      : ["F10", "羊肚菌种植面积", "亩", null, null, "不适用", "不适用", "本地不种植羊肚菌"],
    p.morels
      ? ["F11", "羊肚菌亩均产量", "斤/亩", 360, 400, 380, yieldOf(392)]
      : ["F11", "羊肚菌亩均产量", "斤/亩", null, null, "不适用", "不适用", "本地不种植羊肚菌"],
    [
      "F13",
      "农牧业产值",
      "万元",
      f13B,
      "年均增长6%",
      round(f13B * 0.48 * p.pace),
      round(f13B * (months === 9 ? 0.82 : 0.48) * p.pace),
      `1-${months}月累计`,
    ],
  ];
  if (months === 6) {
    // The quarter before: the previous column is the first quarter.
    for (const r of rows)
      if (typeof r[6] === "number" && typeof r[5] === "number" && r[0] !== "F13")
        r[5] = round((r[5] as number) * 0.99);
    rows[10][5] = round(f13B * 0.2 * p.pace);
  }
  return rows;
}

// --- the bureaux -------------------------------------------------------------------------------

const BUREAUX: { file: string; sheet: Sheet }[] = [
  {
    file: "市科技局-2022Q3.xlsx",
    sheet: {
      unit: "市科技局",
      unitAs: "合作市科技局",
      period: PERIOD,
      reportDate: "2022年10月8日",
      preparer: "卓玛",
      rows: [
        ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.02, 1.1, "据统计局快报"],
        ["A1a", "R&D经费支出", "万元", null, null, 5800, 6765],
        ["A1b", "地区生产总值", "万元", null, null, null, 615000, "2021年数"],
        [
          "A2",
          "本级财政科技支出占一般公共预算支出比重",
          "%",
          0.9,
          1.31,
          1.1,
          1.25,
          "按科技局掌握数",
        ],
        ["B2", "高新技术企业占规模以上企业比例", "%", 30, 60, 40, 45],
        ["C1", "市级众创空间", "家", 0, 10, 6, 7],
        ["C2", "省级科技企业孵化器", "个", 0, 1, 0, 0, "已完成申报材料"],
        ["C3", "市级孵化器", "个", 0, 2, 1, 1],
        ["C4", "省级技术创新中心", "个", 0, 2, 1, 2],
        ["C5", "重点实验室", "个", 0, 1, 0, 1],
        ["C6", "省级技术转移机构", "个", 0, 1, 0, 0, "正在培育"],
        ["C7", "院士(专家)工作站", "个", 0, 1, 1, 1],
        ["E1", "科技进步法和激励自主创新政策落实", "—", null, "落实", "推进中", "推进中"],
        ["G1", "创新型县(市、区)", "个", 0, 1, 0, 0, "2023年申报验收"],
        ["G2", "创新型乡镇", "个", 0, 1, 0, 1, "那吾镇"],
        ["G3", "农牧业科技示范村", "个", 0, 6, 3, 4],
        ["G5", "特色产业科技创新示范基地", "个", 0, 6, 2, 3],
      ],
    },
  },
  {
    file: "市财政局-2022Q3.xlsx",
    sheet: {
      unit: "市财政局",
      unitAs: "合作市财政局",
      period: PERIOD,
      reportDate: "2022年10月9日",
      preparer: "刘佳",
      rows: [
        [
          "A2",
          "本级财政科技支出占一般公共预算支出比重",
          "%",
          0.9,
          1.31,
          1.12,
          1.28,
          "1-9月决算口径",
        ],
      ],
    },
  },
  {
    file: "市工信局-2022Q3.xlsx",
    sheet: {
      unit: "市工信局",
      unitAs: "合作市工信局",
      period: PERIOD,
      reportDate: null,
      preparer: "张建国",
      rows: [
        [
          "B1",
          "规模以上企业中拥有研发机构的企业占比",
          "%",
          25,
          50,
          36.4,
          38.5,
          "规上企业26家，有研发机构10家",
        ],
      ],
    },
  },
  {
    file: "市市场监管局-2022Q3.xlsx",
    sheet: {
      unit: "市市场监管局",
      unitAs: "市市场监管局",
      period: PERIOD,
      reportDate: "2022年10月10日",
      preparer: "马丽",
      rows: [
        ["C8", "专利申请量", "件", 120, 200, 86, 132, "1-9月累计"],
        ["C9", "每万人发明专利拥有量", "件/万人", 1.9, 3.8, 2.76, 2.94],
        ["C9a", "发明专利拥有量", "件", 21, null, 31, 33],
        ["C9b", "常住人口", "万人", 11.23, null, 11.23, 11.23],
      ],
    },
  },
  {
    file: "市科协-2022Q3.xlsx",
    sheet: {
      unit: "市科协",
      unitAs: "合作市科协",
      period: PERIOD,
      reportDate: "2022年10月9日",
      preparer: "仁青",
      rows: [
        ["D1", "公民具备基本科学素质比例", "%", 6.2, "全省平均水平", 8.1, 8.6, "2022年抽样调查"],
        [
          "D2",
          "乡镇(街道)农牧村科技信息工作站、科普活动站、科普宣传栏覆盖率",
          "%",
          60,
          100,
          85,
          90,
        ],
      ],
    },
  },
  {
    file: "市农业农村局-2022Q3.xlsx",
    sheet: {
      unit: "市农业农村局",
      unitAs: "合作市农业农村局",
      period: PERIOD,
      reportDate: "2022年10月10日",
      preparer: "王芳",
      rows: [
        ["F1", "产学研结合的特色产业示范基地", "个", 2, 6, 3, 4],
        ["F12", "农业科技进步贡献率", "%", 45, 50, 47, 48],
        ["F14", "农牧村居民人均可支配收入", "元", 11520, "年递增8%", 6210, 9650, "1-9月"],
        ["H1", "美仁牦牛本品种提纯复壮基地", "个", 0, 2, 1, 1],
        ["H2", "犏牛繁育基地", "个", 0, 3, 2, 2],
        ["H3", "犏雌牛(奶牛)养殖基地", "个", 1, 5, 3, 3],
        ["H4", "藏羊良种基地", "个", 1, 6, 3, 4],
        ["H5", "特色种植基地项目", "个", 1, 6, 4, 4],
      ],
    },
  },
  {
    file: "甘南合作生态产业园区管委会-2022Q3.xlsx",
    sheet: {
      unit: "甘南合作生态产业园区管委会",
      unitAs: "甘南合作生态产业园区管委会",
      period: PERIOD,
      reportDate: "2022年10月8日",
      preparer: "赵磊",
      rows: [["G4", "科技园区", "个", 0, 1, 0, 0, "省级农业科技园区申报材料已报州科技局"]],
    },
  },
];

/** Units whose file carries an approval (the reviewer approved it with the product before it was sent). */
const APPROVED = new Set([
  "市财政局",
  "市工信局",
  "市科协",
  "市农业农村局",
  "那吾镇",
  "卡加曼乡",
  "坚木克尔街道",
  "勒秀镇",
]);
/** Units that sent nothing this quarter. */
const SENT_NOTHING = new Set(["佐盖曼玛乡"]);

async function save(wb: ExcelJS.Workbook, file: string, approve: boolean): Promise<void> {
  wb.creator = "合作市创新型县建设领导小组办公室";
  wb.created = new Date(Date.UTC(2022, 9, 8));
  wb.modified = wb.created;
  let bytes: Uint8Array = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  if (approve) {
    const x = await XlsxWorkbook.fromBuffer(bytes);
    const grids = await x.readSheets();
    const out = approveInWorkbook(grids, {
      sheet: grids.sheets[0].name,
      reviewer: "李明",
      time: APPROVED_AT,
    });
    if (!out.ok) throw new Error(`${file}: ${out.reason.en}`);
    await x.appendRows(APPROVALS_SHEET, APPROVAL_HEADER, [out.row]);
    bytes = await x.toBuffer();
  }
  await fs.writeFile(path.join(OUT, file), bytes);
  process.stdout.write(`samples/2022Q3/${file}${approve ? "  (approved)" : ""}\n`);
}

async function main(): Promise<void> {
  await fs.rm(OUT, { recursive: true, force: true });
  await fs.mkdir(OUT, { recursive: true });
  for (const b of BUREAUX) {
    const wb = new ExcelJS.Workbook();
    longLayout(wb, b.sheet);
    await save(wb, b.file, APPROVED.has(b.sheet.unit));
  }
  for (const p of PLACES) {
    if (SENT_NOTHING.has(p.name)) continue;
    const secondQuarter = p.name === "卡加道乡";
    const rows = placeRows(p, secondQuarter ? 6 : 9);
    if (p.name === "通钦街道") rows[7][6] = "正在核实";
    const unitAs = p.kind === "township" ? `${p.name}人民政府` : `${p.name}办事处`;
    const period = secondQuarter
      ? "2022年第二季度"
      : p.name === "坚木克尔街道"
        ? "2022年1-9月"
        : PERIOD;
    const wb = new ExcelJS.Workbook();
    p.layout(wb, {
      unit: p.name,
      unitAs,
      period,
      reportDate: p.reportDate,
      preparer: p.preparer,
      rows,
    });
    const file = `${p.name}-${secondQuarter ? "2022Q2" : "2022Q3"}.xlsx`;
    await save(wb, file, APPROVED.has(p.name));
  }
  // 勒秀镇 changed a figure after its approval: the approval no longer matches.
  const changed = path.join(OUT, "勒秀镇-2022Q3.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(changed);
  const ws = wb.getWorksheet("勒秀镇")!;
  ws.eachRow((row) => {
    if (row.getCell(1).value === "F6") row.getCell(7).value = Number(row.getCell(7).value) + 120;
  });
  await wb.xlsx.writeFile(changed);
  process.stdout.write("samples/2022Q3/勒秀镇-2022Q3.xlsx  (F6 changed after approval)\n");
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
