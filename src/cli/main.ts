/**
 * indicator-tracker: the command line (docs/specification.md §10). Exit status 0 no error finding, 1 error findings,
 * 2 the input could not be used — with one clear line on stderr, never a stack trace.
 */
import { UsageError } from "./args";
import { InputError, oneLine } from "./io";
import { NoSuchSheetError } from "../core/errors";
import { version } from "../../package.json";
import { runCheck } from "./commands/run";
import { runDemo } from "./commands/demo";
import { runRules } from "./commands/rules";
import { runTemplate } from "./commands/template";
import { runConsolidate } from "./commands/consolidate";
import { runApprove } from "./commands/approve";
import { runReport } from "./commands/report";

export interface CommandContext {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Progress of long work, shown on a terminal only (one line rewritten in place); null clears it. */
  progress?: (line: string | null) => void;
}

type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

export const COMMANDS: Record<string, { run: Command; usage: string }> = {
  validate: {
    run: (a, c) => runCheck("validate", a, c),
    usage: "validate FILE [--sheet NAME] [--as-of DATE] [--rules FILE] [--json]",
  },
  analyse: {
    run: (a, c) => runCheck("analyse", a, c),
    usage: "analyse FILE [--as-of DATE] [--out OUT.xlsx | --in-place] [--rules FILE] [--json]",
  },
  demo: { run: runDemo, usage: "demo [FOLDER] [--out FOLDER]   (analyse every sample workbook)" },
  template: {
    run: runTemplate,
    usage: "template --unit NAME|all --period TEXT --out OUT.xlsx|FOLDER [--rules FILE]",
  },
  rules: { run: runRules, usage: "rules --out OUT.xlsx [--rules FILE] | rules --check FILE" },
  consolidate: {
    run: runConsolidate,
    usage: "consolidate FILE|FOLDER... --out OUT.xlsx [--as-of DATE] [--rules FILE] [--json]",
  },
  approve: {
    run: (a, c) => runApprove(a, c),
    usage: "approve FILE [--sheet NAME] --reviewer NAME [--json]   (appends to 审核记录)",
  },
  report: {
    run: runReport,
    usage:
      "report FILE|FOLDER...|CONSOLIDATED.xlsx --out 通报.docx [--as-of DATE] [--rules FILE] [--date DATE]   (监测通报)",
  },
};

export function usage(): string {
  return [
    "usage: indicator-tracker COMMAND ...",
    ...Object.values(COMMANDS).map((c) => `  indicator-tracker ${c.usage}`),
    "  indicator-tracker --version",
  ].join("\n");
}

const defaultContext: CommandContext = {
  stdout: (l) => process.stdout.write(`${l}\n`),
  stderr: (l) => process.stderr.write(`${l}\n`),
  // A pipe or a file gets no progress: only a person watching a terminal needs it.
  progress: process.stderr.isTTY
    ? (l) => process.stderr.write(l === null ? "\r\x1b[K" : `\r\x1b[K${l}`)
    : undefined,
};

export async function main(argv: string[], ctx: CommandContext = defaultContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    (name ? ctx.stdout : ctx.stderr)(usage());
    return name ? 0 : 2;
  }
  if (name === "--version") {
    ctx.stdout(version);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.stderr(`indicator-tracker: unknown command "${name}" (try --help)`);
    return 2;
  }
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.stderr(
        `indicator-tracker ${name}: ${e.message} — usage: indicator-tracker ${command.usage}`
      );
      return 2;
    }
    // A sheet named by --sheet that the workbook lacks is unusable input, like a missing file.
    if (e instanceof InputError || e instanceof NoSuchSheetError) {
      ctx.stderr(`indicator-tracker: ${oneLine(e.message)}`);
      return 2;
    }
    throw e;
  }
}
