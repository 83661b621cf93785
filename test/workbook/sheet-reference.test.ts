import { quoteSheet, sheetReference } from "../../src/workbook/sheet-reference";
import { quoteSheet as officeQuote } from "../../src/workbook/office/values";
import { sheetReference as packageReference } from "../../src/workbook/package/sheet-writer";

describe("sheet references, the same in both adapters", () => {
  it.each([
    ["监测表", "'监测表'"],
    ["Q3 data", "'Q3 data'"],
    ["O'Brien's", "'O''Brien''s'"],
    ["''", "''''''"],
  ])("quotes %j as %s", (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
  });

  it("names a cell upper case, without $", () => {
    expect(sheetReference("Q3 data", "$b$4")).toBe("'Q3 data'!B4");
    expect(sheetReference("it's", " c10 ")).toBe("'it''s'!C10");
  });

  it("is the one function each adapter uses", () => {
    expect(officeQuote).toBe(quoteSheet);
    expect(packageReference).toBe(sheetReference);
  });
});
