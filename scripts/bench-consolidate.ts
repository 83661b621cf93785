/**
 * npm run bench:consolidate — consolidating 40 unit files of the bundled kind (samples/2022Q3,
 * copied round until there are 40): the time per file, against reading the same files with ExcelJS
 * alone, and how many times each file is read (once).
 *
 *   npm run bench:consolidate                 40 files, median of 3 runs
 *   npm run bench:consolidate -- --files 80 --reps 5
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";

const SOURCE = path.join(__dirname, "..", "samples", "2022Q3");

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} takes a whole number`);
  return v;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Times ExcelJS reading every file (load only: the floor any reader of .xlsx pays). */
async function excelJsAlone(files: string[]): Promise<number> {
  const t0 = performance.now();
  for (const f of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(f)) as unknown as ArrayBuffer);
  }
  return performance.now() - t0;
}

/** Times `indicator-tracker consolidate` in this process; counts the reads of each input file. */
async function consolidateAll(
  dir: string,
  files: string[],
  out: string
): Promise<{ ms: number; reads: Map<string, number> }> {
  const reads = new Map<string, number>();
  const original = fs.readFile;
  const inputs = new Set(files.map((f) => path.resolve(f)));
  (fs as { readFile: typeof fs.readFile }).readFile = ((
    file: Parameters<typeof fs.readFile>[0],
    ...rest: unknown[]
  ) => {
    const key = path.resolve(String(file));
    if (inputs.has(key)) reads.set(key, (reads.get(key) ?? 0) + 1);
    return (original as (...a: unknown[]) => ReturnType<typeof fs.readFile>)(file, ...rest);
  }) as typeof fs.readFile;
  const lines: string[] = [];
  try {
    const t0 = performance.now();
    const code = await main(["consolidate", dir, "--out", out], {
      stdout: (l) => lines.push(l),
      stderr: (l) => lines.push(l),
    });
    const ms = performance.now() - t0;
    if (code === 2) throw new Error(`consolidate failed: ${lines.join(" ")}`);
    return { ms, reads };
  } finally {
    (fs as { readFile: typeof fs.readFile }).readFile = original;
  }
}

async function run(): Promise<void> {
  const count = arg("files", 40);
  const reps = arg("reps", 3);
  const samples = (await fs.readdir(SOURCE)).filter((n) => n.endsWith(".xlsx")).sort();
  if (!samples.length)
    throw new Error("samples/2022Q3 is empty: run npm run samples:quarter first");
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "bench-consolidate-"));
  const out = path.join(os.tmpdir(), `${path.basename(dir)}-out.xlsx`);
  try {
    const files: string[] = [];
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const name = samples[i % samples.length];
      const target = path.join(dir, `${String(i + 1).padStart(2, "0")}-${name}`);
      await fs.copyFile(path.join(SOURCE, name), target);
      bytes += (await fs.stat(target)).size;
      files.push(target);
    }
    // One untimed round of each, so neither pays for loading code.
    await excelJsAlone(files.slice(0, 2));
    await consolidateAll(dir, files.slice(0, 2), out);

    const exceljs: number[] = [];
    const consolidated: number[] = [];
    let reads = new Map<string, number>();
    for (let r = 0; r < reps; r++) {
      exceljs.push(await excelJsAlone(files));
      const c = await consolidateAll(dir, files, out);
      consolidated.push(c.ms);
      reads = c.reads;
    }
    const e = median(exceljs);
    const c = median(consolidated);
    const perFileReads = Array.from(new Set(files.map((f) => reads.get(path.resolve(f)) ?? 0)));
    const lines = [
      `consolidate: ${count} unit files (${(bytes / 1024).toFixed(0)} KB), median of ${reps} runs, Node ${process.version}, ${os.cpus().length} cores`,
      "",
      "| | total (s) | per file (ms) |",
      "|---|---:|---:|",
      `| ExcelJS alone (load each file) | ${(e / 1000).toFixed(2)} | ${(e / count).toFixed(1)} |`,
      `| indicator-tracker consolidate (read, validate, consolidate, write OUT.xlsx) | ${(c / 1000).toFixed(2)} | ${(c / count).toFixed(1)} |`,
      "",
      `ratio consolidate / ExcelJS alone: ${(c / e).toFixed(2)}`,
      `reads of each input file: ${perFileReads.join(", ")}`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rm(out, { force: true });
  }
}

run().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
