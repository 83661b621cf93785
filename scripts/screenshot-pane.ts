/**
 * Screenshots of the task pane in file mode after a gap analysis, in Chinese and English
 * (and Chinese in a dark theme), at the width of Excel's pane, into out/screenshots/.
 *
 *   node bin/run-ts.js scripts/screenshot-pane.ts [SAMPLE.xlsx]
 *
 * Builds the pane for production first (into a temporary directory), so what is shown is what ships.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { STRINGS } from "../src/taskpane/text/strings";
import type { Lang } from "../src/taskpane/text/strings";
import { REPO_ROOT, buildPane, launchChromium, openPane, serveDir } from "../test/taskpane/harness";
import { sampleWorkbook } from "../test/taskpane/sample";

const OUT_DIR = path.join(REPO_ROOT, "out", "screenshots");
const DEFAULT_SAMPLE = path.join(REPO_ROOT, "samples", "04-市农业农村局-2022Q3-有错误.xlsx");

const SHOTS: { file: string; lang: Lang; colorScheme: "light" | "dark" }[] = [
  { file: "pane-zh.png", lang: "zh", colorScheme: "light" },
  { file: "pane-en.png", lang: "en", colorScheme: "light" },
  { file: "pane-zh-dark.png", lang: "zh", colorScheme: "dark" },
];

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pane-shots-"));
  let sample = process.argv[2] ?? DEFAULT_SAMPLE;
  if (!fs.existsSync(sample)) {
    sample = path.join(tmp, "监测表.xlsx");
    fs.writeFileSync(sample, await sampleWorkbook());
  }
  const dist = path.join(tmp, "dist");
  process.stdout.write("building the pane…\n");
  await buildPane(dist);
  const server = await serveDir(dist);
  const browser = await launchChromium();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  try {
    for (const shot of SHOTS) {
      const t = STRINGS[shot.lang];
      const { context, page } = await openPane(browser, server.url, {
        locale: shot.lang === "zh" ? "zh-CN" : "en-US",
        colorScheme: shot.colorScheme,
      });
      await page.getByTestId("file-input").setInputFiles(sample);
      await page.getByText(t.openedFile.replace("{name}", path.basename(sample))).waitFor();
      await page.getByRole("button", { name: t.analyse }).click();
      await page.getByRole("heading", { name: t.summaryAnalyse }).waitFor();
      await page.getByRole("button", { name: t.analyse }).and(page.locator(":enabled")).waitFor();
      // Click the first finding, as a reviewer would, and keep the pointer off the buttons.
      await page.getByTestId("finding").first().click();
      await page.mouse.move(0, 0);
      const out = path.join(OUT_DIR, shot.file);
      await page.screenshot({ path: out, fullPage: true });
      process.stdout.write(`${path.relative(REPO_ROOT, out)}\n`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
