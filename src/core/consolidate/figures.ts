/**
 * The city's figure of each scored indicator (docs/consolidation.md): each unit's rows of the
 * period, one per indicator, aggregated and then scored and gap-analysed like a single sheet's.
 */
import type { Catalogue, Indicator } from "../model/catalogue";
import type { ConsolidatedIndicator } from "../model/consolidation";
import type { Finding, IndicatorResult } from "../model/results";
import type { RowData } from "../validate/sheet";
import { sameUnit, unitKey } from "../read/match";
import { scoreIndicator } from "../score";
import { makeFinding } from "../validate/rules";
import { toBeCheckedText } from "../i18n/consolidation-labels";
import { CONSOLIDATION_SHEET } from "../plan/consolidation-plan";
import { aggregateIndicator, where, type CityFigure, type Contribution } from "./aggregate";
import type { SheetReport } from "./completeness";
import { tag } from "./reports";

/** The city's results, and how each figure was made. */
export function cityFigures(
  reports: SheetReport[],
  catalogue: Catalogue,
  asOf: string | null
): { indicators: IndicatorResult[]; consolidated: ConsolidatedIndicator[] } {
  const indicators: IndicatorResult[] = [];
  const consolidated: ConsolidatedIndicator[] = [];
  // Conflicting rows of one unit are found whether or not a period could be chosen.
  const byUnit = contributionsByUnit(reports, catalogue);
  if (!asOf) return { indicators, consolidated };
  for (const ind of catalogue.indicators.filter((i) => i.kind)) {
    const contributions = byUnit
      .map((u) => u.contribution(ind))
      .filter((c): c is Contribution => !!c);
    const fig = aggregateIndicator(ind, contributions);
    for (const f of fig.findings) reportOf(reports, f)?.findings.push(f);
    const res = cityResult(ind, fig, asOf, catalogue);
    indicators.push(res);
    const { status, completion, score } = res;
    consolidated.push({
      code: ind.code,
      value: fig.value,
      units: fig.units,
      status,
      completion,
      score,
    });
  }
  return { indicators, consolidated };
}

/** A city figure scored like a sheet's row; the 汇总 sheet is its source. */
function cityResult(
  ind: Indicator,
  fig: CityFigure,
  asOf: string,
  catalogue: Catalogue
): IndicatorResult {
  const figures = scoreIndicator({
    indicator: ind,
    state: fig.state,
    actual: fig.value,
    baseline: fig.baseline,
    asOf,
    history: fig.history,
    tolerances: catalogue.tolerances,
  });
  const res: IndicatorResult = { ...figures, sheet: CONSOLIDATION_SHEET };
  if (fig.actualText) res.actualText = fig.actualText;
  // An invalid figure is not shown as a number: who has to correct it is.
  if (fig.state === "invalid") res.actualText = toBeCheckedText(fig.brokenBy);
  if (fig.approximate) res.approximate = true;
  return res;
}

/** The report a consolidation finding is about (by file and sheet). */
function reportOf(reports: SheetReport[], f: Finding): SheetReport | undefined {
  return reports.find((r) => r.file === f.file && r.check.sheet === f.sheet);
}

interface UnitRows {
  contribution(ind: Indicator): Contribution | undefined;
}

interface RowOf {
  row: RowData;
  report: SheetReport;
}

/**
 * Each named unit's rows from the sheets of the period, one row per indicator: a unit that sent the
 * same indicator twice contributes its first row (a second, different value is a conflict).
 */
function contributionsByUnit(reports: SheetReport[], catalogue: Catalogue): UnitRows[] {
  return unitGroups(reports, catalogue).map((mine) => {
    const rowsByCode = firstRows(mine);
    const unit = mine[0].unit!;
    const entry = mine[0].entry;
    return {
      contribution(ind) {
        const hit = rowsByCode.get(ind.code);
        if (!hit) return undefined;
        const weight = ind.weightBy ? rowsByCode.get(ind.weightBy)?.row : undefined;
        return {
          unit,
          kind: entry?.kind ?? null,
          isOwner: sameUnit(unit, ind.owner),
          row: hit.row,
          weightRow: weight,
          file: hit.report.file,
          sheet: hit.report.check.sheet,
        };
      },
    };
  });
}

/** The included sheets grouped by unit, in the catalogue's order of units (then units outside it). */
function unitGroups(reports: SheetReport[], catalogue: Catalogue): SheetReport[][] {
  const groups = new Map<string, SheetReport[]>();
  for (const r of reports) {
    if (!r.included || !r.unit) continue;
    const key = unitKey(r.unit);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  // Whatever the order of the files.
  const order = (key: string) => {
    const i = catalogue.units.findIndex((u) => unitKey(u.name) === key);
    return i < 0 ? catalogue.units.length : i;
  };
  return Array.from(groups)
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([, mine]) => mine);
}

/** One unit's first row of each indicator; a later row with another value is reported as a conflict. */
function firstRows(mine: SheetReport[]): Map<string, RowOf> {
  const rowsByCode = new Map<string, RowOf>();
  for (const report of mine) {
    for (const row of report.check.rows) {
      const first = rowsByCode.get(row.indicator.code);
      if (!first) rowsByCode.set(row.indicator.code, { row, report });
      else if (differentValues(first.row, row))
        report.findings.push(tag(repeatedRowConflict(first, { row, report }), report.file));
    }
  }
  return rowsByCode;
}

function differentValues(a: RowData, b: RowData): boolean {
  const x = a.actual;
  const y = b.actual;
  return (
    x.state === "ok" &&
    y.state === "ok" &&
    x.value !== null &&
    y.value !== null &&
    Math.abs(x.value - y.value) > 1e-9 * Math.max(1, Math.abs(x.value))
  );
}

/** A unit's second row of an indicator against its first. */
function repeatedRowConflict(first: RowOf, second: RowOf): Finding {
  const place = (r: RowOf) => ({
    unit: r.report.unit!,
    file: r.report.file,
    sheet: r.report.check.sheet,
    row: r.row,
  });
  const { row } = second;
  const b = row.actual;
  return makeFinding(
    "conflicting_values",
    {
      sheet: second.report.check.sheet,
      cell: b.address,
      indicator: row.indicator.code,
      text: b.text,
    },
    {
      ind: `${row.indicator.code} ${row.indicator.name}`,
      reporter: where(place(second)),
      found: b.text || b.value!,
      owner: where(place(first)),
      expected: first.row.actual.value!,
    }
  );
}
