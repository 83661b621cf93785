/**
 * Command-line options, parsed by Node's own util.parseArgs in strict mode: an unknown option, a
 * missing value or a value given to a flag is a usage error (exit 2), never ignored.
 */
import { parseArgs } from "util";

export class UsageError extends Error {}

/** Each option a command knows: "boolean" for a flag, "string" for an option that takes a value. */
export type OptionSpec = Record<string, { type: "string" | "boolean" }>;

export const FLAG = { type: "boolean" } as const;
export const VALUE = { type: "string" } as const;

type Parsed<T extends OptionSpec> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: true }>
>;

export interface ParsedArgs<T extends OptionSpec> {
  positional: string[];
  options: Parsed<T>["values"];
}

/** The positional arguments and the options of `argv`, typed by `spec`. */
export function parseOptions<const T extends OptionSpec>(argv: string[], spec: T): ParsedArgs<T> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: spec,
      strict: true,
      allowPositionals: true,
    });
    return { positional: positionals, options: values };
  } catch (e) {
    throw new UsageError(problemOf(argv, spec) ?? (e as Error).message);
  }
}

/**
 * What is wrong with the options of `argv`, in the command line's own words: the same arguments read
 * again without strict checks, token by token (Node's messages are long and name no fix of ours).
 */
function problemOf(argv: string[], spec: OptionSpec): string | null {
  const { tokens } = parseArgs({
    args: argv,
    options: spec,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const known = spec[token.name];
    if (!known) return `unknown option ${token.rawName}`;
    if (known.type === "boolean" && token.value !== undefined)
      return `option ${token.rawName} takes no value`;
    // "--out --json": the next option is not the value that is missing.
    const dashed = !token.inlineValue && token.value?.startsWith("-") && token.value !== "-";
    if (known.type === "string" && (token.value === undefined || dashed))
      return `option ${token.rawName} needs a value`;
  }
  return null;
}
