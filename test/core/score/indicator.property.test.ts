import fc from "fast-check";
import type { Indicator } from "../../../src/core/model/catalogue";
import { TARGET_KINDS } from "../../../src/core/model/catalogue";
import { STATUSES } from "../../../src/core/model/results";
import { scoreIndicator, type ScoreInput } from "../../../src/core/score/indicator";
import { indicator } from "./fixtures";

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Mostly plausible magnitudes, sometimes the extremes of the double range. */
const value = fc.oneof(
  finite,
  fc.double({ min: -1e4, max: 1e4, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5)
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const isoDate = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 864e5, max: Date.UTC(2060, 11, 31) / 864e5 })
  .map((day) => new Date(day * 864e5).toISOString().slice(0, 10));

const indicatorArb: fc.Arbitrary<Indicator> = fc
  .record({
    kind: fc.option(fc.constantFrom(...TARGET_KINDS), { nil: undefined }),
    measure: fc.constantFrom("level" as const, "flow" as const),
    target: maybe(value),
    baseline: maybe(value),
    baselineDate: isoDate,
    deadline: isoDate,
    reference: fc.option(fc.dictionary(fc.integer({ min: 1990, max: 2060 }).map(String), value), {
      nil: undefined,
    }),
  })
  .map((r) => indicator({ ...r, reference: r.reference as Record<number, number> | undefined }));

const inputArb: fc.Arbitrary<ScoreInput> = fc.record({
  indicator: indicatorArb,
  state: fc.constantFrom(
    "ok" as const,
    "ok" as const,
    "invalid" as const,
    "no_data" as const,
    "not_applicable" as const
  ),
  actual: maybe(value),
  baseline: maybe(value),
  targetOverride: fc.option(maybe(value), { nil: undefined }),
  asOf: isoDate,
  history: fc.array(fc.record({ date: isoDate, value }), { maxLength: 5 }),
  tolerances: fc.record({ onTrack: value, lagging: value }),
});

const NUMERIC_FIELDS = [
  "baseline",
  "target",
  "actual",
  "completion",
  "progress",
  "schedule",
  "gap",
  "requiredGrowth",
  "projection",
  "score",
  "weight",
] as const;

describe("scoreIndicator on arbitrary finite inputs", () => {
  it("never throws and never returns NaN or Infinity", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = scoreIndicator(input);
        for (const field of NUMERIC_FIELDS) {
          const x = r[field];
          if (x !== null && !Number.isFinite(x)) throw new Error(`${field} is ${x}`);
        }
        expect(STATUSES).toContain(r.status);
        expect(r.projectionMeets === null || typeof r.projectionMeets === "boolean").toBe(true);
        if (r.score !== null) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
        }
        if (r.schedule !== null) {
          expect(r.schedule).toBeGreaterThanOrEqual(0);
          expect(r.schedule).toBeLessThanOrEqual(1);
        }
        // Only scored statuses carry a completion; invalid and no_data score 0.
        if (r.status === "invalid" || r.status === "no_data") expect(r.score).toBe(0);
        if (r.status === "no_target" || r.status === "not_applicable") expect(r.score).toBeNull();
      }),
      { numRuns: 3000 }
    );
  });
});
