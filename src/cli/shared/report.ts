/** The human-readable summary printed by the commands (the --json document is in the core). */
import type { RunResult } from "../../core/engine";
import { STATUS_STYLE } from "../../core/score";
import { STATUSES } from "../../core/model/results";
import { sortFindings } from "../../core/plan/findings-sheet";

export function summaryLines(result: RunResult, mode: "validate" | "analyse"): string[] {
  const lines: string[] = [];
  for (const s of result.sheets) {
    lines.push(
      `  ${s.sheet}: ${s.unit ?? "(未填单位)"} · ${s.period ?? "(无报告期)"} · ${s.rows} 行指标`
    );
  }
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  lines.push(`  错误 ${errors} · 提示 ${warnings}   (errors ${errors}, warnings ${warnings})`);
  if (mode === "analyse" && result.indicators.length) {
    const counts = STATUSES.map(
      (st) => [st, result.indicators.filter((r) => r.status === st).length] as const
    )
      .filter(([, n]) => n > 0)
      .map(([st, n]) => `${STATUS_STYLE[st].symbol} ${STATUS_STYLE[st].zh} ${n}`);
    lines.push(`  ${counts.join("  ")}`);
    const overall = result.scores.overall;
    lines.push(`  综合得分 overall score: ${overall === null ? "—" : overall.toFixed(1)}`);
  }
  return lines;
}

export function findingLines(result: Pick<RunResult, "findings">, limit = 200): string[] {
  const sorted = sortFindings(result.findings);
  const lines = sorted.slice(0, limit).map((f) => {
    const where = [f.file, f.sheet, f.cell].filter(Boolean).join("!");
    return `  [${f.severity === "error" ? "错误" : "提示"}] ${where} ${f.rule}: ${f.message.zh}`;
  });
  if (sorted.length > limit)
    lines.push(`  … ${sorted.length - limit} more / 另有 ${sorted.length - limit} 条`);
  return lines;
}
