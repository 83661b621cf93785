import fc from "fast-check";
import { displayWidth, wrappedRowHeight } from "../../../src/core/plan/styles";

/** The definition: each character (code point) counts two when CJK or full width, else one. */
function widthByCharacter(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(
        ch
      )
        ? 2
        : 1;
  return w;
}

describe("displayWidth", () => {
  it.each([
    ["", 0],
    ["A1", 2],
    ["研究与试验发展经费投入强度", 26],
    ["１２３", 6],
    ["万亩 (2022)", 11],
    ["😀", 1],
    ["\ud800x", 2],
  ])("%j takes %i", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("counts as the per-character definition does, for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(displayWidth(text)).toBe(widthByCharacter(text));
      }),
      { numRuns: 5000 }
    );
  });

  it("gives a wrapped row the height of its longest text", () => {
    expect(wrappedRowHeight([{ text: "短", width: 10 }])).toBeNull();
    expect(wrappedRowHeight([{ text: "研究与试验发展经费投入强度".repeat(2), width: 10 }])).toBe(
      6 * 15
    );
  });
});
