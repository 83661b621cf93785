import fc from "fast-check";
import {
  convertUnit,
  isNoUnit,
  isPercentUnit,
  normaliseUnit,
  parseUnit,
  unitFamily,
  unitsCompatible,
} from "../../../src/core/read/units";

describe("normaliseUnit", () => {
  it.each([
    ["万 亩", "万亩"],
    ["（亩）", "亩"],
    ["(亩)", "亩"],
    ["【万元】", "万元"],
    ["KG", "kg"],
    ["㎏", "kg"],
    ["％", "%"],
    ["公斤 / 亩", "公斤/亩"],
    ["单位：万元", "万元"],
    ["（单位：亩）", "亩"],
    ["件/万人", "件/万人"],
    ["m²", "m2"],
    ["—", ""],
    ["-", ""],
    ["－", ""],
    ["/", ""],
    ["", ""],
    ["  ", ""],
  ])("%s → %s", (input, expected) => {
    expect(normaliseUnit(input)).toBe(expected);
  });
});

describe("convertUnit: docs/specification.md §2 conversions", () => {
  it.each([
    // area, canonical 亩
    [5.6, "万亩", "亩", 56000],
    [100, "公顷", "亩", 1500],
    [2, "千亩", "亩", 2000],
    [3000, "亩", "亩", 3000],
    // mass, canonical 斤
    [10, "公斤", "斤", 20],
    [10, "千克", "斤", 20],
    [10, "kg", "斤", 20],
    [10, "KG", "斤", 20],
    [1.5, "吨", "斤", 3000],
    [2, "万斤", "斤", 20000],
    // yield, canonical 斤/亩
    [200, "公斤/亩", "斤/亩", 400],
    [200, "千克/亩", "斤/亩", 400],
    [400, "斤/亩", "斤/亩", 400],
    [3000, "公斤/公顷", "斤/亩", 400],
    // money, canonical 元 or 万元
    [5, "千元", "元", 5000],
    [1.2, "万元", "元", 12000],
    [61.5, "亿元", "元", 6150000000],
    [61.5, "亿元", "万元", 615000],
    [12345, "元", "万元", 1.2345],
    [3000, "千元", "万元", 300],
    // counts are one family, 1:1
    [3, "个", "家", 3],
    [12, "件", "项", 12],
    [5, "座", "个", 5],
    [7, "户", "人", 7],
    [2.5, "万头", "头", 25000],
    [1.2, "万只", "只", 12000],
    [2, "万头", "个", 20000],
    // people in 万人
    [112300, "人", "万人", 11.23],
    [11.23, "万人", "人", 112300],
    // percent
    [1.42, "%", "%", 1.42],
    [1.42, "百分比", "%", 1.42],
    [1.42, "百分点", "%", 1.42],
    [1.42, "%", "百分点", 1.42],
    // per 10,000 people
    [3.8, "件/万人", "件/万人", 3.8],
    [0.00038, "件/人", "件/万人", 3.8],
  ])("%p %s → %s = %p", (value, from, to, expected) => {
    expect(convertUnit(value, from, to)).toBe(expected);
  });

  it.each([
    [42, "", "亩"],
    [42, "—", "万元"],
    [42, "-", "%"],
    [42, "/", "件/万人"],
    [42, "  ", "个"],
    [42, "", "—"],
    [42, "某种单位", "某种单位"],
  ])("%p with unit %p is already in the canonical unit %p", (value, from, to) => {
    expect(convertUnit(value, from, to)).toBe(value);
  });

  it.each([
    [3, "万", "亩", 30000],
    [1.5, "亿", "元", 150000000],
    [2, "千", "个", 2000],
    [3, "万", "", 30000],
    [3, "万", "—", 30000],
  ])(
    "a bare multiplier scales the canonical unit: %p %s in %s = %p",
    (value, from, to, expected) => {
      expect(convertUnit(value, from, to)).toBe(expected);
    }
  );

  it.each([
    ["万", "万元"],
    ["亿", "万元"],
    ["万", "万人"],
    ["万", "%"],
    ["万", "斤/亩"],
    ["万", "件/万人"],
  ])("a bare multiplier %s is ambiguous against %s and does not convert", (from, to) => {
    expect(convertUnit(3, from, to)).toBeNull();
  });

  it.each([
    ["亩", "斤"],
    ["斤", "亩"],
    ["元", "亩"],
    ["%", "亩"],
    ["亩", "%"],
    ["个", "%"],
    ["件/万人", "%"],
    ["件/万人", "件"],
    ["斤/亩", "斤"],
    ["公斤", "斤/亩"],
    ["亩", ""],
    ["亩", "—"],
    ["米", "亩"],
    ["亩", "米"],
    ["万%", "%"],
    ["a/b/c", "亩"],
  ])("%s does not convert to %s", (from, to) => {
    expect(convertUnit(1, from, to)).toBeNull();
    expect(unitsCompatible(from, to)).toBe(false);
  });

  it("gives null for a value that is not finite", () => {
    expect(convertUnit(Number.NaN, "亩", "亩")).toBeNull();
    expect(convertUnit(Number.POSITIVE_INFINITY, "万亩", "亩")).toBeNull();
  });
});

describe("unit families", () => {
  it.each([
    ["亩", "area"],
    ["万亩", "area"],
    ["公顷", "area"],
    ["斤", "mass"],
    ["吨", "mass"],
    ["万元", "money"],
    ["家", "count"],
    ["万人", "count"],
    ["%", "percent"],
    ["斤/亩", "mass/area"],
    ["件/万人", "count/count"],
    ["万", "multiplier"],
    ["", null],
    ["—", null],
    ["米", null],
  ])("%s is %p", (unit, family) => {
    expect(unitFamily(unit)).toBe(family);
  });

  it("reports the size of a unit and whether it carries a multiplier", () => {
    expect(parseUnit("万元")).toEqual({ family: "money", factor: 1e4, prefixed: true });
    expect(parseUnit("公顷")).toEqual({ family: "area", factor: 15, prefixed: false });
    expect(parseUnit("unknown")).toBeNull();
  });

  it("recognises percent and no-unit spellings", () => {
    expect(["%", "％", "百分比", "百分点", "个百分点"].every(isPercentUnit)).toBe(true);
    expect(isPercentUnit("亩")).toBe(false);
    expect(["", "—", "-", "/", "无", " "].every(isNoUnit)).toBe(true);
    expect(isNoUnit("亩")).toBe(false);
  });
});

describe("properties", () => {
  const units = [
    "亩",
    "万亩",
    "公顷",
    "斤",
    "公斤",
    "吨",
    "斤/亩",
    "公斤/亩",
    "元",
    "万元",
    "亿元",
    "个",
    "万头",
    "人",
    "万人",
    "%",
    "件/万人",
    "万",
    "",
  ];

  it("never throws, whatever the strings and numbers", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer()),
        fc.string(),
        fc.oneof(fc.string(), fc.constantFrom(...units)),
        (v, from, to) => {
          const r = convertUnit(v, from, to);
          expect(r === null || typeof r === "number").toBe(true);
        }
      )
    );
  });

  it("converting there and back gives the value again", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom(...units.filter((u) => u !== "万" && u !== "")),
        fc.constantFrom(...units.filter((u) => u !== "万" && u !== "")),
        (v, a, b) => {
          const there = convertUnit(v, a, b);
          if (there === null) {
            expect(unitsCompatible(b, a)).toBe(false);
            return;
          }
          const back = convertUnit(there, b, a);
          expect(back).not.toBeNull();
          expect(Math.abs(back! - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-12 + 1e-300);
        }
      )
    );
  });
});
