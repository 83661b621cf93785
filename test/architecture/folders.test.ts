/**
 * Folders of src/ do not import one another round in a circle. The cycles that exist are listed,
 * import by import: a new import that closes a cycle fails, and so does a listed one that is gone
 * (take it off the list), so the list only shrinks.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  cycleName,
  describeCycle,
  findCycles,
  folderEdges,
  relativeImports,
} from "../../scripts/folder-cycles";

const SRC = path.resolve(__dirname, "../../src");

/** The imports between folders that lie on a cycle today (`node bin/run-ts.js scripts/folder-cycles.ts`). */
const KNOWN_CYCLE_IMPORTS: readonly string[] = [
  // main.ts dispatches to the commands, which use args, io and main's context type
  "cli -> cli/commands",
  "cli/commands -> cli",
  // the engine's folders
  "core -> core/approval",
  "core/approval -> core",
  // App.tsx holds the components, which take the pane's strings, host and run state
  "taskpane -> taskpane/components",
  "taskpane/components -> taskpane",
  // the workbook adapters and the file formats
  "workbook -> workbook/formats",
  "workbook -> workbook/office",
  "workbook -> workbook/package",
  "workbook/formats -> workbook",
  "workbook/formats -> workbook/package",
  "workbook/office -> workbook",
  "workbook/package -> workbook",
];

/** Writes files (path → content) under a fresh temporary folder and returns it. */
function fixture(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "folder-cycles-"));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

describe("folder-cycles", () => {
  it("reads imports, re-exports and import() but not a commented import or a package", () => {
    const source = [
      'import { a } from "../a/x";',
      'export { b } from "./b";',
      'const c = () => import("../c");',
      '// import { d } from "../d";',
      'import ts from "typescript";',
    ].join("\n");
    expect(relativeImports(source)).toEqual(["../a/x", "./b", "../c"]);
  });

  it("finds two folders that import each other and a ring of three, with the files", () => {
    const root = fixture({
      "a/x.ts": 'import { y } from "../b/y";\nexport const x = 1;',
      "b/y.ts": 'import { x } from "../a";\nexport const y = 2;',
      "a/index.ts": 'export * from "./x";',
      "p/one.ts": 'import "../q/two";',
      "q/two.ts": 'import "../r/three";',
      "r/three.ts": 'const p = () => import("../p/one");',
      "z/leaf.ts": 'import { x } from "../a/x";',
    });
    try {
      const cycles = findCycles(folderEdges(root));
      expect(cycles.map(cycleName)).toEqual(["a <-> b", "p <-> q <-> r"]);
      expect(describeCycle(cycles[0])).toBe("cycle a <-> b\n  a -> b: a/x.ts\n  b -> a: b/y.ts");
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("finds none where imports go one way", () => {
    const root = fixture({
      "a/x.ts": 'import { y } from "../b/y";',
      "b/y.ts": 'import { z } from "./z";',
      "b/z.ts": "export const z = 1;",
    });
    try {
      expect(findCycles(folderEdges(root))).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("import cycles between the folders of src/", () => {
  const cycles = findCycles(folderEdges(SRC));
  const current = cycles.flatMap((c) => c.edges.map((e) => `${e.from} -> ${e.to}`));

  it("has no import closing a cycle beyond the known ones", () => {
    const added = cycles
      .flatMap((c) => c.edges.map((e) => ({ c, name: `${e.from} -> ${e.to}`, files: e.files })))
      .filter((e) => !KNOWN_CYCLE_IMPORTS.includes(e.name))
      .map((e) => `${e.name} (${e.files.join(" ")}) closes ${cycleName(e.c)}`);
    expect(added).toEqual([]);
  });

  it("still has each known one (remove it from the list once gone)", () => {
    const gone = KNOWN_CYCLE_IMPORTS.filter((name) => !current.includes(name));
    if (gone.length) console.log(cycles.map(describeCycle).join("\n"));
    expect(gone).toEqual([]);
  });
});
