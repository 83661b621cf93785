/** The sample quarter's unit files (samples/2022Q3) read as a consolidation's inputs, and its plan. */
import { promises as fs } from "fs";
import * as path from "path";
import { consolidate } from "../../src/core/consolidate";
import type { ConsolidationInput } from "../../src/core/consolidate";
import type { WritePlan } from "../../src/core/model/plan";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

export async function sampleQuarterInputs(quarter = "2022Q3"): Promise<ConsolidationInput[]> {
  const dir = path.join(__dirname, "..", "..", "samples", quarter);
  const inputs: ConsolidationInput[] = [];
  for (const name of (await fs.readdir(dir)).filter((n) => n.endsWith(".xlsx")).sort()) {
    const wb = await XlsxWorkbook.fromBuffer(
      new Uint8Array(await fs.readFile(path.join(dir, name)))
    );
    inputs.push({ file: name, grids: await wb.readSheets() });
  }
  return inputs;
}

/** The plan consolidating the sample quarter writes: 汇总, 填报情况 (with their charts), 校验结果. */
export async function sampleQuarterPlan(quarter = "2022Q3"): Promise<WritePlan> {
  return consolidate(await sampleQuarterInputs(quarter)).plan;
}
