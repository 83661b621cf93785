/**
 * The form of one indicator row of the plan's default catalogue (default.ts), and the words its rows
 * share: the plan's categories, the offices that own most indicators, the traits of counts and percents.
 */
import type { Aggregation, Indicator, TargetKind } from "../model/catalogue";

export const BASELINE_DATE = "2020-12-31";
export const DEADLINE = "2023-12-31";

export type Row = [
  code: string,
  category: string,
  name: string,
  unit: string,
  kind: TargetKind | null,
  target: number | null,
  owner: string,
  aggregation: Aggregation,
  extra?: Partial<Indicator>,
];

export const 投入 = "科技创新投入";
export const 主体 = "企业创新主体";
export const 能力 = "科技创新能力";
export const 惠民 = "科技惠民";
export const 环境 = "创新环境";
export const 产业 = "高原特色产业";
export const 载体 = "创新载体建设";
export const 基地 = "特色产业基地";

export const 科技局 = "市科技局";
export const 农业局 = "市农业农村局";
export const 监管局 = "市市场监管局";

/** Counts of things built: integers, cumulative, baseline 0 unless stated (docs/specification.md §3). */
// The catalogue states no count baseline: scoring reads an unknown baseline as 0, and a sheet may give its own.
export const COUNT: Partial<Indicator> = { integer: true, cumulative: true, min: 0 };
export const PERCENT: Partial<Indicator> = { min: 0, max: 100 };
