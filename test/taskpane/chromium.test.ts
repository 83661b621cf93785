/**
 * The browser the end-to-end tests drive: a system chromium when the machine has one, else the
 * Chromium packaged in node_modules, and in both Chinese text drawn with real glyphs (a bare
 * machine has no Chinese font: the pane's text would be blank or boxes in screenshots).
 */
import * as fs from "fs";
import { chooseChromium, launchChromium, SYSTEM_CHROMIUM } from "../helpers/chromium";

const has =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe("choosing the browser", () => {
  test("a system chromium is preferred when present", () => {
    expect(chooseChromium({}, has(SYSTEM_CHROMIUM))).toEqual({
      kind: "system",
      executablePath: SYSTEM_CHROMIUM,
    });
  });

  test("without one, the packaged chromium is used", () => {
    expect(chooseChromium({}, has())).toEqual({ kind: "packaged" });
  });

  test("PANE_BROWSER=packaged forces the packaged one even where a system chromium exists", () => {
    expect(chooseChromium({ PANE_BROWSER: "packaged" }, has(SYSTEM_CHROMIUM))).toEqual({
      kind: "packaged",
    });
  });

  test("CHROMIUM_PATH names the system browser, and a missing one is an error, not a silent switch", () => {
    expect(chooseChromium({ CHROMIUM_PATH: "/opt/c/chrome" }, has("/opt/c/chrome"))).toEqual({
      kind: "system",
      executablePath: "/opt/c/chrome",
    });
    expect(() => chooseChromium({ CHROMIUM_PATH: "/opt/c/chrome" }, has(SYSTEM_CHROMIUM))).toThrow(
      /\/opt\/c\/chrome/
    );
  });

  test("PANE_BROWSER=system without a system chromium says how to get one", () => {
    expect(() => chooseChromium({ PANE_BROWSER: "system" }, has())).toThrow(/chromium not found/);
  });

  test("an unknown PANE_BROWSER is refused", () => {
    expect(() => chooseChromium({ PANE_BROWSER: "firefox" }, has(SYSTEM_CHROMIUM))).toThrow(
      /PANE_BROWSER/
    );
  });
});

/**
 * Pixels drawn for each text on a canvas (the page's own font matching). A missing font draws
 * nothing or the same box for every character; real glyphs differ: 一 is one stroke, 量 many.
 */
async function inkOf(env: NodeJS.ProcessEnv, texts: string[]): Promise<number[]> {
  const browser = await launchChromium(env);
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body style="font-family: sans-serif"></body></html>');
    return await page.evaluate((items) => {
      return items.map((text) => {
        const canvas = document.createElement("canvas");
        canvas.width = 200;
        canvas.height = 80;
        const ctx = canvas.getContext("2d")!;
        ctx.font = '48px "Segoe UI", sans-serif';
        ctx.fillStyle = "#000";
        ctx.fillText(text, 10, 60);
        const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 128) ink += 1;
        return ink;
      });
    }, texts);
  } finally {
    await browser.close();
  }
}

function expectRealChineseGlyphs([one, many, latin]: number[]): void {
  expect(latin).toBeGreaterThan(50);
  expect(one).toBeGreaterThan(20);
  expect(many).toBeGreaterThan(3 * one);
}

describe("Chinese text in the browser", () => {
  test("the packaged chromium starts and draws Chinese glyphs", async () => {
    expectRealChineseGlyphs(
      await inkOf({ ...process.env, PANE_BROWSER: "packaged" }, ["一", "量", "Validate"])
    );
  });

  const systemTest = fs.existsSync(process.env.CHROMIUM_PATH || SYSTEM_CHROMIUM) ? test : test.skip;
  systemTest(
    "the system chromium, where the machine has one, draws Chinese glyphs too",
    async () => {
      expectRealChineseGlyphs(
        await inkOf({ ...process.env, PANE_BROWSER: "system" }, ["一", "量", "Validate"])
      );
    }
  );
});
