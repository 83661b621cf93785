/**
 * Which Chromium the browser tests and the pane scripts drive, and how it is started.
 *
 * A system chromium is preferred (Debian's `/usr/bin/chromium`, or `CHROMIUM_PATH`). Where there
 * is none, the Chromium shipped inside the npm package `@sparticuz/chromium` is used, so that
 * `npm test` passes on a machine with nothing installed by hand. `PANE_BROWSER=packaged` forces
 * the packaged one (and `PANE_BROWSER=system` forbids it), so that both paths can be tested.
 *
 * Either way the browser gets a fontconfig file that adds Noto Sans SC (shipped by the npm package
 * `@expo-google-fonts/noto-sans-sc`) to the machine's own fonts: a bare machine has no Chinese
 * font, and the pane's Chinese text would otherwise be drawn as nothing in screenshots.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Flags for a headless run on a machine whose network is closed (no background connections). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export type BrowserChoice = { kind: "system"; executablePath: string } | { kind: "packaged" };

/**
 * Decides which Chromium to start from the environment and what the machine has.
 * `CHROMIUM_PATH` names a system browser (and must exist); `PANE_BROWSER` is `packaged`, `system`
 * or unset (system when present, else packaged).
 */
export function chooseChromium(
  env: NodeJS.ProcessEnv,
  exists: (file: string) => boolean
): BrowserChoice {
  const wanted = (env.PANE_BROWSER ?? "").trim().toLowerCase();
  if (wanted !== "" && wanted !== "packaged" && wanted !== "system") {
    throw new Error(`PANE_BROWSER must be "packaged" or "system", not "${env.PANE_BROWSER}"`);
  }
  if (wanted === "packaged") return { kind: "packaged" };
  const systemPath = env.CHROMIUM_PATH?.trim() || SYSTEM_CHROMIUM;
  if (exists(systemPath)) return { kind: "system", executablePath: systemPath };
  if (wanted === "system" || env.CHROMIUM_PATH?.trim()) {
    throw new Error(
      `chromium not found at ${systemPath}: install it, set CHROMIUM_PATH to a chromium, or leave PANE_BROWSER unset to use the packaged one`
    );
  }
  return { kind: "packaged" };
}

/** True when `file` runs and answers `--version`: a half-extracted binary does not. */
function runs(file: string): boolean {
  try {
    execFileSync(file, ["--version", "--no-sandbox", "--headless"], {
      stdio: "pipe",
      timeout: 30_000,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * The packaged Chromium's executable, extracted on first use (to the temporary folder, where the
 * package puts it). Jest runs test files in parallel processes: a lock folder makes one of them
 * extract while the others wait, and a binary that does not start (left half-written by a run
 * that was stopped) is extracted again.
 */
export async function packagedChromium(): Promise<string> {
  const Packaged = require("@sparticuz/chromium") as {
    executablePath(input?: string): Promise<string>;
  };
  const target = path.join(os.tmpdir(), "chromium");
  const lock = path.join(os.tmpdir(), "indicator-tracker-chromium.lock");
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      // A lock older than the deadline was left by a process that died while extracting.
      const age = Date.now() - fs.statSync(lock, { throwIfNoEntry: false })!.mtimeMs;
      if (!(age < 180_000)) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    if (fs.existsSync(target) && !runs(target)) fs.rmSync(target, { force: true });
    const executable = await Packaged.executablePath();
    if (!runs(executable)) throw new Error(`the packaged chromium at ${executable} does not start`);
    return executable;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** The folder of a font package's weight, e.g. `400Regular`. */
function cjkFontDir(weight: string): string {
  return path.join(
    path.dirname(require.resolve("@expo-google-fonts/noto-sans-sc/package.json")),
    weight
  );
}

/**
 * Writes a fontconfig file that keeps the machine's own configuration and fonts and adds Noto
 * Sans SC (regular and bold) and the packaged browser's own fonts folder; returns its path.
 */
export function writeFontConfig(): string {
  const dir = path.join(os.tmpdir(), "indicator-tracker-fontconfig");
  fs.mkdirSync(dir, { recursive: true });
  const dirs = [cjkFontDir("400Regular"), cjkFontDir("700Bold"), path.join(os.tmpdir(), "fonts")];
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    "<fontconfig>",
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...dirs.map((d) => `  <dir>${d}</dir>`),
    `  <cachedir>${path.join(dir, "cache")}</cachedir>`,
    "</fontconfig>",
    "",
  ].join("\n");
  const file = path.join(dir, "fonts.conf");
  // Written only when it changes, so parallel test processes do not rewrite it under each other.
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== xml) {
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, xml);
    fs.renameSync(tmp, file);
  }
  return file;
}

/** Starts a headless Chromium: the system one when present, else the packaged one (see above). */
export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const choice = chooseChromium(env, fs.existsSync);
  const executablePath =
    choice.kind === "system" ? choice.executablePath : await packagedChromium();
  return chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    env: { ...(process.env as Record<string, string>), FONTCONFIG_FILE: writeFontConfig() },
  });
}
