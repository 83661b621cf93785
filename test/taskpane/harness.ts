/**
 * Building and opening the task pane in a real browser: a production webpack build, a small
 * http server for it, and a chromium driven by playwright-core (which one: test/helpers/chromium.ts).
 * Used by the end-to-end tests and by scripts/screenshot-pane.ts and scripts/bundle-size.ts.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import webpack from "webpack";
import { launchChromium } from "../helpers/chromium";

export { launchChromium };

export const REPO_ROOT = path.resolve(__dirname, "../..");
/** The task pane's width in Excel on the desktop; tall enough for a run's summary. */
export const PANE_VIEWPORT = { width: 350, height: 900 };

/** Builds the add-in with the project's webpack.config.js (production) into `outDir`; `env` as `--env` gives it (`{ wps: true }`). */
export async function buildPane(
  outDir: string,
  env: Record<string, unknown> = {}
): Promise<webpack.Stats> {
  const makeConfig = require(path.join(REPO_ROOT, "webpack.config.js")) as (
    env: Record<string, unknown>,
    options: { mode: string }
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({ WEBPACK_BUILD: true, ...env }, { mode: "production" });
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: "error" };
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) {
        const errors = stats?.toJson({ all: false, errors: true }).errors ?? [];
        return reject(
          new Error(`webpack build failed:\n${errors.map((e) => e.message).join("\n")}`)
        );
      }
      resolve(stats);
    });
  });
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the files of `dir` on a free localhost port. */
export function serveDir(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.resolve(root, `.${urlPath}`);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** A built pane served on localhost with a browser ready: what each end-to-end test file starts from. */
export interface PaneSite {
  /** A scratch folder of the test's own; the build lives in its dist/. */
  tmp: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startPaneSite(prefix: string): Promise<PaneSite> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dist = path.join(tmp, "dist");
  await buildPane(dist);
  const server = await serveDir(dist);
  const browser = await launchChromium();
  return {
    tmp,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export interface PaneOptions {
  /** The browser's language, which the pane follows in file mode. */
  locale: "zh-CN" | "en-US";
  colorScheme?: "light" | "dark";
}

/**
 * Opens the pane as a plain browser page: office.js is refused at once (as on a machine that
 * cannot reach Microsoft's CDN), so the pane must start in file mode.
 */
export async function openPane(
  browser: Browser,
  baseUrl: string,
  opts: PaneOptions
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: opts.locale,
    colorScheme: opts.colorScheme ?? "light",
    viewport: PANE_VIEWPORT,
    acceptDownloads: true,
  });
  await context.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${baseUrl}taskpane.html`);
  return { context, page };
}
