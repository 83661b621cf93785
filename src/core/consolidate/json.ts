/** The --json document of `consolidate`: SPEC §10's document plus `consolidated` and `completeness`. */
import { toJsonDocument } from "../engine";
import type { ConsolidationResult } from "./index";

function clean(n: number | null): number | null {
  return n === null ? null : Number(n.toPrecision(15));
}

export function consolidationJson(result: ConsolidationResult): object {
  const doc = toJsonDocument(
    {
      asOf: result.asOf,
      findings: result.findings,
      indicators: result.indicators,
      scores: result.scores,
      sheets: result.sheets,
      plan: result.plan,
      checks: result.reports.map((r) => r.check),
    },
    "analyse"
  ) as Record<string, unknown>;
  return {
    ...doc,
    period: result.period,
    dueDate: result.dueDate,
    consolidated: result.consolidated.map((c) => ({
      code: c.code,
      value: clean(c.value),
      units: c.units,
      status: c.status,
      completion: clean(c.completion),
      score: clean(c.score),
    })),
    completeness: result.completeness.map((r) => ({
      unit: r.unit,
      reported: r.reported,
      errors: r.errors,
      warnings: r.warnings,
      approved: r.approved,
      missing: r.missing,
      kind: r.kind,
      status: r.status,
      onTime: r.onTime,
      reportDate: r.reportDate,
      score: clean(r.score),
      rank: r.rank,
      sources: r.sources,
    })),
  };
}
