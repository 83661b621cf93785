/**
 * Import cycles between folders: prints each group of folders of `src/` (or the folder given) that
 * import one another round in a circle, with the files that make each import.
 *
 *   node bin/run-ts.js scripts/folder-cycles.ts [FOLDER]
 *
 * A folder imports another when one of its .ts/.tsx files imports (or re-exports, or loads with
 * import()) a module of the other by a relative path. Imports are read with the TypeScript
 * compiler's pre-processor, so an import written in a comment does not count. Cycles are the
 * strongly connected components of that graph, so a ring of three folders is found as well as two
 * folders importing each other. test/architecture/folders.test.ts keeps the list from growing.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

/** folder → folders it imports → the files of the first folder that make that import. */
export type FolderEdges = Map<string, Map<string, string[]>>;

export interface FolderCycle {
  /** The folders of the cycle, sorted; "." is the root folder itself. */
  folders: string[];
  /** The imports that close it: from folder, to folder, and the importing files. */
  edges: { from: string; to: string; files: string[] }[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The folder, relative to root, of the module a relative specifier names ("./x" or a folder's index). */
function targetFolder(root: string, fromFile: string, specifier: string): string {
  const target = path.resolve(path.dirname(fromFile), specifier);
  const isFolder = fs.existsSync(target) && fs.statSync(target).isDirectory();
  return folderName(root, isFolder ? target : path.dirname(target));
}

function folderName(root: string, dir: string): string {
  return path.relative(root, dir).split(path.sep).join("/") || ".";
}

/** The relative module specifiers one source imports, re-exports or loads dynamically. */
export function relativeImports(source: string): string[] {
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles.map((f) => f.fileName).filter((name) => name.startsWith("."));
}

/** Every import from one folder of `root` into another. */
export function folderEdges(root: string): FolderEdges {
  const edges: FolderEdges = new Map();
  for (const file of sourceFiles(root)) {
    const from = folderName(root, path.dirname(file));
    for (const specifier of relativeImports(fs.readFileSync(file, "utf8"))) {
      const to = targetFolder(root, file, specifier);
      if (to === from) continue;
      let targets = edges.get(from);
      if (!targets) edges.set(from, (targets = new Map()));
      const files = targets.get(to) ?? [];
      const relative = path.relative(root, file).split(path.sep).join("/");
      if (!files.includes(relative)) files.push(relative);
      targets.set(to, files);
    }
  }
  return edges;
}

/** Strongly connected components of two or more folders (Tarjan's algorithm). */
function components(edges: FolderEdges): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) found.push(group.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** The folder cycles of a graph, each with the imports between its folders; sorted by name. */
export function findCycles(edges: FolderEdges): FolderCycle[] {
  return components(edges)
    .map((folders) => ({
      folders,
      edges: folders.flatMap((from) =>
        [...(edges.get(from) ?? [])]
          .filter(([to]) => folders.includes(to))
          .map(([to, files]) => ({ from, to, files: [...files].sort() }))
          .sort((a, b) => (a.to < b.to ? -1 : 1))
      ),
    }))
    .sort((a, b) => (cycleName(a) < cycleName(b) ? -1 : 1));
}

/** "core <-> core/approval": the folders of a cycle, as listed in the tests. */
export function cycleName(cycle: Pick<FolderCycle, "folders">): string {
  return cycle.folders.join(" <-> ");
}

/** A cycle as printed: its name, then each import with its files. */
export function describeCycle(cycle: FolderCycle): string {
  const lines = cycle.edges.map((e) => `  ${e.from} -> ${e.to}: ${e.files.join(" ")}`);
  return [`cycle ${cycleName(cycle)}`, ...lines].join("\n");
}

function main(): void {
  const root = path.resolve(process.argv[2] ?? "src");
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    process.stderr.write(`folder-cycles: ${root} is not a folder\n`);
    process.exit(2);
  }
  const cycles = findCycles(folderEdges(root));
  if (!cycles.length) process.stdout.write("no import cycles between folders\n");
  for (const c of cycles) process.stdout.write(`${describeCycle(c)}\n`);
}

if (process.argv[1] && path.basename(process.argv[1]) === "folder-cycles.ts") main();
