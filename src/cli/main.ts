/**
 * indicator-tracker: the command line (docs/specification.md §10). Exit status 0 no error finding, 1 error findings,
 * 2 the input could not be used — with one clear line on stderr, never a stack trace.
 */
import { UsageError } from "./shared/args";
import { InputError, oneLine } from "./shared/io";
import { NoSuchSheetError } from "../core/errors";
import { CLI_HELP, CLI_USAGE } from "../core/i18n/cli-messages";
import { version } from "../../package.json";
import { runCheck } from "./commands/run";
import { runDemo } from "./commands/demo";
import { runRules } from "./commands/rules";
import { runTemplate } from "./commands/template";
import { runConsolidate } from "./commands/consolidate";
import { runApprove } from "./commands/approve";
import { runReport } from "./commands/report";
import type { CommandContext } from "./shared/context";

type Command = (argv: string[], ctx: CommandContext) => Promise<number>;

export const COMMANDS: Record<string, { run: Command; usage: string }> = {
  validate: { run: (a, c) => runCheck("validate", a, c), usage: CLI_USAGE.validate },
  analyse: { run: (a, c) => runCheck("analyse", a, c), usage: CLI_USAGE.analyse },
  demo: { run: runDemo, usage: CLI_USAGE.demo },
  template: { run: runTemplate, usage: CLI_USAGE.template },
  rules: { run: runRules, usage: CLI_USAGE.rules },
  consolidate: { run: runConsolidate, usage: CLI_USAGE.consolidate },
  approve: { run: (a, c) => runApprove(a, c), usage: CLI_USAGE.approve },
  report: { run: runReport, usage: CLI_USAGE.report },
};

export function usage(): string {
  return [
    CLI_HELP.title,
    ...Object.values(COMMANDS).map((c) => CLI_HELP.command(c.usage)),
    CLI_HELP.version,
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
    ctx.stderr(CLI_HELP.unknownCommand(name));
    return 2;
  }
  try {
    return await command.run(rest, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.stderr(CLI_HELP.usageError(name, e.message, command.usage));
      return 2;
    }
    // A sheet named by --sheet that the workbook lacks is unusable input, like a missing file.
    if (e instanceof InputError || e instanceof NoSuchSheetError) {
      ctx.stderr(CLI_HELP.inputError(oneLine(e.message)));
      return 2;
    }
    throw e;
  }
}
