/**
 * What changed since an approval: the approved values kept in 审核记录, read back, and each changed
 * value named old → new with its cell in the `changed_after_approval` finding.
 */
import { validateWorkbook, checkWorkbook } from "../../../src/core/engine";
import {
  APPROVALS_SHEET,
  APPROVAL_HEADER,
  approvalState,
  readApprovals,
} from "../../../src/core/approval";
import { approveInWorkbook } from "../../../src/core/approval/workbook";
import {
  formatRecordedValues,
  parseRecordedValues,
  valueChanges,
} from "../../../src/core/approval/values";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../../src/core/model/cells";
import { bureauSheet, grid, type Raw } from "../../helpers/grid";

const ROWS: Raw[][] = [
  ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.1, 1.0, "据统计局快报"],
  ["C1", "市级众创空间", "家", 0, 10, 7, 6, ""],
  ["E1", "科技进步法和激励自主创新政策落实", "—", "", "完成", "推进中", "", ""],
];
const TIME = "2022-10-09 10:30:00 +08:00";

function withLog(sheets: SheetGrid[], header: CellValue[], rows: CellValue[][]): WorkbookGrids {
  return { sheets: [...sheets, grid(APPROVALS_SHEET, [header, ...rows])] };
}

function approvedRow(sheet: SheetGrid): CellValue[] {
  const out = approveInWorkbook(
    { sheets: [sheet] },
    { sheet: sheet.name, reviewer: "李明", time: TIME }
  );
  if (!out.ok) throw new Error(`not approvable: ${out.reason.en}`);
  return out.row;
}

const changedFinding = (wb: WorkbookGrids) => {
  const found = validateWorkbook(wb).findings.filter((f) => f.rule === "changed_after_approval");
  expect(found).toHaveLength(1);
  return found[0];
};

describe("the approved values in 审核记录", () => {
  it("names both values changed after approval, old and new, with their cells", () => {
    const row = approvedRow(bureauSheet(ROWS));
    // Two values change after the approval: A1's actual (F5) and C1's actual (F6).
    const changed = bureauSheet([
      ["A1", "R&D经费投入强度", "%", 0.85, 1.42, 1.25, 1.0, "据统计局快报"],
      ["C1", "市级众创空间", "家", 0, 10, 9, 6, ""],
      ROWS[2],
    ]);
    const f = changedFinding(withLog([changed], APPROVAL_HEADER, [row]));
    expect(f.message.zh).toContain("A1 R&D经费投入强度：本期值 1.1% → 1.25%（F5）");
    expect(f.message.zh).toContain("C1 市级众创空间：本期值 7 → 9 家（F6）");
    expect(f.message.en).toContain("A1 R&D经费投入强度: actual 1.1% → 1.25% (F5)");
    expect(f.message.en).toContain("C1 市级众创空间: actual 7 → 9 家 (F6)");
    // The bulletin quotes a finding up to its first full stop: the changes are inside it.
    expect(f.message.zh.indexOf("。")).toBeGreaterThan(f.message.zh.indexOf("C1"));
  });

  it("names a changed target, a changed remark, and rows added or removed", () => {
    const row = approvedRow(bureauSheet(ROWS));
    const changed = bureauSheet([
      ["A1", "R&D经费投入强度", "%", 0.85, 1.5, 1.1, 1.0, "修订后"],
      ROWS[2],
      ["C3", "市级孵化器", "个", 0, 2, 1, 1, ""],
    ]);
    const state = approvalState(
      checkWorkbook({ sheets: [changed] }).checks[0],
      readApprovals(grid(APPROVALS_SHEET, [APPROVAL_HEADER, row]))
    );
    expect(state.state).toBe("changed");
    if (state.state !== "changed") return;
    expect(
      state.changes!.map((c) => [c.code, c.field, c.old ?? null, c.new ?? null, c.cell ?? null])
    ).toEqual([
      ["A1", "target", 1.42, 1.5, "E5"],
      ["A1", "remarks", "据统计局快报", "修订后", null],
      ["C3", "row_added", null, 1, "F7"],
      ["C1", "row_removed", 7, null, null],
    ]);
  });

  it("still detects a change under an approval written before the values were kept, and says so", () => {
    const row = approvedRow(bureauSheet(ROWS)).slice(0, 9);
    const oldHeader = APPROVAL_HEADER.slice(0, 9);
    const changed = bureauSheet([ROWS[0], ["C1", "市级众创空间", "家", 0, 10, 8, 6, ""], ROWS[2]]);
    const f = changedFinding(withLog([changed], oldHeader, [row]));
    expect(f.message.zh).toContain("李明");
    expect(f.message.zh).toContain("未保存审核时的数值");
    expect(f.message.en).toContain("the changes cannot be listed");
    // The same sheet unchanged is still approved under the old row.
    const same = validateWorkbook(withLog([bureauSheet(ROWS)], oldHeader, [row]));
    expect(same.findings.map((x) => x.rule)).not.toContain("changed_after_approval");
  });

  it("reads the values of rows appended under an older header", () => {
    const row = approvedRow(bureauSheet(ROWS));
    const changed = bureauSheet([ROWS[0], ["C1", "市级众创空间", "家", 0, 10, 8, 6, ""], ROWS[2]]);
    const f = changedFinding(withLog([changed], APPROVAL_HEADER.slice(0, 9), [row]));
    expect(f.message.zh).toContain("C1 市级众创空间：本期值 7 → 8 家（F6）");
  });

  it("says the values could not be read when the record was typed over", () => {
    const row = approvedRow(bureauSheet(ROWS));
    row[9] = "这里被改写了";
    const changed = bureauSheet([ROWS[0], ["C1", "市级众创空间", "家", 0, 10, 8, 6, ""], ROWS[2]]);
    const f = changedFinding(withLog([changed], APPROVAL_HEADER, [row]));
    expect(f.message.zh).toContain("无法列出改动");
  });
});

describe("the record of values", () => {
  const check = (rows: Raw[][]) => checkWorkbook({ sheets: [bureauSheet(rows)] }).checks[0];

  it("reads back to the same rows, whatever the remarks and typed texts hold", () => {
    const c = check([
      ["A1", "R&D经费投入强度", "%", 0.85, 1.42, "约1.1", 1.0, "含“快报”数；另有说明 两处"],
      ["C1", "市级众创空间", "家", 0, 10, "不适用", "", "”开头的引号"],
      ["C8", "专利申请量", "件", 120, 200, "待统计", 86, ""],
    ]);
    const text = formatRecordedValues(c);
    const parsed = parseRecordedValues(text);
    expect(parsed).not.toBeNull();
    expect(valueChanges(parsed!, c)).toEqual([]);
    expect(parsed!.find((r) => r.code === "A1")!.values.get("remarks")).toBe(
      "含“快报”数；另有说明 两处"
    );
    expect(parsed!.find((r) => r.code === "C8")!.values.get("actual")).toEqual({
      invalid: "待统计",
    });
  });

  it("is not read from text that is not a record", () => {
    expect(parseRecordedValues("")).toBeNull();
    expect(parseRecordedValues("A1 本期一点一")).toBeNull();
    expect(parseRecordedValues("A1 高度1.1")).toBeNull();
  });
});
