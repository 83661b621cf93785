/**
 * Packages the WPS 表格 add-in from the site webpack built into dist-wps/site (npm run build:wps):
 *
 *   dist-wps/online/       the site for a web server: index.html + wps.js (the ribbon's callbacks),
 *                          ribbon.xml, wps-taskpane.html (the pane without office.js), the pane's
 *                          scripts and icons. WPS asks for ADDRESS/ribbon.xml and ADDRESS/index.html.
 *   dist-wps/publish.xml   the online entry (<jspluginonline>) for a computer's jsaddons folder, or
 *                          for the jsplugins.xml that oem.ini's JSPluginsServer names.
 *   dist-wps/offline/jsaddons/
 *                          jsplugins.xml (<jsplugin … version>) and the add-in's folder NAME_VERSION,
 *                          as an administrator copies them into a computer's jsaddons folder;
 *   dist-wps/NAME_VERSION-offline.zip   the same jsaddons folder in one file.
 *
 * No network and no wpsjs: the files wpsjs would write are written here (docs/wps.md says which
 * and how an office installs them). WPS_ADDIN_URL is the online address (default the address
 * `wpsjs debug` serves on); WPS_OFFLINE_URL the archive's address in jsplugins.xml.
 */
import * as fs from "fs";
import * as path from "path";
import { zipSync } from "fflate";

export const ADDIN_NAME = "indicator-tracker";
/** The address `wpsjs debug` serves an add-in on, for a first try on one computer. */
export const DEFAULT_ONLINE_URL = "http://127.0.0.1:3889/";

export interface WpsPackageOptions {
  version: string;
  onlineUrl: string;
  offlineUrl?: string;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** The pane's page for WPS: taskpane.html without office.js (WPS does not need it, and an office without internet would wait for it). */
export function withoutOfficeJs(html: string): string {
  // The built page is minified: no comment, attributes possibly unquoted.
  const out = html.replace(
    /(?:[ \t]*<!--[^>]*?Office\.js must load[\s\S]*?-->\s*)?<script[^>]*appsforoffice\.microsoft\.com[^>]*>\s*<\/script>\n?/,
    ""
  );
  if (/appsforoffice/.test(out))
    throw new Error("taskpane.html: the office.js tag was not found where expected");
  return out;
}

export function onlineEntry(url: string): string {
  const address = url.endsWith("/") ? url : `${url}/`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<jsplugins>",
    `  <jspluginonline name="${ADDIN_NAME}" type="et" url="${escapeAttr(address)}"/>`,
    "</jsplugins>",
    "",
  ].join("\n");
}

export function offlineEntry(version: string, url: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<jsplugins>",
    `  <jsplugin name="${ADDIN_NAME}" type="et" version="${escapeAttr(version)}" url="${escapeAttr(url)}" enable="true"/>`,
    "</jsplugins>",
    "",
  ].join("\n");
}

function copyDir(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, entry.name);
    const b = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(a, b);
    else if (!entry.name.endsWith(".map")) fs.copyFileSync(a, b);
  }
}

function filesOf(dir: string, prefix: string, out: Record<string, Uint8Array>): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) filesOf(file, `${name}/`, out);
    else out[name] = new Uint8Array(fs.readFileSync(file));
  }
}

/** Writes online/, publish.xml, offline/ and the zip into `outDir` from the built `siteDir`. */
export function packageWps(siteDir: string, outDir: string, opts: WpsPackageOptions): string[] {
  const folder = `${ADDIN_NAME}_${opts.version}`;
  for (const needed of ["index.html", "ribbon.xml", "taskpane.html", "wps.js"])
    if (!fs.existsSync(path.join(siteDir, needed)))
      throw new Error(`${siteDir}: ${needed} is missing`);
  const online = path.join(outDir, "online");
  fs.rmSync(online, { recursive: true, force: true });
  copyDir(siteDir, online);
  const pane = fs.readFileSync(path.join(siteDir, "taskpane.html"), "utf8");
  fs.writeFileSync(path.join(online, "wps-taskpane.html"), withoutOfficeJs(pane));
  fs.writeFileSync(path.join(outDir, "publish.xml"), onlineEntry(opts.onlineUrl));

  const jsaddons = path.join(outDir, "offline", "jsaddons");
  fs.rmSync(path.join(outDir, "offline"), { recursive: true, force: true });
  copyDir(online, path.join(jsaddons, folder));
  const zipName = `${folder}-offline.zip`;
  fs.writeFileSync(
    path.join(jsaddons, "jsplugins.xml"),
    offlineEntry(opts.version, opts.offlineUrl ?? zipName)
  );
  const files: Record<string, Uint8Array> = {};
  filesOf(jsaddons, "jsaddons/", files);
  fs.writeFileSync(path.join(outDir, zipName), zipSync(files, { level: 6 }));
  return [online, path.join(outDir, "publish.xml"), jsaddons, path.join(outDir, zipName)];
}

if (process.argv[1] && path.basename(process.argv[1]) === "build-wps.ts") {
  const root = path.resolve(__dirname, "..");
  const version = (
    JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }
  ).version;
  const out = packageWps(path.join(root, "dist-wps", "site"), path.join(root, "dist-wps"), {
    version,
    onlineUrl: process.env.WPS_ADDIN_URL || DEFAULT_ONLINE_URL,
    offlineUrl: process.env.WPS_OFFLINE_URL || undefined,
  });
  for (const p of out) console.log(path.relative(root, p));
}
