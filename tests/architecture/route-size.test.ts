/**
 * Routes stay short (issue 16, ../shared/STYLE.md): a route module holds its loader, its action and a
 * thin page; its components live in app/components/<area>/ and its styles in CSS. Past 400 lines a
 * route has grown a page inside it.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROUTES = path.resolve(__dirname, "../../app/routes");
const MAX_LINES = 400;

function routeModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeModules(full);
    return /\.(tsx?|jsx?)$/.test(entry.name) && !/\.test\.[tj]sx?$/.test(entry.name) ? [full] : [];
  });
}

function lineCount(file: string): number {
  const text = fs.readFileSync(file, "utf8");
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

describe("route modules", () => {
  it("are found", () => {
    expect(routeModules(ROUTES).length).toBeGreaterThan(10);
  });

  it(`are at most ${MAX_LINES} lines each`, () => {
    const tooLong = routeModules(ROUTES)
      .map((file) => ({ file: path.relative(ROUTES, file), lines: lineCount(file) }))
      .filter((route) => route.lines > MAX_LINES)
      .map((route) => `app/routes/${route.file}: ${route.lines} lines`);
    expect(tooLong, `move their components to app/components/<area>/`).toEqual([]);
  });
});
