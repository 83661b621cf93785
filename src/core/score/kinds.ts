/** The "met" test of each target kind (docs/specification.md §3), on numbers in the canonical unit. */

import type { TargetKind } from "../model/catalogue";

/** `approx` (约) is met at this share of the target. */
export const APPROX_SHARE = 0.95;

/**
 * Relative slack for comparisons, so that values typed with a few decimals compare as a person
 * reads them: 0.95 × 400 is 380 and 1.1 − 0.85 over 1.42 − 0.85 is not a hair short of itself.
 */
const RELATIVE_SLACK = 1e-9;

function slack(x: number, y: number): number {
  return RELATIVE_SLACK * Math.max(1, Math.abs(x), Math.abs(y));
}

/** x ≥ y, forgiving floating-point noise. */
export function atLeast(x: number, y: number): boolean {
  return x >= y - slack(x, y);
}

/** x > y by more than floating-point noise (equality is not "greater"). */
export function greaterThan(x: number, y: number): boolean {
  return x > y + slack(x, y);
}

/** x = y up to floating-point noise. */
export function nearlyEqual(x: number, y: number): boolean {
  return Math.abs(x - y) <= slack(x, y);
}

/** Whether `value` meets the final target under the kind's test. */
export function meetsTarget(kind: TargetKind, value: number, target: number): boolean {
  switch (kind) {
    case "greater_than":
      return greaterThan(value, target);
    case "at_most":
      return atLeast(target, value);
    case "approx":
      return atLeast(value, target * APPROX_SHARE);
    case "at_least":
    case "annual_growth":
    case "reach_reference":
    case "milestone":
      return atLeast(value, target);
  }
}

/** Whether the target is an upper bound (smaller is better). */
export function isUpperBound(kind: TargetKind): boolean {
  return kind === "at_most";
}

/** Kinds whose target is an absolute value that a unit's sheet may replace with its own share (docs/specification.md §3). */
export function acceptsTargetOverride(kind: TargetKind): boolean {
  return kind === "at_least" || kind === "greater_than" || kind === "at_most" || kind === "approx";
}
