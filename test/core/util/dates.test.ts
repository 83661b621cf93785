import {
  addDays,
  dateToExcelSerial,
  excelSerialToDate,
  isoDate,
  isoEndOfMonth,
  isoYear,
  parseIsoDate,
} from "../../../src/core/util/dates";

describe("parseIsoDate", () => {
  it("reads valid dates and rejects impossible ones", () => {
    expect(parseIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate("2023-02-29")).toBeNull();
    expect(parseIsoDate("2100-02-29")).toBeNull();
    expect(parseIsoDate("2000-02-29")).not.toBeNull();
    expect(parseIsoDate("2022-04-31")).toBeNull();
    expect(parseIsoDate("22-04-01")).toBeNull();
  });
});

describe("isoEndOfMonth and isoDate", () => {
  it("gives the last day of a month, leap years included", () => {
    expect(isoEndOfMonth(2022, 9)).toBe("2022-09-30");
    expect(isoEndOfMonth(2024, 2)).toBe("2024-02-29");
    expect(isoEndOfMonth(2100, 2)).toBe("2100-02-28");
    expect(isoEndOfMonth(2022, 12)).toBe("2022-12-31");
  });

  it("writes four digits of year and two of month and day", () => {
    expect(isoDate(987, 3, 5)).toBe("0987-03-05");
  });

  it("reads the year back", () => {
    expect(isoYear("2022-09-30")).toBe(2022);
  });
});

describe("addDays", () => {
  it("crosses months and years, and goes back", () => {
    expect(addDays("2022-09-30", 10)).toBe("2022-10-10");
    expect(addDays("2022-12-31", 1)).toBe("2023-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("Excel serials (1900 date system)", () => {
  it("reads the serials of known days", () => {
    expect(excelSerialToDate(44834).toISOString().slice(0, 10)).toBe("2022-09-30");
    expect(excelSerialToDate(1).toISOString().slice(0, 10)).toBe("1900-01-01");
    // 61 is 1900-03-01: Excel's fictitious 1900-02-29 is serial 60.
    expect(excelSerialToDate(61).toISOString().slice(0, 10)).toBe("1900-03-01");
  });

  it("turns a date into its serial and back", () => {
    const d = new Date(Date.UTC(2022, 8, 30, 12));
    expect(dateToExcelSerial(d)).toBe(44834.5);
    expect(excelSerialToDate(dateToExcelSerial(d)).getTime()).toBe(d.getTime());
  });
});
