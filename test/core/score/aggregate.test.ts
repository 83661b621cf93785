import type { IndicatorResult, Status } from "../../../src/core/model/results";
import { aggregateScores } from "../../../src/core/score/aggregate";

function result(
  code: string,
  category: string,
  status: Status,
  score: number | null,
  weight = 1
): IndicatorResult {
  return {
    code,
    name: code,
    category,
    sheet: "监测表",
    unit: "%",
    baseline: null,
    target: null,
    actual: null,
    completion: null,
    progress: null,
    schedule: null,
    gap: null,
    requiredGrowth: null,
    projection: null,
    projectionMeets: null,
    status,
    score,
    weight,
  };
}

describe("aggregateScores", () => {
  const results = [
    result("X1", "甲", "lagging", 80, 1),
    result("X2", "甲", "critical", 40, 3),
    result("X3", "甲", "no_data", 0, 1),
    result("Y1", "乙", "no_target", null, 5),
    result("Z1", "丙", "met", 100, 2),
    result("Z2", "丙", "not_applicable", null, 4),
  ];
  const scores = aggregateScores(results);

  it("weights each category's scores, no_data counting 0", () => {
    // 甲: (80×1 + 40×3 + 0×1)/(1 + 3 + 1) = 200/5 = 40
    expect(scores.categories["甲"]).toBeCloseTo(40, 10);
    // 丙: not_applicable is left out: 100×2/2 = 100
    expect(scores.categories["丙"]).toBe(100);
  });

  it("leaves out a category with nothing scored", () => {
    // 乙 has only a no_target row
    expect(Object.keys(scores.categories).sort()).toEqual(["丙", "甲"].sort());
  });

  it("weights all scored results for the overall score, unrounded", () => {
    // (80 + 120 + 0 + 200)/(1 + 3 + 1 + 2) = 400/7 = 57.142857…
    expect(scores.overall).toBeCloseTo(400 / 7, 10);
  });

  it("counts invalid rows as 0 even without a score", () => {
    const s = aggregateScores([
      result("X1", "甲", "met", 100, 1),
      result("X2", "甲", "invalid", null, 1),
    ]);
    // (100 + 0)/2 = 50
    expect(s.overall).toBe(50);
    expect(s.categories["甲"]).toBe(50);
  });

  it("is null overall when nothing is scored", () => {
    expect(aggregateScores([])).toEqual({ overall: null, categories: {} });
    expect(
      aggregateScores([
        result("Y1", "乙", "no_target", null),
        result("Z2", "丙", "not_applicable", null),
      ])
    ).toEqual({
      overall: null,
      categories: {},
    });
  });

  it("gives no weight to a zero or negative weight", () => {
    const s = aggregateScores([
      result("X1", "甲", "met", 100, 1),
      result("X2", "甲", "critical", 0, -5),
      result("X3", "甲", "critical", 0, 0),
    ]);
    expect(s.overall).toBe(100);
  });
});
