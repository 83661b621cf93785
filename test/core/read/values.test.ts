import fc from "fast-check";
import type { Cell, CellValue } from "../../../src/core/model/cells";
import {
  EXCEL_ERRORS,
  type ParsedValue,
  excelErrorCode,
  formatNumber,
  isPercentFormat,
  parseChineseNumeral,
  parseNumberText,
  parseValue,
  unitOfValue,
} from "../../../src/core/read/values";

/** The expected result for a number, with the qualifiers that differ from plain. */
function num(
  value: number,
  extra: Partial<Omit<Extract<ParsedValue, { kind: "number" }>, "kind" | "value">> = {}
): ParsedValue {
  return { kind: "number", value, percent: false, approx: false, atLeast: false, ...extra };
}

describe("parseNumberText: numbers", () => {
  it.each<[string, ParsedValue]>([
    ["123", num(123)],
    ["  123  ", num(123)],
    ["0", num(0)],
    ["-0", num(0)],
    ["-5", num(-5)],
    ["+5", num(5)],
    ["\u22125", num(-5)],
    ["3.14", num(3.14)],
    [".5", num(0.5)],
    ["3,000", num(3000)],
    ["3，000", num(3000)],
    ["1,234,567.89", num(1234567.89)],
    ["１２３", num(123)],
    ["１２．５", num(12.5)],
    ["－１２", num(-12)],
    ["1.5e3", num(1500)],
    ["1.5E-3", num(0.0015)],
    ["2E+2", num(200)],
    ["1.42%", num(1.42, { percent: true })],
    ["1.42 %", num(1.42, { percent: true })],
    ["1.42％", num(1.42, { percent: true })],
    ["100%", num(100, { percent: true })],
    ["1.42个百分点", num(1.42, { percent: true })],
    ["5.6万亩", num(5.6, { unit: "万亩" })],
    ["5.6 万 亩", num(5.6, { unit: "万亩" })],
    ["5.6（万亩）", num(5.6, { unit: "万亩" })],
    ["61.5亿元", num(61.5, { unit: "亿元" })],
    ["400斤/亩", num(400, { unit: "斤/亩" })],
    ["200 公斤/亩", num(200, { unit: "公斤/亩" })],
    ["10KG", num(10, { unit: "kg" })],
    ["3万", num(3, { unit: "万" })],
    ["1.2亿", num(1.2, { unit: "亿" })],
    ["5千", num(5, { unit: "千" })],
    ["12个", num(12, { unit: "个" })],
    ["3.8件/万人", num(3.8, { unit: "件/万人" })],
    ["5 apples", num(5, { unit: "apples" })],
  ])("%p", (text, expected) => {
    expect(parseNumberText(text)).toEqual(expected);
  });
});

describe("parseNumberText: qualifiers", () => {
  it.each<[string, ParsedValue]>([
    ["约400斤", num(400, { approx: true, unit: "斤" })],
    ["大约400", num(400, { approx: true })],
    ["近400", num(400, { approx: true })],
    ["将近 400 亩", num(400, { approx: true, unit: "亩" })],
    ["~400", num(400, { approx: true })],
    ["400左右", num(400, { approx: true })],
    ["400斤左右", num(400, { approx: true, unit: "斤" })],
    ["200余件", num(200, { approx: true, unit: "件" })],
    ["200多件", num(200, { approx: true, unit: "件" })],
    ["200余", num(200, { approx: true })],
    ["400多", num(400, { approx: true })],
    ["200余万元", num(200, { approx: true, unit: "万元" })],
    ["5万余亩", num(5, { approx: true, unit: "万亩" })],
    ["1.5万多", num(1.5, { approx: true, unit: "万" })],
    ["约50%", num(50, { approx: true, percent: true })],
    ["400以上", num(400, { atLeast: true })],
    ["400及以上", num(400, { atLeast: true })],
    ["400斤以上", num(400, { atLeast: true, unit: "斤" })],
    ["50%以上", num(50, { atLeast: true, percent: true })],
    ["400+", num(400, { atLeast: true })],
    ["不少于400", num(400, { atLeast: true })],
    ["≥400", num(400, { atLeast: true })],
    ["约400以上", num(400, { approx: true, atLeast: true })],
  ])("%p", (text, expected) => {
    expect(parseNumberText(text)).toEqual(expected);
  });
});

describe("parseNumberText: Chinese numerals", () => {
  it.each<[string, ParsedValue]>([
    ["三", num(3)],
    ["十二", num(12)],
    ["两", num(2)],
    ["二十五", num(25)],
    ["一百零五", num(105)],
    ["两千", num(2000)],
    ["零", num(0)],
    ["〇", num(0)],
    ["三个", num(3, { unit: "个" })],
    ["两家", num(2, { unit: "家" })],
    ["十二件", num(12, { unit: "件" })],
    ["约两百件", num(200, { approx: true, unit: "件" })],
    ["三百多", num(300, { approx: true })],
    ["约两", num(2, { approx: true })],
    ["五万亩", num(5, { unit: "万亩" })],
    ["一百万元", num(100, { unit: "万元" })],
    ["两千克", num(2000, { unit: "克" })],
  ])("%p", (text, expected) => {
    expect(parseNumberText(text)).toEqual(expected);
  });

  it.each([
    ["一", 1],
    ["九", 9],
    ["十", 10],
    ["一十", 10],
    ["十一", 11],
    ["二十", 20],
    ["九十九", 99],
    ["一百", 100],
    ["两百", 200],
    ["一百一十", 110],
    ["一百零一", 101],
    ["九百九十九", 999],
    ["一千", 1000],
    ["一千零五", 1005],
    ["一千零五十", 1050],
    ["一千二百", 1200],
    ["三千零五十", 3050],
    ["九千九百九十九", 9999],
    ["两千零二十三", 2023],
  ])("parseChineseNumeral(%s) = %p", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it.each([
    "一百二",
    "一百十",
    "两十",
    "十两",
    "二二",
    "二〇二二",
    "百",
    "千",
    "零五",
    "一千五",
    "三三百",
  ])("parseChineseNumeral(%s) refuses a short or malformed form", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe("parseNumberText: no value, not applicable, errors", () => {
  it.each(["", "   ", "\u3000", "—", "——", "-", "－", "–", "/", "／", "无", "暂无", " 无 "])(
    "%p is empty",
    (text) => {
      expect(parseNumberText(text)).toEqual({ kind: "empty" });
    }
  );

  it.each(["不适用", "N/A", "n/a", "NA", "不涉及", " 不适用 "])("%p is not applicable", (text) => {
    expect(parseNumberText(text)).toEqual({ kind: "not_applicable" });
  });

  it.each(EXCEL_ERRORS.map((code) => [code]))("%s typed as text is that error", (code) => {
    expect(parseNumberText(code)).toEqual({ kind: "error", code });
  });

  it("reads an error typed in lower case or full width as the error", () => {
    expect(parseNumberText("#div/0!")).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(parseNumberText("＃ＲＥＦ！")).toEqual({ kind: "error", code: "#REF!" });
    expect(excelErrorCode("#N/A")).toBe("#N/A");
    expect(excelErrorCode("#NOPE!")).toBeNull();
  });
});

describe("parseNumberText: anything else is invalid, never a guess", () => {
  it.each([
    "100-200",
    "100—200",
    "100~200",
    "100至200",
    "1.2.3",
    "1,2,3",
    "3,00",
    "12 3",
    "1 000",
    "1e400",
    "abc",
    "是",
    "完成",
    "约",
    "%",
    "万",
    "两百零",
    "一百二",
    "三万五千",
    "400以下",
    "不到400",
    "5无",
    "5/",
    "5%亩",
    "5万%",
    "12（其中省级2个）",
    "12个，另有3个在建",
    "二〇二二",
    "¥500",
    "e5",
    "- 5",
    "5.",
    "#DIV/0",
    "TRUE",
    "约 约 5",
    "5 - 3",
    "两两",
    "12345678901234567890个人单位名称很长的文字",
  ])("%p", (text) => {
    expect(parseNumberText(text)).toEqual({ kind: "invalid" });
  });
});

describe("parseValue", () => {
  const cell = (value: CellValue, numFmt?: string): Cell =>
    numFmt === undefined ? { value } : { value, numFmt };

  it.each<[string, Cell | undefined, ParsedValue]>([
    ["no cell", undefined, { kind: "empty" }],
    ["a null value", cell(null), { kind: "empty" }],
    ["a number", cell(42), num(42)],
    ["a negative zero", cell(-0), num(0)],
    ["a fraction in General format", cell(0.0142), num(0.0142)],
    ["a fraction formatted 0.00%", cell(0.0142, "0.00%"), num(1.42, { percent: true })],
    ["a fraction formatted 0%", cell(0.5, "0%"), num(50, { percent: true })],
    ["a float-noisy percent", cell(0.07, "0.0%"), num(7, { percent: true })],
    ['a number with a literal "%" (not scaled)', cell(1.42, '0.00"%"'), num(1.42)],
    ["a number in a 2-decimal format", cell(1234.5, "#,##0.00"), num(1234.5)],
    ["a string with a number", cell("5.6万亩"), num(5.6, { unit: "万亩" })],
    [
      "a percent string in a percent-formatted cell",
      cell("1.42%", "0.00%"),
      num(1.42, { percent: true }),
    ],
    ["an empty string", cell("  "), { kind: "empty" }],
    ["an Excel error value", cell({ error: "#DIV/0!" }), { kind: "error", code: "#DIV/0!" }],
    ["an error typed as text", cell("#REF!"), { kind: "error", code: "#REF!" }],
    ["NaN", cell(Number.NaN), { kind: "invalid" }],
    ["Infinity", cell(Number.POSITIVE_INFINITY), { kind: "invalid" }],
    ["a boolean", cell(true), { kind: "invalid" }],
    ["a date", cell(new Date("2022-09-30")), { kind: "invalid" }],
    ["N/A text", cell("N/A"), { kind: "not_applicable" }],
  ])("%s", (_name, input, expected) => {
    expect(parseValue(input)).toEqual(expected);
  });
});

describe("isPercentFormat", () => {
  it.each([
    ["0%", true],
    ["0.00%", true],
    ["#,##0.0%", true],
    ["0.00%;[Red]-0.00%", true],
    ["[Color10]0.0%", true],
    ["General", false],
    ["0.00", false],
    ['0.00"%"', false],
    ["0.00\\%", false],
    ["[$%-409]0.00", false],
    ["0.00;-0.00%", false],
    ['"unclosed', false],
    ["", false],
    [undefined, false],
  ])("%p → %p", (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });
});

describe("formatNumber", () => {
  it.each([
    [1234.5, "1234.5"],
    [0, "0"],
    [-0, "0"],
    [-12.25, "-12.25"],
    [56000, "56000"],
    [1e-7, "0.0000001"],
    [1.5e-10, "0.00000000015"],
    [-2.5e-8, "-0.000000025"],
    [1e21, "1000000000000000000000"],
    [1.2345e22, "12345000000000000000000"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
  ])("%p → %p", (n, text) => {
    expect(formatNumber(n)).toBe(text);
  });
});

describe("unitOfValue", () => {
  it("gives % for a percent, the unit, or the canonical unit", () => {
    expect(
      unitOfValue(num(1.42, { percent: true }) as Extract<ParsedValue, { kind: "number" }>)
    ).toBe("%");
    expect(
      unitOfValue(num(5.6, { unit: "万亩" }) as Extract<ParsedValue, { kind: "number" }>)
    ).toBe("万亩");
    expect(unitOfValue(num(5) as Extract<ParsedValue, { kind: "number" }>)).toBe("");
  });
});

describe("properties", () => {
  const KINDS = ["number", "empty", "not_applicable", "error", "invalid"];
  const cellValue: fc.Arbitrary<unknown> = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.date(),
    fc.constant(null),
    fc.constant(undefined),
    fc.record({ error: fc.oneof(fc.constantFrom(...EXCEL_ERRORS), fc.string(), fc.anything()) }),
    fc.anything()
  );

  it("parseValue never throws and always gives a known kind, whatever the cell holds", () => {
    fc.assert(
      fc.property(
        cellValue,
        fc.option(fc.oneof(fc.string(), fc.constantFrom("0%", "0.00%", "General")), {
          nil: undefined,
        }),
        (value, numFmt) => {
          const cell = { value, numFmt } as Cell;
          expect(KINDS).toContain(parseValue(cell).kind);
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("parseNumberText never throws on arbitrary strings, and a number it gives is finite", () => {
    const texty = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.string({
        unit: fc.constantFrom(
          ..."0123456789.,，%％万亿千百十约余多以上左右-—/ 一二两三五零个亩斤元eE+#".split("")
        ),
      })
    );
    fc.assert(
      fc.property(texty, (text) => {
        const r = parseNumberText(text);
        expect(KINDS).toContain(r.kind);
        if (r.kind === "number") expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 3000 }
    );
  });

  it("reads back every finite double that formatNumber writes, exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = formatNumber(n);
        expect(text).not.toMatch(/e/i);
        expect(parseNumberText(text)).toEqual(num(n === 0 ? 0 : n));
      }),
      { numRuns: 3000 }
    );
  });

  it("reads back realistic figures, tiny ones and ones with few decimals", () => {
    const realistic = fc.oneof(
      fc.double({ min: -1e15, max: 1e15, noNaN: true }),
      fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 100)
    );
    fc.assert(
      fc.property(realistic, (n) => {
        const r = parseNumberText(formatNumber(n));
        expect(r.kind === "number" && r.value === n).toBe(true);
      })
    );
  });

  it("reads a number with thousands separators as the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const grouped = n.toLocaleString("en-US");
        expect(parseNumberText(grouped)).toEqual(num(n));
        expect(parseNumberText(grouped.replace(/,/g, "，"))).toEqual(num(n));
      })
    );
  });

  it("reads a percent-formatted number cell as percent points without float noise", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (hundredths) => {
        const points = hundredths / 100;
        expect(parseValue({ value: points / 100, numFmt: "0.00%" })).toEqual(
          num(points, { percent: true })
        );
      })
    );
  });
});
