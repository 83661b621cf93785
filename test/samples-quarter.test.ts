/** The quarter's unit files (samples/2022Q3): each planted situation shows in the consolidation. */
import { promises as fs } from "fs";
import * as path from "path";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { consolidate, type ConsolidationResult } from "../src/core/consolidate";

const dir = path.join(__dirname, "..", "samples", "2022Q3");
let res: ConsolidationResult;

beforeAll(async () => {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith(".xlsx")).sort();
  const inputs = [];
  for (const name of names) {
    const wb = await XlsxWorkbook.fromBuffer(
      new Uint8Array(await fs.readFile(path.join(dir, name)))
    );
    inputs.push({ file: name, grids: await wb.readSheets() });
  }
  res = consolidate(inputs);
});

const row = (unit: string) => res.completeness.find((r) => r.unit === unit)!;

it("holds the seven bureaux and the townships and streets but one", () => {
  expect(res.period).toBe("2022年第三季度");
  expect(res.completeness.filter((r) => r.kind !== "unlisted")).toHaveLength(17);
  expect(res.completeness[0]).toMatchObject({
    unit: "佐盖曼玛乡",
    status: "not_reported",
    reported: false,
  });
  expect(res.completeness.filter((r) => !r.reported).map((r) => r.unit)).toEqual([
    "佐盖曼玛乡",
    "卡加道乡",
  ]);
});

it("leaves out the second-quarter sheet of 卡加道乡", () => {
  expect(row("卡加道乡").status).toBe("period_mismatch");
  expect(res.findings.filter((f) => f.rule === "period_mismatch").map((f) => f.file)).toEqual([
    "卡加道乡-2022Q2.xlsx",
  ]);
  expect(res.consolidated.find((c) => c.code === "F4")!.units).not.toContain("卡加道乡");
  expect(res.consolidated.find((c) => c.code === "F4")!.units).toHaveLength(8);
});

it("flags 市科技局's A2 against 市财政局's and keeps the owner's", () => {
  const f = res.findings.filter((x) => x.rule === "conflicting_values");
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ file: "市科技局-2022Q3.xlsx", indicator: "A2" });
  expect(f[0].message.zh).toMatch(/市科技局（.*）.*市财政局（市财政局-2022Q3\.xlsx/);
  expect(res.consolidated.find((c) => c.code === "A2")).toMatchObject({
    value: 1.28,
    units: ["市财政局"],
  });
});

it("makes the city's F9 invalid while 通钦街道's value cannot be read", () => {
  expect(res.indicators.find((r) => r.code === "F9")).toMatchObject({
    status: "invalid",
    actualText: "待核实：通钦街道",
  });
  expect(row("通钦街道").errors).toBe(1);
  expect(res.findings.filter((f) => f.severity === "error")).toHaveLength(1);
});

it("shows approvals only where the data still match, and the late units", () => {
  const approved = res.completeness
    .filter((r) => r.approved)
    .map((r) => r.unit)
    .sort();
  expect(approved).toEqual(
    ["卡加曼乡", "坚木克尔街道", "市农业农村局", "市工信局", "市科协", "市财政局", "那吾镇"].sort()
  );
  expect(row("勒秀镇")).toMatchObject({ approved: false, approval: "changed" });
  expect(
    res.findings.filter((f) => f.rule === "changed_after_approval").map((f) => f.file)
  ).toEqual(["勒秀镇-2022Q3.xlsx"]);
  expect(
    res.completeness
      .filter((r) => r.onTime === false)
      .map((r) => r.unit)
      .sort()
  ).toEqual(["伊合昂街道", "佐盖多玛乡"].sort());
  expect(row("市工信局").onTime).toBeNull();
});
