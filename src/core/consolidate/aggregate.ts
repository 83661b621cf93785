/**
 * One indicator's city figure from the units' rows (docs/specification.md §8): the owner's value for `owner`
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
import { conflictWithUnits, conflictWithoutOwner } from "../i18n/consolidation-messages";
import { derivedFigureName, unitAtPlace } from "../i18n/consolidation-labels";

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
  return unitAtPlace(c.unit, place);
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

/** The units' own figure: a sum, or a weighted mean. */
interface Derived {
  value: number;
  baseline: number | null;
  units: string[];
  history: CityFigure["history"];
}

/** The contributions of one indicator by their part in its figure. */
interface Sides {
  ind: Indicator;
  owner?: Contribution;
  /** Townships, streets and units outside the list: they make up sums and means. */
  parts: Contribution[];
  /** The parts with a usable value. */
  okParts: Contribution[];
  /** Other bureaux (and, for owner indicators, everyone but the owner): they can only agree. */
  others: Contribution[];
  derived: Derived | null;
  /** The unit whose figure is the city's, when it is not the units' own. */
  used?: Contribution;
}

/**
 * The city figure of `ind` from its contributions (at most one per unit, in input order).
 * `ind.baseline` is used when the catalogue knows it; else the owner's, else the units' baselines.
 */
export function aggregateIndicator(ind: Indicator, contributions: Contribution[]): CityFigure {
  const owner = contributions.find((c) => c.isOwner);
  const parts =
    ind.aggregation === "owner"
      ? []
      : contributions.filter((c) => !c.isOwner && c.kind !== "bureau");
  const others = contributions.filter((c) => c !== owner && !parts.includes(c));
  const okParts = parts.filter((p) => usable(p.row));
  const derived = derivedFigure(ind, okParts);
  // The owner's figure when given; else the units' own; else (owner indicators) another unit's.
  const used = usable(owner?.row) ? owner : derived ? undefined : others.find((c) => usable(c.row));
  const sides: Sides = { ind, owner, parts, okParts, others, derived, used };
  const figure = figureOf(sides);
  if (figure.value !== null) figure.findings.push(...disagreements(sides, figure));
  figure.brokenBy = brokenBy(sides, figure.value);
  figure.state = stateOf(contributions, figure);
  return figure;
}

function derivedFigure(ind: Indicator, okParts: Contribution[]): Derived | null {
  if (ind.aggregation === "sum" && okParts.length) {
    const baselines = okParts.map((p) => baselineOf(p.row));
    return {
      value: okParts.reduce((s, p) => s + p.row.actual.value!, 0),
      baseline: baselines.every((b) => b !== null) ? baselines.reduce((s, b) => s + b!, 0) : null,
      units: okParts.map((p) => p.unit),
      history: summedHistory(okParts.map((p) => p.row)),
    };
  }
  if (ind.aggregation !== "weighted_mean") return null;
  // A unit that gives the yield without the area is left out of the mean.
  const weighted = okParts.filter((p) => usable(p.weightRow) && p.weightRow.actual.value! > 0);
  const weight = (p: Contribution) => p.weightRow!.actual.value!;
  const value = weightedMean(
    weighted.map((p) => ({ value: p.row.actual.value!, weight: weight(p) }))
  );
  if (value === null) return null;
  const withBaseline = weighted.filter((p) => baselineOf(p.row) !== null);
  return {
    value,
    baseline: weightedMean(
      withBaseline.map((p) => ({ value: baselineOf(p.row)!, weight: weight(p) }))
    ),
    units: weighted.map((p) => p.unit),
    history: [],
  };
}

/** The figure's value, baseline, history and units; state and breakage come later. */
function figureOf({ ind, used, derived, okParts }: Sides): CityFigure {
  const figure: CityFigure = {
    state: "no_data",
    value: null,
    baseline: null,
    history: [],
    units: [],
    brokenBy: [],
    findings: [],
  };
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
  return figure;
}

/** Disagreements with the figure used: the units' own figure, then each other unit's. */
function disagreements(sides: Sides, figure: CityFigure): Finding[] {
  const { ind, used, derived } = sides;
  const value = figure.value!;
  const findings: Finding[] = [];
  if (used && derived) {
    const tol = ind.aggregation === "sum" ? SAME_TOTAL : SAME_MEAN;
    if (differs(derived.value, value, tol)) {
      const kind = ind.aggregation === "sum" ? "sum" : "weighted_mean";
      const reporter = derivedFigureName(derived.units, kind);
      findings.push(
        conflict(ind, used, reporter, roundForMessage(derived.value), where(used), value)
      );
    }
  }
  for (const c of sides.others) {
    if (c === used || !usable(c.row) || !differs(c.row.actual.value, value, SAME_VALUE)) continue;
    findings.push(otherConflict(sides, c, figure));
  }
  return findings;
}

/** Another unit's value against the figure used, said as who the figure comes from. */
function otherConflict({ ind, used, owner }: Sides, c: Contribution, figure: CityFigure): Finding {
  const found = c.row.actual.text || c.row.actual.value!;
  const value = figure.value!;
  const f = conflict(ind, c, where(c), found, used ? where(used) : "", value);
  if (used && used !== owner) {
    f.message = conflictWithoutOwner({
      ind: indicatorLabel(ind),
      reporter: where(c),
      found,
      used: where(used),
      expected: roundForMessage(value),
      owner: ind.owner,
    });
  } else if (!used) {
    // No owner's figure: the townships' total or mean is the one disagreed with.
    f.message = conflictWithUnits({
      ind: indicatorLabel(ind),
      reporter: where(c),
      found,
      units: figure.units,
      kind: ind.aggregation === "sum" ? "sum" : "weighted_mean",
      expected: roundForMessage(value),
    });
  }
  return f;
}

/** The units whose wrong rows the figure rests on (its value, if any, is still shown). */
function brokenBy({ ind, owner, parts, others, derived }: Sides, value: number | null): string[] {
  const wrong = (c: Contribution) =>
    c.row.hasError || (ind.aggregation === "weighted_mean" && !!c.weightRow?.hasError);
  if (owner && owner.row.hasError) return [owner.unit];
  if (!usable(owner?.row) && parts.some(wrong)) return parts.filter(wrong).map((c) => c.unit);
  if (!owner && !derived && value === null)
    return others.filter((c) => c.row.hasError).map((c) => c.unit);
  return [];
}

function stateOf(contributions: Contribution[], figure: CityFigure): CityFigure["state"] {
  if (figure.brokenBy.length) return "invalid";
  if (figure.value !== null) return "ok";
  if (contributions.length && contributions.every((c) => c.row.actual.state === "not_applicable"))
    return "not_applicable";
  return "no_data";
}
