/**
 * demo: the product's main job on the bundled samples — analyse every sample workbook, consolidate
 * each subfolder (a quarter's unit files), write the latest one's bulletin (监测通报), and consolidate
 * the subfolders together (the latest quarter with the earlier ones in 趋势) — into an output folder,
 * with a short summary.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { analyseWorkbook } from "../../core/engine";
import { VALUE, parseOptions, UsageError } from "../shared/args";
import {
  analysedName,
  isWorkbookFileName,
  readWorkbook,
  saveWorkbook,
  InputError,
} from "../shared/io";
import { summaryLines } from "../shared/report";
import type { CommandContext } from "../shared/context";
import { READ_ERROR, USAGE_ERROR } from "../../core/i18n/cli-messages";
import { DEMO_OUTPUT } from "../../core/i18n/cli-output-messages";
import { runConsolidate } from "./consolidate";
import { runReport } from "./report";

export async function runDemo(argv: string[], ctx: CommandContext): Promise<number> {
  const { positional, options } = parseOptions(argv, { out: VALUE });
  const dir = positional[0] ?? "samples";
  const outDir = options.out ?? "out";
  if (positional.length > 1) throw new UsageError(USAGE_ERROR.demoOneFolder);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter(isWorkbookFileName).sort();
  } catch {
    throw new InputError(READ_ERROR.noSuchFolder(dir));
  }
  if (!names.length) throw new InputError(READ_ERROR.noWorkbooks(dir));
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
    ctx.stdout(DEMO_OUTPUT.analysed(name, target));
    for (const l of summaryLines(result, "analyse")) ctx.stdout(l);
  }
  ctx.stdout(DEMO_OUTPUT.analysedAll(names.length, outDir));
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const quarters: string[] = [];
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1)))
    if ((await fs.readdir(path.join(dir, e.name))).some(isWorkbookFileName)) quarters.push(e.name);
  for (const sub of quarters) {
    const folder = path.join(dir, sub);
    const target = path.join(outDir, DEMO_OUTPUT.consolidationFile(sub));
    ctx.stdout(DEMO_OUTPUT.consolidation(folder, target));
    // Error findings in units' sheets are what the demo shows, not a failure of the demo.
    await runConsolidate([folder, "--out", target], ctx);
  }
  // The bulletin of the latest subfolder (the quarter being reported; earlier ones were sent).
  const latest = quarters[quarters.length - 1];
  if (latest) {
    const bulletin = path.join(outDir, DEMO_OUTPUT.bulletinFile(latest));
    ctx.stdout(DEMO_OUTPUT.bulletin(path.join(dir, latest), bulletin));
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
  const target = path.join(outDir, DEMO_OUTPUT.historyFile(subs[0], subs[subs.length - 1]));
  ctx.stdout(
    DEMO_OUTPUT.history(
      subs.map((s) => path.join(dir, s)),
      target
    )
  );
  await runConsolidate([...subs.map((s) => path.join(dir, s)), "--out", target], ctx);
}
