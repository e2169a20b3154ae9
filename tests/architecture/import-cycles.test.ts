/**
 * No import circles on the server (issue 16): each layer can be read alone, and a module's imports are
 * loaded before it. The graph is built from the TypeScript sources under `server/` and everything they
 * reach in the repository (`app/`, `db/`), following `import … from`, `import "…"` and `export … from`
 * statements (type-only ones too: a circle of types is still a circle of knowledge), with the aliases of
 * tsconfig.json (`#server/*`, `#db/*`, `~/*`) and relative paths. A dynamic `import()` is not followed.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const EXTENSIONS = [".ts", ".tsx"];

/** `import … from "x"`, `import type … from "x"`, `export … from "x"`, at the start of a line. */
const FROM =
  /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+)\s+from\s+["']([^"']+)["']/gm;
/** `import "x"`, for its side effects. */
const BARE = /^[ \t]*import\s+["']([^"']+)["']/gm;

export function importedSpecifiers(source: string): string[] {
  return [...source.matchAll(FROM), ...source.matchAll(BARE)].map((m) => m[1]);
}

/** The path aliases of tsconfig.json, as prefixes: `#server/` → `<root>/server/`. */
function aliases(): [string, string][] {
  const file = path.join(ROOT, "tsconfig.json");
  const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const options = config.compilerOptions ?? {};
  const base = path.resolve(ROOT, options.baseUrl ?? ".");
  return Object.entries((options.paths ?? {}) as Record<string, string[]>).map(([key, [target]]) => [
    key.replace(/\*$/, ""),
    path.resolve(base, target.replace(/\*$/, "")) + path.sep,
  ]);
}

function asFile(candidate: string): string | null {
  const stem = candidate.replace(/\.js$/, "");
  for (const name of [
    candidate,
    ...EXTENSIONS.map((ext) => stem + ext),
    ...EXTENSIONS.map((ext) => path.join(candidate, "index" + ext)),
  ]) {
    if (EXTENSIONS.includes(path.extname(name)) && fs.existsSync(name) && fs.statSync(name).isFile())
      return name;
  }
  return null;
}

/** The repository file a specifier names, or null for packages and Node's own modules. */
export function resolveSpecifier(
  from: string,
  specifier: string,
  prefixes: [string, string][],
): string | null {
  if (specifier.startsWith(".")) return asFile(path.resolve(path.dirname(from), specifier));
  for (const [prefix, dir] of prefixes)
    if (specifier.startsWith(prefix)) return asFile(dir + specifier.slice(prefix.length));
  return null;
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourcesUnder(full);
    return EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** file → the repository files it imports, for `roots` and everything they reach. */
export function importGraph(roots: string[]): Map<string, string[]> {
  const prefixes = aliases();
  const graph = new Map<string, string[]>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (graph.has(file)) continue;
    const targets = importedSpecifiers(fs.readFileSync(file, "utf8"))
      .map((specifier) => resolveSpecifier(file, specifier, prefixes))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
    queue.push(...targets);
  }
  return graph;
}

/**
 * Every circle of the graph, one per strongly connected component (Tarjan), each as a path that ends
 * where it starts: `a → b → a`.
 */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = component.sort()[0];
    if (component.length === 1 && !(graph.get(start) ?? []).includes(start)) continue;
    // The shortest way from `start` back to itself inside the component.
    const previous = new Map<string, string>();
    const queue = [start];
    let found = false;
    while (queue.length > 0 && !found) {
      const node = queue.shift()!;
      for (const next of graph.get(node) ?? []) {
        if (!members.has(next)) continue;
        if (next === start) {
          previous.set(start, node);
          found = true;
          break;
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    const way = [start];
    for (let node = previous.get(start)!; node !== start; node = previous.get(node)!) way.push(node);
    way.push(start);
    cycles.push(way.reverse());
  }
  return cycles;
}

const shown = (cycle: string[]) => cycle.map((file) => path.relative(ROOT, file)).join(" → ");

describe("import circles", () => {
  it("finds a circle and shows it as a path back to its start", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c", "d"]],
      ["c", ["a"]],
      ["d", []],
      ["e", ["e"]],
    ]);
    expect(findCycles(graph)).toEqual([
      ["a", "b", "c", "a"],
      ["e", "e"],
    ]);
    expect(
      findCycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
  });

  it("reads imports, type imports and re-exports, and resolves the tsconfig aliases", () => {
    const source = [
      'import { a, type B } from "./a";',
      'import type {\n  C,\n  D,\n} from "#server/realtime/handle";',
      'import * as e from "~/rules/deadline";',
      'import f, { g } from "../f";',
      'import "./side-effect";',
      'export { h } from "#db/repos/rounds";',
      'export * from "./all";',
      ' * import { not } from "a comment";',
      'const later = await import("./dynamic");',
    ].join("\n");
    expect(importedSpecifiers(source).sort()).toEqual(
      [
        "./a",
        "#server/realtime/handle",
        "~/rules/deadline",
        "../f",
        "./side-effect",
        "#db/repos/rounds",
        "./all",
      ].sort(),
    );
    const from = path.join(ROOT, "server/realtime/board.ts");
    expect(resolveSpecifier(from, "#server/realtime/handle", aliases())).toBe(
      path.join(ROOT, "server/realtime/handle.ts"),
    );
    expect(resolveSpecifier(from, "~/realtime/contract", aliases())).toBe(
      path.join(ROOT, "app/realtime/contract.ts"),
    );
    expect(resolveSpecifier(from, "../contest/board", aliases())).toBe(
      path.join(ROOT, "server/contest/board.ts"),
    );
    expect(resolveSpecifier(from, "socket.io", aliases())).toBeNull();
  });

  it("has none in the server's sources and what they import", () => {
    const graph = importGraph(sourcesUnder(path.join(ROOT, "server")));
    expect(graph.size).toBeGreaterThan(50);
    const cycles = findCycles(graph).map(shown);
    expect(cycles, `import circles:\n${cycles.join("\n")}`).toEqual([]);
  });

  it("has one root for the realtime layer: only the platform imports its registration", () => {
    const graph = importGraph(sourcesUnder(path.join(ROOT, "server")));
    const register = path.join(ROOT, "server/realtime/register.ts");
    const importers = [...graph]
      .filter(([, targets]) => targets.includes(register))
      .map(([file]) => path.relative(ROOT, file));
    expect(importers).toEqual(["server/platform.ts"]);
  });
});
