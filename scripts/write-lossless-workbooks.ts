/**
 * Writes the rich workbooks of test/helpers/rich-package.ts into a folder, with what the command
 * line makes of each, for scripts/check-lossless-libreoffice.sh to open in LibreOffice:
 *   KIND.xlsx|xlsm           the input (the sample with errors, plus the parts of KIND)
 *   KIND.analysed.xlsx|xlsm  analyse KIND --out …
 *   KIND.approved.xlsx|xlsm  approve on the clean sample with the same parts
 * Prints one line per file; a command that fails is reported and the others go on.
 *
 * usage: node bin/run-ts.js scripts/write-lossless-workbooks.ts FOLDER
 */
import { promises as fs } from "fs";
import * as path from "path";
import { main } from "../src/cli/main";
import { BASES, KINDS, extensionOf, richWorkbook } from "../test/helpers/rich-package";
import type { Kind } from "../test/helpers/rich-package";
import { comparePackages } from "../test/helpers/package-diff";

async function cli(argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(argv, { stdout: () => undefined, stderr: (l) => err.push(l) });
  return { code, err: err.join(" ") };
}

/** Runs one command on `input` (written to `file` first) and reports the output's problems by the lossless rule. */
async function step(
  label: string,
  input: Uint8Array,
  file: string,
  out: string,
  argv: string[]
): Promise<boolean> {
  await fs.writeFile(file, input);
  const { code, err } = await cli(argv);
  const written = await fs.readFile(out).catch(() => undefined);
  if (code === 2 || !written) {
    process.stdout.write(`${label.padEnd(24)} FAILED exit ${code}: ${err}\n`);
    // An in-place command that failed leaves the input under the output's name: not an output.
    if (out === file) await fs.rm(out, { force: true });
    return false;
  }
  const problems = comparePackages(input, new Uint8Array(written));
  process.stdout.write(
    `${label.padEnd(24)} exit ${code}, ${problems.length ? `${problems.length} problems by the lossless rule` : "lossless"}\n`
  );
  return true;
}

async function writeKind(dir: string, kind: Kind | "all"): Promise<boolean> {
  const ext = extensionOf(kind);
  const input = richWorkbook(kind, "errors");
  const source = path.join(dir, `${kind}${ext}`);
  await fs.writeFile(source, input);
  const scratch = path.join(dir, `.${kind}.in${ext}`);
  const analysed = path.join(dir, `${kind}.analysed${ext}`);
  const a = await step(`${kind} analyse`, input, scratch, analysed, [
    "analyse",
    scratch,
    "--out",
    analysed,
  ]);
  await fs.rm(scratch, { force: true });
  const approved = path.join(dir, `${kind}.approved${ext}`);
  const b = await step(`${kind} approve`, richWorkbook(kind, "clean"), approved, approved, [
    "approve",
    approved,
    "--sheet",
    BASES.clean.sheet,
    "--reviewer",
    "李明",
  ]);
  return a && b;
}

async function run(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write("usage: node bin/run-ts.js scripts/write-lossless-workbooks.ts FOLDER\n");
    process.exit(2);
  }
  await fs.mkdir(dir, { recursive: true });
  let ok = true;
  for (const kind of [...KINDS, "all" as const]) ok = (await writeKind(dir, kind)) && ok;
  process.exitCode = ok ? 0 : 1;
}

run().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(2);
});
