import { monthsBetween, monthsIntoYear } from "../../../src/core/score/dates";

describe("monthsBetween: whole calendar months", () => {
  it("counts the plan example: 2020-12-31 → 2022-09-30 is 21", () => {
    // Jan 2021 … Sep 2022 = 12 + 9 months; Sep 30 is the last day of September, so complete.
    expect(monthsBetween("2020-12-31", "2022-09-30")).toBe(21);
  });

  it("counts the whole plan: 2020-12-31 → 2023-12-31 is 36", () => {
    expect(monthsBetween("2020-12-31", "2023-12-31")).toBe(36);
  });

  it("treats month ends as whole months (February, 30-day months)", () => {
    expect(monthsBetween("2020-12-31", "2021-02-28")).toBe(2);
    expect(monthsBetween("2020-12-31", "2024-02-29")).toBe(38);
    expect(monthsBetween("2021-01-31", "2021-04-30")).toBe(3);
  });

  it("does not count a month that is not yet complete", () => {
    // 15 Jan → 14 Mar: February's stretch is complete, March's is one day short.
    expect(monthsBetween("2021-01-15", "2021-03-14")).toBe(1);
    expect(monthsBetween("2021-01-15", "2021-03-15")).toBe(2);
    // 30 Dec is not the end of December.
    expect(monthsBetween("2021-12-31", "2022-12-30")).toBe(11);
  });

  it("is zero for the same day and negative backwards", () => {
    expect(monthsBetween("2022-09-30", "2022-09-30")).toBe(0);
    expect(monthsBetween("2022-09-30", "2020-12-31")).toBe(-21);
    expect(Object.is(monthsBetween("2021-01-31", "2021-01-01"), 0)).toBe(true);
  });

  it("refuses a malformed date with a clear error", () => {
    expect(() => monthsBetween("2022-13-01", "2023-01-01")).toThrow(RangeError);
    expect(() => monthsBetween("2022-01-01", "2023-02-29")).toThrow(/2023-02-29/);
    expect(() => monthsBetween("2022/09/30", "2023-01-01")).toThrow(/YYYY-MM-DD/);
  });
});

describe("monthsIntoYear", () => {
  it("is the month number at a period end", () => {
    expect(monthsIntoYear({ year: 2022, month: 9, day: 30 })).toBe(9);
    expect(monthsIntoYear({ year: 2022, month: 6, day: 30 })).toBe(6);
    expect(monthsIntoYear({ year: 2022, month: 12, day: 31 })).toBe(12);
  });

  it("counts only whole months inside a month", () => {
    expect(monthsIntoYear({ year: 2022, month: 9, day: 15 })).toBe(8);
    expect(monthsIntoYear({ year: 2022, month: 1, day: 10 })).toBe(0);
  });
});
