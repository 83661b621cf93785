/**
 * Monitoring sheets laid out the way county offices really write them (Excel and WPS): where the
 * header block is, how the header rows are split and merged, how names, units and numbers are
 * typed. Each case states, independently of the reader, what a statistician reads off the sheet:
 * the reporting unit, the as-of date, per indicator the actual, baseline and target in the
 * catalogue's units, and the findings a reviewer should see (often none).
 */
import type { SheetGrid } from "../../../src/core/model/cells";
import { checkSheet, type SheetCheck } from "../../../src/core/validate/sheet";
import type { ReadValue } from "../../../src/core/validate/interpret";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import { indexCatalogue } from "../../../src/core/read/match";
import { grid, type Raw } from "../../helpers/grid";

/** A value as read: a number in the catalogue's unit, null (nothing given), 'n/a' (不适用) or 'invalid' (a finding). */
type Read = number | null | "n/a" | "invalid";

/** [code, actual, baseline, target, previous?]; previous is checked only when given. */
type RowReading = [code: string, actual: Read, baseline: Read, target: Read, previous?: Read];

interface Case {
  name: string;
  sheet: SheetGrid;
  /** The reporting unit as the catalogue spells it (or as typed, for a unit it does not know). */
  unit: string | null;
  asOf: string | null;
  rows: RowReading[];
  /** "rule@cell" (cell omitted for a whole-sheet finding); none when absent. */
  findings?: string[];
  /** Category per code, where the sheet gives one by section rows or merged cells. */
  categories?: Record<string, string>;
  /** The cell the actual was read from, per code. */
  actualAt?: Record<string, string>;
}

const catalogue = defaultCatalogue();
const index = indexCatalogue(catalogue);

function rows(n: number): Raw[][] {
  return Array.from({ length: n }, () => []);
}

/** Excel's serial day number of a date (the form a date cell takes in some files). */
function serial(iso: string): number {
  return Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const CASES: Case[] = [
  {
    name: "a bureau sheet: title, label and value in separate cells, 序号 column, signature row",
    sheet: grid("科技局", [
      ["合作市省级创新型县(市、区)试点建设监测指标完成情况表"],
      ["填报单位：", "合作市科技局", "", "", "报告期：", "2022年第三季度"],
      ["序号", "指标名称", "计量单位", "基期值", "目标值", "本期完成值", "备注"],
      [1, "R&D经费投入强度", "%", 0.85, 1.42, 1.1, ""],
      [2, "高新技术企业占规模以上企业比例", "%", 40, 60, 48, ""],
      [3, "市级众创空间", "家", 1, 10, 7, ""],
      [4, "省级科技企业孵化器", "个", 0, 1, 1, ""],
      [],
      ["填表人：", "张晓燕", "审核人：", "李建国", "联系电话：", "0941-8213456"],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["A1", 1.1, 0.85, 1.42],
      ["B2", 48, 40, 60],
      ["C1", 7, 1, 10],
      ["C2", 1, 0, 1],
    ],
  },
  {
    name: "several labels in one cell separated by single spaces",
    sheet: grid("Sheet1", [
      ["填报单位：合作市科技局 报告期：2022年三季度 填报日期：2022年10月9日"],
      ["指标编码", "指标名称", "单位", "2020年基数", "2023年目标", "截至本期"],
      ["C4", "省级技术创新中心", "个", 0, 2, 1],
      ["C6", "省级技术转移机构", "个", 0, 1, 1],
      ["C7", "院士（专家）工作站", "个", 0, 1, 1],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["C4", 1, 0, 2],
      ["C6", 1, 0, 1],
      ["C7", 1, 0, 1],
    ],
  },
  {
    name: "a label with （盖章）, the period label 统计期间, ratio parts beside the ratio",
    sheet: grid("市场监管局", [
      ["2022年创新型县建设监测指标统计表"],
      ["填报单位（盖章）：合作市市场监督管理局", "", "", "", "统计期间：2022年1-9月"],
      ["指标名称", "计量单位", "基期值", "目标值", "本期完成值"],
      ["专利申请数", "件", "", 200, 126],
      ["每万人口发明专利拥有量", "件/万人", "", 3.8, 2.9],
      ["有效发明专利数", "件", "", "", 33],
      ["常住人口", "万人", "", "", 11.23],
    ]),
    unit: "市市场监管局",
    asOf: "2022-09-30",
    rows: [
      ["C8", 126, null, 200],
      ["C9", 2.9, null, 3.8],
      ["C9a", 33, null, null],
      ["C9b", 11.23, null, null],
    ],
  },
  {
    name: "the period only in the title, the reporting unit under the table",
    sheet: grid("农业农村局", [
      ["合作市农业农村局2022年前三季度创新型县建设指标监测表"],
      [],
      ["指标", "单位", "基期值", "目标值", "完成值"],
      ["农业科技进步贡献率", "%", 45, 50, 48],
      ["优质青稞种植面积", "亩", 56000, 50000, 52000],
      [],
      ["填报单位：合作市农业农村局", "", "填表人：马文", "", "报出日期：2022年10月12日"],
    ]),
    unit: "市农业农村局",
    asOf: "2022-09-30",
    rows: [
      ["F12", 48, 45, 50],
      ["F4", 52000, 56000, 50000],
    ],
  },
  {
    name: "the period as a date cell; percent-formatted numbers",
    sheet: grid("财政局", [
      ["创新型县建设指标完成情况"],
      ["填报单位", "合作市财政局", "", "报告期", new Date(Date.UTC(2022, 8, 30))],
      ["指标名称", "单位", "基期值", "目标值", "本期值"],
      [
        "本级财政科技支出占一般公共预算支出比重",
        "%",
        { v: 0.01, f: "0.00%" },
        { v: 0.0131, f: "0.00%" },
        { v: 0.0125, f: "0.00%" },
      ],
    ]),
    unit: "市财政局",
    asOf: "2022-09-30",
    rows: [["A2", 1.25, 1, 1.31]],
  },
  {
    name: "the period as a serial date number with a date format, labelled 截止日期",
    sheet: grid("工信局", [
      ["填报单位：合作市工业和信息化局"],
      ["截止日期：", { v: serial("2022-09-30"), f: 'yyyy"年"m"月"d"日"' }],
      ["指标名称", "单位", "目标值", "完成值"],
      ["规模以上企业中拥有研发机构的企业占比", "%", 50, 35],
    ]),
    unit: "市工信局",
    asOf: "2022-09-30",
    rows: [["B1", 35, null, 50]],
  },
  {
    name: "a township sheet with no title, the header block below the table; its own shares and baselines",
    sheet: grid("那吾镇", [
      ["指标名称", "计量单位", "基期值", "目标值", "本期完成值"],
      ["优质青稞种植面积", "亩", 7800, 8000, 7950],
      ["油菜种植面积", "亩", 3000, 2500, 2600],
      [],
      ["填报单位：那吾镇人民政府", "", "报告期：2022年第三季度"],
      ["单位负责人：", "扎西", "填表人：", "卓玛"],
    ]),
    unit: "那吾镇",
    asOf: "2022-09-30",
    rows: [
      ["F4", 7950, 7800, 8000],
      ["F6", 2600, 3000, 2500],
    ],
  },
  {
    name: "two header rows: 指标 over 一级/二级指标 and 完成情况 over 上期/本期; the period in brackets in the title",
    sheet: grid("表1", [
      ["合作市科技局创新型县建设指标监测表（2022年第三季度）"],
      ["填报单位：合作市科技局"],
      ["序号", "指标", "", "单位", "2023年目标值", "完成情况", "", "备注"],
      ["", "一级指标", "二级指标", "", "", "上期", "本期", ""],
      [1, "科技创新能力", "市级众创空间", "家", 10, 6, 7, ""],
      [2, "", "省级技术创新中心", "个", 2, 1, 1, ""],
      [3, "创新载体建设", "农牧业科技示范村", "个", 6, 3, 4, ""],
      [4, "", "特色产业科技创新示范基地", "个", 6, 3, 4, ""],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["C1", 7, null, 10, 6],
      ["C4", 1, null, 2, 1],
      ["G3", 4, null, 6, 3],
      ["G5", 4, null, 6, 3],
    ],
    categories: { C1: "科技创新能力", C4: "科技创新能力", G3: "创新载体建设", G5: "创新载体建设" },
    actualAt: { C1: "G5", G5: "G8" },
  },
  {
    name: "three header rows and a row of column numbers (甲 乙 丙 1 2 3), a completion-rate column",
    sheet: grid("那吾镇", [
      ["那吾镇创新型县建设任务完成情况统计表"],
      ["填报单位：那吾镇", "", "", "", "", "报告期：2022年1-9月"],
      ["序号", "指标名称", "计量单位", "基期", "目标", "2022年进展", "", ""],
      ["", "", "", "", "", "完成情况", "", "完成率"],
      ["", "", "", "（2020年）", "（2023年）", "上年同期", "本期", ""],
      ["甲", "乙", "丙", 1, 2, 3, 4, 5],
      [1, "藏中药材种植面积", "亩", 300, 1000, 500, 620, "62%"],
      [2, "羊肚菌种植面积", "亩", 10, 30, 20, 25, "83%"],
    ]),
    unit: "那吾镇",
    asOf: "2022-09-30",
    rows: [
      ["F9", 620, 300, 1000, 500],
      ["F10", 25, 10, 30, 20],
    ],
    actualAt: { F9: "G7" },
  },
  {
    name: "header names broken over lines, with notes in brackets",
    sheet: grid("科协", [
      ["填报单位：合作市科学技术协会", "", "报告期：2022年第三季度"],
      [
        "指标\n名称",
        "计量\n单位",
        "基期值\n（2020年）",
        "目标值\n（2023年）",
        "本期\n完成值",
        "上期\n完成值",
      ],
      ["公民具备科学素质的比例", "%", 7.14, "达到全省平均水平", 8.6, 8.2],
      ["乡镇（街道）农牧村科技信息工作站、科普活动站、科普宣传栏覆盖率", "%", 60, 100, 90, 80],
    ]),
    unit: "市科协",
    asOf: "2022-09-30",
    rows: [
      ["D1", 8.6, 7.14, null, 8.2],
      ["D2", 90, 60, 100, 80],
    ],
  },
  {
    name: "units in the headers (万亩) and no unit column",
    sheet: grid("勒秀镇", [
      ["勒秀镇2022年第三季度特色种植面积完成情况"],
      ["填报单位：勒秀镇人民政府"],
      ["指标名称", "2020年基数（万亩）", "2023年目标（万亩）", "本期完成值（万亩）"],
      ["优质青稞种植面积", 0.5, 0.6, 0.58],
      ["油菜种植面积", 0.3, 0.25, 0.28],
    ]),
    unit: "勒秀镇",
    asOf: "2022-09-30",
    rows: [
      ["F4", 5800, 5000, 6000],
      ["F6", 2800, 3000, 2500],
    ],
  },
  {
    name: "a percent unit in the headers: 目标值(%), 本期值(%)",
    sheet: grid("工信局", [
      ["填报单位：合作市工信局", "报告期：2022年第三季度"],
      ["指标名称", "目标值(%)", "本期值(%)"],
      ["规上企业中拥有研发机构的企业占比", 50, 35],
    ]),
    unit: "市工信局",
    asOf: "2022-09-30",
    rows: [["B1", 35, null, 50]],
  },
  {
    name: "section rows (一、… with the numeral in its own cell, （一）…) carry the category",
    sheet: grid("科技局", [
      ["合作市创新型县建设监测表"],
      ["填报单位：合作市科技局", "", "", "报告期：2022年第三季度"],
      ["序号", "指标名称", "单位", "目标值", "本期完成值", "备注"],
      ["一", "科技创新投入", "", "", "", ""],
      [1, "R&D经费投入强度", "%", 1.42, 1.1, ""],
      ["二", "企业创新主体", "", "", "", ""],
      [2, "高新技术企业占规模以上企业比例", "%", 60, 48, ""],
      ["三、科技创新能力"],
      ["（一）", "创新平台", "", "", "", ""],
      [3, "市级众创空间", "家", 10, 7, ""],
      [4, "重点实验室", "个", 1, 1, ""],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["A1", 1.1, null, 1.42],
      ["B2", 48, null, 60],
      ["C1", 7, null, 10],
      ["C5", 1, null, 1],
    ],
    categories: { A1: "科技创新投入", B2: "企业创新主体" },
  },
  {
    name: "category in a merged first column (一级指标), 责任单位 column",
    sheet: grid("农业农村局", [
      ["填报单位：合作市农业农村局", "", "", "", "报告期：2022年第三季度"],
      ["一级指标", "二级指标", "计量单位", "目标值", "本期完成值", "责任单位"],
      ["特色产业基地", "美仁牦牛本品种提纯复壮基地", "个", 2, 1, "市农业农村局"],
      [undefined, "犏牛繁育基地", "个", 3, 2, "市农业农村局"],
      [undefined, "藏羊良种基地", "个", 6, 4, "市农业农村局"],
      ["高原特色产业", "产学研结合的特色产业示范基地", "个", 6, 4, "市农业农村局"],
    ]),
    unit: "市农业农村局",
    asOf: "2022-09-30",
    rows: [
      ["H1", 1, null, 2],
      ["H2", 2, null, 3],
      ["H4", 4, null, 6],
      ["F1", 4, null, 6],
    ],
    categories: { H1: "特色产业基地", H2: "特色产业基地", H4: "特色产业基地", F1: "高原特色产业" },
  },
  {
    name: "notes over several rows (one naming an indicator) and signature rows under the table",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["序号", "指标名称", "单位", "目标值", "本期完成值"],
      [1, "R&D经费投入强度", "%", 1.42, 1.1],
      [2, "省级技术创新中心", "个", 2, 1],
      ["注：", "1.本表数据截至报告期末；"],
      ["", "2.R&D经费投入强度为上年度统计数据。"],
      [],
      ["单位负责人：", "", "统计负责人：", "", "填表人："],
      ["报出日期：2022年10月10日"],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["A1", 1.1, null, 1.42],
      ["C4", 1, null, 2],
    ],
  },
  {
    name: "the table at row 30 and column C, blank columns between the data columns",
    sheet: grid("报表", [
      ...rows(27),
      [undefined, undefined, "合作市创新型县建设指标监测表"],
      [
        undefined,
        undefined,
        "填报单位：合作市科技局",
        undefined,
        undefined,
        undefined,
        "报告期：2022年第三季度",
      ],
      [
        undefined,
        undefined,
        "指标名称",
        undefined,
        "单位",
        undefined,
        "目标值",
        undefined,
        "本期完成值",
      ],
      [undefined, undefined, "市级孵化器", undefined, "个", undefined, 2, undefined, 1],
      [undefined, undefined, "省级技术转移机构", undefined, "个", undefined, 1, undefined, 1],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["C3", 1, null, 2],
      ["C6", 1, null, 1],
    ],
    actualAt: { C3: "I31", C6: "I32" },
  },
  {
    name: "numbers stored as text: spaces, no-break spaces, full-width digits, thousands separators, percent text",
    sheet: grid("农业农村局", [
      ["填报单位：合作市农业农村局", "报告期：2022年第三季度"],
      ["指标名称", "单位", "基期值", "目标值", "本期完成值"],
      ["农业科技进步贡献率", "%", " 45 ", "50%", "48.5 %"],
      ["优质青稞种植面积", "亩", "56,000", "５００００", "52，000\u00a0"],
      ["油菜种植面积", "亩", "2.4万", "20000 ", " 21500"],
      ["藏中药材种植面积", "亩", "3000", "10000", "6,200亩"],
    ]),
    unit: "市农业农村局",
    asOf: "2022-09-30",
    rows: [
      ["F12", 48.5, 45, 50],
      ["F4", 52000, 56000, 50000],
      ["F6", 21500, 24000, 20000],
      ["F9", 6200, 3000, 10000],
    ],
  },
  {
    name: "万亩, 公斤/亩, 亿元, 万只 and growth targets in words",
    sheet: grid("农业农村局", [
      ["合作市农业农村局创新型县建设指标监测表"],
      ["填报单位", "合作市农业农村局", "", "报告期", "2022年第三季度"],
      ["指标名称", "计量单位", "基期值", "目标值", "本期完成值", "备注"],
      ["优质青稞种植面积", "万亩", 5.6, 5, 5.2, ""],
      ["青稞亩均产量", "公斤/亩", 195, 200, 205, ""],
      ["农牧业产值", "亿元", 2.9, "年均增长6%", 3.1, "1-9月累计"],
      ["藏羊存栏", "万只", 12.5, "年递增2%", 12.8, ""],
      ["羊肚菌亩均产量", "斤/亩", "", 400, "约380斤", ""],
    ]),
    unit: "市农业农村局",
    asOf: "2022-09-30",
    rows: [
      ["F4", 52000, 56000, 50000],
      ["F5", 410, 390, 400],
      ["F13", 31000, 29000, 0.06],
      ["F3", 128000, 125000, 0.02],
      ["F11", 380, null, 400],
    ],
  },
  {
    name: "numbered names with the unit in brackets and no unit column",
    sheet: grid("卡加曼乡", [
      ["卡加曼乡特色产业指标完成情况表"],
      ["填报单位：卡加曼乡人民政府", "", "", "报告期：2022年第三季度"],
      ["指标名称", "基期值", "目标值", "本期完成值"],
      ["1.优质青稞种植面积（亩）", 4000, 4200, 4100],
      ["2.青稞亩均产量（斤/亩）", 380, 400, 395],
      ["3.油菜种植面积（万亩）", 0.2, 0.15, 0.18],
      ["（4）藏羊存栏（只）", 20000, "年递增2%", 20600],
      ["⑤羊肚菌种植面积(亩)", 20, 30, 26],
    ]),
    unit: "卡加曼乡",
    asOf: "2022-09-30",
    rows: [
      ["F4", 4100, 4000, 4200],
      ["F5", 395, 380, 400],
      ["F6", 1800, 2000, 1500],
      ["F3", 20600, 20000, 0.02],
      ["F10", 26, 20, 30],
    ],
  },
  {
    name: "names as units write them: 规上 for 规模以上, R&D in brackets, 及 for 和, counts with 数量",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["研究与试验发展（R&D）经费投入强度", "%", 1.42, 1.1],
      ["高新技术企业占规上企业比例", "%", 60, 48],
      ["众创空间数量", "家", 10, 7],
      ["科技企业孵化器（省级）", "个", 1, 1],
      ["科技进步法及激励自主创新政策落实情况", "—", "完成", "已落实"],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["A1", 1.1, null, 1.42],
      ["B2", 48, null, 60],
      ["C1", 7, null, 10],
      ["C2", 1, null, 1],
      ["E1", 1, null, null],
    ],
  },
  {
    name: "milestones in words, 不适用, — and 暂无, a count written as 推进中",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "本期完成值", "备注"],
      ["科技进步法和激励自主创新政策落实", "—", "落实", "推进中", ""],
      ["省级技术转移机构", "个", 1, "不适用", "暂无申报条件"],
      ["省级科技企业孵化器", "个", 1, "—", ""],
      ["重点实验室", "个", 1, "暂无", ""],
      ["创新型县（市、区）", "个", 1, "推进中", ""],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["E1", 0.5, null, null],
      ["C6", "n/a", null, 1],
      ["C2", null, null, 1],
      ["C5", null, null, 1],
      ["G1", "invalid", null, 1],
    ],
    findings: ["missing_value@D5", "missing_value@D6", "unparseable_number@D7"],
  },
  {
    name: "the wide layout: one column per year, the report year is the actual",
    sheet: grid("当周街道", [
      ["当周街道畜牧业指标完成情况"],
      ["填报单位：当周街道办事处", "", "", "期别：2022年度"],
      ["指标", "单位", "2020年", "2021年", "2022年", "2023年目标"],
      ["犏雌牛存栏", "头", 1200, 1240, 1290, "年递增3%"],
      ["藏羊存栏", "只", 8000, 8100, 8300, "年递增2%"],
    ]),
    unit: "当周街道",
    asOf: "2022-12-31",
    rows: [
      ["F2", 1290, 1200, 0.03],
      ["F3", 8300, 8000, 0.02],
    ],
    actualAt: { F2: "E4" },
  },
  {
    name: "the wide layout with 2022年1-9月 as the current column and no period elsewhere",
    sheet: grid("佐盖多玛乡", [
      ["佐盖多玛乡创新型县建设指标完成情况"],
      ["填报单位：佐盖多玛乡"],
      ["指标名称", "计量单位", "2020年底", "2021年", "2022年1-9月", "2023年目标"],
      ["藏中药材种植面积", "亩", 200, 260, 300, 500],
      ["饲草料种植面积", "亩", 1500, 1800, 2000, 2200],
    ]),
    unit: "佐盖多玛乡",
    asOf: "2022-09-30",
    rows: [
      ["F9", 300, 200, 500],
      ["F8", 2000, 1500, 2200],
    ],
    actualAt: { F9: "E4" },
  },
  {
    name: "a township's shares: its own targets of sum indicators, the catalogue's targets of yields",
    sheet: grid("那吾镇", [
      ["填报单位：那吾镇", "", "", "", "报告期：2022年第三季度"],
      ["指标名称", "计量单位", "基期值", "目标值", "本期完成值"],
      ["优质青稞种植面积", "亩", 7800, 8000, 7950],
      ["青稞亩均产量", "斤/亩", 385, 400, 398],
      ["油菜种植面积", "亩", 3000, "", 2900],
      ["油菜亩均产量", "斤/亩", 230, 240, 236],
      ["犏雌牛存栏", "头", 900, "年递增3%", 950],
    ]),
    unit: "那吾镇",
    asOf: "2022-09-30",
    rows: [
      ["F4", 7950, 7800, 8000],
      ["F5", 398, 385, 400],
      ["F6", 2900, 3000, null],
      ["F7", 236, 230, 240],
      ["F2", 950, 900, 0.03],
    ],
    findings: ["target_changed@D6"],
  },
  {
    name: "a bureau reporting indicators it does not own",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["R&D经费投入强度", "%", 1.42, 1.1],
      ["农业科技进步贡献率", "%", 50, 48],
      ["本级财政科技支出占一般公共预算支出比重", "%", 1.31, 1.2],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["A1", 1.1, null, 1.42],
      ["F12", 48, null, 50],
      ["A2", 1.2, null, 1.31],
    ],
    findings: ["not_responsible@A4", "not_responsible@A5"],
  },
  {
    name: "English labels and headers",
    sheet: grid("Monitoring", [
      ["Innovative county indicators, quarterly monitoring"],
      ["Reporting unit:", "合作市科技局", "", "Period:", "2022Q3"],
      ["Code", "Indicator", "Unit", "Baseline", "Target", "Actual", "Remarks"],
      ["A1", "R&D intensity", "%", 0.85, 1.42, 1.1, ""],
      ["C1", "Municipal maker spaces", "家", 1, 10, 7, ""],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["A1", 1.1, 0.85, 1.42],
      ["C1", 7, 1, 10],
    ],
  },
  {
    name: "a title spanning the plan years and an unlabelled period cell in the header block",
    sheet: grid("科技局", [
      ["合作市创新型县（市、区）试点建设2021—2023年指标监测表"],
      ["填报单位：合作市科技局", "", "", "2022年1-9月"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["市级众创空间", "家", 10, 7],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["C1", 7, null, 10]],
  },
  {
    name: "a title spanning the plan years is no period: missing_period, not 2023",
    sheet: grid("科技局", [
      ["合作市创新型县（市、区）试点建设（2021-2023年）指标监测表"],
      ["填报单位：合作市科技局"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["市级众创空间", "家", 10, 7],
    ]),
    unit: "市科技局",
    asOf: null,
    rows: [["C1", 7, null, 10]],
    findings: ["missing_period"],
  },
  {
    name: "an indicator of its own that the catalogue does not know",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["市级众创空间", "家", 10, 7],
      ["选派科技特派员人数", "人", 60, 52],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["C1", 7, null, 10]],
    findings: ["unknown_indicator@A4"],
  },
  {
    name: "the year in the title and the quarter in the period label",
    sheet: grid("科技局", [
      ["合作市科技局2022年创新型县建设监测表"],
      ["填报单位：合作市科技局", "", "报告期：第三季度"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["市级众创空间", "家", 10, 7],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["C1", 7, null, 10]],
  },
  {
    name: "a year written in Chinese numerals",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局"],
      ["报告期：二〇二二年第三季度"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["市级众创空间", "家", 10, 7],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["C1", 7, null, 10]],
  },
  {
    name: "a unit of measure for the whole table (单位：万亩) above it",
    sheet: grid("伊合昂街道", [
      ["伊合昂街道特色种植面积统计表"],
      ["填报单位：伊合昂街道", "", "报告期：2022年第三季度", "", "单位：万亩"],
      ["指标名称", "基期值", "目标值", "本期完成值"],
      ["优质青稞种植面积", 0.12, 0.15, 0.14],
      ["饲草料种植面积", 0.05, 0.08, 0.07],
    ]),
    unit: "伊合昂街道",
    asOf: "2022-09-30",
    rows: [
      ["F4", 1400, 1200, 1500],
      ["F8", 700, 500, 800],
    ],
  },
  {
    name: "a unit in the name that contradicts the unit column, and a remark inside a value",
    sheet: grid("那吾镇", [
      ["填报单位：那吾镇", "", "", "报告期：2022年第三季度"],
      ["指标名称", "计量单位", "目标值", "本期完成值"],
      ["油菜种植面积（亩）", "万亩", 0.25, 0.26],
      ["藏中药材种植面积", "亩", 1000, "620（其中新增120亩）"],
    ]),
    unit: "那吾镇",
    asOf: "2022-09-30",
    rows: [
      ["F6", "invalid", null, null],
      ["F9", "invalid", null, 1000],
    ],
    findings: ["unit_mismatch@B3", "unparseable_number@D4"],
  },
  {
    name: "a completion-rate column before the actual column",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "本期完成率", "累计完成", "完成进度(%)"],
      ["农牧业科技示范村", "个", 6, "67%", 4, 67],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["G3", 4, null, 6]],
    actualAt: { G3: "E3" },
  },
  {
    name: "year headers typed as numbers, 2020 being the baseline year",
    sheet: grid("通钦街道", [
      ["填报单位：通钦街道", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", 2020, 2021, 2022, "目标值"],
      ["羊肚菌种植面积", "亩", 10, 12, 15, 20],
    ]),
    unit: "通钦街道",
    asOf: "2022-09-30",
    rows: [["F10", 15, 10, 20]],
  },
  {
    name: "a sheet with codes only in a 编号 column and names that differ from the catalogue",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022Q3"],
      ["编号", "指标内容", "单位", "目标任务", "实际完成"],
      ["G1", "建成创新型城市", "个", 1, 0],
      ["G2", "创建创新型乡镇", "个", 1, 1],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["G1", 0, null, 1],
      ["G2", 1, null, 1],
    ],
    findings: ["remark_required@E3"],
  },
  {
    name: "a row of labels over a row of values in the header block",
    sheet: grid("科技局", [
      ["合作市创新型县建设指标监测表"],
      ["填报单位", "报告期", "填表人", "联系电话"],
      ["合作市科学技术局", "2022年第三季度", "王芳", "0941-8213456"],
      [],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["“R&D”经费投入强度", "%", 1.42, 1.1],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["A1", 1.1, null, 1.42]],
  },
  {
    name: "the period as a span of days, and 累计 after a period",
    sheet: grid("市场监管局", [
      ["填报单位：合作市市场监管局"],
      ["统计时段：2022年1月1日至2022年9月30日"],
      ["指标名称", "单位", "目标值", "2022年1-9月累计"],
      ["专利申请量", "件", 200, 126],
    ]),
    unit: "市市场监管局",
    asOf: "2022-09-30",
    rows: [["C8", 126, null, 200]],
  },
  {
    name: "a period label ending in 累计",
    sheet: grid("农业农村局", [
      ["填报单位：合作市农业农村局", "", "", "报告期：2022年1-9月累计"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["农业科技进步贡献率", "%", 50, 48],
    ]),
    unit: "市农业农村局",
    asOf: "2022-09-30",
    rows: [["F12", 48, null, 50]],
  },
  {
    name: "units written without the per the name says: 公斤 for a yield, 件 for patents per 10,000 people, 元/人 for income",
    sheet: grid("农业农村局", [
      ["填报单位：合作市农业农村局", "", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "基期值", "目标值", "本期完成值"],
      ["青稞亩均产量", "公斤", 190, 200, 205],
      ["农牧村居民人均可支配收入", "元/人", 9300, "年均增长8%", 8050],
    ]),
    unit: "市农业农村局",
    asOf: "2022-09-30",
    rows: [
      ["F5", 410, 380, 400],
      ["F14", 8050, 9300, 0.08],
    ],
  },
  {
    name: "per 10,000 people written as 件 on the market regulator's sheet",
    sheet: grid("市场监管局", [
      ["填报单位：合作市市场监管局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["每万人发明专利拥有量", "件", 3.8, 2.9],
    ]),
    unit: "市市场监管局",
    asOf: "2022-09-30",
    rows: [["C9", 2.9, null, 3.8]],
  },
  {
    name: "the title row also carrying 单位：万元 at its right; the period only in that title",
    sheet: grid("农业农村局", [
      ["合作市2022年前三季度农牧业产值完成情况", "", "", "", "单位：万元"],
      ["填报单位：合作市农业农村局"],
      ["指标名称", "基期值", "目标值", "本期完成值", "备注"],
      ["农牧业产值", 29000, "年均增长6%", 31000, "1-9月累计"],
    ]),
    unit: "市农业农村局",
    asOf: "2022-09-30",
    rows: [["F13", 31000, 29000, 0.06]],
  },
  {
    name: "one column per quarter, filled up to the report quarter",
    sheet: grid("科技局", [
      ["合作市科技局2022年创新型县建设指标季度监测表"],
      ["填报单位：合作市科技局", "", "", "", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "一季度", "二季度", "三季度", "四季度"],
      ["市级众创空间", "家", 10, 5, 6, 7, ""],
      ["农牧业科技示范村", "个", 6, 2, 3, 4, ""],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["C1", 7, null, 10],
      ["G3", 4, null, 6],
    ],
    actualAt: { C1: "F4", G3: "F5" },
  },
  {
    name: "a quarter-only column beside the cumulative one: the figure to date is the actual",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "本季度完成", "累计完成"],
      ["市级众创空间", "家", 10, 1, 7],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["C1", 7, null, 10]],
    actualAt: { C1: "E3" },
  },
  {
    name: "columns of cumulative months: 2022年1-6月 | 2022年1-9月",
    sheet: grid("市场监管局", [
      ["填报单位：合作市市场监管局", "", "报告期：2022年1-9月"],
      ["指标名称", "单位", "目标值", "2022年1-6月", "2022年1-9月"],
      ["专利申请量", "件", 200, 80, 126],
    ]),
    unit: "市市场监管局",
    asOf: "2022-09-30",
    rows: [["C8", 126, null, 200]],
    actualAt: { C8: "E3" },
  },
  {
    name: "years merged over 目标 | 完成: each year's 完成 is its column, the year's own target is not the plan's",
    sheet: grid("那吾镇", [
      ["填报单位：那吾镇", "", "", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "2020年基数", "2021年", "", "2022年", ""],
      ["", "", "", "目标", "完成", "目标", "完成"],
      ["优质青稞种植面积", "亩", 7800, 7850, 7900, 7950, 7960],
      ["油菜种植面积", "亩", 3000, 2900, 2950, 2800, 2870],
    ]),
    unit: "那吾镇",
    asOf: "2022-09-30",
    rows: [
      ["F4", 7960, 7800, null],
      ["F6", 2870, 3000, null],
    ],
    actualAt: { F4: "G4" },
  },
  {
    name: "the reporting unit named only in the title",
    sheet: grid("Sheet1", [
      ["那吾镇2022年第三季度创新型县建设任务完成情况表"],
      ["指标名称", "单位", "基期值", "目标值", "本期完成值"],
      ["优质青稞种植面积", "亩", 7800, 8000, 7950],
    ]),
    unit: "那吾镇",
    asOf: "2022-09-30",
    rows: [["F4", 7950, 7800, 8000]],
  },
  {
    name: "the reporting unit only as the tab name",
    sheet: grid("勒秀镇", [
      ["创新型县建设任务完成情况表"],
      ["报告期：2022年第三季度"],
      ["指标名称", "单位", "基期值", "目标值", "本期完成值"],
      ["油菜种植面积", "亩", 3000, 2500, 2600],
    ]),
    unit: "勒秀镇",
    asOf: "2022-09-30",
    rows: [["F6", 2600, 3000, 2500]],
  },
  {
    name: "项目 as the name column, 本期 | 上年同期, and an appendix of tasks under the notes",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["项目", "单位", "本期", "上年同期", "备注"],
      ["省级技术创新中心", "个", 1, 1, ""],
      ["院士（专家）工作站", "个", 1, 0, "2022年新建"],
      ["注：上年同期为2021年第三季度数。"],
      ["附：重点任务进展情况"],
      ["序号", "任务", "进展", "责任单位"],
      [1, "创建省级技术创新中心", "已完成", "市科技局"],
      [2, "建设农牧业科技示范村", "推进中", "市科技局"],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["C4", 1, null, null, 1],
      ["C7", 1, null, null, 0],
    ],
  },
  {
    name: "a code of one indicator beside the name of another is not read; a plain 数值 column is the actual",
    sheet: grid("市场监管局", [
      ["填报单位：合作市市场监管局", "", "", "报告期：2022年第三季度（累计）"],
      ["编码", "指标名称", "单位", "数值"],
      ["C9", "每万人发明专利拥有量", "件/万人", 2.9],
      ["C1", "专利申请量", "件", 126],
    ]),
    unit: "市市场监管局",
    asOf: "2022-09-30",
    rows: [["C9", 2.9, null, null]],
    findings: ["unknown_indicator@B4"],
  },
  {
    name: "（单位：万亩） in brackets under the title; 编制单位 with the period after it in the same cell",
    sheet: grid("街道", [
      ["特色种植面积统计表"],
      ["（单位：万亩）"],
      ["编制单位：伊合昂街道办事处（盖章）    2022年第三季度"],
      ["指标名称", "基期值", "目标值", "本期完成值"],
      ["优质青稞种植面积", 0.12, 0.15, 0.14],
    ]),
    unit: "伊合昂街道",
    asOf: "2022-09-30",
    rows: [["F4", 1400, 1200, 1500]],
  },
  {
    name: "a year's own target beside the plan's: 2022年目标任务 | 2023年目标任务",
    sheet: grid("卡加道乡", [
      ["填报单位：卡加道乡", "", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "2022年目标任务", "2023年目标任务", "本期完成值"],
      ["藏中药材种植面积", "亩", 600, 800, 650],
    ]),
    unit: "卡加道乡",
    asOf: "2022-09-30",
    rows: [["F9", 650, null, 800]],
  },
  {
    name: "only the year's own target (2022年目标值): no plan target is read, none is said to be changed",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "2022年目标值", "本期完成值"],
      ["市级众创空间", "家", 8, 7],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["C1", 7, null, null]],
  },
  {
    name: "three levels of indicators (一级 | 二级 | 三级指标), the names in the third",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["一级指标", "二级指标", "三级指标", "单位", "目标值", "完成值"],
      ["科技创新能力", "创新平台", "市级众创空间", "家", 10, 7],
      ["", "", "省级技术创新中心", "个", 2, 1],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [
      ["C1", 7, null, 10],
      ["C4", 1, null, 2],
    ],
    categories: { C1: "科技创新能力", C4: "科技创新能力" },
  },
  {
    name: "评价指标 as the name column",
    sheet: grid("科技局", [
      ["填报单位：合作市科技局", "", "报告期：2022年第三季度"],
      ["评价指标", "单位", "目标值", "完成值"],
      ["市级众创空间", "家", 10, 7],
    ]),
    unit: "市科技局",
    asOf: "2022-09-30",
    rows: [["C1", 7, null, 10]],
  },
  {
    name: "what cannot be read exactly is a finding: 基本完成, a space as thousands separator, 亿 in a 万元 row, 待统计",
    sheet: grid("农业农村局", [
      ["填报单位：合作市农业农村局", "", "报告期：2022年第三季度"],
      ["指标名称", "单位", "目标值", "本期完成值"],
      ["科技进步法和激励自主创新政策落实", "—", "落实", "基本完成"],
      ["优质青稞种植面积", "亩", 50000, "52 000"],
      ["农牧业产值", "万元", "年均增长6%", "3.1亿"],
      ["农业科技进步贡献率", "%", 50, "待统计"],
    ]),
    unit: "市农业农村局",
    asOf: "2022-09-30",
    rows: [
      ["E1", "invalid", null, null],
      ["F4", "invalid", null, 50000],
      ["F13", "invalid", null, 0.06],
      ["F12", "invalid", null, 50],
    ],
    findings: [
      "not_responsible@A3",
      "unparseable_milestone@D3",
      "unparseable_number@D4",
      "unit_mismatch@D5",
      "unparseable_number@D6",
    ],
  },
];

function reading(v: ReadValue): Read {
  if (v.state === "ok") return v.value === null ? null : Number(v.value.toPrecision(12));
  if (v.state === "not_applicable") return "n/a";
  if (v.state === "invalid") return "invalid";
  return null;
}

function readings(check: SheetCheck, expected: RowReading[]): RowReading[] {
  return check.rows.map((r, i) => {
    const row: RowReading = [
      r.indicator.code,
      reading(r.actual),
      reading(r.baseline),
      reading(r.target),
    ];
    if (expected[i]?.[4] !== undefined) row.push(reading(r.previous));
    return row;
  });
}

describe("monitoring sheets as units write them", () => {
  it("covers at least 25 layouts", () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  describe.each(CASES)("$name", (c) => {
    const check = checkSheet(c.sheet, catalogue, { index });

    it("finds the table, the reporting unit and the period", () => {
      expect(check.recognised).toBe(true);
      expect(check.unitCanonical).toBe(c.unit);
      expect(check.asOf).toBe(c.asOf);
    });

    it("reads every indicator row in the catalogue units", () => {
      expect(readings(check, c.rows)).toEqual(c.rows);
    });

    it("reports exactly the expected findings", () => {
      const found = check.findings.map((f) => (f.cell ? `${f.rule}@${f.cell}` : f.rule)).sort();
      expect(found).toEqual([...(c.findings ?? [])].sort());
    });

    if (c.categories) {
      it("carries the category from section rows and merged cells", () => {
        const got = Object.fromEntries(
          check.rows
            .filter((r) => c.categories![r.indicator.code])
            .map((r) => [r.indicator.code, r.row.category])
        );
        expect(got).toEqual(c.categories);
      });
    }

    if (c.actualAt) {
      it("takes the actual from the right cell", () => {
        const got = Object.fromEntries(
          check.rows
            .filter((r) => c.actualAt![r.indicator.code])
            .map((r) => [r.indicator.code, r.actual.address])
        );
        expect(got).toEqual(c.actualAt);
      });
    }
  });
});

describe("names that name nothing", () => {
  it("reports a name of quotation marks only as unknown, without failing", () => {
    const sheet = grid("表", [
      ["填报单位：合作市科技局", "报告期：2022Q3"],
      ["指标名称", "本期完成值"],
      ['"', 1],
      ["“”", 2],
    ]);
    const check = checkSheet(sheet, catalogue, { index });
    expect(check.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([
      "unknown_indicator@A3",
      "unknown_indicator@A4",
    ]);
  });
});
