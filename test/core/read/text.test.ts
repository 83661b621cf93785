import fc from "fast-check";
import { collapseSpaces, foldWidth, normaliseKey, removeSpaces } from "../../../src/core/read/text";

describe("foldWidth", () => {
  it.each([
    ["１２３", "123"],
    ["ＡＢＣｘｙｚ", "ABCxyz"],
    ["（亩）", "(亩)"],
    ["指标名称：", "指标名称:"],
    ["１．４２％", "1.42%"],
    ["３，０００", "3,000"],
    ["合作市\u3000科技局", "合作市 科技局"],
    ["－５", "-5"],
    ["已是半角 abc 123", "已是半角 abc 123"],
    ["—【】", "—【】"],
  ])("%s → %s", (input, expected) => {
    expect(foldWidth(input)).toBe(expected);
  });
});

describe("normaliseKey", () => {
  it.each([
    ["指标名称", "指标名称"],
    ["指 标 名 称", "指标名称"],
    ["指标名称：", "指标名称"],
    ["指标名称:", "指标名称"],
    ["  Indicator ", "indicator"],
    ["ＣＯＤＥ", "code"],
    ["院士（专家）工作站", "院士(专家)工作站"],
    ["院士【专家】工作站", "院士(专家)工作站"],
    ["院士[专家]工作站", "院士(专家)工作站"],
    ["2023年\u3000目标值", "2023年目标值"],
    ["计量\t单位\n", "计量单位"],
    ["单位\u00a0名称\u200b", "单位名称"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseKey(input)).toBe(expected);
  });

  it("keeps a colon that is not at the end", () => {
    expect(normaliseKey("填报单位：市科技局")).toBe("填报单位:市科技局");
  });
});

describe("space helpers", () => {
  it("removeSpaces drops every kind of space", () => {
    expect(removeSpaces(" a\u3000b\u00a0c\td\u200be ")).toBe("abcde");
  });
  it("collapseSpaces trims and keeps one space between words", () => {
    expect(collapseSpaces("  in \u3000 progress  ")).toBe("in progress");
  });
});

describe("properties", () => {
  it("normaliseKey is idempotent and leaves no whitespace or full-width ASCII", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const key = normaliseKey(s);
        expect(normaliseKey(key)).toBe(key);
        expect(key).not.toMatch(/[\s\uff01-\uff5e]/);
      })
    );
  });

  it("foldWidth maps every full-width ASCII character to its half-width form", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
        }),
        (ascii) => {
          const wide = [...ascii]
            .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
            .join("");
          expect(foldWidth(wide)).toBe(ascii);
        }
      )
    );
  });
});
