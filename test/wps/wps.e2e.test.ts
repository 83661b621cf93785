/**
 * The WPS add-in as `npm run build:wps` makes it: its package (online site, publish.xml, the offline
 * jsaddons folder and zip), its ribbon (well formed, every callback in the built script), and the
 * pane in chromium inside a stand-in for WPS — the WPS double injected as window.Application —
 * where Validate marks the cells the engine finds and Analyse writes 差距分析.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import webpack from "webpack";
import { analyseWorkbook, validateWorkbook } from "../../src/core/engine";
import type { WorkbookGrids } from "../../src/core/model/cells";
import { forEachPlanCell } from "../../src/core/model/plan";
import { STRINGS } from "../../src/taskpane/strings";
import { dateToExcelSerial } from "../../src/workbook/number-format";
import { hexToBgr } from "../../src/workbook/wps/values";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { ADDIN_NAME, packageWps } from "../../scripts/build-wps";
import { ApplicationDouble, WCell, WpsState, newSheet } from "../workbook/wps-double";
import { PANE_VIEWPORT, REPO_ROOT, buildPane, launchChromium, serveDir } from "../taskpane/harness";
import type { StaticServer } from "../taskpane/harness";
import type { SheetJson } from "./browser-double";
import { allElements, parseXml } from "./xml";

jest.setTimeout(120_000);

const zh = STRINGS.zh;
const SAMPLE = path.join(REPO_ROOT, "samples", "04-市农业农村局-2022Q3-有错误.xlsx");
const VERSION = "1.0.0";

let tmp: string;
let out: string;
let server: StaticServer;
let browser: Browser;
let doubleScript: string;
let grids: WorkbookGrids;

/** The double as one script for the page (webpack, as the pane is built). */
function bundleDouble(dir: string): Promise<string> {
  const config: webpack.Configuration = {
    mode: "development",
    devtool: false,
    target: "web",
    entry: path.join(__dirname, "browser-double.ts"),
    output: { path: dir, filename: "wps-double.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: { transpileOnly: true, compilerOptions: { module: "es2020" } },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
  };
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) =>
      err || !stats || stats.hasErrors()
        ? reject(err ?? new Error(stats?.toString("errors-only")))
        : resolve(fs.readFileSync(path.join(dir, "wps-double.js"), "utf8"))
    )
  );
}

/** The sample workbook as WPS would hold it. */
function seedOf(wb: WorkbookGrids): SheetJson[] {
  return wb.sheets.map((s) => {
    const cells: [string, WCell][] = [];
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (!c) return;
        const cell: WCell = {};
        const v = c.value;
        if (v instanceof Date) cell.value = dateToExcelSerial(v);
        else if (v !== null && typeof v === "object") cell.error = v.error;
        else if (v !== null) cell.value = v;
        if (c.formula) cell.formula = `=${c.formula}`;
        if (c.numFmt) cell.numFmt = c.numFmt;
        cells.push([`${r},${col}`, cell]);
      })
    );
    return { name: s.name, visible: s.hidden ? 0 : -1, cells, merges: [], comments: [] };
  });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wps-addin-"));
  const site = path.join(tmp, "site");
  out = path.join(tmp, "dist-wps");
  await buildPane(site, { wps: true });
  packageWps(site, out, { version: VERSION, onlineUrl: "https://server.example/wps/" });
  doubleScript = await bundleDouble(path.join(tmp, "double"));
  grids = await (await XlsxWorkbook.fromBuffer(fs.readFileSync(SAMPLE))).readSheets();
  server = await serveDir(path.join(out, "online"));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("npm run build:wps", () => {
  it("writes a well-formed ribbon whose every callback is a function of the built wps.js", () => {
    const online = path.join(out, "online");
    const ribbon = parseXml(fs.readFileSync(path.join(online, "ribbon.xml"), "utf8"));
    expect(ribbon.name).toBe("customUI");
    const elements = allElements(ribbon);
    const callbacks = new Set(
      elements.flatMap((e) =>
        Object.entries(e.attrs)
          .filter(([k]) => /^(on[A-Z]|get[A-Z])/.test(k))
          .map(([, v]) => v)
      )
    );
    expect([...callbacks].sort()).toEqual([
      "ribbon.GetImage",
      "ribbon.OnAction",
      "ribbon.OnAddinLoad",
      "ribbon.OnGetEnabled",
    ]);
    const buttons = elements.filter((e) => e.name === "button");
    expect(buttons.map((b) => [b.attrs.id, b.attrs.label])).toEqual([
      ["btnValidate", "校验"],
      ["btnOpenPane", "打开窗格"],
    ]);

    // The built script, run as WPS runs it: window.ribbon must hold each named callback.
    const state = new WpsState();
    state.sheets.push(newSheet("监测表"));
    const sandbox: Record<string, unknown> = {
      console,
      setTimeout,
      Application: new ApplicationDouble(state),
      document: {
        location: { href: "https://server.example/wps/index.html" },
        currentScript: { tagName: "SCRIPT", src: "https://server.example/wps/wps.js" },
        getElementsByTagName: () => [],
      },
    };
    sandbox.window = sandbox;
    sandbox.self = sandbox;
    vm.runInNewContext(
      fs.readFileSync(path.join(online, "wps.js"), "utf8"),
      vm.createContext(sandbox)
    );
    const ribbonObject = sandbox.ribbon as Record<string, unknown>;
    for (const name of callbacks)
      expect([name, typeof ribbonObject[name.replace(/^ribbon\./, "")]]).toEqual([
        name,
        "function",
      ]);
    // 打开窗格 opens the pane's WPS page from the add-in's own address.
    (ribbonObject.OnAction as (c: { Id: string }) => boolean)({ Id: "btnOpenPane" });
    expect(state.panes).toEqual([
      { url: "https://server.example/wps/wps-taskpane.html", visible: true },
    ]);
    expect((ribbonObject.GetImage as (c: { Id: string }) => string)({ Id: "btnValidate" })).toBe(
      "assets/icon-32.png"
    );
    expect(fs.existsSync(path.join(online, "assets", "icon-32.png"))).toBe(true);
  });

  it("packages the online site, its publish.xml entry, and the offline jsaddons folder and zip", () => {
    const pane = fs.readFileSync(path.join(out, "online", "wps-taskpane.html"), "utf8");
    expect(pane).not.toMatch(/appsforoffice|office\.js/);
    expect(pane).toMatch(/taskpane\.js/);
    const publish = parseXml(fs.readFileSync(path.join(out, "publish.xml"), "utf8"));
    expect(publish.children.map((c) => [c.name, c.attrs])).toEqual([
      ["jspluginonline", { name: ADDIN_NAME, type: "et", url: "https://server.example/wps/" }],
    ]);
    const jsaddons = path.join(out, "offline", "jsaddons");
    const offline = parseXml(fs.readFileSync(path.join(jsaddons, "jsplugins.xml"), "utf8"));
    expect(
      offline.children.map((c) => [c.name, c.attrs.name, c.attrs.type, c.attrs.version])
    ).toEqual([["jsplugin", ADDIN_NAME, "et", VERSION]]);
    const folder = `${ADDIN_NAME}_${VERSION}`;
    for (const f of ["index.html", "ribbon.xml", "wps.js", "wps-taskpane.html", "taskpane.js"])
      expect([f, fs.existsSync(path.join(jsaddons, folder, f))]).toEqual([f, true]);
    const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(out, `${folder}-offline.zip`))));
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining([
        "jsaddons/jsplugins.xml",
        `jsaddons/${folder}/index.html`,
        `jsaddons/${folder}/ribbon.xml`,
      ])
    );
    // The Excel build is not asked for any of this.
    expect(fs.readdirSync(path.join(out, "online")).filter((f) => f.endsWith(".map"))).toEqual([]);
  });
});

async function openInWps(): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: PANE_VIEWPORT });
  await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await context.addInitScript((seed) => {
    (window as unknown as { __wpsSeed: unknown }).__wpsSeed = seed;
  }, seedOf(grids));
  await context.addInitScript({ content: doubleScript });
  const page = await context.newPage();
  await page.goto(`${server.url}wps-taskpane.html`);
  return { page, close: () => context.close() };
}

type Dump = { sheets: SheetJson[]; active: string; selection: unknown; calls: number };
const dump = (page: Page) =>
  page.evaluate(() => (window as unknown as { __wpsDump(): Dump }).__wpsDump());

describe("the pane inside WPS (chromium, the WPS double as window.Application)", () => {
  it("validates the active sheet: marks exactly the engine's cells, and a click selects a finding's cell", async () => {
    const { page, close } = await openInWps();
    try {
      await page.getByRole("button", { name: zh.validateSheet }).waitFor();
      expect(await page.locator("[data-mode]").getAttribute("data-mode")).toBe("excel");
      await page.getByRole("button", { name: zh.validateSheet }).click();
      await page.getByRole("heading", { name: zh.summaryValidate }).waitFor();
      const active = grids.sheets[0].name;
      const expected = validateWorkbook(grids, { sheet: active });
      const errors = expected.findings.filter((f) => f.severity === "error").length;
      expect(errors).toBeGreaterThan(0);
      expect(await page.getByTestId("error-count").innerText()).toBe(String(errors));

      const after = await dump(page);
      expect(after.active).toBe("校验结果");
      const sheet = after.sheets.find((s) => s.name === active)!;
      const cells = new Map(sheet.cells);
      const comments = new Map(sheet.comments);
      const marks = expected.plan.annotations;
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) {
        const [col, row] = [m.cell.replace(/\d+/, ""), Number(m.cell.replace(/\D+/, ""))];
        const c = cells.get(
          `${row - 1},${[...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1}`
        );
        expect([m.cell, c?.fill, comments.get(m.cell)]).toEqual([m.cell, hexToBgr(m.fill), m.note]);
      }
      // No other cell of the sheet got a fill or a comment.
      expect([...comments.keys()].sort()).toEqual([...new Set(marks.map((m) => m.cell))].sort());
      expect([...cells.values()].filter((c) => c.fill !== undefined)).toHaveLength(
        new Set(marks.map((m) => m.cell)).size
      );

      const finding = expected.findings.find((f) => f.cell && f.sheet === active)!;
      await page.locator(`[data-testid=finding][data-cell="${finding.cell}"]`).first().click();
      await page.waitForFunction(
        (cell) =>
          JSON.stringify(
            (window as unknown as { __wpsDump(): Dump }).__wpsDump().selection
          ).includes(cell),
        finding.cell!
      );
      expect((await dump(page)).selection).toEqual({ sheet: active, address: finding.cell });
    } finally {
      await close();
    }
  });

  it("analyses: 差距分析 holds the engine's gap analysis, value for value", async () => {
    const { page, close } = await openInWps();
    try {
      await page.getByRole("button", { name: zh.analyse }).click();
      await page.getByRole("heading", { name: zh.summaryAnalyse }).waitFor();
      const after = await dump(page);
      const gap = after.sheets.find((s) => s.name === "差距分析");
      expect(gap).toBeDefined();
      const cells = new Map(gap!.cells);
      const plan = analyseWorkbook(grids).plan.sheets.find((s) => s.name === "差距分析")!;
      let compared = 0;
      forEachPlanCell(plan, (pc) => {
        const got = cells.get(`${pc.row},${pc.col}`)?.value;
        const want =
          pc.value instanceof Date
            ? dateToExcelSerial(pc.value)
            : pc.value === null || pc.value === ""
              ? undefined
              : pc.value;
        // Computed figures may differ in the last bits: dates cross into WPS as serial numbers.
        if (typeof want === "number" && typeof got === "number")
          expect([
            pc.row,
            pc.col,
            Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)),
          ]).toEqual([pc.row, pc.col, true]);
        else expect([pc.row, pc.col, got]).toEqual([pc.row, pc.col, want]);
        compared++;
      });
      expect(compared).toBeGreaterThan(100);
      expect(after.active).toBe("差距分析");
    } finally {
      await close();
    }
  });
});
