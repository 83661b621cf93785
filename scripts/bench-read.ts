/**
 * node --expose-gc bin/run-ts.js scripts/bench-read.ts [--rows 100000] [--reps 3]
 *
 * Reading a workbook of 100,000 indicator rows (the benchmark workbook of scripts/bench.ts) into
 * the core's grids: ExcelJS loading it, the ExcelJS reader (loading + readSheets), and the package
 * reader (readPackageGrids(ZipPackage.read(bytes))). Each run is a fresh Node process, so its peak
 * memory is its own maximum resident set; times are medians. The file's bytes are in memory before
 * the clock starts; a process that only loads the code and the bytes gives the memory floor.
 */
import { spawnSync } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { buildBenchWorkbook } from "./bench/workbook";

const ROOT = path.resolve(__dirname, "..");
const SCRIPT = path.relative(ROOT, __filename);

type Mode = "baseline" | "exceljs-load" | "exceljs-grids" | "package";

const MODES: { mode: Mode; label: string }[] = [
  { mode: "baseline", label: "nothing read (Node, the code, the bytes)" },
  { mode: "exceljs-load", label: "ExcelJS load" },
  { mode: "exceljs-grids", label: "ExcelJS reader: load + readSheets" },
  { mode: "package", label: "package reader: readPackageGrids" },
];

interface Measurement {
  ms: number;
  peakMb: number;
  cells: number;
}

function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024); // kilobytes on Linux and macOS
}

function countCells(sheets: { rows: unknown[][] }[]): number {
  let n = 0;
  for (const s of sheets) for (const r of s.rows) for (const c of r) if (c) n++;
  return n;
}

async function child(mode: Mode, file: string): Promise<Measurement> {
  // Every module is loaded before the clock starts, so no run pays for loading code.
  const ExcelJS = (await import("exceljs")).default;
  const { XlsxWorkbook } = await import("../src/workbook/xlsx");
  const { ZipPackage } = await import("../src/workbook/package/zip");
  const { readPackageGrids } = await import("../src/workbook/package/read-xlsx");
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = performance.now();
  let cells = 0;
  if (mode === "exceljs-load") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => cells++)));
  } else if (mode === "exceljs-grids") {
    cells = countCells((await (await XlsxWorkbook.fromBuffer(bytes)).readSheets()).sheets);
  } else if (mode === "package") {
    cells = countCells(readPackageGrids(ZipPackage.read(bytes)).sheets);
  }
  return { ms: performance.now() - t0, peakMb: peakMb(), cells };
}

function runChild(mode: Mode, file: string): Measurement {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", path.join(ROOT, "bin/run-ts.js"), SCRIPT, "--child", mode, file],
    {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 1 << 24,
    }
  );
  if (r.status !== 0) throw new Error(`${mode} run failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as Measurement;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

async function parent(argv: string[]): Promise<void> {
  const rows = option(argv, "rows", 100000);
  const reps = option(argv, "reps", 3);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "indicator-bench-read-"));
  try {
    const file = path.join(dir, `bench-${rows}.xlsx`);
    const { workbook, info } = buildBenchWorkbook(rows);
    await workbook.xlsx.writeFile(file);
    const mb = (await fs.stat(file)).size / 2 ** 20;
    process.stderr.write(
      `${info.rows.toLocaleString("en-US")} rows in ${info.sheets} sheets, ${mb.toFixed(1)} MB; ${reps} runs each `
    );
    const results = MODES.map(({ mode, label }) => {
      const runs = Array.from({ length: reps }, () => {
        process.stderr.write(".");
        return runChild(mode, file);
      });
      return {
        label,
        ms: median(runs.map((m) => m.ms)),
        peakMb: median(runs.map((m) => m.peakMb)),
        cells: runs[0].cells,
      };
    });
    process.stderr.write("\n");
    const lines = [
      `${info.rows.toLocaleString("en-US")} indicator rows, ${info.sheets} sheets, ${mb.toFixed(1)} MB; median of ${reps} fresh processes each; Node ${process.version}, ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}.`,
      "",
      "| what | time (ms) | peak RSS (MB) | cells |",
      "|---|---:|---:|---:|",
      ...results.map(
        (r) =>
          `| ${r.label} | ${r.ms.toFixed(0)} | ${r.peakMb} | ${r.cells.toLocaleString("en-US")} |`
      ),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const run =
  args[0] === "--child"
    ? child(args[1] as Mode, args[2]).then((m) => process.stdout.write(`${JSON.stringify(m)}\n`))
    : parent(args);
run.catch((e) => {
  process.stderr.write(`bench-read: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
