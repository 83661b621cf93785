/** Category and overall scores (docs/specification.md §5): weighted means of the indicators' scores. */

import type { IndicatorResult, Scores } from "../model/results";

/**
 * The score an indicator contributes, or null when it is left out of the means:
 * not_applicable and no_target are left out; invalid and no_data count as 0, whatever their
 * score field says, so that not reporting can never raise a score.
 */
function contribution(result: IndicatorResult): number | null {
  switch (result.status) {
    case "not_applicable":
    case "no_target":
      return null;
    case "invalid":
    case "no_data":
      return 0;
    default:
      return result.score !== null && Number.isFinite(result.score) ? result.score : null;
  }
}

/** A weight that is missing, negative or not a number counts as 0: it cannot turn a mean around. */
function usableWeight(weight: number): number {
  return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

class WeightedMean {
  private sum = 0;
  private weights = 0;

  add(value: number, weight: number): void {
    this.sum += value * weight;
    this.weights += weight;
  }

  /** Null when nothing with a positive weight was added. */
  value(): number | null {
    if (this.weights <= 0) return null;
    const mean = this.sum / this.weights;
    return Number.isFinite(mean) ? mean : null;
  }
}

/**
 * Category and overall scores: weighted means (Indicator.weight) of the scored results;
 * not_applicable and no_target are left out; invalid and no_data count as 0.
 * The overall score is the weighted mean over all scored results (not a mean of categories);
 * null overall when nothing is scored, and a category with nothing scored is absent. Unrounded.
 */
export function aggregateScores(results: IndicatorResult[]): Scores {
  const overall = new WeightedMean();
  const byCategory = new Map<string, WeightedMean>();
  for (const result of results) {
    const score = contribution(result);
    if (score === null) continue;
    const weight = usableWeight(result.weight);
    overall.add(score, weight);
    let category = byCategory.get(result.category);
    if (!category) {
      category = new WeightedMean();
      byCategory.set(result.category, category);
    }
    category.add(score, weight);
  }
  const categories: Record<string, number> = {};
  for (const [name, mean] of byCategory) {
    const value = mean.value();
    if (value !== null) categories[name] = value;
  }
  return { overall: overall.value(), categories };
}
