/**
 * Every file of the bad-input corpus through the command line: the exit status docs/specification.md §10 asks for,
 * one clear line for an unusable file, no stack trace, and the input left byte for byte as it was.
 */
import { promises as fs } from "fs";
import { createHash } from "crypto";
import { execFile, execFileSync } from "child_process";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx";
import { main } from "../../src/cli/main";
import { CASES, writeCorpus, type CorpusCase } from "./make-corpus";

const BIN = path.join(__dirname, "../../bin/indicator-tracker.js");
/** A line of a JavaScript stack trace: "    at fn (file.ts:12:5)". */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

let dir: string;
let files: Map<string, string>;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "corpus-"));
  files = new Map((await writeCorpus(dir)).map(({ file, c }) => [c.name, file]));
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function fingerprint(file: string): Promise<string> {
  try {
    return createHash("sha256")
      .update(await fs.readFile(file))
      .digest("hex");
  } catch (e) {
    return `unreadable: ${(e as NodeJS.ErrnoException).code}`;
  }
}

/** Runs the command line in-process; main() must settle with a status, never reject. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join("\n"), err };
}

function expectAnswer(c: CorpusCase, r: Awaited<ReturnType<typeof run>>): void {
  expect(r.code).toBe(c.exit);
  expect(r.err.join("\n")).not.toMatch(STACK_LINE);
  if (c.exit === 2) {
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(c.error!);
    expect(r.err[0]).toContain(c.name);
    return;
  }
  const doc = JSON.parse(r.out) as { findings: { rule: string; severity: string }[] };
  const rules = new Set(doc.findings.map((f) => f.rule));
  for (const rule of c.rules ?? []) expect(rules).toContain(rule);
  expect(doc.findings.some((f) => f.severity === "error")).toBe(c.exit === 1);
}

describe("the bad-input corpus", () => {
  it("holds at least 30 cases, each with a distinct file", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    it(`${c.about}: validate and analyse exit ${c.exit}, the input unchanged`, async () => {
      const file = files.get(c.name)!;
      const before = await fingerprint(file);
      const out = path.join(dir, `${c.name}.analysed.xlsx`);

      expectAnswer(c, await run("validate", file, "--json"));
      expectAnswer(c, await run("analyse", file, "--out", out, "--json"));
      expect(await fingerprint(file)).toBe(before);

      if (c.exit === 2) {
        await expect(fs.stat(out)).rejects.toThrow();
      } else {
        // The written workbook opens, and holds the product's sheets next to the user's. (ExcelJS
        // is not the judge: it refuses some of the users' own sheets, which are kept as they came.)
        const wb = await XlsxWorkbook.fromBuffer(new Uint8Array(await fs.readFile(out)));
        expect(wb.sheetNames()).toEqual(expect.arrayContaining(["校验结果"]));
        expect((await wb.readSheets(["校验结果"])).sheets[0].rows.length).toBeGreaterThan(0);
      }
    });
  });
});

describe("the installed command on unusable and faulty files", () => {
  const viaBin = (file: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [BIN, "validate", file],
        { encoding: "utf8" },
        (error, stdout, stderr) => {
          resolve({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr });
        }
      );
    });

  it.each([
    "empty-file.xlsx",
    "password-protected.xlsx",
    "cells-without-addresses.xlsx",
    "absurd-magnitudes.xlsx",
  ])(
    "%s: the status docs/specification.md §10 gives, no stack trace, no internal error",
    async (name) => {
      const c = CASES.find((x) => x.name === name)!;
      const r = await viaBin(files.get(name)!);
      expect(r.code).toBe(c.exit);
      expect(r.stderr).not.toMatch(STACK_LINE);
      expect(r.stderr).not.toMatch(/internal error/);
      if (c.exit === 2) expect(r.stderr.trim().split("\n")).toHaveLength(1);
      else expect(r.stdout).toMatch(/错误 \d+ · 提示 \d+/);
    }
  );
});

describe("a user's own sheet named like a product sheet", () => {
  it("is read as a monitoring sheet and kept; the gap analysis goes to 差距分析 (2), also on a second run", async () => {
    const file = files.get("user-sheet-named-gap-analysis.xlsx")!;
    const once = path.join(dir, "gap-once.xlsx");
    const twice = path.join(dir, "gap-twice.xlsx");
    const first = await run("analyse", file, "--out", once);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/差距分析: 合作市科技局 · 2022年第三季度 · 2 行指标/);
    expect(first.out).toMatch(/结果写入“差距分析 \(2\)”/);
    expect((await run("analyse", once, "--out", twice)).code).toBe(0);

    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(file);
    const values = (ws: ExcelJS.Worksheet) => ws.getSheetValues().map((r) => JSON.stringify(r));
    for (const f of [once, twice]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(f);
      expect(wb.worksheets.map((w) => w.name).filter((n) => !n.startsWith("_"))).toEqual([
        "差距分析",
        "差距分析 (2)",
        "校验结果",
      ]);
      expect(values(wb.getWorksheet("差距分析")!)).toEqual(
        values(original.getWorksheet("差距分析")!)
      );
      expect(wb.getWorksheet("差距分析 (2)")!.getCell("A1").text).toBe("差距分析 / Gap analysis");
    }
  });
});

describe("output paths that cannot be written, and inputs that are not files", () => {
  const valid = () => files.get("headers-only.xlsx")!;

  it.each([
    ["a folder", () => dir, /is a folder; name a file in it/],
    ["a path under a file", () => path.join(valid(), "out.xlsx"), /is not a folder/],
    ["a folder that cannot be created", () => "/proc/no-such-folder/out.xlsx", /cannot be created/],
  ])(
    "--out to %s: exit 2, one line, the input unchanged, no temporary file left",
    async (_what, target, message) => {
      const out = target();
      if (out.startsWith("/proc/") && process.platform !== "linux") return;
      const before = await fingerprint(valid());
      const r = await run("analyse", valid(), "--out", out);
      expect(r.code).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
      expect(await fingerprint(valid())).toBe(before);
      expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    }
  );

  it("a folder missing on the way to --out is created", async () => {
    const out = path.join(dir, "new", "deeper", "out.xlsx");
    expect((await run("analyse", valid(), "--out", out)).code).toBe(0);
    expect((await fs.stat(out)).isFile()).toBe(true);
  });

  it("a special file named by --out is left alone, never replaced by a workbook", async () => {
    if (process.platform === "win32") return;
    const fifo = path.join(dir, "out-pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await run("analyse", valid(), "--out", fifo);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/is not a plain file/);
    expect((await fs.stat(fifo)).isFIFO()).toBe(true);
  });

  it("a named pipe given as the workbook is refused at once, not read for ever", async () => {
    if (process.platform === "win32") return;
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await run("validate", fifo);
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/is not a file/);
  });
});
