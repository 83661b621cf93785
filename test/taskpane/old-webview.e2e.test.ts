/**
 * Office 2016/2019 on Windows show task panes in Internet Explorer 11 (Trident) or Edge Legacy
 * (EdgeHTML), which cannot run the pane's bundle. Opened with their user agents, taskpane.html
 * must show its plain message in Chinese and English and never fetch the bundle; a current
 * browser must still start the pane.
 */
import { PANE_VIEWPORT, startPaneSite } from "./harness";
import type { PaneSite } from "./harness";

jest.setTimeout(120_000);

const TRIDENT =
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
const EDGE_LEGACY =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";

let site: PaneSite;

beforeAll(async () => {
  site = await startPaneSite("pane-old-webview-");
}, 600_000);

afterAll(() => site?.close());

/** Opens taskpane.html as the given browser; office.js is refused as on a machine without Microsoft's CDN. */
async function open(userAgent?: string) {
  const context = await site.browser.newContext({
    userAgent,
    viewport: PANE_VIEWPORT,
    locale: "zh-CN",
  });
  await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  const page = await context.newPage();
  const ownScripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script" && r.url().startsWith(site.server.url))
      ownScripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${site.server.url}taskpane.html`);
  return { context, page, ownScripts };
}

describe("taskpane.html in the webviews of old Office", () => {
  it.each([
    ["Internet Explorer 11 (Trident)", TRIDENT],
    ["Microsoft Edge Legacy (EdgeHTML)", EDGE_LEGACY],
  ])(
    "%s: says in Chinese and English which Office is needed, without loading the bundle",
    async (_name, userAgent) => {
      const { context, page, ownScripts } = await open(userAgent);
      try {
        const zh = page.getByText(
          "请使用 Excel 2021 或更高版本、Microsoft 365 版 Excel，或网页版 Excel"
        );
        const en = page.getByText(
          "use Excel 2021 or later, Excel for Microsoft 365, or Excel on the web"
        );
        await zh.waitFor({ timeout: 5000 });
        expect(await en.isVisible()).toBe(true);
        expect(await page.locator('p[lang="zh-CN"]', { hasText: "Excel 2021" }).count()).toBe(1);
        expect(await page.locator('p[lang="en-US"]', { hasText: "Excel 2021" }).count()).toBe(1);
        await page.waitForTimeout(500); // time enough for a bundle to be asked for, were it going to be
        expect(ownScripts).toEqual([]);
        expect(await page.locator("[data-mode]").count()).toBe(0);
      } finally {
        await context.close();
      }
    }
  );

  it("a current browser gets the pane, not the message", async () => {
    const { context, page, ownScripts } = await open();
    try {
      await page.locator('[data-mode="file"]').waitFor({ timeout: 10_000 });
      expect(await page.getByText("请使用 Excel 2021 或更高版本").isVisible()).toBe(false);
      expect(ownScripts).toContain("/taskpane.js");
    } finally {
      await context.close();
    }
  });
});
