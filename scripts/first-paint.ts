/**
 * How long the task pane takes to show its first screen, with the CPU slowed 4× (Chrome DevTools
 * protocol's CPU throttling, as on the slow office PCs the pane runs on), beside the floor: a page
 * that loads only React and one Fluent button, built here the same way.
 *
 *   node bin/run-ts.js scripts/first-paint.ts [--runs 5]
 *
 * The time is from navigation to the moment the Validate button is in the page and painted (in a
 * browser the pane is in file mode: its Validate button is there, disabled until a file is picked),
 * or the floor page's button. Median of the runs, each in a fresh browser context (nothing cached).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import type { Browser } from "playwright-core";
import { STRINGS } from "../src/taskpane/text/strings";
import {
  PANE_VIEWPORT,
  REPO_ROOT,
  buildPane,
  launchChromium,
  serveDir,
} from "../test/taskpane/harness";

const FLOOR_LABEL = "校验";

/** Builds a page with React and one Fluent v9 button, production mode, into `dir`. */
async function buildFloor(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, "floor.tsx");
  fs.writeFileSync(
    entry,
    [
      "import { createRoot } from 'react-dom/client';",
      "import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';",
      "createRoot(document.getElementById('container')!).render(",
      `  <FluentProvider theme={webLightTheme}><Button appearance="primary">${FLOOR_LABEL}</Button></FluentProvider>,`,
      ");",
      "",
    ].join("\n")
  );
  fs.writeFileSync(
    path.join(dir, "taskpane.html"),
    '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="container"></div><script src="floor.js"></script></body></html>'
  );
  const config: webpack.Configuration = {
    mode: "production",
    context: REPO_ROOT,
    entry: { floor: entry },
    output: { path: dir, filename: "[name].js" },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      modules: ["node_modules", path.join(REPO_ROOT, "node_modules")],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          loader: "ts-loader",
          // ES modules, as the pane's own build has them, so that unused Fluent components are left out.
          options: {
            transpileOnly: true,
            configFile: path.join(REPO_ROOT, "tsconfig.json"),
            compilerOptions: { module: "es2020", moduleResolution: "node" },
          },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
  };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) =>
      err || stats?.hasErrors()
        ? reject(err ?? new Error(stats!.toString("errors-only")))
        : resolve()
    )
  );
}

/** Milliseconds from navigation until a button with `label` is in the page and a frame has been painted. */
async function timeToButton(browser: Browser, url: string, label: string): Promise<number> {
  // As openPane does, but the measuring script must be in place before the first navigation.
  const context = await browser.newContext({ locale: "zh-CN", viewport: PANE_VIEWPORT });
  await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript((text) => {
      const w = window as unknown as { __shown?: number };
      const seen = () =>
        [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === text);
      new MutationObserver((_m, observer) => {
        if (w.__shown === undefined && seen()) {
          observer.disconnect();
          requestAnimationFrame(() => (w.__shown = performance.now()));
        }
      }).observe(document, { childList: true, subtree: true });
    }, label);
    await page.goto(`${url}taskpane.html`);
    await page.waitForFunction(
      () => (window as unknown as { __shown?: number }).__shown !== undefined,
      undefined,
      { timeout: 60_000 }
    );
    return await page.evaluate(() => (window as unknown as { __shown: number }).__shown);
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "first-paint-"));
  try {
    process.stdout.write("building the pane and the floor page for production…\n");
    await buildPane(path.join(tmp, "pane"));
    await buildFloor(path.join(tmp, "floor"));
    const pane = await serveDir(path.join(tmp, "pane"));
    const floor = await serveDir(path.join(tmp, "floor"));
    const browser = await launchChromium();
    try {
      const paneTimes: number[] = [];
      const floorTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        // Alternated, so a slow minute of this shared machine weighs on both alike.
        floorTimes.push(await timeToButton(browser, floor.url, FLOOR_LABEL));
        paneTimes.push(await timeToButton(browser, pane.url, STRINGS.zh.validateWorkbook));
      }
      const p = median(paneTimes);
      const f = median(floorTimes);
      process.stdout.write(
        `CPU throttled 4×, median of ${runs} runs each, from navigation to the button painted:\n`
      );
      process.stdout.write(
        `  floor (React + one Fluent button): ${f.toFixed(0)} ms  [${floorTimes.map((t) => t.toFixed(0)).join(", ")}]\n`
      );
      process.stdout.write(
        `  task pane (Validate button):       ${p.toFixed(0)} ms  [${paneTimes.map((t) => t.toFixed(0)).join(", ")}]\n`
      );
      process.stdout.write(`  ratio pane / floor: ${(p / f).toFixed(2)} (target ≤ 1.5)\n`);
    } finally {
      await browser.close();
      await pane.close();
      await floor.close();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
