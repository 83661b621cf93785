/**
 * One indicator's city figure from the units' rows (SPEC §8): the owner's value for `owner`
 * indicators, the sum over the townships and streets for `sum`, the mean weighted by the named
 * indicator for `weighted_mean`. Disagreements become `conflicting_values` findings.
 *
 * The responsible unit's own figure, when it gives one, is the city's figure for every kind: it is
 * the unit answerable for the indicator. For `sum` and `weighted_mean` the townships' and streets'
 * figures then check it; without it they make it.
 */
import type { Indicator, UnitKind } from "../model/catalogue";
import type { Finding } from "../model/results";
import type { RowData } from "../validate/sheet";
import { makeFinding } from "../validate/rules";
import { indicatorLabel } from "../validate/interpret";
import { roundForMessage } from "../util/round";
import {
  conflictWithUnits,
  conflictWithoutOwner,
  unitsPhrase,
} from "../i18n/consolidation-messages";

/** A unit's row of one indicator, from a sheet of the consolidation's period. */
export interface Contribution {
  /** The unit as the catalogue spells it (or as typed, for a unit not in the list). */
  unit: string;
  /** null: the unit is not in the catalogue's list. */
  kind: UnitKind | null;
  isOwner: boolean;
  row: RowData;
  /** This unit's row of the weight indicator (for `weighted_mean`). */
  weightRow?: RowData;
  file?: string;
  sheet: string;
}

export interface CityFigure {
  state: "ok" | "invalid" | "no_data" | "not_applicable";
  value: number | null;
  baseline: number | null;
  history: { date: string; value: number }[];
  /** The units whose values make the figure. */
  units: string[];
  /** The units whose wrong rows make the figure invalid. */
  brokenBy: string[];
  actualText?: string;
  approximate?: boolean;
  findings: Finding[];
}

/** Relative differences tolerated before two figures are called different. */
const SAME_VALUE = 1e-6;
/** A city total against the units' sum: rounding of 万亩 and the like. */
const SAME_TOTAL = 0.005;
/** A yield against the units' weighted mean: yields are rounded to whole 斤. */
const SAME_MEAN = 0.01;

function differs(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) > tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

function usable(r: RowData | undefined): r is RowData & { actual: { value: number } } {
  return !!r && !r.hasError && r.actual.state === "ok" && r.actual.value !== null;
}

function baselineOf(r: RowData): number | null {
  return r.baseline.state === "ok" ? r.baseline.value : null;
}

/** "那吾镇（那吾镇.xlsx 监测表!G7）": a unit and the cell of its value, for messages. */
export function where(c: { unit: string; file?: string; sheet: string; row: RowData }): string {
  const cell =
    c.row.actual.address ?? (c.row.row.cells.indicator ?? c.row.row.cells.code)?.address ?? "";
  const place = `${c.file ? `${c.file} ` : ""}${c.sheet}${cell ? `!${cell}` : ""}`;
  return `${c.unit}（${place}）`;
}

function conflict(
  ind: Indicator,
  at: Contribution,
  reporter: string,
  found: number | string,
  owner: string,
  expected: number
): Finding {
  const f = makeFinding(
    "conflicting_values",
    { sheet: at.sheet, cell: at.row.actual.address, indicator: ind.code, text: at.row.actual.text },
    { ind: indicatorLabel(ind), reporter, found, owner, expected: roundForMessage(expected) }
  );
  if (at.file) f.file = at.file;
  return f;
}

/** Observations at dates every part has, added up (the city's history of a sum). */
function summedHistory(parts: RowData[]): { date: string; value: number }[] {
  if (!parts.length) return [];
  const byDate = new Map<string, number[]>();
  for (const p of parts)
    for (const h of p.history) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h.value]);
  return Array.from(byDate, ([date, values]) => ({ date, values }))
    .filter((d) => d.values.length === parts.length)
    .map((d) => ({ date: d.date, value: d.values.reduce((s, v) => s + v, 0) }));
}

function weightedMean(pairs: { value: number; weight: number }[]): number | null {
  const w = pairs.reduce((s, p) => s + p.weight, 0);
  return w > 0 ? pairs.reduce((s, p) => s + p.value * p.weight, 0) / w : null;
}

/**
 * The city figure of `ind` from its contributions (at most one per unit, in input order).
 * `ind.baseline` is used when the catalogue knows it; else the owner's, else the units' baselines.
 */
export function aggregateIndicator(ind: Indicator, contributions: Contribution[]): CityFigure {
  const findings: Finding[] = [];
  const owner = contributions.find((c) => c.isOwner);
  // Townships, streets and units outside the list make up sums and means; other bureaux can only agree.
  const parts =
    ind.aggregation === "owner"
      ? []
      : contributions.filter((c) => !c.isOwner && c.kind !== "bureau");
  const others = contributions.filter((c) => c !== owner && !parts.includes(c));
  const figure: CityFigure = {
    state: "no_data",
    value: null,
    baseline: null,
    history: [],
    units: [],
    brokenBy: [],
    findings,
  };

  // The units' own figure: a sum, or a weighted mean.
  let derived: {
    value: number;
    baseline: number | null;
    units: string[];
    history: CityFigure["history"];
  } | null = null;
  const okParts = parts.filter((p) => usable(p.row));
  if (ind.aggregation === "sum" && okParts.length) {
    const baselines = okParts.map((p) => baselineOf(p.row));
    derived = {
      value: okParts.reduce((s, p) => s + p.row.actual.value!, 0),
      baseline: baselines.every((b) => b !== null) ? baselines.reduce((s, b) => s + b!, 0) : null,
      units: okParts.map((p) => p.unit),
      history: summedHistory(okParts.map((p) => p.row)),
    };
  } else if (ind.aggregation === "weighted_mean") {
    const weighted = okParts.filter((p) => usable(p.weightRow) && p.weightRow.actual.value! > 0);
    const value = weightedMean(
      weighted.map((p) => ({ value: p.row.actual.value!, weight: p.weightRow!.actual.value! }))
    );
    if (value !== null) {
      const withBaseline = weighted.filter((p) => baselineOf(p.row) !== null);
      derived = {
        value,
        baseline: weightedMean(
          withBaseline.map((p) => ({
            value: baselineOf(p.row)!,
            weight: p.weightRow!.actual.value!,
          }))
        ),
        units: weighted.map((p) => p.unit),
        history: [],
      };
    }
  }

  // The figure used: the owner's when given; else the units' own; else (owner indicators) another unit's.
  let used: Contribution | undefined;
  if (usable(owner?.row)) used = owner;
  else if (!derived) used = others.find((c) => usable(c.row));
  if (used) {
    figure.value = used.row.actual.value;
    figure.baseline = baselineOf(used.row);
    figure.history = used.row.history;
    figure.units = [used.unit];
    if (used.row.actual.text && ind.kind === "milestone") figure.actualText = used.row.actual.text;
    if (used.row.actual.approx) figure.approximate = true;
  } else if (derived) {
    figure.value = derived.value;
    figure.baseline = derived.baseline;
    figure.history = derived.history;
    figure.units = derived.units;
    if (okParts.some((p) => p.row.actual.approx)) figure.approximate = true;
  }
  if (ind.baseline !== null) figure.baseline = ind.baseline;

  // Disagreements with the figure used.
  if (figure.value !== null) {
    const found = (c: Contribution) => c.row.actual.text || c.row.actual.value!;
    if (used && derived) {
      const tol = ind.aggregation === "sum" ? SAME_TOTAL : SAME_MEAN;
      if (differs(derived.value, figure.value, tol)) {
        const what = ind.aggregation === "sum" ? "合计" : "加权平均";
        findings.push(
          conflict(
            ind,
            used,
            `${unitsPhrase(derived.units).zh}${what}`,
            roundForMessage(derived.value),
            where(used),
            figure.value
          )
        );
      }
    }
    for (const c of others) {
      if (c === used || !usable(c.row) || !differs(c.row.actual.value, figure.value, SAME_VALUE))
        continue;
      const f = conflict(ind, c, where(c), found(c), used ? where(used) : "", figure.value);
      if (used && used !== owner) {
        f.message = conflictWithoutOwner({
          ind: indicatorLabel(ind),
          reporter: where(c),
          found: found(c),
          used: where(used),
          expected: roundForMessage(figure.value),
          owner: ind.owner,
        });
      } else if (!used) {
        // No owner's figure: the townships' total or mean is the one disagreed with.
        f.message = conflictWithUnits({
          ind: indicatorLabel(ind),
          reporter: where(c),
          found: found(c),
          units: figure.units,
          kind: ind.aggregation === "sum" ? "sum" : "weighted_mean",
          expected: roundForMessage(figure.value),
        });
      }
      findings.push(f);
    }
  }

  // An error on a row the figure rests on makes it invalid (its value, if any, is still shown).
  const wrong = (c: Contribution) =>
    c.row.hasError || (ind.aggregation === "weighted_mean" && !!c.weightRow?.hasError);
  if (owner && owner.row.hasError) figure.brokenBy = [owner.unit];
  else if (!usable(owner?.row) && parts.some(wrong))
    figure.brokenBy = parts.filter(wrong).map((c) => c.unit);
  else if (!owner && !derived && figure.value === null)
    figure.brokenBy = others.filter((c) => c.row.hasError).map((c) => c.unit);
  if (figure.brokenBy.length) figure.state = "invalid";
  else if (figure.value !== null) figure.state = "ok";
  else if (
    contributions.length &&
    contributions.every((c) => c.row.actual.state === "not_applicable")
  )
    figure.state = "not_applicable";
  return figure;
}
