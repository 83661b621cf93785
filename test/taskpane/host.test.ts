import { detectHost, isDarkColour } from "../../src/taskpane/host";
import type { ExcelHost, HostBase } from "../../src/taskpane/host";

type OfficeLike = {
  onReady: () => Promise<unknown>;
  context: { displayLanguage: string; officeTheme?: { bodyBackgroundColor: string } };
};
const g = globalThis as unknown as { Office?: OfficeLike };

function fakeExcel(base: HostBase): ExcelHost {
  return {
    ...base,
    kind: "excel",
    port: {
      readSheets: jest.fn(),
      applyPlan: jest.fn(),
      clearAnnotations: jest.fn(),
      appendRows: jest.fn(),
    },
    activeSheet: jest.fn(),
    selectCell: jest.fn(),
    limits: [],
    supported: true,
    lastReport: () => ({ unmarkedSheets: [], fillOnlyCells: 0 }),
  };
}

afterEach(() => {
  delete g.Office;
});

describe("detectHost", () => {
  it("starts in file mode at once when Office.js did not load", async () => {
    const connect = jest.fn(fakeExcel);
    const started = Date.now();
    const host = await detectHost(connect, 10_000);
    expect(host.kind).toBe("file");
    // It did not wait for the 10 s given to Office to report ready (half of it is ample on a loaded machine).
    expect(Date.now() - started).toBeLessThan(5000);
    expect(connect).not.toHaveBeenCalled();
  });

  it("falls back to file mode when Office never reports ready", async () => {
    g.Office = {
      onReady: () => new Promise(() => undefined),
      context: { displayLanguage: "en-US" },
    };
    const host = await detectHost(fakeExcel, 50);
    expect(host.kind).toBe("file");
  });

  it("uses file mode in a browser where Office.js loaded but no host is there", async () => {
    g.Office = {
      onReady: async () => ({ host: null, platform: null }),
      context: { displayLanguage: "en-US" },
    };
    expect((await detectHost(fakeExcel, 1000)).kind).toBe("file");
  });

  it("connects to Excel with its display language and theme", async () => {
    g.Office = {
      onReady: async () => ({ host: "Excel", platform: "PC" }),
      context: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#262626" } },
    };
    const host = await detectHost(fakeExcel, 1000);
    expect(host).toMatchObject({ kind: "excel", lang: "en", dark: true });
  });

  it("is Chinese and light by default inside Excel", async () => {
    g.Office = {
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
      context: { displayLanguage: "zh-CN" },
    };
    expect(await detectHost(fakeExcel, 1000)).toMatchObject({
      kind: "excel",
      lang: "zh",
      dark: false,
    });
  });

  it("does not take a Word host for Excel", async () => {
    g.Office = {
      onReady: async () => ({ host: "Word", platform: "PC" }),
      context: { displayLanguage: "zh-CN" },
    };
    expect((await detectHost(fakeExcel, 1000)).kind).toBe("file");
  });
});

describe("isDarkColour", () => {
  it.each([
    ["#262626", true],
    ["#000000", true],
    ["#FFFFFF", false],
    ["#f3f3f3", false],
    ["#0F6CBD", true],
    ["", false],
    [undefined, false],
    ["not a colour", false],
  ])("%s → %s", (hex, dark) => {
    expect(isDarkColour(hex)).toBe(dark);
  });
});
