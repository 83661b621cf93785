/** The indicator catalogue: the plan's target rules, as data (docs/specification.md §3). */

export type TargetKind =
  | "at_least"
  | "greater_than"
  | "at_most"
  | "approx"
  | "annual_growth"
  | "reach_reference"
  | "milestone";

export const TARGET_KINDS: readonly TargetKind[] = [
  "at_least",
  "greater_than",
  "at_most",
  "approx",
  "annual_growth",
  "reach_reference",
  "milestone",
];

export type Aggregation = "sum" | "owner" | "weighted_mean";
export type Measure = "level" | "flow";

export interface Indicator {
  /** Stable code used in all machine output, e.g. "A1". */
  code: string;
  /** Canonical name, exactly as in the plan's table. */
  name: string;
  /** Other names units write for it. */
  aliases: string[];
  category: string;
  /** Canonical unit of measure ('%', '亩', '斤/亩', '元', '万元', '个', '件/万人', '—' …). */
  unit: string;
  /** Absent for the parts of a ratio (A1a, A1b, C9a, C9b): recognised and validated, not scored. */
  kind?: TargetKind;
  /**
   * The target value in the canonical unit. For `annual_growth` the yearly rate as a fraction
   * (0.03 for 3 %/yr); for `reach_reference` and `milestone` unused (null).
   */
  target: number | null;
  /** Baseline in the canonical unit, null when the catalogue does not know it. */
  baseline: number | null;
  /** ISO dates (YYYY-MM-DD). */
  baselineDate: string;
  deadline: string;
  weight: number;
  aggregation: Aggregation;
  /** For `weighted_mean`: the code of the indicator that weights it. */
  weightBy?: string;
  measure: Measure;
  /** The responsible unit (责任单位). */
  owner: string;
  /** Co-operating units (配合单位). */
  coUnits: string[];
  min?: number;
  max?: number;
  integer?: boolean;
  /** Must not fall from one period to the next. */
  cumulative?: boolean;
  /** Reference values by year (for `reach_reference`), e.g. {2020: 7.14, 2022: 9}. */
  reference?: Record<number, number>;
  /** For a ratio indicator: how it is computed from its parts, value = numerator / denominator × factor. */
  ratio?: { numerator: string; denominator: string; factor: number };
}

export type UnitKind = "bureau" | "township" | "street" | "other";

export interface UnitEntry {
  name: string;
  kind: UnitKind;
}

export interface Catalogue {
  /** A short hash of the catalogue's content, recorded with approvals. */
  version: string;
  indicators: Indicator[];
  units: UnitEntry[];
  /** Status tolerances behind 序时进度, as fractions (0.10 and 0.30). */
  tolerances: { onTrack: number; lagging: number };
  /** Days after a period's end by which a unit's sheet is due. */
  dueDays: number;
}
