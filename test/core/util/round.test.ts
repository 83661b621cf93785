import fc from "fast-check";
import { convertUnit } from "../../../src/core/read/units";
import {
  roundComputed,
  roundForJson,
  roundForMessage,
  roundScaledPercent,
} from "../../../src/core/util/round";

describe("roundComputed", () => {
  it("rounds to 15 significant digits exactly as toPrecision(15) does, for every double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (x) => {
        expect(Object.is(roundComputed(x), Number(x.toPrecision(15)))).toBe(true);
      }),
      { numRuns: 20000 }
    );
  });

  it("agrees on figures at a half in the 15th digit and on converted areas", () => {
    // Products that land on a half exactly, and the noise of 5.6 × 10⁴.
    for (const x of [
      0.5645774602890015,
      -965589582920.0745,
      9215472005.307674,
      5.6 * 10000,
      0.1 + 0.2,
      1e-300,
      1e300,
      -0,
    ]) {
      expect(Object.is(roundComputed(x), Number(x.toPrecision(15)))).toBe(true);
    }
    expect(convertUnit(5.6, "万亩", "亩")).toBe(56000);
  });
});

describe("roundScaledPercent", () => {
  it("drops float noise beyond 12 significant digits", () => {
    expect(0.0142 * 100).not.toBe(1.42);
    expect(roundScaledPercent(0.0142 * 100)).toBe(1.42);
    expect(roundScaledPercent(0)).toBe(0);
  });
});

describe("roundForJson", () => {
  it("rounds like roundComputed and keeps null", () => {
    expect(roundForJson(1.1 / 1.42)).toBe(0.774647887323944);
    expect(roundForJson(null)).toBeNull();
  });
});

describe("roundForMessage", () => {
  it("drops the noise of a sum at 10 significant digits", () => {
    expect(roundForMessage(56180.000000001)).toBe(56180);
    expect(roundForMessage(12345678.9)).toBe(12345678.9);
  });
});
