import { flowYearTarget, scoreIndicator } from "../../../src/core/score/indicator";
import { indicator, input } from "./fixtures";

// Throughout: baseline date t0 = 2020-12-31, deadline t1 = 2023-12-31, so months(t0→t1) = 36 and Y = 3.
// As of 2022-09-30, months(t0→t) = 21 and f = 21/36 = 0.583333…

const A1 = indicator({
  code: "A1",
  name: "R&D经费投入强度",
  category: "科技创新投入",
  kind: "at_least",
  target: 1.42,
  baseline: 0.85,
});

describe("level, at_least: the A1 worked example", () => {
  const r = scoreIndicator(input(A1, { actual: 1.1 }));

  it("computes completion, progress and schedule", () => {
    // c = a/T* = 1.1/1.42 = 0.774648
    expect(r.completion).toBeCloseTo(0.7746, 4);
    // p = (a − B)/(T* − B) = (1.1 − 0.85)/(1.42 − 0.85) = 0.25/0.57 = 0.438596
    expect(r.progress).toBeCloseTo(0.4386, 4);
    // s = f = 21/36 = 0.583333
    expect(r.schedule).toBeCloseTo(0.5833, 4);
  });

  it("is lagging, scores 77.46 and has a gap of 0.32", () => {
    // s − 0.10 = 0.483333 > p = 0.438596 ≥ s − 0.30 = 0.283333 → lagging
    expect(r.status).toBe("lagging");
    // score = 100 × min(1, 0.774648) = 77.4648
    expect(r.score).toBeCloseTo(77.4648, 4);
    // g = max(0, 1.42 − 1.1) = 0.32
    expect(r.gap).toBeCloseTo(0.32, 10);
  });

  it("needs 22.66 % a year to still reach the target", () => {
    // 15 months are left (2022-09-30 → 2023-12-31): years_left = 1.25
    // (1.42/1.1)^(1/1.25) − 1 = 1.290909^0.8 − 1 = e^(0.8 × 0.255348) − 1 = 1.226638 − 1 = 0.226638
    expect(r.requiredGrowth).toBeCloseTo(0.226638, 6);
  });

  it("carries the identity fields and the figures used", () => {
    expect(r).toMatchObject({
      code: "A1",
      category: "科技创新投入",
      unit: "%",
      baseline: 0.85,
      target: 1.42,
      actual: 1.1,
      weight: 1,
    });
    expect(r.projection).toBeNull(); // no history
    expect(r.projectionMeets).toBeNull();
  });
});

describe("level, at_most", () => {
  const capped = indicator({ kind: "at_most", target: 5, baseline: 8, unit: "吨" });

  it("inverts completion and progress", () => {
    const r = scoreIndicator(input(capped, { actual: 6 }));
    // c = T*/a = 5/6 = 0.833333; p = (B − a)/(B − T*) = (8 − 6)/(8 − 5) = 0.666667
    expect(r.completion).toBeCloseTo(0.833333, 6);
    expect(r.progress).toBeCloseTo(0.666667, 6);
    // p = 0.6667 ≥ s − 0.10 = 0.4833 → on_track
    expect(r.status).toBe("on_track");
    // g = max(0, a − T*) = 1; score = 100 × 0.833333
    expect(r.gap).toBe(1);
    expect(r.score).toBeCloseTo(83.3333, 4);
    // a required fall: (5/6)^0.8 − 1 = −0.135719
    expect(r.requiredGrowth).toBeCloseTo(-0.135719, 6);
  });

  it("is met at or below the target, with no gap", () => {
    const r = scoreIndicator(input(capped, { actual: 4.5 }));
    expect(r.status).toBe("met");
    expect(r.completion).toBeCloseTo(5 / 4.5, 10); // 1.111…, not capped
    expect(r.score).toBe(100);
    expect(r.gap).toBe(0);
    expect(r.requiredGrowth).toBeNull();
    expect(scoreIndicator(input(capped, { actual: 5 })).status).toBe("met");
  });

  it("guards an actual of 0: met, completion undefined", () => {
    const r = scoreIndicator(input(capped, { actual: 0 }));
    expect(r.status).toBe("met");
    expect(r.completion).toBeNull();
    expect(r.score).toBe(100);
  });
});

describe("level, greater_than", () => {
  const C9 = indicator({
    code: "C9",
    kind: "greater_than",
    target: 3.8,
    baseline: 2,
    unit: "件/万人",
  });

  it("is not met at equality", () => {
    const r = scoreIndicator(input(C9, { actual: 3.8, asOf: "2023-12-31" }));
    expect(r.status).not.toBe("met");
    // p = (3.8 − 2)/(3.8 − 2) = 1 ≥ s − 0.10 = 0.9 → on_track; c = 1 → score 100 × min(1, 1) = 100
    expect(r.status).toBe("on_track");
    expect(r.progress).toBe(1);
    expect(r.score).toBe(100);
    expect(r.gap).toBe(0);
  });

  it("is met just above the target", () => {
    expect(scoreIndicator(input(C9, { actual: 3.81, asOf: "2023-12-31" })).status).toBe("met");
  });
});

describe("level, approx", () => {
  const F11 = indicator({ code: "F11", kind: "approx", target: 400, baseline: 300, unit: "斤/亩" });

  it("is met at 0.95 × target (380), the gap still measured to the target", () => {
    const r = scoreIndicator(input(F11, { actual: 380 }));
    expect(r.status).toBe("met");
    expect(r.score).toBe(100);
    // c = 380/400 = 0.95; g = max(0, 400 − 380) = 20
    expect(r.completion).toBeCloseTo(0.95, 10);
    expect(r.gap).toBe(20);
  });

  it("is not met just below 380", () => {
    const r = scoreIndicator(input(F11, { actual: 379.9 }));
    expect(r.status).not.toBe("met");
    // p = 79.9/100 = 0.799 ≥ 0.4833 → on_track; score = 100 × 379.9/400 = 94.975
    expect(r.status).toBe("on_track");
    expect(r.score).toBeCloseTo(94.975, 6);
  });
});

describe("level, annual_growth (F2-like: 3 %/yr on B = 1000)", () => {
  const F2 = indicator({
    code: "F2",
    kind: "annual_growth",
    target: 0.03,
    baseline: 1000,
    unit: "头",
    aggregation: "sum",
  });

  it("takes T* = B·(1+r)^3 and the compound schedule", () => {
    const r = scoreIndicator(input(F2, { actual: 1052, asOf: "2022-12-31" }));
    // T* = 1000 × 1.03³ = 1000 × 1.092727 = 1092.727
    expect(r.target).toBeCloseTo(1092.727, 6);
    // 24 months elapsed: s = (1.03^(24/12) − 1)/(1.03³ − 1) = 0.0609/0.092727 = 0.656767
    expect(r.schedule).toBeCloseTo(0.656767, 6);
    // p = (1052 − 1000)/(1092.727 − 1000) = 52/92.727 = 0.560786
    expect(r.progress).toBeCloseTo(0.560786, 6);
    // p ≥ s − 0.10 = 0.556767 → on_track (a linear schedule, 24/36 − 0.10 = 0.5667, would say lagging)
    expect(r.status).toBe("on_track");
    // c = 1052/1092.727 = 0.962729; gap = 40.727
    expect(r.completion).toBeCloseTo(0.962729, 6);
    expect(r.gap).toBeCloseTo(40.727, 6);
  });

  it("has no target without a baseline", () => {
    const r = scoreIndicator(input(F2, { actual: 1052, baseline: null, asOf: "2022-12-31" }));
    expect(r.status).toBe("no_target");
    expect(r.target).toBeNull();
    expect(r.score).toBeNull();
  });

  it('ignores an explicit "no target" from a unit sheet: the rate applies to every unit', () => {
    const r = scoreIndicator(input(F2, { actual: 1052, targetOverride: null, asOf: "2022-12-31" }));
    expect(r.status).toBe("on_track");
    expect(r.target).toBeCloseTo(1092.727, 6);
  });

  it("is met at B·(1+r)^3", () => {
    const r = scoreIndicator(input(F2, { actual: 1092.727, asOf: "2023-12-31" }));
    expect(r.status).toBe("met");
    expect(r.schedule).toBe(1);
  });
});

describe("flow (C8-like: 200 patent applications a year by 2023, B = 0)", () => {
  const C8 = indicator({
    code: "C8",
    kind: "at_least",
    target: 200,
    baseline: 0,
    unit: "件",
    measure: "flow",
  });

  it("scores the year-to-date figure against the year's target", () => {
    const r = scoreIndicator(input(C8, { actual: 100, asOf: "2022-09-30" }));
    // T_2022 = B + (T* − B)·(2022 − 2020)/(2023 − 2020) = 200 × 2/3 = 133.33
    // c = p = 100/133.33 = 0.75; s = m/12 = 9/12 = 0.75 → on_track
    expect(r.completion).toBeCloseTo(0.75, 10);
    expect(r.progress).toBeCloseTo(0.75, 10);
    expect(r.schedule).toBe(0.75);
    expect(r.status).toBe("on_track");
    expect(r.score).toBeCloseTo(75, 8);
    // g = max(0, T* − a) = 100, T* being the final target
    expect(r.target).toBe(200);
    expect(r.gap).toBe(100);
  });

  it("computes the year's target linearly", () => {
    const year = (y: number) =>
      flowYearTarget({
        kind: "at_least",
        baseline: 0,
        finalTarget: 200,
        rate: null,
        baselineYear: 2020,
        deadlineYear: 2023,
        planYears: 3,
        year: y,
      });
    expect(year(2022)).toBeCloseTo(133.33, 2);
    expect(year(2021)).toBeCloseTo(66.67, 2);
    expect(year(2023)).toBe(200);
    expect(year(2025)).toBe(200); // after the plan: the final target
    expect(year(2019)).toBe(0);
  });

  it("is met only with the deadline year complete", () => {
    // 2023-12-31: T_2023 = 200, m = 12, a = 200 ≥ T* → met
    expect(scoreIndicator(input(C8, { actual: 200, asOf: "2023-12-31" })).status).toBe("met");
    // 2023-09-30: 210 already exceeds T*, but the year is not over: c = p = 210/200 = 1.05 ≥ 0.75 − 0.10
    const early = scoreIndicator(input(C8, { actual: 210, asOf: "2023-09-30" }));
    expect(early.status).toBe("on_track");
    expect(early.score).toBe(100); // 100 × min(1, 1.05)
    // 2022-12-31: a full year above the 2022 target is still not the plan's target
    expect(scoreIndicator(input(C8, { actual: 210, asOf: "2022-12-31" })).status).toBe("on_track");
    // 2023-12-31 below target: s = 12/12 = 1; p = 150/200 = 0.75 ≥ 1 − 0.30 → lagging
    expect(scoreIndicator(input(C8, { actual: 150, asOf: "2023-12-31" })).status).toBe("lagging");
    // p = 120/200 = 0.6 < 0.7 → critical
    expect(scoreIndicator(input(C8, { actual: 120, asOf: "2023-12-31" })).status).toBe("critical");
  });

  it("compounds the year's target for annual_growth (F13-like: 6 %/yr on 10000 万元)", () => {
    const F13 = indicator({
      code: "F13",
      kind: "annual_growth",
      target: 0.06,
      baseline: 10000,
      unit: "万元",
      measure: "flow",
    });
    const r = scoreIndicator(input(F13, { actual: 5500, asOf: "2022-06-30" }));
    // T* = 10000 × 1.06³ = 11910.16; T_2022 = 10000 × 1.06² = 11236
    expect(r.target).toBeCloseTo(11910.16, 6);
    // c = p = 5500/11236 = 0.489498; s = 6/12 = 0.5 → p ≥ 0.4 → on_track
    expect(r.completion).toBeCloseTo(0.489498, 6);
    expect(r.schedule).toBe(0.5);
    expect(r.status).toBe("on_track");
  });

  it("annualises year-to-date figures before projecting", () => {
    // points: 2021 full year 120 at x = 12; 2022-09-30 YTD 100 → 100 × 12/9 = 133.33 at x = 21
    // slope = (133.33 − 120)/9 = 1.481481 per month; at x = 36: 133.33 + 15 × 1.481481 = 155.56 < 200
    const r = scoreIndicator(
      input(C8, { actual: 100, history: [{ date: "2021-12-31", value: 120 }] })
    );
    expect(r.projection).toBeCloseTo(155.5556, 4);
    expect(r.projectionMeets).toBe(false);
  });
});

describe("reach_reference (D1: the provincial average of the year)", () => {
  const D1 = indicator({
    code: "D1",
    kind: "reach_reference",
    target: null,
    baseline: 7.14,
    reference: { 2020: 7.14, 2022: 9, 2023: 10.16 },
  });

  it("takes the reference of the as-of year as T*", () => {
    const r = scoreIndicator(input(D1, { actual: 8.5 }));
    // T* = reference[2022] = 9; c = 8.5/9 = 0.944444; p = (8.5 − 7.14)/(9 − 7.14) = 1.36/1.86 = 0.731183
    expect(r.target).toBe(9);
    expect(r.completion).toBeCloseTo(0.944444, 6);
    expect(r.progress).toBeCloseTo(0.731183, 6);
    expect(r.status).toBe("on_track");
    expect(scoreIndicator(input(D1, { actual: 9.2 })).status).toBe("met");
  });

  it("has no target in a year without a reference", () => {
    const r = scoreIndicator(input(D1, { actual: 8.5, asOf: "2021-12-31" }));
    expect(r.status).toBe("no_target");
    expect(r.target).toBeNull();
    expect(r.score).toBeNull();
    expect(r.completion).toBeNull();
  });
});

describe("milestone (done 1, in progress 0.5, not started 0)", () => {
  const E1 = indicator({ code: "E1", kind: "milestone", target: null, baseline: null, unit: "—" });
  // s = 21/36 = 0.583333; T* = 1, B = 0, so c = p = a

  it("done is met", () => {
    const r = scoreIndicator(input(E1, { actual: 1 }));
    expect(r).toMatchObject({
      status: "met",
      score: 100,
      target: 1,
      baseline: 0,
      completion: 1,
      progress: 1,
    });
  });

  it("in progress is on track (0.5 ≥ 0.4833)", () => {
    const r = scoreIndicator(input(E1, { actual: 0.5 }));
    expect(r).toMatchObject({
      status: "on_track",
      score: 50,
      completion: 0.5,
      progress: 0.5,
      gap: 0.5,
    });
  });

  it("not started is critical (0 < 0.2833)", () => {
    const r = scoreIndicator(input(E1, { actual: 0 }));
    expect(r).toMatchObject({ status: "critical", score: 0, completion: 0, progress: 0, gap: 1 });
    expect(r.requiredGrowth).toBeNull(); // a = 0
  });
});

describe("T* = B", () => {
  const flat = indicator({ kind: "at_least", target: 2, baseline: 2, unit: "个" });

  it("progress is 1 when met", () => {
    expect(scoreIndicator(input(flat, { actual: 2 }))).toMatchObject({
      status: "met",
      progress: 1,
    });
  });

  it("progress is 0 when not met", () => {
    const r = scoreIndicator(input(flat, { actual: 1 }));
    // p = 0 < 0.2833 → critical; c = 1/2
    expect(r).toMatchObject({ status: "critical", progress: 0, completion: 0.5, score: 50 });
  });
});

describe("status boundaries", () => {
  it("p exactly s − 0.10 is on_track, just below is lagging", () => {
    // a = B + (T* − B)(s − 0.10) = 0.85 + 0.57 × 0.483333 = 1.1255: p = 0.2755/0.57 = 0.483333
    expect(scoreIndicator(input(A1, { actual: 1.1255 })).status).toBe("on_track");
    // 1.1254: p = 0.2754/0.57 = 0.483158
    expect(scoreIndicator(input(A1, { actual: 1.1254 })).status).toBe("lagging");
  });

  it("p exactly s − 0.30 is lagging, just below is critical", () => {
    // a = 0.85 + 0.57 × 0.283333 = 1.0115: p = 0.283333
    expect(scoreIndicator(input(A1, { actual: 1.0115 })).status).toBe("lagging");
    // 1.0114: p = 0.1614/0.57 = 0.283158
    expect(scoreIndicator(input(A1, { actual: 1.0114 })).status).toBe("critical");
  });

  it("met at T* exactly", () => {
    expect(scoreIndicator(input(A1, { actual: 1.42 })).status).toBe("met");
    expect(scoreIndicator(input(A1, { actual: 1.4199 })).status).toBe("on_track");
  });

  it("uses the catalogue's tolerances", () => {
    // As of 2022-06-30: s = 18/36 = 0.5; T* = 100, B = 0, a = 42 → p = 0.42
    const ind = indicator({ target: 100, baseline: 0 });
    const at = (onTrack: number, lagging: number) =>
      scoreIndicator(
        input(ind, { actual: 42, asOf: "2022-06-30", tolerances: { onTrack, lagging } })
      ).status;
    expect(at(0.1, 0.3)).toBe("on_track"); // 0.42 ≥ 0.40
    expect(at(0.05, 0.3)).toBe("lagging"); // 0.42 < 0.45, ≥ 0.20
    expect(at(0.05, 0.06)).toBe("critical"); // 0.42 < 0.44
  });

  it("reaches invalid, no_data and not_applicable before anything else", () => {
    const invalid = scoreIndicator(input(A1, { state: "invalid", actual: 5 }));
    expect(invalid).toMatchObject({
      status: "invalid",
      score: 0,
      completion: null,
      progress: null,
      gap: null,
      target: 1.42,
      actual: 5,
    });
    expect(invalid.schedule).toBeCloseTo(21 / 36, 10);

    const noData = scoreIndicator(input(A1, { state: "no_data", actual: null }));
    expect(noData).toMatchObject({
      status: "no_data",
      score: 0,
      completion: null,
      projection: null,
    });
    // an 'ok' row without an actual is no_data too
    expect(scoreIndicator(input(A1, { actual: null })).status).toBe("no_data");

    const na = scoreIndicator(input(A1, { state: "not_applicable", actual: null }));
    expect(na).toMatchObject({ status: "not_applicable", score: null, completion: null });
  });

  it("an invalid row outranks a missing target", () => {
    const F4 = indicator({ code: "F4", target: 50000, aggregation: "sum" });
    expect(
      scoreIndicator(input(F4, { state: "invalid", actual: 1, targetOverride: null })).status
    ).toBe("invalid");
  });
});

describe("targets from a unit's sheet (sum indicators)", () => {
  const F4 = indicator({
    code: "F4",
    kind: "at_least",
    target: 50000,
    baseline: 56000,
    unit: "亩",
    aggregation: "sum",
  });

  it("no_target when the sheet gives none", () => {
    const r = scoreIndicator(input(F4, { actual: 4500, baseline: 4000, targetOverride: null }));
    expect(r).toMatchObject({
      status: "no_target",
      score: null,
      target: null,
      completion: null,
      gap: null,
    });
  });

  it("scores the unit's own share", () => {
    const r = scoreIndicator(input(F4, { actual: 4500, baseline: 4000, targetOverride: 5000 }));
    // c = 4500/5000 = 0.9; p = (4500 − 4000)/(5000 − 4000) = 0.5 ≥ 0.4833 → on_track
    expect(r).toMatchObject({ target: 5000, baseline: 4000, status: "on_track", gap: 500 });
    expect(r.completion).toBeCloseTo(0.9, 10);
    expect(r.progress).toBeCloseTo(0.5, 10);
  });

  it("an unknown baseline counts as 0 for linear kinds", () => {
    const r = scoreIndicator(input(F4, { actual: 30000, baseline: null }));
    // p = (30000 − 0)/(50000 − 0) = 0.6
    expect(r.progress).toBeCloseTo(0.6, 10);
    expect(r.baseline).toBeNull(); // shown as unknown
  });
});

describe("indicators without a target kind (ratio parts A1a, C9b …)", () => {
  it("are never scored", () => {
    const part = indicator({ code: "A1a", kind: undefined, target: null, unit: "万元" });
    const r = scoreIndicator(input(part, { actual: 1234 }));
    expect(r).toMatchObject({
      status: "no_target",
      score: null,
      schedule: null,
      target: null,
      actual: 1234,
    });
  });
});

describe("projection to the deadline", () => {
  it("fits a line through two points", () => {
    // x = months from t0: 2021-12-31 → 12 (0.95), 2022-09-30 → 21 (1.1)
    // slope = 0.15/9 per month; at x = 36: 1.1 + 15 × 0.15/9 = 1.35 < 1.42 → will not meet
    const r = scoreIndicator(
      input(A1, { actual: 1.1, history: [{ date: "2021-12-31", value: 0.95 }] })
    );
    expect(r.projection).toBeCloseTo(1.35, 10);
    expect(r.projectionMeets).toBe(false);
  });

  it("says when the trend meets the target", () => {
    // 0.6 at x = 12, 1.1 at x = 21: 1.1 + 15 × 0.5/9 = 1.933333 ≥ 1.42
    const r = scoreIndicator(
      input(A1, { actual: 1.1, history: [{ date: "2021-12-31", value: 0.6 }] })
    );
    expect(r.projection).toBeCloseTo(1.933333, 6);
    expect(r.projectionMeets).toBe(true);
  });

  it("uses least squares over three points, in any order", () => {
    // (6, 0.9), (12, 1.0), (21, 1.1): x̄ = 13, ȳ = 1.0
    // Sxx = 49 + 1 + 64 = 114; Sxy = (−7)(−0.1) + (−1)(0) + (8)(0.1) = 1.5; slope = 1.5/114
    // at x = 36: 1.0 + (36 − 13) × 1.5/114 = 1.302632
    const history = [
      { date: "2021-12-31", value: 1.0 },
      { date: "2021-06-30", value: 0.9 },
    ];
    const r = scoreIndicator(input(A1, { actual: 1.1, history }));
    expect(r.projection).toBeCloseTo(1.302632, 6);
  });

  it("ignores observations that are not earlier than the as-of date", () => {
    const r = scoreIndicator(
      input(A1, {
        actual: 1.1,
        history: [
          { date: "2022-09-30", value: 0.5 },
          { date: "2022-12-31", value: 2 },
        ],
      })
    );
    expect(r.projection).toBeNull();
  });

  it("has nothing to project or require once the deadline is reached", () => {
    const r = scoreIndicator(
      input(A1, { actual: 1.2, asOf: "2023-12-31", history: [{ date: "2022-12-31", value: 1.0 }] })
    );
    expect(r.status).toBe("critical"); // p = 0.35/0.57 = 0.614 < 1 − 0.30
    expect(r.projection).toBeNull();
    expect(r.requiredGrowth).toBeNull();
  });
});

describe("malformed dates", () => {
  it("are a clear error naming the indicator", () => {
    expect(() => scoreIndicator(input(A1, { actual: 1, asOf: "2022-09-31" }))).toThrow(
      /A1 as-of date: '2022-09-31'/
    );
    expect(() =>
      scoreIndicator(input(indicator({ deadline: "2023/12/31" }), { actual: 1 }))
    ).toThrow(RangeError);
  });
});
