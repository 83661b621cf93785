import { FLAG, VALUE, UsageError, parseOptions } from "../../src/cli/args";

const SPEC = { json: FLAG, out: VALUE, "as-of": VALUE } as const;

/** The usage error `argv` gives (the test fails when it parses). */
function problem(argv: string[]): string {
  try {
    parseOptions(argv, SPEC);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`${JSON.stringify(argv)} was accepted`);
}

describe("parseOptions", () => {
  it("separates the positional arguments from the options, in either order", () => {
    expect(
      parseOptions(["--out", "o.xlsx", "a.xlsx", "--json", "--as-of=2022-09-30"], SPEC)
    ).toEqual({
      positional: ["a.xlsx"],
      options: { out: "o.xlsx", json: true, "as-of": "2022-09-30" },
    });
  });

  it("leaves options not given undefined", () => {
    const { options } = parseOptions(["a.xlsx"], SPEC);
    expect(options.json).toBeUndefined();
    expect(options.out).toBeUndefined();
  });

  it("takes what follows -- as positional, and a lone - as a positional or a value", () => {
    expect(parseOptions(["--", "--json"], SPEC).positional).toEqual(["--json"]);
    expect(parseOptions(["-", "--out", "-"], SPEC)).toEqual({
      positional: ["-"],
      options: { out: "-" },
    });
  });

  it.each([
    [["a.xlsx", "--bogus"], "unknown option --bogus"],
    [["a.xlsx", "-x"], "unknown option -x"],
    [["a.xlsx", "--bogus=1"], "unknown option --bogus"],
    [["a.xlsx", "--out"], "option --out needs a value"],
    [["a.xlsx", "--out", "--json"], "option --out needs a value"],
    [["a.xlsx", "--json=yes"], "option --json takes no value"],
  ])("refuses %j: %s", (argv, message) => {
    expect(problem(argv)).toBe(message);
  });
});
