/**
 * The samples' earlier quarters, made from the third quarter's rows (scripts/make-quarter-samples.ts):
 * the second quarter's actual is the third quarter's 上期 column, and the first quarter's lies between
 * the baseline and it — so each quarter's 上期 is the quarter before's actual, as units keep them.
 */
import type { Row, Value } from "./quarter-layouts";

export type Quarter = 1 | 2 | 3;

export const PERIODS: Record<Quarter, string> = {
  1: "2022年第一季度",
  2: "2022年第二季度",
  3: "2022年第三季度",
};

/** The month a quarter's reports are sent in (the third quarter's: October). */
const SENT_IN: Record<Quarter, number> = { 1: 4, 2: 7, 3: 10 };

/** A third-quarter 报出日期 ("2022年10月8日", "2022-10-09") moved to the quarter's month, same day. */
export function reportDateIn(q: Quarter, date: string): string {
  const m = SENT_IN[q];
  return date.replace(/年10月/, `年${m}月`).replace(/-10-/, `-${String(m).padStart(2, "0")}-`);
}

/** Year-to-date figures ("1-9月累计"): the first quarter holds under half of the half-year. */
const YEAR_TO_DATE = new Set(["C8", "F13", "F14"]);

function decimals(v: number): number {
  return (String(v).split(".")[1] ?? "").length;
}

/**
 * The value a quarter before `v`: a year-to-date figure 45 % of it; a figure the third quarter
 * left as it was (areas sown once a year) the same; else most of the way from the baseline to it
 * (nine tenths for a percentage, which moves slowly; four fifths otherwise).
 */
function quarterBefore(row: Row, v: Value): Value {
  if (typeof v !== "number" || row[5] === row[6]) return v;
  const base = row[3];
  const share = row[2] === "%" ? 0.9 : 0.8;
  const x = YEAR_TO_DATE.has(row[0])
    ? v * 0.45
    : typeof base === "number"
      ? base + (v - base) * share
      : v * 0.97;
  return Number(x.toFixed(decimals(v)));
}

/** What a unit wrote beside a figure that lagged in an earlier quarter and caught up by the third. */
const EARLIER_REMARK: Record<string, string> = { C5: "重点实验室认定材料已上报" };

/** "1-9月累计" → "1-6月累计" for the quarter. */
function remarkIn(q: Quarter, remark: string | undefined): string | undefined {
  return remark?.replace(/1-9月/g, `1-${q * 3}月`);
}

/** A unit's rows for quarter `q`, from its third-quarter rows. */
export function rowsOfQuarter(rows: Row[], q: Quarter): Row[] {
  if (q === 3) return rows;
  return withRatioParts(
    rows.map((r) => {
      // A figure without a 上期 (a year's GDP) is the same all year.
      const second = r[5] ?? r[6];
      const actual = q === 2 ? second : quarterBefore(r, second);
      const previous = q === 2 ? quarterBefore(r, second) : r[5] === null ? r[6] : null;
      const remark = r[7] || EARLIER_REMARK[r[0]];
      return [r[0], r[1], r[2], r[3], r[4], previous, actual, remarkIn(q, remark)] as Row;
    })
  );
}

/** A1 is A1a / A1b: the R&D spending of an earlier quarter is the one its A1 gives. */
function withRatioParts(rows: Row[]): Row[] {
  const ratio = rows.find((r) => r[0] === "A1");
  const part = rows.find((r) => r[0] === "A1a");
  const whole = rows.find((r) => r[0] === "A1b");
  if (!ratio || !part || !whole) return rows;
  const spending = (share: Value, gdp: Value) =>
    typeof share === "number" && typeof gdp === "number" ? Math.round((share * gdp) / 100) : null;
  part[5] = spending(ratio[5], whole[5]);
  part[6] = spending(ratio[6], whole[6]);
  return rows;
}

/** A period as a street writes it: "2022年1-9月" → "2022年1-6月". */
export function periodAs(written: string, q: Quarter): string {
  return /1-9月/.test(written) ? written.replace("1-9月", `1-${q * 3}月`) : PERIODS[q];
}
