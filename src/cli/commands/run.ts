/** validate and analyse (docs/specification.md §10). */
import { analyseWorkbook, validateWorkbook, toJsonDocument } from "../../core/engine";
import type { RunResult } from "../../core/engine";
import { FLAG, VALUE, parseOptions, UsageError, type ParsedArgs } from "../args";
import {
  analysedName,
  assertWritableInPlace,
  readWorkbook,
  parseAsOf,
  saveWorkbook,
  samePath,
} from "../io";
import { summaryLines, findingLines } from "../report";
import { loadRulesFile } from "../rules-file";
import { rulesSheetOf } from "../../core/catalogue/resolve";
import { movedProductSheets } from "../../core/plan/product-sheet";
import type { CommandContext } from "../main";

const CHECK_OPTIONS = { json: FLAG, "as-of": VALUE, sheet: VALUE, rules: VALUE } as const;
const ANALYSE_OPTIONS = { ...CHECK_OPTIONS, "in-place": FLAG, out: VALUE } as const;

export async function runCheck(
  mode: "validate" | "analyse",
  argv: string[],
  ctx: CommandContext
): Promise<number> {
  // Only analyse writes a workbook: validate does not know --out and --in-place.
  const parsed: ParsedArgs<typeof ANALYSE_OPTIONS> =
    mode === "analyse" ? parseOptions(argv, ANALYSE_OPTIONS) : parseOptions(argv, CHECK_OPTIONS);
  const { positional, options } = parsed;
  if (positional.length !== 1) throw new UsageError(`${mode} takes exactly one FILE`);
  const file = positional[0];
  const out = options.out;
  const inPlace = options["in-place"] === true;
  if (out && inPlace) throw new UsageError("use either --out or --in-place, not both");
  if (out && samePath(out, file))
    throw new UsageError("--out names the input file; use --in-place to write into it");
  const asOf = parseAsOf(options["as-of"]);
  const rulesFile = options.rules;
  const catalogue = rulesFile ? await loadRulesFile(rulesFile) : undefined;

  ctx.progress?.(`读取 reading ${file}`);
  const { wb, grids } = await readWorkbook(file);
  ctx.progress?.(`${mode === "validate" ? "校验 validating" : "分析 analysing"} ${file}`);
  if (rulesFile && rulesSheetOf(grids)) {
    ctx.stderr(
      `indicator-tracker: ${file} 有自己的“指标规则”表，按该表校验，未使用 --rules ${rulesFile} / ${file} has its own 指标规则 sheet, which is used instead of --rules`
    );
  }
  const opts = { asOf, sheet: options.sheet, catalogue };
  const result = mode === "validate" ? validateWorkbook(grids, opts) : analyseWorkbook(grids, opts);
  if (inPlace) assertWritableInPlace(wb, file, "analyse --in-place");
  // A .xls, .et, .ods or .csv is analysed into an .xlsx beside it, never into itself.
  const target = inPlace
    ? file
    : (out ?? (mode === "analyse" && wb.sourceFormat !== "xlsx" ? analysedName(file) : undefined));
  if (target) {
    ctx.progress?.(`写入 writing ${target}`);
    await wb.applyPlan(result.plan);
    await saveWorkbook(wb, target);
  }
  ctx.progress?.(null);
  if (options.json) ctx.stdout(JSON.stringify(toJsonDocument(result, mode), null, 2));
  else printResult(ctx, mode, file, result, target);
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}

/** The summary, the findings and where the results went, for a person at a terminal. */
function printResult(
  ctx: CommandContext,
  mode: "validate" | "analyse",
  file: string,
  result: RunResult,
  target: string | undefined
): void {
  ctx.stdout(`${mode === "validate" ? "校验" : "分析"} ${file}`);
  for (const l of summaryLines(result, mode)) ctx.stdout(l);
  for (const l of findingLines(result)) ctx.stdout(l);
  if (!target) return;
  ctx.stdout(`  → ${target}`);
  for (const m of movedProductSheets(result.plan)) {
    ctx.stdout(
      `  已有名为“${m.from}”的用户工作表，未覆盖；结果写入“${m.to}” / a sheet of yours is named ${m.from}; it was left as it is and the results are in ${m.to}`
    );
  }
}
