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
import { FLAG, VALUE, parseOptions, UsageError } from "../args";
import {
  isWorkbookFileName,
  readWorkbook,
  parseAsOf,
  saveWorkbook,
  samePath,
  InputError,
} from "../io";
import { findingLines } from "../report";
import { loadRulesFile } from "../rules-file";
import type { CommandContext } from "../main";

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
    if (!names.length)
      throw new InputError(
        `${arg}: holds no workbook (.xlsx, .xls, .et, .ods, .csv) / 文件夹中没有工作簿`
      );
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
    .map((r) => `${r.unit}(${r.periods.join("、")})`);
  lines.push(
    `  报告期 ${result.period ?? "—"} · 截至 ${result.asOf ?? "—"} · 报送截止 ${result.dueDate ?? "—"}`
  );
  lines.push(
    `  应报 ${listed.length} 个单位，已报 ${listed.filter((r) => r.reported).length}，已审核 ${listed.filter((r) => r.approved).length}` +
      `   (units expected ${listed.length}, reported ${listed.filter((r) => r.reported).length})`
  );
  if (missing.length) lines.push(`  未报送 not reported: ${missing.join("、")}`);
  if (otherPeriod.length) lines.push(`  报告期不符 other period: ${otherPeriod.join("、")}`);
  const errors = result.findings.filter((f) => f.severity === "error").length;
  lines.push(
    `  错误 ${errors} · 提示 ${result.findings.length - errors}   (errors ${errors}, warnings ${result.findings.length - errors})`
  );
  const counts = STATUSES.map(
    (st) => [st, result.indicators.filter((r) => r.status === st).length] as const
  )
    .filter(([, n]) => n > 0)
    .map(([st, n]) => `${STATUS_STYLE[st].symbol} ${STATUS_STYLE[st].zh} ${n}`);
  if (counts.length) lines.push(`  ${counts.join("  ")}`);
  const overall = result.scores.overall;
  lines.push(`  全市综合得分 city score: ${overall === null ? "—" : overall.toFixed(1)}`);
  const history = (result as Partial<HistoryConsolidation>).history;
  if (history) {
    const scores = history.periods.map((p) => `${p.period} ${p.scores.overall?.toFixed(1) ?? "—"}`);
    lines.push(
      `  趋势 ${history.periods.length} 期 (trend, ${history.periods.length} periods): ${scores.join(" → ")}`
    );
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
  if (!positional.length) throw new UsageError("consolidate takes one or more FILEs (or folders)");
  if (!out) throw new UsageError("--out OUT.xlsx is required");
  const asOf = parseAsOf(options["as-of"]);
  // One catalogue for every file: --rules, else the plan's (a unit file's own 指标规则 is not used).
  const rulesFile = options.rules;
  const catalogue = rulesFile ? await loadRulesFile(rulesFile) : undefined;
  const files = (await expandInputs(positional, out)).filter(
    (f) => !rulesFile || !samePath(f, rulesFile)
  );
  if (!files.length) throw new UsageError("no input file besides --out");

  const names = displayNames(files);
  const inputs: ConsolidationInput[] = [];
  for (let i = 0; i < files.length; i++) {
    ctx.progress?.(`读取 reading ${i + 1}/${files.length} ${names[i]}`);
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
    ctx.stdout(`汇总 consolidate ${files.length} 个文件 files`);
    for (const l of consolidationLines(result)) ctx.stdout(l);
    for (const l of findingLines(result as unknown as Parameters<typeof findingLines>[0]))
      ctx.stdout(l);
    ctx.stdout(`  → ${out}`);
  }
  return result.findings.some((f) => f.severity === "error") ? 1 : 0;
}
