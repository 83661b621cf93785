/**
 * The WPS host draws no charts (docs/charts.md): a plan's sheets with charts still get the cells
 * the charts draw from, at their widths, and print their table only — never the table shrunk to
 * one page's width beside those cells.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { consolidate } from "../../src/core/consolidate";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { harnessFor, sheetOf, stateFrom } from "./wps-harness";

it("writes 汇总's chart data beside the table, at its widths, and prints the table alone", async () => {
  const dir = path.join(__dirname, "..", "..", "samples", "2022Q3");
  const inputs = [];
  for (const name of (await fs.readdir(dir)).filter((n) => n.endsWith(".xlsx")).sort()) {
    const wb = await XlsxWorkbook.fromBuffer(
      new Uint8Array(await fs.readFile(path.join(dir, name)))
    );
    inputs.push({ file: name, grids: await wb.readSheets() });
  }
  const plan = consolidate(inputs).plan;
  const h = harnessFor(stateFrom([{ name: "说明", cells: {} }]));
  await h.port.applyPlan(plan);
  for (const name of ["汇总", "填报情况"]) {
    const ps = plan.sheets.find((s) => s.name === name)!;
    const sheet = sheetOf(h.state, name);
    expect(sheet.printArea).toBe(ps.charts!.printAreas![0]);
    for (const [col, width] of Object.entries(ps.charts!.columnWidths!))
      expect(sheet.columnWidths.get(Number(col))).toBe(width);
    for (const c of ps.charts!.cells)
      expect(sheet.cells.get(`${c.row},${c.col}`)?.value).toBe(c.value);
  }
});
