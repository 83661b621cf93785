/**
 * Sizes of the task pane's JavaScript, gzipped: what Excel loads when the pane opens (the scripts
 * of taskpane.html), and the chunks fetched later — the file-mode chunks (the workbook-file reader
 * and writer, the other formats' readers), which a pane inside Excel never loads.
 *
 *   npm run bundle-size              builds for production into a temporary directory
 *   npm run bundle-size -- dist      reads an existing build (npm run build) instead
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import type { Stats } from "webpack";
import { REPO_ROOT, buildPane } from "../test/taskpane/harness";

interface Sized {
  file: string;
  raw: number;
  gzip: number;
}

function size(dir: string, file: string): Sized {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/** The scripts a page loads at once: the <script src> of its HTML that are served from the build. */
function initialScripts(dir: string, html: string): string[] {
  const text = fs.readFileSync(path.join(dir, html), "utf8");
  // Production HTML is minified: attribute quotes may be gone.
  return [...text.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1].replace(/^\.?\//, ""))
    .filter((src) => !/^https?:/.test(src) && fs.existsSync(path.join(dir, src)));
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function report(title: string, files: Sized[]): void {
  const total = files.reduce((acc, f) => ({ raw: acc.raw + f.raw, gzip: acc.gzip + f.gzip }), {
    raw: 0,
    gzip: 0,
  });
  process.stdout.write(
    `${title}: ${total.gzip} bytes gzip (${kib(total.gzip)}; ${kib(total.raw)} minified)\n`
  );
  for (const f of files)
    process.stdout.write(`  ${f.file}  ${f.gzip} bytes gzip, ${f.raw} bytes\n`);
}

/** A module's package (node_modules/@scope/name) or source folder (src/core/read), for grouping. */
function groupOf(name: string): string {
  if (name.includes("node_modules"))
    return name.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, "$1");
  return name.replace(/^\.\/(src\/[^/]+(\/[^/.]+)?).*/, "$1");
}

interface StatsModule {
  name?: string;
  size?: number;
  chunks?: (string | number)[];
  modules?: StatsModule[];
}

/**
 * What each chunk is made of, by package and source folder (sizes of the modules' code as webpack
 * read it, before minifying and tree shaking): written as out/bundle/report.html to open in a
 * browser, beside webpack's full stats (out/bundle/stats.json) for webpack's own analysis tools.
 */
function writeAnalysis(stats: Stats): string {
  const json = stats.toJson({
    all: false,
    modules: true,
    nestedModules: true,
    chunks: true,
    ids: true,
    modulesSpace: 1e6,
    nestedModulesSpace: 1e6,
  } as Parameters<Stats["toJson"]>[0]);
  const chunkNames = new Map(
    (json.chunks ?? []).map((c) => [
      String(c.id),
      `${(c.names ?? []).join(",") || c.id}${c.initial ? " (initial)" : ""}`,
    ])
  );
  const groups = new Map<string, Map<string, number>>();
  const visit = (m: StatsModule, chunk: string) => {
    if (m.modules?.length) return m.modules.forEach((n) => visit(n, chunk));
    const byGroup = groups.get(chunk) ?? new Map<string, number>();
    groups.set(chunk, byGroup);
    const g = groupOf(m.name ?? "?");
    byGroup.set(g, (byGroup.get(g) ?? 0) + (m.size ?? 0));
  };
  for (const m of (json.modules ?? []) as StatsModule[])
    for (const c of m.chunks ?? []) visit(m, chunkNames.get(String(c)) ?? String(c));
  const out = path.join(REPO_ROOT, "out", "bundle");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "stats.json"), JSON.stringify(stats.toJson({ all: true })));
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const sections = [...groups].map(([chunk, byGroup]) => {
    const rows = [...byGroup].sort((a, b) => b[1] - a[1]);
    const total = rows.reduce((n, [, v]) => n + v, 0);
    const trs = rows.map(
      ([g, v]) =>
        `<tr><td>${esc(g)}</td><td>${kib(v)}</td><td><div class="bar" style="width:${((300 * v) / total).toFixed(0)}px"></div></td></tr>`
    );
    return `<h2>${esc(chunk)} — ${kib(total)}</h2><table>${trs.join("")}</table>`;
  });
  fs.writeFileSync(
    path.join(out, "report.html"),
    `<!doctype html><meta charset="utf-8"><title>Task pane bundle</title><style>body{font:14px sans-serif}td{padding:1px 8px}.bar{background:#5b9bd5;height:10px}</style><h1>Task pane bundle, by package and source folder</h1>${sections.join("")}`
  );
  return out;
}

async function main(): Promise<void> {
  let dir = process.argv[2];
  let tmp: string | null = null;
  if (!dir) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pane-size-"));
    dir = path.join(tmp, "dist");
    process.stdout.write("building the pane for production…\n");
    const out = writeAnalysis(await buildPane(dir));
    process.stdout.write(
      `bundle analysis: ${path.join(out, "report.html")} (and webpack's stats.json beside it)\n`
    );
  }
  if (!fs.existsSync(path.join(dir, "taskpane.html")))
    throw new Error(`${dir} holds no taskpane.html: run npm run build first`);
  try {
    const initial = initialScripts(dir, "taskpane.html");
    const commands = fs.existsSync(path.join(dir, "commands.html"))
      ? initialScripts(dir, "commands.html")
      : [];
    const later = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".js") && !initial.includes(f) && !commands.includes(f))
      .sort();
    report(
      "task pane, initial JS (what Excel loads)",
      initial.map((f) => size(dir, f))
    );
    // Each chunk loaded later, by itself: what opening that section or picking that file costs.
    for (const f of later) report(`chunk loaded later: ${f}`, [size(dir, f)]);
    if (commands.length)
      report(
        "ribbon commands",
        commands.map((f) => size(dir, f))
      );
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
