/**
 * How many calls into WPS a run makes, on the WPS double (every property read or written and every
 * method is one call). A unit's sheet of 10 rows and one of 5,000 cost the same; what grows is the
 * number of marked cells (a comment each) and of differently formatted runs of numbers.
 */
import type { PlanSheet, WritePlan } from "../../src/core/model/plan";
import type { SeedSheet } from "./contract";
import { bigSheet, validationPlan } from "./office-harness";
import { WpsHarness, harnessFor, stateFrom } from "./wps-harness";

/** A monitoring sheet whose number column has one format, as templates give it. */
function unitSheet(rows: number): SeedSheet {
  const s = bigSheet(rows);
  for (const [addr, c] of Object.entries(s.cells))
    if (/^B\d+$/.test(addr) && typeof c.value === "number") c.numFmt = "0.00%";
  return s;
}

function analysisPlan(rows: number): WritePlan {
  const sheet: PlanSheet = {
    name: "差距分析",
    cells: [{ row: 0, col: 0, value: "差距分析", bold: true, size: 14 }],
    table: { row: 3, rows: [] },
    merges: ["A1:D1"],
    dataBars: [{ range: `C4:C${3 + rows}`, color: "#638EC6" }],
    freezeRows: 3,
  };
  for (let i = 0; i < rows; i++)
    sheet.table!.rows.push({
      values: ["科技创新投入", `指标${i}`, i / rows, "▲ 滞后"],
      styles: [undefined, undefined, { numFmt: "0.0%" }, { fill: "#FFEB9C", fontColor: "#9C5700" }],
      link: { col: 1, sheet: "监测表", cell: `A${4 + i}` },
    });
  return { sheets: [sheet], annotations: [], activate: "差距分析" };
}

function callsOf(h: WpsHarness, work: () => Promise<unknown>): Promise<number> {
  h.state.resetCalls();
  return work().then(() => h.state.calls);
}

describe("calls into WPS per run", () => {
  it.each([10, 5000])(
    "validating the active sheet of %i rows: 23 calls to read, 90 to write 校验结果 and two marks",
    async (rows) => {
      const h = harnessFor(stateFrom([unitSheet(rows)]));
      expect(await callsOf(h, () => h.port.readActive(["指标规则", "审核记录"]))).toBe(23);
      const plan = { ...validationPlan(2), replaceAnnotations: ["监测表"] };
      expect(await callsOf(h, () => h.port.applyPlan(plan))).toBe(90);
      // One Value2 write for the whole sheet, another for the annotation store.
      expect(h.state.counts.get("Range.Value2=")).toBe(2);
      expect(h.state.sheets[h.state.active].name).toBe("校验结果");
    }
  );

  it.each([
    [false, 5, 2],
    [true, 6, 2],
  ])(
    "a marked cell costs a few calls: comments on the sheet already %s, %i calls the first time, %i the next",
    async (withComment, firstCost, againCost) => {
      const cost = async (findings: number) => {
        const seed = unitSheet(200);
        if (withComment) seed.cells.D5 = { value: "已核实", note: "同事的批注" };
        const h = harnessFor(stateFrom([seed]));
        const plan = { ...validationPlan(findings), replaceAnnotations: ["监测表"] };
        const first = await callsOf(h, () => h.port.applyPlan(plan));
        const again = await callsOf(h, () => h.port.applyPlan(plan));
        return { first, again };
      };
      const few = await cost(2);
      const many = await cost(22);
      expect((many.first - few.first) / 20).toBe(firstCost);
      expect((many.again - few.again) / 20).toBe(againCost);
    }
  );

  it.each([10, 5000])(
    "analysing a workbook of %i rows: the same calls whatever its size",
    async (rows) => {
      const h = harnessFor(
        stateFrom([unitSheet(rows), { name: "乡镇表", cells: { A1: { value: 1 } } }])
      );
      expect(await callsOf(h, () => h.port.readSheets())).toBe(37);
      const plan = analysisPlan(41);
      plan.sheets.push(...validationPlan(3).sheets);
      expect(await callsOf(h, () => h.port.applyPlan(plan))).toBe(97);
    }
  );

  it("writes a 差距分析 of 50,000 rows with as many calls as one of 41", async () => {
    const small = harnessFor(stateFrom([unitSheet(3)]));
    const large = harnessFor(stateFrom([unitSheet(3)]));
    const a = await callsOf(small, () => small.port.applyPlan(analysisPlan(41)));
    const b = await callsOf(large, () => large.port.applyPlan(analysisPlan(50_000)));
    expect(b).toBe(a);
    const sheet = large.state.sheet("差距分析")!;
    expect(sheet.cells.get("50002,1")).toMatchObject({ value: "指标49999", underline: 2 });
    expect(sheet.cells.get("50002,3")).toMatchObject({ fill: 0x9cebff, fontColor: 0x00579c });
    expect(sheet.cells.get("50002,2")?.numFmt).toBe("0.0%");
  });

  it("reads numbers whose formats alternate, halving runs only where the formats differ", async () => {
    const seed = bigSheet(300); // 0.00% on every third row, General on the others
    const h = harnessFor(stateFrom([seed]));
    const calls = await callsOf(h, () => h.port.readSheets());
    const grid = (await h.port.readSheets()).sheets[0];
    for (const [addr, c] of Object.entries(seed.cells)) {
      if (typeof c.value !== "number") continue;
      const row = Number(addr.slice(1)) - 1;
      const col = addr.charCodeAt(0) - 65;
      expect([addr, grid.rows[row][col]?.numFmt]).toEqual([addr, c.numFmt]);
    }
    // Runs of numbers of one format, column by column: what the calls grow with.
    const formats = new Map<string, (string | undefined)[]>();
    for (const [addr, c] of Object.entries(seed.cells))
      if (typeof c.value === "number")
        formats.set(addr[0], [...(formats.get(addr[0]) ?? []), c.numFmt]);
    let runs = 0;
    for (const list of formats.values())
      runs += list.filter((f, i) => i === 0 || f !== list[i - 1]).length;
    expect(runs).toBeGreaterThan(100);
    expect(calls).toBeLessThanOrEqual(23 + 8 * runs);
  });
});
