/** Header words in families (read/columns.ts): what a header says its column holds. */
import { headerRole, preferActual } from "../../../src/core/read/columns";
import { checkWorkbook } from "../../../src/core/engine";
import { grid } from "../../helpers/grid";

describe("header families", () => {
  it.each([
    [
      "target",
      [
        "目标",
        "年度目标值",
        "目标值（标准）",
        "全年任务",
        "年度计划",
        "计划完成数",
        "年度指标值",
        "目标任务数（亩）",
        "2023年目标",
      ],
    ],
    [
      "actual",
      [
        "完成",
        "实际完成数",
        "累计",
        "本期",
        "1-9月累计",
        "指标值",
        "截至目前完成情况",
        "实际完成值（万亩）",
        "考核核定",
        "本年累计",
        "2022年1-9月完成",
      ],
    ],
    ["baseline", ["基期", "基数", "2020年", "2020年底基数", "基期值（2020年）", "基准值"]],
    ["previous", ["上年同期", "上期", "去年同期", "上年同期累计", "上期完成值"]],
    [
      "indicator",
      ["指标", "三级指标", "考核内容", "具体指标（三级）", "项目", "统计指标", "评价内容", "名称"],
    ],
    [
      "derived",
      [
        "权重",
        "分值",
        "得分",
        "完成率",
        "完成目标（%）",
        "同比增长（%）",
        "序号",
        "数据项",
        "比上年同期增长（%）",
        "完成进度（%）",
        "占比",
        "预计全年完成",
        "绩效指标",
      ],
    ],
    ["remarks", ["备注", "偏差原因分析及改进措施", "存在问题", "下步措施"]],
  ])("%s", (role, headers) => {
    expect(headers.map((h) => [h, headerRole(h)])).toEqual(headers.map((h) => [h, role]));
  });

  it("reads no cell text as a header word", () => {
    expect(
      ["已完成", "未完成", "推进中", "市级众创空间", "合作市科学技术局", "建成10家得满分"].map(
        headerRole
      )
    ).toEqual([null, null, null, null, null, null]);
  });
});

describe('several columns that say "actual"', () => {
  it("takes the figure to date over one period’s, silently", () => {
    expect(
      preferActual([
        { col: 4, text: "本期" },
        { col: 5, text: "累计" },
      ])
    ).toMatchObject({ col: 5, silent: true });
  });
  it("takes the office’s checked figure over the unit’s own, not silently", () => {
    expect(
      preferActual([
        { col: 5, text: "单位自报" },
        { col: 6, text: "考核核定" },
      ])
    ).toMatchObject({ col: 6, silent: false, reason: "checked" });
  });
});

describe("derived and administrative columns are never the actual", () => {
  it("reads none of 权重, 分值, 得分, 完成率, 同比增长 as the figure, and says so", () => {
    const g = grid("表", [
      ["填报单位：合作市科技局", "报告期：2022年第三季度"],
      ["序号", "指标名称", "目标值", "权重", "分值", "得分", "完成率", "同比增长（%）"],
      [1, "市级众创空间", 10, 10, 10, 7, "70%", 16.7],
    ]);
    const { checks, findings } = checkWorkbook({ sheets: [g] });
    expect(checks).toEqual([]);
    expect(findings.map((f) => f.rule)).toEqual(["sheet_not_recognised"]);
    expect(findings[0].message.zh).toMatch(/没有可作为本期完成值的数值列/);
  });
});
