/**
 * Forms as units send them (forms-corpus.ts): every layout of the corpus, drawn from three seeds, is
 * read with the right unit, period, and actual, baseline and target per indicator, and shows the
 * reviewer exactly the warnings the form calls for. Every name of the templates still works.
 */
import type { SheetGrid } from "../../../src/core/model/cells";
import type { Finding } from "../../../src/core/model/results";
import { checkWorkbook } from "../../../src/core/engine";
import type { SheetCheck } from "../../../src/core/validate/sheet";
import type { ReadValue } from "../../../src/core/validate/interpret";
import { COLUMN_NAMES, META_LABELS } from "../../../src/core/read/sheet";
import { BUILDERS, formCorpus, type FormCase, type Read, type Reading } from "./forms-corpus";
import { grid } from "../../helpers/grid";

/** What a reviewer sees of the reading: errors, and the warnings about how the sheet was read. */
const READING_WARNINGS = new Set([
  "column_guessed",
  "total_mismatch",
  "unknown_indicator",
  "missing_reporting_unit",
  "not_responsible",
]);

function shown(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.severity === "error" || READING_WARNINGS.has(f.rule))
    .map((f) => (f.cell ? `${f.rule}@${f.cell}` : f.rule))
    .sort();
}

function read(v: ReadValue): Read {
  return v.state === "ok" && v.value !== null ? Number(v.value.toPrecision(12)) : null;
}

function readings(check: SheetCheck): Reading[] {
  return check.rows.map((r) => [
    r.indicator.code,
    read(r.actual),
    read(r.baseline),
    read(r.target),
  ]);
}

function run(c: FormCase) {
  return checkWorkbook({ sheets: [c.sheet] });
}

describe("the corpus of forms", () => {
  it("has at least 20 layouts", () => expect(BUILDERS.length).toBeGreaterThanOrEqual(20));

  it("varies with the seed: the same form differs in indicators or figures", () => {
    const a = formCorpus(1);
    const b = formCorpus(2);
    const differing = a.filter(
      (c, i) => JSON.stringify(c.reports) !== JSON.stringify(b[i].reports)
    );
    expect(differing.length).toBe(a.length);
  });
});

describe.each([1, 2, 3])("forms drawn with seed %i", (seed) => {
  describe.each(formCorpus(seed))("$name", (c) => {
    const { checks, findings } = run(c);

    it("is read as the reports it holds, with their units and period", () => {
      expect(checks.map((k) => [k.recognised, k.unitCanonical, k.asOf])).toEqual(
        c.reports.map((r) => [true, r.unit, c.asOf])
      );
    });

    it("reads each indicator’s actual, baseline and target in the catalogue’s units", () => {
      expect(checks.map(readings)).toEqual(c.reports.map((r) => r.rows));
    });

    it("shows the reviewer exactly the warnings the form calls for", () => {
      expect(shown(findings)).toEqual([...c.findings].sort());
    });

    if (c.categories) {
      it("carries the category from the hierarchy column", () => {
        const got = Object.fromEntries(
          checks[0].rows.map((r) => [r.indicator.code, r.row.category])
        );
        expect(got).toEqual(c.categories);
      });
    }
  });
});

describe("every name of the templates still works", () => {
  const sheetWith = (header: string[], row: (string | number)[]): SheetGrid =>
    grid("表", [["填报单位：合作市科技局", "报告期：2022年第三季度"], header, row]);

  it.each(COLUMN_NAMES.indicator)("indicator column %s", (name) => {
    const { checks } = checkWorkbook({
      sheets: [sheetWith([name, "单位", "目标值", "本期完成值"], ["市级众创空间", "家", 10, 7])],
    });
    expect(readings(checks[0])).toEqual([["C1", 7, null, 10]]);
  });

  it.each(COLUMN_NAMES.actual)("actual column %s", (name) => {
    const { checks } = checkWorkbook({
      sheets: [sheetWith(["指标名称", "单位", "目标值", name], ["市级众创空间", "家", 10, 7])],
    });
    expect(readings(checks[0])).toEqual([["C1", 7, null, 10]]);
  });

  it.each(COLUMN_NAMES.target)("target column %s", (name) => {
    const { checks } = checkWorkbook({
      sheets: [sheetWith(["指标名称", "单位", name, "本期完成值"], ["市级众创空间", "家", 10, 7])],
    });
    expect(readings(checks[0])).toEqual([["C1", 7, null, 10]]);
  });

  it.each(COLUMN_NAMES.baseline)("baseline column %s", (name) => {
    const { checks } = checkWorkbook({
      sheets: [
        sheetWith(
          ["指标名称", "单位", name, "目标值", "本期完成值"],
          ["市级众创空间", "家", 1, 10, 7]
        ),
      ],
    });
    expect(readings(checks[0])).toEqual([["C1", 7, 1, 10]]);
  });

  it.each(COLUMN_NAMES.previous)("previous column %s", (name) => {
    const { checks } = checkWorkbook({
      sheets: [sheetWith(["指标名称", "单位", name, "本期完成值"], ["市级众创空间", "家", 6, 7])],
    });
    expect(checks[0].rows.map((r) => [read(r.actual), read(r.previous)])).toEqual([[7, 6]]);
  });

  it.each([...COLUMN_NAMES.code, ...COLUMN_NAMES.unit, ...COLUMN_NAMES.remarks])(
    "column %s beside the names",
    (name) => {
      const { checks } = checkWorkbook({
        sheets: [
          sheetWith(
            ["指标名称", name, "目标值", "本期完成值"],
            [
              "市级众创空间",
              name === "Unit" || COLUMN_NAMES.unit.includes(name) ? "家" : "C1",
              10,
              7,
            ]
          ),
        ],
      });
      expect(readings(checks[0])).toEqual([["C1", 7, null, 10]]);
    }
  );

  it.each(META_LABELS.unit)("unit label %s", (label) => {
    const sheet = grid("表", [
      [`${label}：合作市科技局`, "报告期：2022年第三季度"],
      ["指标名称", "本期完成值"],
      ["市级众创空间", 7],
    ]);
    expect(checkWorkbook({ sheets: [sheet] }).checks[0].unitCanonical).toBe("市科技局");
  });

  it.each(META_LABELS.period)("period label %s", (label) => {
    const sheet = grid("表", [
      ["填报单位：合作市科技局", `${label}：2022年第三季度`],
      ["指标名称", "本期完成值"],
      ["市级众创空间", 7],
    ]);
    expect(checkWorkbook({ sheets: [sheet] }).checks[0].asOf).toBe("2022-09-30");
  });
});

describe("what a reviewer is told", () => {
  it("names the column chosen, its header cell, the other candidate and why", () => {
    const c = formCorpus(1).find((x) => x.name === "assessment score sheet")!;
    const f = run(c).findings.find((x) => x.rule === "column_guessed")!;
    expect(f.message.zh).toMatch(
      /取 G\d+“考核核定”所在列（核定（核实）数优先于单位自报数），未取 F\d+“单位自报”/
    );
    expect(f.message.en).toMatch(
      /column of G\d+“考核核定” is taken \(the checked figure is preferred to the unit’s own\), not F\d+“单位自报”/
    );
  });

  it("says what was looked for and what was found when no table can be read", () => {
    const names = grid("说明", [
      ["优质青稞种植面积", 7950],
      ["油菜种植面积", 2600],
    ]);
    const header = grid("资金", [
      ["项目", "单位", "金额", "说明"],
      ["办公经费", "万元", 12, ""],
    ]);
    const none = grid("封面", [["2022年统计报表"], ["合作市统计局"]]);
    const message = (g: SheetGrid) => checkWorkbook({ sheets: [g] }).findings[0].message;
    expect(message(names).zh).toMatch(
      /A列有 2 个单元格是指标目录中的指标（如 A1“优质青稞种植面积”），但其上方没有表头行/
    );
    expect(message(header).zh).toMatch(
      /第1行像表头（项目、单位、金额、说明），但没有一列的内容是指标目录中的指标/
    );
    expect(message(none).en).toMatch(/no column holds names or codes of catalogue indicators/);
  });

  it("finds the indicators by their codes under a header that does not name them", () => {
    const g = grid("表", [
      ["填报单位：合作市科技局", "报告期：2022年第三季度"],
      ["序列", "单位", "目标", "完成数"],
      ["C1", "家", 10, 7],
      ["C5", "个", 1, 1],
    ]);
    const { checks, findings } = checkWorkbook({ sheets: [g] });
    expect(readings(checks[0])).toEqual([
      ["C1", 7, null, 10],
      ["C5", 1, null, 1],
    ]);
    expect(findings.filter((f) => f.rule === "column_guessed" || f.severity === "error")).toEqual(
      []
    );
  });

  it("says which figures column is missing when the names and the header are there", () => {
    const g = grid("表", [
      ["填报单位：那吾镇"],
      ["指标名称", "单位", "备注"],
      ["优质青稞种植面积", "亩", "已完成"],
    ]);
    expect(checkWorkbook({ sheets: [g] }).findings[0].message.zh).toMatch(
      /没有可作为本期完成值的数值列/
    );
  });
});
