/** validate and analyse (docs/specification.md §10). */
import { analyseWorkbook, validateWorkbook, toJsonDocument } from "../../core/engine";
import type { RunResult } from "../../core/engine";
import { FLAG, VALUE, parseOptions, UsageError, type ParsedArgs } from "../shared/args";
import {
  analysedName,
  assertWritableInPlace,
  readWorkbook,
  parseAsOf,
  saveWorkbook,
  samePath,
} from "../shared/io";
import { summaryLines, findingLines } from "../shared/report";
import { loadRulesFile } from "../shared/rules-file";
import { rulesSheetOf } from "../../core/catalogue/resolve";
import { RULES_SHEET } from "../../core/catalogue/sheet";
import { USAGE_ERROR } from "../../core/i18n/cli-messages";
import { CHECK_OUTPUT, FINDINGS_OUTPUT, CLI_PROGRESS } from "../../core/i18n/cli-output-messages";
import { movedProductSheets } from "../../core/plan/product-sheet";
import type { CommandContext } from "../shared/context";

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
  if (positional.length !== 1) throw new UsageError(USAGE_ERROR.exactlyOneFile(mode));
  const file = positional[0];
  const out = options.out;
  const inPlace = options["in-place"] === true;
  if (out && inPlace) throw new UsageError(USAGE_ERROR.outOrInPlace);
  if (out && samePath(out, file)) throw new UsageError(USAGE_ERROR.outIsInput);
  const asOf = parseAsOf(options["as-of"]);
  const rulesFile = options.rules;
  const catalogue = rulesFile ? await loadRulesFile(rulesFile) : undefined;

  ctx.progress?.(CLI_PROGRESS.reading(file));
  const { wb, grids } = await readWorkbook(file);
  ctx.progress?.(
    mode === "validate" ? CLI_PROGRESS.validating(file) : CLI_PROGRESS.analysing(file)
  );
  if (rulesFile && rulesSheetOf(grids))
    ctx.stderr(CHECK_OUTPUT.ownRulesSheet(file, RULES_SHEET, rulesFile));
  const opts = { asOf, sheet: options.sheet, catalogue };
  const result = mode === "validate" ? validateWorkbook(grids, opts) : analyseWorkbook(grids, opts);
  if (inPlace) assertWritableInPlace(wb, file, "analyse --in-place");
  // A .xls, .et, .ods or .csv is analysed into an .xlsx beside it, never into itself.
  const target = inPlace
    ? file
    : (out ?? (mode === "analyse" && wb.sourceFormat !== "xlsx" ? analysedName(file) : undefined));
  if (target) {
    ctx.progress?.(CLI_PROGRESS.writing(target));
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
  ctx.stdout(mode === "validate" ? CHECK_OUTPUT.validated(file) : CHECK_OUTPUT.analysed(file));
  for (const l of summaryLines(result, mode)) ctx.stdout(l);
  for (const l of findingLines(result)) ctx.stdout(l);
  if (!target) return;
  ctx.stdout(FINDINGS_OUTPUT.written(target));
  for (const m of movedProductSheets(result.plan))
    ctx.stdout(CHECK_OUTPUT.movedSheet(m.from, m.to));
}
