/**
 * demo: the product's main job on the bundled samples — analyse every sample workbook, consolidate
 * each subfolder (a quarter's unit files), write the latest one's bulletin (监测通报), and consolidate
 * the subfolders together (the latest quarter with the earlier ones in 趋势) — into an output folder,
 * with a short summary.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { analyseWorkbook } from "../../core/engine";
import { VALUE, parseOptions, UsageError } from "../args";
import { analysedName, isWorkbookFileName, readWorkbook, saveWorkbook, InputError } from "../io";
import { summaryLines } from "../report";
import type { CommandContext } from "../main";
import { runConsolidate } from "./consolidate";
import { runReport } from "./report";

export async function runDemo(argv: string[], ctx: CommandContext): Promise<number> {
  const { positional, options } = parseOptions(argv, { out: VALUE });
  const dir = positional[0] ?? "samples";
  const outDir = options.out ?? "out";
  if (positional.length > 1) throw new UsageError("demo takes one folder");
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter(isWorkbookFileName).sort();
  } catch {
    throw new InputError(`${dir}: no such folder / 文件夹不存在`);
  }
  if (!names.length)
    throw new InputError(`${dir}: holds no workbook (.xlsx, .xls, .et, .ods, .csv) / 没有工作簿`);
  await fs.mkdir(outDir, { recursive: true });
  for (const name of names) {
    const { wb, grids } = await readWorkbook(path.join(dir, name));
    const result = analyseWorkbook(grids);
    await wb.applyPlan(result.plan);
    const target = path.join(
      outDir,
      path.basename(analysedName(name)).replace(/\.xlsx$/i, wb.macroEnabled ? ".xlsm" : ".xlsx")
    );
    await saveWorkbook(wb, target);
    ctx.stdout(`${name} → ${target}`);
    for (const l of summaryLines(result, "analyse")) ctx.stdout(l);
  }
  ctx.stdout(
    `${names.length} workbooks analysed into ${outDir}/ / 已分析 ${names.length} 个工作簿`
  );
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const quarters: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1)))
    if ((await fs.readdir(path.join(dir, e.name))).some(isWorkbookFileName)) quarters.push(e.name);
  for (const sub of quarters) {
    const folder = path.join(dir, sub);
    const target = path.join(outDir, `${sub}-汇总.xlsx`);
    ctx.stdout(`${folder}/ → ${target}  (汇总 consolidation)`);
    // Error findings in units' sheets are what the demo shows, not a failure of the demo.
    await runConsolidate([folder, "--out", target], ctx);
  }
  // The bulletin of the latest subfolder (the quarter being reported; earlier ones were sent).
  const latest = quarters[quarters.length - 1];
  if (latest) {
    const bulletin = path.join(outDir, `${latest}-监测通报.docx`);
    ctx.stdout(`${path.join(dir, latest)}/ → ${bulletin}  (监测通报 bulletin)`);
    await runReport([path.join(dir, latest), "--out", bulletin], ctx);
  }
  if (quarters.length > 1) await consolidateAll(dir, quarters, outDir, ctx);
  return 0;
}

/** The subfolders together: the latest period, with the earlier ones in 趋势. */
async function consolidateAll(
  dir: string,
  subs: string[],
  outDir: string,
  ctx: CommandContext
): Promise<void> {
  const target = path.join(outDir, `${subs[0]}-${subs[subs.length - 1]}-汇总.xlsx`);
  ctx.stdout(`${subs.map((s) => `${path.join(dir, s)}/`).join(" ")} → ${target}  (趋势 history)`);
  await runConsolidate([...subs.map((s) => path.join(dir, s)), "--out", target], ctx);
}
