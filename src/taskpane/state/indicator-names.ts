/**
 * Names of indicators for the findings list. Kept apart from run.ts because it needs the default
 * catalogue, which the pane's first screen does not: it loads with the findings list's chunk.
 */
import { defaultCatalogue } from "../../core/catalogue/default";
import type { RunResult } from "../../core/engine";

/** Indicator code → name, from the run's results, else from the default catalogue (validate has no results). */
export function indicatorNames(result: RunResult): Map<string, string> {
  const names = new Map<string, string>();
  for (const ind of defaultCatalogue().indicators) names.set(ind.code, ind.name);
  for (const r of result.indicators) names.set(r.code, r.name);
  return names;
}
