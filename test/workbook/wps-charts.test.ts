/**
 * The WPS host draws no charts (docs/charts.md): a plan's sheets with charts still get the cells
 * the charts draw from, at their widths, and print their table only — never the table shrunk to
 * one page's width beside those cells.
 */
import { sampleQuarterPlan } from "../helpers/sample-quarter";
import { harnessFor, sheetOf, stateFrom } from "./wps-harness";

it("writes 汇总's chart data beside the table, at its widths, and prints the table alone", async () => {
  const plan = await sampleQuarterPlan();
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
