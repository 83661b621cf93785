/** A small, strict argument parser: unknown options are usage errors (exit 2), never ignored. */

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string | boolean>;
}

/** `flags` take no value; every other known option takes one. */
export function parseArgs(
  argv: string[],
  known: { flags: string[]; values: string[] }
): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (known.flags.includes(name)) {
      if (eq > 0) throw new UsageError(`option --${name} takes no value`);
      options[name] = true;
    } else if (known.values.includes(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--")))
        throw new UsageError(`option --${name} needs a value`);
      options[name] = value;
    } else {
      throw new UsageError(`unknown option ${a}`);
    }
  }
  return { positional, options };
}

export function str(options: ParsedArgs["options"], name: string): string | undefined {
  const v = options[name];
  return typeof v === "string" ? v : undefined;
}
