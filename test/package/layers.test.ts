/**
 * The layers, read from the sources: nothing outside the command line touches Node (`Buffer`, `node:*`
 * modules, `process`), and the matching, metrics and testing layers reach none of the heavy dependencies
 * through any chain of imports. (test/package/bundle.test.ts checks the same on the built package.)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/_built.js";

const SRC = join(ROOT, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".ts") ? [path] : [];
  });
}

/** Code without comments, so that prose about Buffer or process does not count. */
function code(path: string): string {
  return readFileSync(path, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** The value imports of a file (type-only imports are erased and do not count). */
function imports(path: string): string[] {
  const out: string[] = [];
  for (const m of code(path).matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm)) {
    if (m[1] === undefined) out.push(m[2]!);
  }
  for (const m of code(path).matchAll(/import\(\s*"([^"]+)"\s*\)/g)) out.push(m[1]!);
  return out;
}

const all = files(SRC);
const rel = (p: string) => relative(SRC, p);

describe("the layers of src/", () => {
  it("only src/cli touches Buffer, node:* modules or process", () => {
    const offenders = all
      .filter((p) => !rel(p).startsWith("cli/") && rel(p) !== "_internal/nodeRequire.ts")
      .filter((p) => /\bBuffer\b|"node:|\bprocess\./.test(code(p)))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it("matching, metrics and testing reach no heavy dependency through their imports", () => {
    const heavy = /^(zod|mathjs|iconv-lite|csv-parse|csv-stringify|exceljs|commander)(\/|$)/;
    const reach = (start: string, seen = new Set<string>()): string[] => {
      if (seen.has(start)) return [];
      seen.add(start);
      const found: string[] = [];
      for (const spec of imports(start)) {
        if (spec.startsWith("."))
          found.push(...reach(resolve(dirname(start), spec.replace(/\.js$/, ".ts")), seen));
        else if (heavy.test(spec)) found.push(`${rel(start)} → ${spec}`);
      }
      return found;
    };
    // The program arbitrary scores questionnaires (zod) by design; testing/index.ts re-exports it.
    const skip = ["testing/arbitraries/program.ts", "testing/index.ts"];
    const roots = all.filter((p) => /^(matching|metrics|testing)\//.test(rel(p)) && !skip.includes(rel(p)));
    const seen = new Set<string>([
      join(SRC, "testing/arbitraries/program.ts"),
      join(SRC, "testing/index.ts"),
    ]);
    const found = roots.flatMap((r) => reach(r, seen));
    expect(found).toEqual([]);
    expect(roots.length).toBeGreaterThan(30);
  });
});
