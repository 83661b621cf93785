import { compareIndicatorCodes } from "../../../src/core/util/indicator-codes";

describe("compareIndicatorCodes", () => {
  it("orders by letter, number, then suffix", () => {
    expect(
      ["C10", "A1a", "B2", "A2", "A1", "C9", "C9b", "C9a"].sort(compareIndicatorCodes)
    ).toEqual(["A1", "A1a", "A2", "B2", "C9", "C9a", "C9b", "C10"]);
  });

  it("reads every run of digits as a number: 1.2 before 1.10, A1.9 before A1.10", () => {
    expect(["1.10", "1.2", "1.1", "2", "10"].sort(compareIndicatorCodes)).toEqual([
      "1.1",
      "1.2",
      "1.10",
      "2",
      "10",
    ]);
    expect(compareIndicatorCodes("A1.9", "A1.10")).toBeLessThan(0);
    expect(compareIndicatorCodes("C9b", "C10")).toBeLessThan(0);
  });

  it("compares letters without regard to case", () => {
    expect(["B2", "a1", "c3"].sort(compareIndicatorCodes)).toEqual(["a1", "B2", "c3"]);
  });

  it("puts a code before its longer forms, and a number before a letter", () => {
    expect(compareIndicatorCodes("A1", "A1a")).toBeLessThan(0);
    expect(compareIndicatorCodes("A1", "AB")).toBeLessThan(0);
    expect(compareIndicatorCodes("A", "A1")).toBeLessThan(0);
  });

  it("breaks ties between codes that read the same by their characters, in both directions", () => {
    // A01 and A1 write the same number; a1 and A1 differ in case only.
    expect(compareIndicatorCodes("A01", "A1")).toBeLessThan(0);
    expect(compareIndicatorCodes("A1", "A01")).toBeGreaterThan(0);
    expect(compareIndicatorCodes("A1", "a1")).toBeLessThan(0);
    expect(compareIndicatorCodes("a1", "A1")).toBeGreaterThan(0);
    expect(compareIndicatorCodes("A1", "A1")).toBe(0);
    // Whatever the order they come in, the result is the same: the order is total.
    const codes = ["a1", "A01", "A1", "A001", "a01"];
    const sorted = [...codes].sort(compareIndicatorCodes);
    expect([...codes].reverse().sort(compareIndicatorCodes)).toEqual(sorted);
    expect(sorted).toEqual(["A001", "A01", "A1", "a01", "a1"]);
  });

  it("compares numbers longer than a double holds exactly", () => {
    expect(compareIndicatorCodes("A90071992547409931", "A90071992547409932")).toBeLessThan(0);
  });
});
