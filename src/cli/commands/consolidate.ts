/**
 * consolidate FILE... --out OUT.xlsx: the units' files of a period into one workbook with 汇总,
 * 填报情况 and the findings (docs/specification.md §8). Each file is read once; none is written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { type ConsolidationInput, type ConsolidationResult } from "../../core/consolidate";
import { consolidationJson } from "../../core/consolidate/json";
import { consolidateHistory, type HistoryConsolidation } from "../../core/consolidate/history";
import { historyJson } from "../../core/consolidate/trend";
import { STATUS_STYLE } from "../../core/score";
import { STATUSES } from "../../core/model/results";
import { XlsxWorkbook } from "../../workbook/xlsx";
import { FLAG, VALUE, parseOptions, UsageError } from "../shared/args";
import {
  isWorkbookFileName,
  readWorkbook,
  parseAsOf,
  saveWorkbook,
  samePath,
  InputError,
} from "../shared/io";
import { findingLines } from "../shared/report";
import { loadRulesFile } from "../shared/rules-file";
import type { CommandContext } from "../shared/context";
import { listText } from "../../core/i18n/consolidation-labels";
import { READ_ERROR, USAGE_ERROR } from "../../core/i18n/cli-messages";
import {
  FINDINGS_OUTPUT,
  CLI_PROGRESS,
  CONSOLIDATION_OUTPUT,
} from "../../core/i18n/cli-output-messages";

/** A folder stands for the workbooks in it (not its subfolders); Excel's "~$" lock files are skipped. */
export async function expandInputs(args: string[], out: string): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = (await fs.stat(arg)).isDirectory();
    } catch {
      // A missing file is reported when it is opened, with the usual sentence.
    }
    if (!isDir) {
      files.push(arg);
      continue;
    }
    const names = (await fs.readdir(arg)).filter(isWorkbookFileName).sort();
    if (!names.length) throw new InputError(READ_ERROR.noWorkbooksInFolder(arg));
    files.push(...names.map((n) => path.join(arg, n)));
  }
  // An earlier result in the same folder is not an input.
  return files.filter((f) => !samePath(f, out));
}

/** Names shown for the files: their base names, or the paths given when two share a name. */
export function displayNames(files: string[]): string[] {
  const base = files.map((f) => path.basename(f));
  return base.map((b, i) => (base.indexOf(b) !== base.lastIndexOf(b) ? files[i] : b));
}

export function consolidationLines(result: ConsolidationResult): string[] {
  const lines: string[] = [];
  const listed = result.completeness.filter((r) => r.kind !== "unlisted");
  const missing = listed.filter((r) => r.status === "not_reported").map((r) => r.unit);
  const otherPeriod = listed
    .filter((r) => r.status === "period_mismatch")
    .map((r) => CONSOLIDATION_OUTPUT.unitPeriods(r.unit, listText(r.periods)));
  lines.push(
    CONSOLIDATION_OUTPUT.period(result.period ?? "—", result.asOf ?? "—", result.dueDate ?? "—")
  );
  lines.push(
    CONSOLIDATION_OUTPUT.units(
      listed.length,
      listed.filter((r) => r.reported).length,
      listed.filter((r) => r.approved).length
    )
  );
  if (missing.length) lines.push(CONSOLIDATION_OUTPUT.notReported(listText(missing)));
  if (otherPeriod.length) lines.push(CONSOLIDATION_OUTPUT.otherPeriod(listText(otherPeriod)));
  const errors = result.findings.filter((f) => f.severity === "error").length;
  lines.push(FINDINGS_OUTPUT.counts(errors, result.findings.length - errors));
  const counts = STATUSES.map(
    (st) => [st, result.indicators.filter((r) => r.status === st).length] as const
  )
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `${STATUS_STYLE[st].symbol} ${STATUS_STYLE[st].zh} ${n}`);
  if (counts.length) lines.push(`  ${counts.join("  ")}`);
  const overall = result.scores.overall;
  lines.push(CONSOLIDATION_OUTPUT.cityScore(overall === null ? "—" : overall.toFixed(1)));
  const history = (result as Partial<HistoryConsolidation>).history;
  if (history) {
    const scores = history.periods.map((p) =>
      CONSOLIDATION_OUTPUT.periodScore(p.period, p.scores.overall?.toFixed(1) ?? "—")
    );
    lines.push(CONSOLIDATION_OUTPUT.trend(history.periods.length, scores));
  }
  return lines;
}

export async function runConsolidate(argv: string[], ctx: CommandContext): Promise<number> {
  const { positional, options } = parseOptions(argv, {
    json: FLAG,
    out: VALUE,
    "as-of": VALUE,
    rules: VALUE,
  });
  const out = options.out;
  if (!positional.length) throw new UsageError(USAGE_ERROR.filesOrFolders("consolidate"));
  if (!out) throw new UsageError(USAGE_ERROR.outXlsxRequired);
  const asOf = parseAsOf(options["as-of"]);
  // One catalogue for every file: --rules, else the plan's (a unit file's own 指标规则 is not used).
  const rulesFile = options.rules;
  const catalogue = rulesFile ? await loadRulesFile(rulesFile) : undefined;
  const files = (await expandInputs(positional, out)).filter(
    (f) => !rulesFile || !samePath(f, rulesFile)
  );
  if (!files.length) throw new UsageError(USAGE_ERROR.noInputBesidesOut);

  const names = displayNames(files);
  const inputs: ConsolidationInput[] = [];
  for (let i = 0; i < files.length; i++) {
    ctx.progress?.(CLI_PROGRESS.readingOf(i + 1, files.length, names[i]));
    inputs.push({ file: names[i], grids: (await readWorkbook(files[i])).grids });
  }
  ctx.progress?.(null);
  // Files of several periods: the latest consolidated, the earlier ones as its history (趋势).
  const result = consolidateHistory(inputs, { asOf, catalogue });
  const target = XlsxWorkbook.empty();
  await target.applyPlan(result.plan);
  await saveWorkbook(target, out);

  if (options.json) {
    const history = result.history ? { history: historyJson(result.history) } : {};
    ctx.stdout(JSON.stringify({ ...consolidationJson(result), ...history }, null, 2));
  } else {
    ctx.stdout(CONSOLIDATION_OUTPUT.consolidated(files.length));
    for (const l of consolidationLines(result)) ctx.stdout(l);
    for (const l of findingLines(result as unknown as Parameters<typeof findingLines>[0]))
      ctx.stdout(l);
    ctx.stdout(FINDINGS_OUTPUT.written(out));
  }
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}
