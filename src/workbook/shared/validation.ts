/** What a plan's data validation means in Excel terms, shared by both adapters. */
import type { CellValidation } from "../../core/model/plan";

/** Excel's limits on an input message: 32 characters of title, 255 of text. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_TEXT_MAX = 255;

export interface NumericRule {
  type: "decimal" | "whole";
  operator: "between" | "greaterThanOrEqual" | "lessThanOrEqual" | "any";
  min?: number;
  max?: number;
}

/** The numeric rule of a 'decimal', 'whole' or 'percent' validation ('percent' is 0–100 unless told). */
export function numericRule(v: CellValidation): NumericRule {
  const type = v.kind === "whole" ? "whole" : "decimal";
  const min = v.kind === "percent" ? (v.min ?? 0) : v.min;
  const max = v.kind === "percent" ? (v.max ?? 100) : v.max;
  if (min !== undefined && max !== undefined) return { type, operator: "between", min, max };
  if (min !== undefined) return { type, operator: "greaterThanOrEqual", min };
  if (max !== undefined) return { type, operator: "lessThanOrEqual", max };
  return { type, operator: "any" };
}

/** The choices of a list as Excel's comma-separated source (commas inside a choice become "，"). */
export function listSource(v: CellValidation): string {
  return (v.list ?? []).map((item) => item.replace(/,/g, "，")).join(",");
}

export function clip(text: string | undefined, max: number): string {
  return Array.from(text ?? "")
    .slice(0, max)
    .join("");
}
