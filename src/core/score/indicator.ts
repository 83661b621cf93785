/**
 * Scoring and gap analysis of one indicator (docs/specification.md §5): final target, completion, progress,
 * schedule, status, gap, required growth, projection and score.
 *
 * Every figure that is undefined for the input (a ratio by zero, an overflow, no time left)
 * is null, never NaN or Infinity. Malformed dates are a caller's error (RangeError).
 */

import type { Indicator, TargetKind } from "../model/catalogue";
import type { IndicatorResult, Status } from "../model/results";
import { compareDates, type IsoDate, parseIsoDate } from "../util/dates";
import { monthsIntoYear, requireIsoDate, wholeMonths } from "./dates";
import { acceptsTargetOverride, atLeast, isUpperBound, meetsTarget, nearlyEqual } from "./kinds";
import { projectLinear, type TimedValue } from "./projection";

export interface ScoreInput {
  indicator: Indicator;
  /** 'invalid' when the row has an error finding; 'no_data' no actual; 'not_applicable' marked 不适用; 'ok' otherwise. */
  state: "ok" | "invalid" | "no_data" | "not_applicable";
  /** The actual in the canonical unit (milestones already read as 0 / 0.5 / 1). */
  actual: number | null;
  /** The baseline to use (the engine has already chosen catalogue vs sheet); null = unknown (0 for linear kinds, see spec; for annual_growth unknown baseline means no target). */
  baseline: number | null;
  /** The target to use when the sheet supplies a unit's own share of a `sum` indicator; undefined = the catalogue's. null = explicitly none (→ status no_target unless annual_growth). */
  targetOverride?: number | null;
  /** ISO date YYYY-MM-DD. */
  asOf: string;
  /** Earlier observations of the same indicator (previous periods / earlier year columns), canonical unit, any order. */
  history: { date: string; value: number }[];
  tolerances: { onTrack: number; lagging: number };
}

export type IndicatorFigures = Omit<IndicatorResult, "sheet" | "cell" | "actualText">;

function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** a / b, or null when b is 0 or the quotient overflows. */
function ratio(a: number, b: number): number | null {
  return b === 0 ? null : finiteOrNull(a / b);
}

/** The dates of the plan and of the report, read once. */
interface Timeline {
  t0: IsoDate;
  t1: IsoDate;
  t: IsoDate;
  /** months(t0→t1) */
  planMonths: number;
  /** Y: whole years t0→t1 (3 for the default plan). */
  planYears: number;
  /** months(t0→t) */
  elapsedMonths: number;
}

/** The last timeline read per indicator: a workbook's rows of one indicator share their as-of date. */
const timelines = new WeakMap<
  Indicator,
  { asOf: string; from: string; to: string; timeline: Timeline }
>();

function readTimeline(indicator: Indicator, asOf: string): Timeline {
  const known = timelines.get(indicator);
  if (
    known &&
    known.asOf === asOf &&
    known.from === indicator.baselineDate &&
    known.to === indicator.deadline
  )
    return known.timeline;
  const timeline = Object.freeze(timelineOf(indicator, asOf));
  timelines.set(indicator, {
    asOf,
    from: indicator.baselineDate,
    to: indicator.deadline,
    timeline,
  });
  return timeline;
}

function timelineOf(indicator: Indicator, asOf: string): Timeline {
  const t0 = requireIsoDate(indicator.baselineDate, `indicator ${indicator.code} baseline date`);
  const t1 = requireIsoDate(indicator.deadline, `indicator ${indicator.code} deadline`);
  const t = requireIsoDate(asOf, `indicator ${indicator.code} as-of date`);
  const planMonths = wholeMonths(t0, t1);
  return {
    t0,
    t1,
    t,
    planMonths,
    planYears: Math.max(0, Math.floor(planMonths / 12)),
    elapsedMonths: wholeMonths(t0, t),
  };
}

/** f = clamp(months(t0→t) / months(t0→t1), 0, 1); a plan with no length is all or nothing at its deadline. */
function linearShare(tl: Timeline): number {
  if (tl.planMonths <= 0) return compareDates(tl.t, tl.t1) >= 0 ? 1 : 0;
  return clamp(tl.elapsedMonths / tl.planMonths, 0, 1);
}

/** s = ((1+r)^(months/12) − 1) / ((1+r)^Y − 1); the linear share where that is undefined (r = 0, r ≤ −1, Y = 0). */
function compoundShare(tl: Timeline, rate: number | null): number {
  const f = linearShare(tl);
  if (rate === null || rate <= -1 || rate === 0 || tl.planYears === 0) return f;
  const months = clamp(tl.elapsedMonths, 0, Math.max(0, tl.planMonths));
  const s = ((1 + rate) ** (months / 12) - 1) / ((1 + rate) ** tl.planYears - 1);
  return Number.isFinite(s) ? clamp(s, 0, 1) : f;
}

/** Schedule s (序时进度): the share of the way to the target that time alone asks for. */
function scheduleShare(indicator: Indicator, kind: TargetKind, tl: Timeline): number {
  if (indicator.measure === "flow") return clamp(monthsIntoYear(tl.t), 0, 12) / 12;
  if (kind === "annual_growth") return compoundShare(tl, finiteOrNull(indicator.target));
  return linearShare(tl);
}

/** The baseline B the formulas use: 0 for milestones and, when unknown, for linear kinds. */
function effectiveBaseline(kind: TargetKind, baseline: number | null): number | null {
  if (kind === "milestone") return 0;
  if (kind === "annual_growth") return baseline;
  return baseline ?? 0;
}

/** The final target T*, or null when there is none to score against (→ no_target). */
function finalTarget(
  input: ScoreInput,
  kind: TargetKind,
  tl: Timeline,
  baseline: number | null
): number | null {
  const { indicator } = input;
  switch (kind) {
    case "milestone":
      return 1;
    case "annual_growth": {
      // A growth rate is scale-free: it applies to every unit's own baseline, whatever the sheet's target column says.
      const rate = finiteOrNull(indicator.target);
      if (rate === null || baseline === null) return null;
      return finiteOrNull(baseline * (1 + rate) ** tl.planYears);
    }
    case "reach_reference":
      return finiteOrNull(indicator.reference?.[tl.t.year]);
    default: {
      const own = acceptsTargetOverride(kind) && input.targetOverride !== undefined;
      return finiteOrNull(own ? input.targetOverride : indicator.target);
    }
  }
}

/**
 * A flow indicator's target for one calendar year: B in the baseline year, T* in the deadline
 * year, linear in between, or compound for `annual_growth` (B·(1+r)^(year − baseline year)
 * for the default three-year plan). Years outside the plan take the nearer end.
 */
export function flowYearTarget(args: {
  kind: TargetKind;
  baseline: number;
  finalTarget: number;
  /** The yearly rate r, for annual_growth. */
  rate: number | null;
  baselineYear: number;
  deadlineYear: number;
  /** Y: whole years from baseline date to deadline. */
  planYears: number;
  year: number;
}): number {
  const span = args.deadlineYear - args.baselineYear;
  const share = span > 0 ? clamp((args.year - args.baselineYear) / span, 0, 1) : 1;
  if (args.kind === "annual_growth" && args.rate !== null) {
    return args.baseline * (1 + args.rate) ** (args.planYears * share);
  }
  return args.baseline + (args.finalTarget - args.baseline) * share;
}

/**
 * The points the projection is fitted to: earlier observations and the current actual.
 * Flow figures are year-to-date, so each is first annualised (× 12 / months of its year),
 * which makes the fitted line a line of yearly amounts, read at the deadline year.
 */
function projectionPoints(input: ScoreInput, tl: Timeline, actual: number): TimedValue[] {
  const flow = input.indicator.measure === "flow";
  const points: TimedValue[] = [];
  addPoint(points, flow, tl, tl.t, actual);
  for (const h of input.history) {
    // The message names the indicator only when there is one to give (this runs for every history entry).
    const date =
      parseIsoDate(h.date) ??
      requireIsoDate(h.date, `indicator ${input.indicator.code} history date`);
    if (Number.isFinite(h.value) && compareDates(date, tl.t) < 0)
      addPoint(points, flow, tl, date, h.value);
  }
  return points;
}

function addPoint(
  points: TimedValue[],
  flow: boolean,
  tl: Timeline,
  date: IsoDate,
  observed: number
): void {
  const months = monthsIntoYear(date);
  if (flow && months <= 0) return; // nothing of the year elapsed: cannot annualise
  const value = flow ? (observed * 12) / months : observed;
  if (Number.isFinite(value)) points.push({ x: wholeMonths(tl.t0, date), value });
}

function statusFromProgress(
  progress: number,
  schedule: number,
  tol: ScoreInput["tolerances"]
): Status {
  if (atLeast(progress, schedule - tol.onTrack)) return "on_track";
  if (atLeast(progress, schedule - tol.lagging)) return "lagging";
  return "critical";
}

/** The figures of an indicator before scoring: its identity, the baseline and actual given. */
type OpenFigures = IndicatorFigures &
  Partial<Record<"sheet" | "cell" | "actualText" | "approximate", undefined>>;

function openFigures(indicator: Indicator, actual: number | null, baseline: number | null) {
  const figures: OpenFigures = {
    code: indicator.code,
    name: indicator.name,
    category: indicator.category,
    unit: indicator.unit,
    baseline,
    target: null,
    actual,
    completion: null,
    progress: null,
    schedule: null,
    gap: null,
    requiredGrowth: null,
    projection: null,
    projectionMeets: null,
    status: "no_target",
    score: null,
    weight: indicator.weight,
    // The fields the caller fills, present from the start: each field added later would give
    // every one of a workbook's results a new object layout.
    sheet: undefined,
    cell: undefined,
    actualText: undefined,
    approximate: undefined,
  };
  return figures;
}

/** How far the actual has come: whether the target is met, completion and progress. */
interface Reached {
  met: boolean;
  completion: number | null;
  progress: number | null;
  /** A flow's target for the report year is met (what decides when progress is undefined). */
  yearTargetMet: boolean;
}

/**
 * A yearly amount against the year's target; it meets the plan only once the deadline year is
 * complete.
 */
function flowReached(
  input: ScoreInput,
  kind: TargetKind,
  tl: Timeline,
  figures: { actual: number; baseline: number; target: number }
): Reached {
  const { actual, baseline, target } = figures;
  const yearTarget = flowYearTarget({
    kind,
    baseline,
    finalTarget: target,
    rate: finiteOrNull(input.indicator.target),
    baselineYear: tl.t0.year,
    deadlineYear: tl.t1.year,
    planYears: tl.planYears,
    year: tl.t.year,
  });
  const completion = isUpperBound(kind) ? ratio(yearTarget, actual) : ratio(actual, yearTarget);
  return {
    met:
      tl.t.year === tl.t1.year && monthsIntoYear(tl.t) === 12 && meetsTarget(kind, actual, target),
    completion,
    progress: completion,
    yearTargetMet: Number.isFinite(yearTarget) && meetsTarget(kind, actual, yearTarget),
  };
}

/** A level against its final target; progress is the share of the way from the baseline. */
function levelReached(kind: TargetKind, actual: number, baseline: number, target: number): Reached {
  const met = meetsTarget(kind, actual, target);
  const completion = isUpperBound(kind) ? ratio(target, actual) : ratio(actual, target);
  const progress = nearlyEqual(target, baseline)
    ? met
      ? 1
      : 0
    : ratio(actual - baseline, target - baseline);
  return { met, completion, progress, yearTargetMet: false };
}

function statusOf(reached: Reached, schedule: number, tol: ScoreInput["tolerances"]): Status {
  if (reached.met) return "met";
  if (reached.progress !== null) return statusFromProgress(reached.progress, schedule, tol);
  // Progress undefined (a year's target of 0): on track exactly when the year's target is reached.
  return reached.yearTargetMet ? "on_track" : "critical";
}

/** What the rest of the plan asks: the yearly growth still needed, and where the trend leads. */
function outlook(
  input: ScoreInput,
  kind: TargetKind,
  tl: Timeline,
  figures: { actual: number; target: number; met: boolean }
): Pick<IndicatorFigures, "requiredGrowth" | "projection" | "projectionMeets"> {
  const { actual, target, met } = figures;
  const monthsLeft = wholeMonths(tl.t, tl.t1);
  let requiredGrowth: number | null = null;
  if (!met && actual > 0 && target >= 0 && monthsLeft > 0) {
    requiredGrowth = finiteOrNull((target / actual) ** (12 / monthsLeft) - 1);
  }
  // Nothing is left to project once the deadline is reached: the actual is the outcome.
  const projection =
    monthsLeft > 0 ? projectLinear(projectionPoints(input, tl, actual), tl.planMonths) : null;
  const projectionMeets = projection === null ? null : meetsTarget(kind, projection, target);
  return { requiredGrowth, projection, projectionMeets };
}

/**
 * Computes every figure of IndicatorResult except the identity fields the caller fills (sheet,
 * cell, actualText).
 */
export function scoreIndicator(input: ScoreInput): IndicatorFigures {
  const { indicator } = input;
  const kind = indicator.kind;
  const tl = readTimeline(indicator, input.asOf);
  const actual = finiteOrNull(input.actual);
  const figures = openFigures(indicator, actual, finiteOrNull(input.baseline));
  // The parts of a ratio (A1a, A1b, C9a, C9b) have no kind: validated, never scored.
  if (kind === undefined) return figures;

  const baseline = effectiveBaseline(kind, figures.baseline);
  const target = finalTarget(input, kind, tl, baseline);
  const schedule = scheduleShare(indicator, kind, tl);
  if (kind === "milestone") figures.baseline = 0;
  figures.target = target;
  figures.schedule = schedule;

  if (input.state === "invalid") return Object.assign(figures, { status: "invalid", score: 0 });
  if (input.state === "no_data") return Object.assign(figures, { status: "no_data", score: 0 });
  if (input.state === "not_applicable") return Object.assign(figures, { status: "not_applicable" });
  // An 'ok' row without a usable actual has nothing to score: no_data, never a crash.
  if (actual === null) return Object.assign(figures, { status: "no_data", score: 0 });
  if (target === null || baseline === null) return Object.assign(figures, { status: "no_target" });

  const reached =
    indicator.measure === "flow"
      ? flowReached(input, kind, tl, { actual, baseline, target })
      : levelReached(kind, actual, baseline, target);
  const { met, completion } = reached;
  const upper = isUpperBound(kind);
  const future = outlook(input, kind, tl, { actual, target, met });

  // Filled in place: a new object per row would be garbage at once.
  figures.completion = completion;
  figures.progress = reached.progress;
  figures.gap = finiteOrNull(upper ? Math.max(0, actual - target) : Math.max(0, target - actual));
  figures.requiredGrowth = future.requiredGrowth;
  figures.projection = future.projection;
  figures.projectionMeets = future.projectionMeets;
  figures.status = statusOf(reached, schedule, input.tolerances);
  figures.score = met ? 100 : completion === null ? 0 : 100 * clamp(completion, 0, 1);
  return figures;
}
