/** The bundled samples: the faulty one reports each planted mistake at its cell; the others are clean. */
import { promises as fs } from "fs";
import * as path from "path";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import { validateWorkbook, analyseWorkbook } from "../src/core/engine";

const dir = path.join(__dirname, "..", "samples");

async function load(name: string) {
  const data = await fs.readFile(path.join(dir, name));
  return (await XlsxWorkbook.fromBuffer(new Uint8Array(data))).readSheets();
}

describe("the faulty sample", () => {
  it("reports each planted mistake at its cell with the right rule, and no error on a correct row", async () => {
    const res = validateWorkbook(await load("04-市农业农村局-2022Q3-有错误.xlsx"));
    const got = res.findings.map((f) => `${f.cell} ${f.rule}`);
    expect(got).toEqual(
      expect.arrayContaining([
        "F9 unparseable_number", // text in a number cell
        "F12 likely_fraction_percent", // 0.48 for 48 %
        "C5 unit_mismatch", // 52000 under 万亩
        "F10 missing_value",
        "B11 duplicate_indicator",
        "E6 target_changed", // 350 for the catalogue's 400
      ])
    );
    const plantedRows = new Set([5, 6, 9, 10, 11, 12]);
    const errorsElsewhere = res.findings.filter(
      (f) => f.severity === "error" && !plantedRows.has(Number(/\d+/.exec(f.cell ?? "")?.[0]))
    );
    expect(errorsElsewhere).toEqual([]);
  });
});

describe.each([
  ["01-市科技局-2022Q3.xlsx", 16],
  ["02-那吾镇-2022Q3.xlsx", 11],
  ["03-勒秀镇-2022年度-宽表.xlsx", 7],
])("%s", (name, rows) => {
  it("is read whole and validates without a finding", async () => {
    const res = analyseWorkbook(await load(name));
    expect(res.sheets[0].rows).toBe(rows);
    expect(res.findings).toEqual([]);
    expect(res.indicators.every((r) => r.status !== "invalid" && r.status !== "no_data")).toBe(
      true
    );
  });
});
