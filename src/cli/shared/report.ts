/** The human-readable summary printed by the commands (the --json document is in the core). */
import type { RunResult } from "../../core/engine";
import { STATUS_STYLE } from "../../core/score";
import { STATUSES } from "../../core/model/results";
import { sortFindings } from "../../core/plan/findings-sheet";
import { CHECK_OUTPUT, FINDINGS_OUTPUT } from "../../core/i18n/cli-output-messages";
import { SEVERITY_WORD } from "../../core/i18n/findings-labels";

export function summaryLines(result: RunResult, mode: "validate" | "analyse"): string[] {
  const lines: string[] = [];
  for (const s of result.sheets) {
    lines.push(CHECK_OUTPUT.sheet(s.sheet, s.unit, s.period, s.rows));
  }
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  lines.push(FINDINGS_OUTPUT.counts(errors, warnings));
  if (mode === "analyse" && result.indicators.length) {
    const counts = STATUSES.map(
      (st) => [st, result.indicators.filter((r) => r.status === st).length] as const
    )
      .filter(([, n]) => n > 0)
      .map(([st, n]) => `${STATUS_STYLE[st].symbol} ${STATUS_STYLE[st].zh} ${n}`);
    lines.push(`  ${counts.join("  ")}`);
    const overall = result.scores.overall;
    lines.push(CHECK_OUTPUT.overallScore(overall === null ? "—" : overall.toFixed(1)));
  }
  return lines;
}

export function findingLines(result: Pick<RunResult, "findings">, limit = 200): string[] {
  const sorted = sortFindings(result.findings);
  const lines = sorted.slice(0, limit).map((f) => {
    const where = [f.file, f.sheet, f.cell].filter(Boolean).join("!");
    return FINDINGS_OUTPUT.finding(SEVERITY_WORD[f.severity].zh, where, f.rule, f.message.zh);
  });
  if (sorted.length > limit) lines.push(FINDINGS_OUTPUT.moreFindings(sorted.length - limit));
  return lines;
}
