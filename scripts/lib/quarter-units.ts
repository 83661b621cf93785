/**
 * The units of the quarter's samples (scripts/make-quarter-samples.ts): the townships and streets,
 * whose figures are shares of the city's, and the seven bureaux' rows for 2022年第三季度.
 */
import { longLayout, twoRowLayout, wanmuLayout, type Row, type Sheet } from "./quarter-layouts";

export const PERIOD = "2022年第三季度";

// --- the townships and streets -----------------------------------------------------------------

export interface Place {
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

export const PLACES: Place[] = [
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

/** A township's or street's rows for 2022年第三季度 (earlier quarters: earlier-quarter.ts). */
export function placeRows(p: Place): Row[] {
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
  const f9 = round(f9B * 2.25 * p.pace);
  // Herds and yields move less than planted areas when a place falls behind.
  const herd = 1 + (p.pace - 1) * 0.1;
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
      round(f13B * 0.82 * p.pace),
      "1-9月累计",
    ],
  ];
  return rows;
}

// --- the bureaux -------------------------------------------------------------------------------

export const BUREAUX: { file: string; sheet: Sheet }[] = [
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
