/**
 * Approval and consolidation in the task pane, in a real browser (a system or the packaged chromium), file mode:
 * the quarter's sample files consolidated into a download, a sheet approved (the name remembered),
 * and approval refused while a sheet has an error.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { STRINGS, translate } from "../../src/taskpane/strings";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { APPROVALS_SHEET } from "../../src/core/approval";
import { REPO_ROOT, openPane, startPaneSite } from "./harness";
import type { PaneSite, StaticServer } from "./harness";

jest.setTimeout(120_000);

const zh = STRINGS.zh;
const QUARTER = path.join(REPO_ROOT, "samples", "2022Q3");

let site: PaneSite;
let tmp: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = await startPaneSite("pane-consolidate-");
  ({ tmp, server, browser } = site);
}, 600_000);

afterAll(() => site?.close());

/**
 * Opens the consolidation and approval section: its code is a chunk of its own, fetched then and
 * not before (docs/pane-load.md).
 */
async function openSection(page: Page): Promise<void> {
  const chunks: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") chunks.push(new URL(r.url()).pathname);
  });
  expect(chunks.filter((c) => /consolidate/.test(c))).toEqual([]);
  await page.getByTestId("section-consolidate").click();
  await page.getByTestId("consolidate-files").waitFor({ state: "attached" });
  expect(chunks.filter((c) => /consolidate/.test(c))).toHaveLength(1);
}

it("consolidates the units' files into a download and names who has not reported", async () => {
  const { context, page } = await openPane(browser, server.url, { locale: "zh-CN" });
  try {
    await page.getByRole("button", { name: zh.validateWorkbook }).waitFor();
    expect(await page.getByTestId("consolidate-files").count()).toBe(0);
    await openSection(page);
    // This quarter's files and last quarter's: the third consolidated, the second its history.
    const files = [path.join(QUARTER, "..", "2022Q2"), QUARTER].flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((n) => n.endsWith(".xlsx"))
        .map((n) => path.join(dir, n))
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("consolidate-files").setInputFiles(files),
    ]);
    expect(download.suggestedFilename()).toBe("汇总-2022年第三季度.xlsx");
    const saved = path.join(tmp, "city.xlsx");
    await download.saveAs(saved);
    const names = (
      await (await XlsxWorkbook.fromBuffer(fs.readFileSync(saved))).readSheets()
    ).sheets.map((s) => s.name);
    // The second quarter's sheets are not mixed in, but make the history: 趋势 of two quarters.
    expect(names).toEqual(["汇总", "趋势", "填报情况", "校验结果"]);
    await page.getByTestId("not-reported").waitFor();
    expect(await page.getByTestId("not-reported").textContent()).toBe(
      translate("zh", "consolidateNotReported", { units: "卡加道乡 佐盖曼玛乡" })
    );
    expect(await page.getByTestId("consolidate-trend").textContent()).toMatch(
      /（2 期，写入“趋势”表）：2022年第二季度 \d+\.\d → 2022年第三季度 66\.5$/
    );
  } finally {
    await context.close();
  }
});

it("approves the opened sheet, remembers the reviewer, and refuses a sheet with an error", async () => {
  const { context, page } = await openPane(browser, server.url, { locale: "zh-CN" });
  try {
    await page.getByTestId("file-input").setInputFiles(path.join(QUARTER, "当周街道-2022Q3.xlsx"));
    await page.getByText(zh.openedFile.replace("{name}", "当周街道-2022Q3.xlsx")).waitFor();
    await openSection(page);
    await page.getByTestId("approval-state").waitFor();
    const approve = page.getByTestId("approve");
    expect(await approve.isDisabled()).toBe(true); // no reviewer yet
    await page.getByTestId("reviewer").fill("李明");
    expect(await approve.isDisabled()).toBe(false);
    await approve.click();
    await page
      .getByText(translate("zh", "approvalDoneFile", { sheet: "Sheet1", log: APPROVALS_SHEET }))
      .waitFor();
    await page
      .getByText(
        translate("zh", "approvalStateApproved", { reviewer: "李明", time: "" }).slice(0, 6)
      )
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: zh.download }).last().click(),
    ]);
    const saved = path.join(tmp, "approved.xlsx");
    await download.saveAs(saved);
    const log = (
      await (await XlsxWorkbook.fromBuffer(fs.readFileSync(saved))).readSheets([APPROVALS_SHEET])
    ).sheets[0];
    expect(log.rows[1][1]?.value).toBe("李明");

    // The name is remembered by the browser; a sheet with an error cannot be approved, and says why.
    await page.reload();
    await page.getByTestId("file-input").setInputFiles(path.join(QUARTER, "通钦街道-2022Q3.xlsx"));
    await page.getByTestId("section-consolidate").click();
    await page.getByTestId("approval-blocked").waitFor();
    expect(await page.getByTestId("reviewer").inputValue()).toBe("李明");
    expect(await page.getByTestId("approval-blocked").textContent()).toMatch(/有 1 条错误.*G11/);
    expect(await page.getByTestId("approve").isDisabled()).toBe(true);
  } finally {
    await context.close();
  }
});
