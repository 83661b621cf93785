import fc from "fast-check";
import { parsePeriod } from "../../../src/core/read/period";

/** asOf, months and label of a period, or null. */
function read(value: Parameters<typeof parsePeriod>[0]): [string, number, string] | null {
  const p = parsePeriod(value);
  return p && [p.asOf, p.months, p.label];
}

describe("parsePeriod: text", () => {
  it.each<[string, string, number, string]>([
    // the third quarter, and the first three quarters
    ["2022年第三季度", "2022-09-30", 9, "2022年第三季度"],
    ["2022年三季度", "2022-09-30", 9, "2022年第三季度"],
    ["2022年3季度", "2022-09-30", 9, "2022年第三季度"],
    ["2022年第3季度", "2022-09-30", 9, "2022年第三季度"],
    ["2022三季度", "2022-09-30", 9, "2022年第三季度"],
    ["2022年第三季度末", "2022-09-30", 9, "2022年第三季度"],
    ["2022Q3", "2022-09-30", 9, "2022年第三季度"],
    ["2022 Q3", "2022-09-30", 9, "2022年第三季度"],
    ["2022q3", "2022-09-30", 9, "2022年第三季度"],
    ["2022-Q3", "2022-09-30", 9, "2022年第三季度"],
    ["Q3 2022", "2022-09-30", 9, "2022年第三季度"],
    ["2022年1-9月", "2022-09-30", 9, "2022年1-9月"],
    ["2022年1—9月", "2022-09-30", 9, "2022年1-9月"],
    ["2022年1～9月", "2022-09-30", 9, "2022年1-9月"],
    ["2022年1月-9月", "2022-09-30", 9, "2022年1-9月"],
    ["2022年1月至9月", "2022-09-30", 9, "2022年1-9月"],
    ["2022年1-9月份", "2022-09-30", 9, "2022年1-9月"],
    ["2022年前三季度", "2022-09-30", 9, "2022年前三季度"],
    ["2022年1-3季度", "2022-09-30", 9, "2022年前三季度"],
    ["2022年一至三季度", "2022-09-30", 9, "2022年前三季度"],
    ["2022年第一至第三季度", "2022-09-30", 9, "2022年前三季度"],
    // first quarter
    ["2022年第一季度", "2022-03-31", 3, "2022年第一季度"],
    ["2022年一季度", "2022-03-31", 3, "2022年第一季度"],
    ["2022Q1", "2022-03-31", 3, "2022年第一季度"],
    ["2022年1-3月", "2022-03-31", 3, "2022年1-3月"],
    ["2023年第四季度", "2023-12-31", 12, "2023年第四季度"],
    // halves and years
    ["2022年上半年", "2022-06-30", 6, "2022年上半年"],
    ["2022年下半年", "2022-12-31", 12, "2022年下半年"],
    ["2022年", "2022-12-31", 12, "2022年"],
    ["2022年度", "2022-12-31", 12, "2022年"],
    ["2022年全年", "2022-12-31", 12, "2022年"],
    ["2022年底", "2022-12-31", 12, "2022年"],
    ["2022年年底", "2022-12-31", 12, "2022年"],
    ["2022", "2022-12-31", 12, "2022年"],
    ["2022年前四季度", "2022-12-31", 12, "2022年"],
    // months
    ["2022年9月", "2022-09-30", 9, "2022年9月"],
    ["2022年09月", "2022-09-30", 9, "2022年9月"],
    ["2022年九月", "2022-09-30", 9, "2022年9月"],
    ["2022年十二月份", "2022-12-31", 12, "2022年12月"],
    ["2022.9", "2022-09-30", 9, "2022年9月"],
    ["2022-09", "2022-09-30", 9, "2022年9月"],
    ["2022/9", "2022-09-30", 9, "2022年9月"],
    ["2024年2月", "2024-02-29", 2, "2024年2月"],
    ["2023年2月", "2023-02-28", 2, "2023年2月"],
    ["截至2022年9月底", "2022-09-30", 9, "2022年9月"],
    // days
    ["2022年9月30日", "2022-09-30", 9, "2022年9月30日"],
    ["2022-09-30", "2022-09-30", 9, "2022年9月30日"],
    ["2022年9月30", "2022-09-30", 9, "2022年9月30日"],
    ["2022/9/15", "2022-09-15", 9, "2022年9月15日"],
    ["2022.09.30", "2022-09-30", 9, "2022年9月30日"],
    // widths and spaces
    ["２０２２年第三季度", "2022-09-30", 9, "2022年第三季度"],
    ["２０２２Ｑ３", "2022-09-30", 9, "2022年第三季度"],
    [" 2022 年 第三 季度 ", "2022-09-30", 9, "2022年第三季度"],
    ["2022年\u30001-9月", "2022-09-30", 9, "2022年1-9月"],
    // a year written in Chinese numerals, as formal documents do
    ["二〇二二年第三季度", "2022-09-30", 9, "2022年第三季度"],
    ["二零二二年", "2022-12-31", 12, "2022年"],
    // brackets, a note, the kind of report, 累计, a span of days
    ["（2022年第三季度）", "2022-09-30", 9, "2022年第三季度"],
    ["2022年第三季度（累计）", "2022-09-30", 9, "2022年第三季度"],
    ["2022年三季度报", "2022-09-30", 9, "2022年第三季度"],
    ["2022年1-9月累计", "2022-09-30", 9, "2022年1-9月"],
    ["2022.1-9", "2022-09-30", 9, "2022年1-9月"],
    ["2022年7月1日-2022年9月30日", "2022-09-30", 9, "2022年9月30日"],
    ["2022年1月1日至9月30日", "2022-09-30", 9, "2022年9月30日"],
  ])("%p → %s", (text, asOf, months, label) => {
    expect(read(text)).toEqual([asOf, months, label]);
  });

  it("gives the year", () => {
    expect(parsePeriod("2022年第三季度")?.year).toBe(2022);
  });

  it.each([
    "",
    "   ",
    "第三季度",
    "前三季度",
    "2022年第五季度",
    "2022Q5",
    "2022Q0",
    "2022年13月",
    "2022年0月",
    "2022年9-1月",
    "2022年1-13月",
    "2022.13",
    "2022-02-30",
    "2022年2月29日",
    "22年9月",
    "1800年",
    "9999年",
    "2022年第三季度和第四季度",
    "二〇二二",
    "二〇二年",
    "2022年9月30日-2022年7月1日",
    "abc",
    "2022年一百月",
    "Q3",
    "44834",
  ])("%p is unreadable", (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe("parsePeriod: dates, serials and other values", () => {
  it.each<[string, Date | number, string, number]>([
    ["a date", new Date(Date.UTC(2022, 8, 30)), "2022-09-30", 9],
    ["a date in mid-month", new Date(Date.UTC(2022, 8, 15)), "2022-09-15", 9],
    ["the serial of 2022-09-30", 44834, "2022-09-30", 9],
    ["the serial of 2023-12-31 with a time", 45291.75, "2023-12-31", 12],
    ["the serial of 1982-02-18", 30000, "1982-02-18", 2],
    ["a year as a number", 2022, "2022-12-31", 12],
  ])("%s", (_name, value, asOf, months) => {
    const p = parsePeriod(value);
    expect(p && [p.asOf, p.months]).toEqual([asOf, months]);
  });

  it.each<[string, Parameters<typeof parsePeriod>[0]]>([
    ["null", null],
    ["undefined", undefined],
    ["an invalid date", new Date(Number.NaN)],
    ["a small number", 12],
    ["a number between year and serial", 29999],
    ["a number above the serial range", 80001],
    ["a year with decimals", 2022.9],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
  ])("%s is unreadable", (_name, value) => {
    expect(parsePeriod(value)).toBeNull();
  });
});

describe("properties", () => {
  const ISO = /^\d{4}-\d{2}-\d{2}$/;

  it("never throws on strings, numbers, dates or other values, and a period it gives is well formed", () => {
    const anyValue = fc.oneof(
      fc.string(),
      fc.string({
        unit: fc.constantFrom(..."2022年第一二三四季度前上下半全月日Qq-—至.1 9３".split("")),
      }),
      fc.double(),
      fc.integer(),
      fc.date(),
      fc.anything()
    );
    fc.assert(
      fc.property(anyValue, (value) => {
        const p = parsePeriod(value as Parameters<typeof parsePeriod>[0]);
        if (p === null) return;
        expect(p.asOf).toMatch(ISO);
        expect(p.months).toBeGreaterThanOrEqual(1);
        expect(p.months).toBeLessThanOrEqual(12);
        expect(Number(p.asOf.slice(0, 4))).toBe(p.year);
        expect(Number(p.asOf.slice(5, 7))).toBe(p.months);
      }),
      { numRuns: 3000 }
    );
  });

  it("reads every month end written as YYYY年M月, YYYY.M and YYYY-MM the same way", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const a = parsePeriod(`${year}年${month}月`);
          expect(a).not.toBeNull();
          expect(parsePeriod(`${year}.${month}`)).toEqual(a);
          expect(parsePeriod(`${year}-${String(month).padStart(2, "0")}`)).toEqual(a);
          const next = new Date(Date.UTC(year, month, 1)); // the day after the period ends
          expect(new Date(Date.UTC(year, month - 1, Number(a!.asOf.slice(8)) + 1)).getTime()).toBe(
            next.getTime()
          );
        }
      )
    );
  });

  it("reads a date cell and its Excel serial as the same day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 30000, max: 80000 }), (serial) => {
        const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        expect(parsePeriod(serial)).toEqual(parsePeriod(date));
      })
    );
  });
});
