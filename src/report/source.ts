/** What the bulletin is made from, taken from a consolidation (docs/bulletin.md). */
import type { ConsolidationResult } from "../core/consolidate";
import type { BulletinSource, UnitRow } from "./model";
import { previousPeriod } from "./previous";

function unitRow(r: ConsolidationResult["completeness"][number]): UnitRow {
  return {
    unit: r.unit,
    kind: r.kind,
    status: r.status,
    periods: r.periods,
    reportDate: r.reportDate,
    dueDate: r.dueDate,
    onTime: r.onTime,
    errors: r.errors,
    warnings: r.warnings,
    approval: r.approval,
    approvedBy: r.approvedBy,
    expected: r.expected,
    missing: r.missing,
    score: r.score,
    rank: r.rank,
  };
}

/** The bulletin's figures from a consolidation; null when it has none (its 指标规则 was broken). */
export function sourceFromConsolidation(result: ConsolidationResult): BulletinSource | null {
  const catalogue = result.catalogue;
  if (!catalogue) return null;
  const unitOfSource: Record<string, string> = {};
  for (const r of result.reports) {
    if (!r.unit) continue;
    unitOfSource[r.file ? `${r.file}!${r.check.sheet}` : r.check.sheet] = r.unit;
  }
  return {
    period: result.period,
    asOf: result.asOf,
    dueDate: result.dueDate,
    indicators: result.indicators,
    scores: result.scores,
    units: result.completeness.map(unitRow),
    findings: result.findings,
    unitOfSource,
    catalogue,
    previous: previousPeriod(result, catalogue),
  };
}
