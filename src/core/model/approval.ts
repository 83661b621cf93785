/**
 * The values an approval covered and how they changed since (docs/consolidation.md#approval): read
 * and written by core/approval, worded by core/i18n.
 */
export type RecordedValue = number | "n/a" | { invalid: string } | { value: number; approx: true };

export type ValueField =
  "actual" | "baseline" | "target" | "previous" | "remarks" | `history:${string}`;

/** One indicator row as approved: its values by field (an empty value is absent). */
export interface RecordedRow {
  unit: string | null;
  code: string;
  values: Map<ValueField, RecordedValue | string>;
}

/** A value that differs from the approved one; `old` or `new` is absent when there was, or is, none. */
export interface ValueChange {
  unit: string | null;
  code: string;
  /** "A1 R&D经费投入强度" when the row is still on the sheet. */
  label: string;
  /** A row added to the sheet, or removed from it, since the approval. */
  field: ValueField | "row_added" | "row_removed";
  old?: RecordedValue | string;
  new?: RecordedValue | string;
  /** Where the value is now. */
  cell?: string;
  /** The indicator's unit of measure, for numbers. */
  measure?: string;
}
