/** Indicators and inputs for the scoring tests, shaped like the default plan (2020-12-31 → 2023-12-31). */

import type { Indicator } from "../../../src/core/model/catalogue";
import type { ScoreInput } from "../../../src/core/score/indicator";

export function indicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    code: "X1",
    name: "测试指标",
    aliases: [],
    category: "测试类别",
    unit: "%",
    kind: "at_least",
    target: 100,
    baseline: null,
    baselineDate: "2020-12-31",
    deadline: "2023-12-31",
    weight: 1,
    aggregation: "owner",
    measure: "level",
    owner: "市科技局",
    coUnits: [],
    ...overrides,
  };
}

export const DEFAULT_TOLERANCES = { onTrack: 0.1, lagging: 0.3 };

export function input(ind: Indicator, overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    indicator: ind,
    state: "ok",
    actual: null,
    baseline: ind.baseline,
    asOf: "2022-09-30",
    history: [],
    tolerances: DEFAULT_TOLERANCES,
    ...overrides,
  };
}
