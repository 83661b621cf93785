/**
 * A sheet holding a table of units as rows (docs/reading-forms.md): each unit's row is checked as
 * that unit's own report for the sheet's period, and the 合计 row only against the units' rows.
 * Also the warnings of the columns the reader chose with less than certainty (column_guessed).
 */
import { cellAddress } from "../model/cells";
import type { Catalogue, Indicator } from "../model/catalogue";
import type { Finding } from "../model/results";
import { canonicalUnitName, type IndicatorIndex } from "../read/match";
import type { ReadSheet, TableLayout, UnitsTable } from "../read/sheet";
import type { HeaderCellAt } from "../read/layout";
import { makeFinding } from "./rules";
import { indicatorLabel } from "./interpret";
import { roundForMessage } from "../util/round";
import type { CheckOptions, RowData, SheetCheck } from "./sheet";

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/** One finding per column chosen with less than certainty, at the header cell it was chosen by. */
export function layoutFindings(sheet: string, layouts: readonly TableLayout[]): readonly Finding[] {
  // Most sheets' layouts hold no choice: nothing is allocated for them.
  if (!layouts.some((l) => l.choices.length)) return NO_FINDINGS;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const layout of layouts) {
    const at = (h: HeaderCellAt) => ({
      address: cellAddress(layout.headerRow + h.row, h.col),
      text: h.text,
    });
    for (const c of layout.choices) {
      const chosen = at(c.chosen);
      // The indicators of a units table share their header rows: one warning per header cell.
      if (seen.has(chosen.address)) continue;
      seen.add(chosen.address);
      out.push(
        makeFinding(
          "column_guessed",
          { sheet, cell: chosen.address, text: chosen.text },
          {
            choice: {
              key: c.key,
              reason: c.reason,
              chosen,
              others: c.others.map(at),
              count: c.count,
            },
          }
        )
      );
    }
  }
  return out;
}

interface Context {
  catalogue: Catalogue;
  index: IndicatorIndex;
  options: CheckOptions;
  checkRead: (
    read: ReadSheet,
    catalogue: Catalogue,
    index: IndicatorIndex,
    options: CheckOptions
  ) => SheetCheck;
}

/**
 * The sheet's check, holding one part per unit's row (and one for a table of indicator rows beside
 * them). The sheet's own findings — columns chosen, totals that differ — go with its first part.
 */
export function checkUnitTables(read: ReadSheet, ctx: Context): SheetCheck {
  const { catalogue, index, options, checkRead } = ctx;
  const parts: SheetCheck[] = [];
  const own: Finding[] = [...layoutFindings(read.sheet, read.tables)];
  if (read.tables.length)
    parts.push(checkRead({ ...read, unitTables: [] }, catalogue, index, options));
  for (const table of read.unitTables) {
    own.push(...layoutFindings(read.sheet, table.layouts));
    const unitParts = table.reports.map((report) => {
      const part = checkRead(
        {
          ...read,
          meta: { ...read.meta, unit: report.unit },
          tables: table.layouts,
          rows: report.rows,
          unitTables: [],
        },
        catalogue,
        index,
        options
      );
      for (const res of part.results) res.source = part.unitCanonical ?? part.unit ?? undefined;
      return part;
    });
    own.push(...totalFindings(read, table, unitParts, ctx));
    parts.push(...unitParts);
  }
  parts[0]?.findings.unshift(...own);
  const first = parts[0];
  const unit = read.meta.unit?.text ?? null;
  const whole: SheetCheck = {
    sheet: read.sheet,
    read,
    recognised: true,
    unit,
    unitCanonical: unit ? (canonicalUnitName(catalogue, unit) ?? unit) : null,
    period: first?.period ?? null,
    asOf: first?.asOf ?? null,
    rows: [],
    rowCount: parts.reduce((n, p) => n + p.rowCount, 0),
    findings: parts.flatMap((p) => p.findings),
    results: parts.flatMap((p) => p.results),
    parts,
  };
  for (const p of parts) p.whole = whole;
  return whole;
}

/** Relative differences tolerated between the total row and the units' figures (rounding of 万亩, 斤). */
const SAME_TOTAL = 0.005;
const SAME_MEAN = 0.01;

/**
 * The 合计 row against the units' rows: the sum for indicators the city adds up, the mean weighted
 * by the weight indicator for yields. Read like a unit's row, so its units of measure convert alike.
 */
function totalFindings(
  read: ReadSheet,
  table: UnitsTable,
  parts: SheetCheck[],
  ctx: Context
): Finding[] {
  if (!table.total?.length) return [];
  const totalRead: ReadSheet = {
    ...read,
    meta: { ...read.meta, unit: { value: "合计", text: "合计", address: "" } },
    tables: table.layouts,
    rows: table.total,
    unitTables: [],
  };
  const totals = ctx.checkRead(totalRead, ctx.catalogue, ctx.index, ctx.options).rows;
  const out: Finding[] = [];
  for (const t of totals) {
    const ind = t.indicator;
    if (ind.aggregation === "owner" || t.actual.state !== "ok" || t.actual.value === null) continue;
    const expected = unitsFigure(ind, parts);
    if (
      !expected ||
      !differs(t.actual.value, expected.value, ind.aggregation === "sum" ? SAME_TOTAL : SAME_MEAN)
    )
      continue;
    out.push(
      makeFinding(
        "total_mismatch",
        { sheet: read.sheet, cell: t.actual.address, indicator: ind.code, text: t.actual.text },
        {
          total: {
            ind: indicatorLabel(ind),
            found: t.actual.text,
            expected: roundForMessage(expected.value),
            kind: ind.aggregation === "sum" ? "sum" : "weighted_mean",
            units: expected.units,
          },
        }
      )
    );
  }
  return out;
}

function usableValue(r: RowData | undefined): number | null {
  return r && !r.hasError && r.actual.state === "ok" ? r.actual.value : null;
}

/** The units' own figure of an indicator: their sum, or their mean weighted by the weight indicator. */
function unitsFigure(ind: Indicator, parts: SheetCheck[]): { value: number; units: number } | null {
  const pairs: { value: number; weight: number }[] = [];
  for (const p of parts) {
    const row = p.rows.find((r) => r.indicator === ind);
    const value = usableValue(row);
    // A unit's wrong figure is its own finding: the total cannot be checked against the rest.
    if (row && value === null && row.actual.state !== "not_applicable") return null;
    if (value === null) continue;
    const weight = ind.weightBy
      ? usableValue(p.rows.find((r) => r.indicator.code === ind.weightBy))
      : 1;
    if (weight !== null && weight > 0) pairs.push({ value, weight });
  }
  if (!pairs.length) return null;
  if (ind.aggregation === "sum")
    return { value: pairs.reduce((s, x) => s + x.value, 0), units: pairs.length };
  const w = pairs.reduce((s, x) => s + x.weight, 0);
  return { value: pairs.reduce((s, x) => s + x.value * x.weight, 0) / w, units: pairs.length };
}

function differs(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) > tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}
