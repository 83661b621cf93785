/** The --json document of `consolidate`: docs/specification.md §10's document plus `consolidated` and `completeness`. */
import { toJsonDocument } from "../engine";
import type { ConsolidationResult } from "./index";
import { roundForJson } from "../util/round";

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
      value: roundForJson(c.value),
      units: c.units,
      status: c.status,
      completion: roundForJson(c.completion),
      score: roundForJson(c.score),
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
      score: roundForJson(r.score),
      rank: r.rank,
      sources: r.sources,
    })),
  };
}
