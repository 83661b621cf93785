import { validateWorkbook, checkWorkbook } from "../../../src/core/engine";
import {
  APPROVALS_SHEET,
  APPROVAL_HEADER,
  approveSheet,
  fingerprint,
  fingerprintContent,
  formatApprovalTime,
  lastApproval,
  readApprovals,
  type Approval,
} from "../../../src/core/approval";
import { approveInWorkbook } from "../../../src/core/approval/workbook";
import { defaultCatalogue } from "../../../src/core/catalogue/default";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/model/cells";
import { bureauSheet, grid, type Raw } from "../../helpers/grid";

const ROWS: Raw[][] = [
  ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, "据统计局快报"],
  ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
  ["E1", "科技进步法和激励自主创新政策落实", "—", "", "完成", "推进中", "", ""],
];
const TIME = "2022-10-09 10:30:00 +08:00";
const catalogue = defaultCatalogue();

function check(sheet: SheetGrid) {
  return checkWorkbook({ sheets: [sheet] }).checks[0];
}

/** The workbook with a 审核记录 sheet holding `rows` under the product's header. */
function withLog(sheets: SheetGrid[], rows: CellValue[][]): WorkbookGrids {
  return { sheets: [...sheets, grid(APPROVALS_SHEET, [APPROVAL_HEADER, ...rows])] };
}

describe("fingerprint", () => {
  const base = fingerprint(check(bureauSheet(ROWS)));

  it("is 64 hex digits and the same for the same values", () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(check(bureauSheet(ROWS)))).toBe(base);
  });

  it("does not depend on row order, sheet name or how a number is written", () => {
    const reordered = [ROWS[2], ROWS[0], ["C1", "市级众创空间", "家", "0", "10", "７", "6", ""]];
    expect(fingerprint(check(bureauSheet(reordered, { name: "另一个名字" })))).toBe(base);
  });

  it("lists the rows in code order with their parsed values", () => {
    const content = fingerprintContent(check(bureauSheet([ROWS[1], ROWS[0]])));
    expect(content.rows.map((r) => r.code)).toEqual(["A1", "C1"]);
    expect(content.rows[0]).toMatchObject({
      actual: 1.1,
      baseline: 0.85,
      target: 1.42,
      remarks: "据统计局快报",
    });
    expect(content).toMatchObject({ unit: "市科技局", period: "2022年第三季度" });
  });

  it.each([
    [
      "an actual",
      [["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.2, 1.0, "据统计局快报"], ROWS[1], ROWS[2]],
    ],
    ["a remark", [["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, "修订"], ROWS[1], ROWS[2]]],
    [
      "a milestone state",
      [
        ROWS[0],
        ROWS[1],
        ["E1", "科技进步法和激励自主创新政策落实", "—", "", "完成", "已完成", "", ""],
      ],
    ],
    ["a row removed", [ROWS[0], ROWS[1]]],
  ])("changes with %s", (_what, rows) => {
    expect(fingerprint(check(bureauSheet(rows as Raw[][])))).not.toBe(base);
  });

  it("changes with the period and the unit", () => {
    expect(fingerprint(check(bureauSheet(ROWS, { period: "2022年第二季度" })))).not.toBe(base);
    expect(fingerprint(check(bureauSheet(ROWS, { unit: "合作市财政局" })))).not.toBe(base);
  });
});

describe("approveSheet", () => {
  it("records time, reviewer, sheet, unit, period, counts, catalogue version and fingerprint", () => {
    const wb = { sheets: [bureauSheet(ROWS)] };
    const { checks, findings } = checkWorkbook(wb);
    const out = approveSheet({
      check: checks[0],
      findings,
      reviewer: "  李 明 ",
      time: TIME,
      catalogue,
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.approval).toEqual({
      time: TIME,
      reviewer: "李 明",
      sheet: "监测表",
      unit: "市科技局",
      period: "2022年第三季度",
      errors: 0,
      warnings: findings.length,
      catalogueVersion: catalogue.version,
      fingerprint: fingerprint(checks[0]),
      // The approved values, readable: each indicator's values in code order, 上期 said once.
      values:
        "A1 本期1.1 基期0.85 目标1.42 上期1 备注“据统计局快报”；C1 本期7 基期0 目标10 上期6；E1 本期0.5",
    });
    expect(out.row).toHaveLength(APPROVAL_HEADER.length);
    expect(out.row[8]).toBe(fingerprint(checks[0]));
    expect(out.row[9]).toBe(out.approval.values);
  });

  it("is refused while the sheet has an error, naming the first one", () => {
    const wb = {
      sheets: [bureauSheet([...ROWS, ["C2", "省级科技企业孵化器", "个", 0, 1, "待统计", "", ""]])],
    };
    const { checks, findings } = checkWorkbook(wb);
    const out = approveSheet({
      check: checks[0],
      findings,
      reviewer: "李明",
      time: TIME,
      catalogue,
    });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.reason.zh).toMatch(/有 1 条错误/);
    expect(out.reason.zh).toMatch(/F8/);
    expect(out.reason.en).toMatch(/1 error; fix it before approving\. First: F8/);
  });

  it("is refused without a reviewer name", () => {
    const wb = { sheets: [bureauSheet(ROWS)] };
    const { checks, findings } = checkWorkbook(wb);
    const out = approveSheet({
      check: checks[0],
      findings,
      reviewer: "   ",
      time: TIME,
      catalogue,
    });
    expect(out).toEqual({
      ok: false,
      reason: { zh: "请先填写审核人姓名。", en: "Enter the reviewer's name first." },
    });
  });

  it("is refused for a sheet that is not a monitoring sheet", () => {
    const wb = { sheets: [bureauSheet(ROWS), grid("说明", [["本工作簿用于填报"]])] };
    const out = approveInWorkbook(wb, { sheet: "说明", reviewer: "李明", time: TIME });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason.en).toMatch(/not a monitoring sheet/);
  });

  it("names a missing sheet in the error", () => {
    expect(() =>
      approveInWorkbook(
        { sheets: [bureauSheet(ROWS)] },
        { sheet: "无此表", reviewer: "李明", time: TIME }
      )
    ).toThrow(/无此表/);
  });
});

describe("the approvals log", () => {
  const approval: Approval = {
    time: TIME,
    reviewer: "李明",
    sheet: "监测表",
    unit: "市科技局",
    period: "2022年第三季度",
    errors: 0,
    warnings: 2,
    catalogueVersion: "abc123",
    fingerprint: "a".repeat(64),
    values: "A1 本期1.1；C1 本期7",
  };
  const row = [
    TIME,
    "李明",
    "监测表",
    "市科技局",
    "2022年第三季度",
    0,
    2,
    "abc123",
    "a".repeat(64),
    "A1 本期1.1；C1 本期7",
  ];

  it("reads back what was written, oldest first, skipping rows without a fingerprint", () => {
    const g = grid(APPROVALS_SHEET, [
      APPROVAL_HEADER,
      row,
      ["备注：人工补记"],
      [...row.slice(0, 8), "b".repeat(64)],
    ]);
    const read = readApprovals(g);
    const { values: _values, ...withoutValues } = approval;
    expect(read).toEqual([approval, { ...withoutValues, fingerprint: "b".repeat(64) }]);
  });

  it("finds columns by their header, in any order", () => {
    const header = [...APPROVAL_HEADER].reverse();
    const g = grid(APPROVALS_SHEET, [["审核记录"], header, [...row].reverse()]);
    expect(readApprovals(g)).toEqual([approval]);
  });

  it("gives nothing for a sheet without the header", () => {
    expect(readApprovals(grid(APPROVALS_SHEET, [["随便写的"], row]))).toEqual([]);
    expect(readApprovals(undefined)).toEqual([]);
  });

  it("takes the latest approval of the sheet; elsewhere kept logs must also name the unit", () => {
    const c = check(bureauSheet(ROWS));
    const older = { ...approval, fingerprint: "1".repeat(64) };
    const other = { ...approval, sheet: "其他表", fingerprint: "2".repeat(64) };
    expect(lastApproval(c, [older, approval, other])).toBe(approval);
    expect(lastApproval(c, [{ ...approval, unit: "那吾镇" }], { byUnit: true })).toBeUndefined();
    expect(
      lastApproval(c, [{ ...approval, unit: "合作市科技局" }], { byUnit: true })
    ).toBeDefined();
  });

  it("writes the time with its offset", () => {
    expect(formatApprovalTime(new Date(2022, 9, 9, 8, 5, 7))).toMatch(
      /^2022-10-09 08:05:07 [+-]\d\d:\d\d$/
    );
  });
});

describe("changed_after_approval", () => {
  const sheet = bureauSheet(ROWS);
  const approved = approveInWorkbook(
    { sheets: [sheet] },
    { sheet: "监测表", reviewer: "李明", time: TIME }
  );
  if (!approved.ok) throw new Error("the fixture should be approvable");

  it("is silent while the sheet is as approved", () => {
    const res = validateWorkbook(withLog([sheet], [approved.row]));
    expect(res.findings.map((f) => f.rule)).not.toContain("changed_after_approval");
  });

  it("names the reviewer and the time of the last approval when a value changed", () => {
    const changed = bureauSheet([ROWS[0], ["C1", "市级众创空间", "家", 0, 10, 8, 6, ""], ROWS[2]]);
    const res = validateWorkbook(withLog([changed], [approved.row]));
    const f = res.findings.filter((x) => x.rule === "changed_after_approval");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", sheet: "监测表" });
    expect(f[0].message.zh).toContain("李明");
    expect(f[0].message.zh).toContain(TIME);
    expect(res.checks[0].findings).toContain(f[0]);
  });

  it("is settled by a new approval of the changed data", () => {
    const changed = bureauSheet([ROWS[0], ["C1", "市级众创空间", "家", 0, 10, 8, 6, ""], ROWS[2]]);
    const again = approveInWorkbook(withLog([changed], [approved.row]), {
      sheet: "监测表",
      reviewer: "王芳",
      time: TIME,
    });
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.approval.warnings).toBe(0);
    const res = validateWorkbook(withLog([changed], [approved.row, again.row]));
    expect(res.findings.map((f) => f.rule)).not.toContain("changed_after_approval");
  });
});
