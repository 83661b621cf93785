/**
 * The bulletin in the task pane, in a real browser (file mode; docs/bulletin.md): after the quarter's
 * files are consolidated, the bulletin action downloads the same Word document as the command line,
 * its charts drawn by the browser's canvas; the docx writer is a chunk of its own, not in the pane's
 * initial bundle.
 */
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT, openPane, startPaneSite, type PaneSite } from "../taskpane/harness";
import { main } from "../../src/cli/main";
import { readDocx } from "./docx-reader";
import { decodePng, inkShare } from "./png";

jest.setTimeout(180_000);

const QUARTER = path.join(REPO_ROOT, "samples", "2022Q3");
/** A string only the .docx writer holds: the content type of a Word document's main part. */
const DOCX_MARK = "wordprocessingml.document.main+xml";

let site: PaneSite;

beforeAll(async () => {
  site = await startPaneSite("pane-bulletin-");
}, 600_000);

afterAll(() => site?.close());

it("keeps the docx writer out of the initial bundle, in a chunk of its own", () => {
  const dist = path.join(site.tmp, "dist");
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1].replace(/^\.?\//, ""))
    .filter((f) => fs.existsSync(path.join(dist, f)));
  expect(initial.length).toBeGreaterThan(0);
  for (const f of initial)
    expect(fs.readFileSync(path.join(dist, f), "utf8")).not.toContain(DOCX_MARK);
  const chunks = fs.readdirSync(dist).filter((f) => /^bulletin\.[0-9a-f]+\.js$/.test(f));
  expect(chunks).toHaveLength(1);
  expect(fs.readFileSync(path.join(dist, chunks[0]), "utf8")).toContain(DOCX_MARK);
});

it("downloads the bulletin of the consolidated files, as the command line writes it", async () => {
  const { context, page } = await openPane(site.browser, site.server.url, { locale: "zh-CN" });
  try {
    const files = fs
      .readdirSync(QUARTER)
      .filter((n) => n.endsWith(".xlsx"))
      .map((n) => path.join(QUARTER, n));
    // The consolidation section is closed at first (its code loads when it is opened).
    const section = page.getByTestId("section-consolidate");
    if (await section.count()) await section.click();
    await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("consolidate-files").setInputFiles(files),
    ]);
    const button = page.getByTestId("bulletin");
    await button.waitFor();
    expect(await button.textContent()).toBe("生成监测通报（Word）");
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe("监测通报-2022年第三季度.docx");
    const saved = path.join(site.tmp, "pane.docx");
    await download.saveAs(saved);
    const pane = readDocx(fs.readFileSync(saved));

    const cli = path.join(site.tmp, "cli.docx");
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    });
    await main(["report", QUARTER, "--out", cli, "--date", today], {
      stdout: () => undefined,
      stderr: () => undefined,
    });
    const expected = readDocx(fs.readFileSync(cli));
    expect(pane.paragraphs).toEqual(expected.paragraphs);
    expect(pane.tables).toEqual(expected.tables);

    const media = Object.keys(pane.parts).filter((p) => p.startsWith("word/media/"));
    expect(media).toHaveLength(2);
    for (const m of media) {
      const png = decodePng(pane.parts[m]);
      expect(png.width).toBeGreaterThanOrEqual(1500);
      expect(inkShare(png)).toBeGreaterThan(0.05);
    }
  } finally {
    await context.close();
  }
});
