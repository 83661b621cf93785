/**
 * The task pane in a real browser (a system or the packaged chromium), in its file mode: built for production,
 * served over http, office.js refused as on a machine without Microsoft's CDN. What the pane
 * shows is compared with what the engine computes in Node from the same file.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { analyseWorkbook, validateWorkbook } from "../../src/core/engine";
import type { RunResult } from "../../src/core/engine";
import { STATUS_STYLE } from "../../src/core/score";
import { countStatuses, formatScore, groupFindings } from "../../src/taskpane/state/run";
import { STRINGS } from "../../src/taskpane/text/strings";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { REPO_ROOT, openPane, startPaneSite } from "./harness";
import type { PaneSite, StaticServer } from "./harness";
import { sampleWorkbook } from "./sample";

jest.setTimeout(120_000);

const zh = STRINGS.zh;
const en = STRINGS.en;
/** The sample with known errors and warnings, when the repository has it; else one built here. */
const SAMPLE_WITH_ERRORS = path.join(REPO_ROOT, "samples", "04-市农业农村局-2022Q3-有错误.xlsx");

let site: PaneSite;
let tmp: string;
let samplePath: string;
let server: StaticServer;
let browser: Browser;
let expected: { validate: RunResult; analyse: RunResult; analyseAtDeadline: RunResult };
/** A date other than the sample's period, typed into the pane's as-of field. */
const DEADLINE = "2023-12-31";

beforeAll(async () => {
  site = await startPaneSite("pane-e2e-");
  ({ tmp, server, browser } = site);
  samplePath = path.join(tmp, "监测表.xlsx");
  fs.writeFileSync(
    samplePath,
    fs.existsSync(SAMPLE_WITH_ERRORS) ? fs.readFileSync(SAMPLE_WITH_ERRORS) : await sampleWorkbook()
  );
  const grids = await (await XlsxWorkbook.fromBuffer(fs.readFileSync(samplePath))).readSheets();
  expected = {
    validate: validateWorkbook(grids),
    analyse: analyseWorkbook(grids),
    analyseAtDeadline: analyseWorkbook(grids, { asOf: DEADLINE }),
  };
}, 600_000);

afterAll(() => site?.close());

async function openFile(page: Page, file: string, strings = zh): Promise<void> {
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByText(strings.openedFile.replace("{name}", path.basename(file))).waitFor();
}

/** Waits for a run to finish: the buttons are enabled again. */
async function idle(page: Page, runLabel: string): Promise<void> {
  await page.getByRole("button", { name: runLabel }).and(page.locator(":enabled")).waitFor();
}

describe("the task pane in file mode (chromium)", () => {
  it("starts in file mode when office.js cannot load, and fetches the file reader only once a file is picked", async () => {
    const { context, page } = await openPane(browser, server.url, { locale: "zh-CN" });
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    try {
      await page.getByText(zh.fileModeNotice).waitFor({ timeout: 3000 });
      expect(await page.locator("[data-mode]").getAttribute("data-mode")).toBe("file");
      expect(await page.getByRole("button", { name: zh.validateWorkbook }).isDisabled()).toBe(true);
      expect(await page.getByRole("button", { name: zh.download }).isDisabled()).toBe(true);
      expect(scripts.filter((s) => /xlsx/.test(s))).toEqual([]);

      await openFile(page, samplePath);
      expect(scripts.filter((s) => /xlsx/.test(s))).toHaveLength(1);
      expect(await page.getByRole("button", { name: zh.validateWorkbook }).isEnabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("validates, analyses and downloads the checked workbook", async () => {
    const { context, page } = await openPane(browser, server.url, { locale: "zh-CN" });
    try {
      await openFile(page, samplePath);

      // Validate: the counts and findings the engine gives, grouped errors first.
      await page.getByRole("button", { name: zh.validateWorkbook }).click();
      await page.getByRole("heading", { name: zh.summaryValidate }).waitFor();
      const v = expected.validate;
      const errors = v.findings.filter((f) => f.severity === "error");
      const warnings = v.findings.filter((f) => f.severity === "warning");
      expect(errors.length).toBeGreaterThan(0);
      expect(warnings.length).toBeGreaterThan(0);
      expect(await page.getByTestId("error-count").innerText()).toBe(String(errors.length));
      expect(await page.getByTestId("warning-count").innerText()).toBe(String(warnings.length));
      const shownOrder = await page
        .getByTestId("finding")
        .evaluateAll((els) =>
          els.map((e) => `${e.getAttribute("data-rule")}@${e.getAttribute("data-cell")}`)
        );
      const expectedOrder = groupFindings(v.findings).flatMap((sg) =>
        sg.groups.flatMap((g) =>
          g.items.map(({ finding }) => `${finding.rule}@${finding.cell ?? ""}`)
        )
      );
      expect(shownOrder).toHaveLength(v.findings.length);
      expect(shownOrder).toEqual(expectedOrder);
      expect(
        await page
          .locator("[data-severity]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-severity")))
      ).toEqual(["error", "warning"]);

      // A finding shows its message, its cell and the text as typed; a click highlights it.
      const withText = v.findings.find((f) => f.cell && f.text)!;
      const item = page.locator(
        `[data-testid=finding][data-cell="${withText.cell}"][data-rule="${withText.rule}"]`
      );
      const shown = await item.innerText();
      expect(shown).toContain(withText.message.zh);
      expect(shown).toContain(`${withText.sheet}!${withText.cell}`);
      expect(shown).toContain(withText.text!);
      expect(await item.getAttribute("aria-pressed")).toBe("false");
      await item.click();
      expect(await item.getAttribute("aria-pressed")).toBe("true");

      // Analyse: the score with one decimal, the statuses with symbol, word and count.
      await page.getByRole("button", { name: zh.analyse }).click();
      await page.getByRole("heading", { name: zh.summaryAnalyse }).waitFor();
      const a = expected.analyse;
      expect(a.scores.overall).not.toBeNull();
      expect(await page.getByTestId("overall-score").innerText()).toBe(
        formatScore(a.scores.overall!)
      );
      const chips = await page
        .locator("[data-testid=status-counts] [data-status]")
        .evaluateAll((els) =>
          els.map((e) => ({
            status: e.getAttribute("data-status"),
            text: (e as HTMLElement).innerText.replace(/\s+/g, " ").trim(),
          }))
        );
      expect(chips).toEqual(
        countStatuses(a.indicators).map(({ status, count }) => ({
          status,
          text: `${STATUS_STYLE[status].symbol} ${STATUS_STYLE[status].zh} ${count}`,
        }))
      );
      await idle(page, zh.analyse);

      // Download: the same workbook with the product's sheets, the user's values untouched.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: zh.download }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`监测表${zh.downloadSuffix}.xlsx`);
      const saved = path.join(tmp, "downloaded.xlsx");
      await download.saveAs(saved);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      const names = wb.worksheets.map((ws) => ws.name);
      expect(names).toEqual(expect.arrayContaining(["差距分析", "校验结果"]));
      const original = new ExcelJS.Workbook();
      await original.xlsx.readFile(samplePath);
      for (const ws of original.worksheets) {
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) => {
            expect([ws.name, r, c, wb.getWorksheet(ws.name)!.getCell(r, c).value]).toEqual([
              ws.name,
              r,
              c,
              cell.value,
            ]);
          })
        );
      }
      // An error cell carries the fill the plan gave it.
      const mark = a.plan.annotations[0];
      const fill = wb.getWorksheet(mark.sheet)!.getCell(mark.cell).fill as ExcelJS.FillPattern;
      expect(fill.fgColor?.argb?.slice(2).toUpperCase()).toBe(
        mark.fill.replace("#", "").toUpperCase()
      );
    } finally {
      await context.close();
    }
  });

  it("reads a .xls and a WPS .et, loading their reader only then, and downloads the analysis as an .xlsx", async () => {
    for (const fixture of ["04.xls", "02.et"]) {
      const { context, page } = await openPane(browser, server.url, { locale: "zh-CN" });
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      });
      try {
        const file = path.join(tmp, `监测表-${fixture}`);
        fs.copyFileSync(path.join(REPO_ROOT, "test/fixtures/formats", fixture), file);
        await openFile(page, file);
        expect(scripts.filter((s) => /formats/.test(s))).toHaveLength(1);
        await page.getByRole("button", { name: zh.analyse }).click();
        await page.getByRole("heading", { name: zh.summaryAnalyse }).waitFor();
        const bytes = new Uint8Array(fs.readFileSync(file));
        const { readOtherFormat } = await import("../../src/workbook/formats");
        const a = analyseWorkbook(readOtherFormat(bytes, path.basename(file)));
        expect(await page.getByTestId("overall-score").innerText()).toBe(
          formatScore(a.scores.overall!)
        );
        await idle(page, zh.analyse);
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: zh.download }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(
          `监测表-${fixture.replace(/\.\w+$/, "")}${zh.downloadSuffix}.xlsx`
        );
        const saved = path.join(tmp, `downloaded-${fixture}.xlsx`);
        await download.saveAs(saved);
        const back = await XlsxWorkbook.fromBuffer(new Uint8Array(fs.readFileSync(saved)));
        expect(back.sheetNames()).toEqual(expect.arrayContaining(["差距分析", "校验结果"]));
      } finally {
        await context.close();
      }
    }
  });

  it("disables the actions while a run is under way", async () => {
    const { context, page } = await openPane(browser, server.url, { locale: "zh-CN" });
    try {
      await openFile(page, samplePath);
      const state = await page.evaluate(async (label) => {
        const button = [...document.querySelectorAll("button")].find(
          (b) => b.textContent === label
        )!;
        button.click();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return {
          disabled: [...document.querySelectorAll("button")]
            .filter((b) => b.disabled)
            .map((b) => b.textContent),
          status: document.querySelector("[role=status]")?.textContent ?? null,
        };
      }, zh.analyse);
      expect(state.disabled).toEqual(
        expect.arrayContaining([zh.validateWorkbook, zh.analyse, zh.chooseFile])
      );
      expect([zh.stepReading, zh.stepAnalysing, zh.stepWriting]).toContain(state.status);
      await page.getByRole("heading", { name: zh.summaryAnalyse }).waitFor();
      await idle(page, zh.analyse);
      expect(await page.locator("[role=status]").count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("says in one sentence that a file is not a workbook", async () => {
    const { context, page } = await openPane(browser, server.url, { locale: "zh-CN" });
    try {
      const bad = path.join(tmp, "坏文件.xlsx");
      fs.writeFileSync(bad, "not a spreadsheet");
      await page.getByTestId("file-input").setInputFiles(bad);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain(zh.errorNotWorkbook);
      expect(text).not.toMatch(/\bat\s+\S+\s+\(|Error:/);
      expect(await page.getByRole("button", { name: zh.validateWorkbook }).isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("speaks English in an English browser, switches to Chinese, and follows a dark system theme", async () => {
    const { context, page } = await openPane(browser, server.url, {
      locale: "en-US",
      colorScheme: "dark",
    });
    try {
      await page.getByText(en.fileModeNotice).waitFor();
      await openFile(page, samplePath, en);
      // An as-of date typed in overrides the sheet's period.
      await page.getByLabel(en.asOfLabel).fill(DEADLINE);
      await page.getByRole("button", { name: en.analyse }).click();
      await page.getByRole("heading", { name: en.summaryAnalyse }).waitFor();
      const atDeadline = expected.analyseAtDeadline;
      expect(atDeadline.asOf).toBe(DEADLINE);
      expect(await page.getByTestId("summary").innerText()).toContain(DEADLINE);
      expect(await page.getByTestId("overall-score").innerText()).toBe(
        formatScore(atDeadline.scores.overall!)
      );
      // Statuses are judged against the schedule of that date, not the period's.
      const statuses = countStatuses(atDeadline.indicators);
      expect(statuses).not.toEqual(countStatuses(expected.analyse.indicators));
      expect(
        await page
          .locator("[data-testid=status-counts] [data-status]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))
      ).toEqual(statuses.map((s) => s.status));
      const firstError = atDeadline.findings.find((f) => f.severity === "error")!;
      expect(await page.getByTestId("findings").innerText()).toContain(firstError.message.en);
      const background = await page
        .locator("[data-mode]")
        .evaluate((e) => getComputedStyle(e).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r + g + b).toBeLessThan(3 * 100);

      await page.getByRole("button", { name: STRINGS.en.switchLanguageLabel }).click();
      await page.getByRole("heading", { name: zh.summaryAnalyse }).waitFor();
      expect(await page.getByTestId("findings").innerText()).toContain(firstError.message.zh);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    } finally {
      await context.close();
    }
  });
});
