/**
 * Node's `import` gets the bundled entries (dist/node, package.json's "node" condition): the same exports
 * as the file-by-file build that bundlers read, one error class across the subpaths (shared chunks, not a
 * copy per entry), and the same answers. Run in a throw-away project that installs the package by a link,
 * as a user's would.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT } from "../cli/_built.js";

const ENTRIES = ["", "/matching", "/csv", "/testing", "/monitoring"] as const;
let dir = "";

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "mm-node-user-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "mentor-match"), "dir");
  // The user's own zod, beside the copy inlined into dist/node.
  symlinkSync(join(ROOT, "node_modules", "zod"), join(dir, "node_modules", "zod"), "dir");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs an ES module in the user's project; returns what it printed as JSON. */
function run(source: string): unknown {
  writeFileSync(join(dir, "main.mjs"), source);
  return JSON.parse(execFileSync(process.execPath, [join(dir, "main.mjs")], { cwd: dir, encoding: "utf8" }));
}

describe("Node's import of mentor-match", () => {
  it("resolves every entry to dist/node, with the same exports as the file-by-file build", () => {
    const out = run(`
      const entries = ${JSON.stringify(ENTRIES)};
      const result = {};
      for (const e of entries) {
        const url = import.meta.resolve("mentor-match" + e);
        const bundled = Object.keys(await import(url)).sort();
        const fileByFile = Object.keys(await import(url.replace("/dist/node/", "/dist/"))).sort();
        result[e] = { url: url.slice(url.indexOf("/dist/")), same: JSON.stringify(bundled) === JSON.stringify(fileByFile), n: bundled.length };
      }
      console.log(JSON.stringify(result));
    `) as Record<string, { url: string; same: boolean; n: number }>;
    for (const e of ENTRIES) {
      expect(out[e]!.url.startsWith("/dist/node/")).toBe(true);
      expect(out[e]!.same).toBe(true);
      expect(out[e]!.n).toBeGreaterThan(3);
    }
  });

  it("has one error class across subpaths, and answers as the file-by-file build does", () => {
    const out = run(`
      import { MentorMatchError, match, preset } from "mentor-match";
      import { deferredAcceptance } from "mentor-match/matching";
      import * as files from "${join(ROOT, "dist/index.js").replaceAll("\\", "/")}";
      let code = null, same = false;
      try { deferredAcceptance([[1, 2]]); } catch (e) { same = e instanceof MentorMatchError; code = e.code; }
      const scores = [[0.9, 0.1, 0.4], [0.2, 0.8, 0.5], [0.3, 0.6, 0.7]];
      const a = match({ scores }, { strategy: "optimal" });
      const b = files.match({ scores }, { strategy: "optimal" });
      const p = preset("student-student", { defaults: { capacity: 3 } });
      console.log(JSON.stringify({ same, code, a: [...a.mentorOf], b: [...b.mentorOf], total: a.metrics.totalScore === b.metrics.totalScore, capacity: p.defaults.capacity }));
    `) as { same: boolean; code: string; a: number[]; b: number[]; total: boolean; capacity: number };
    expect(out.code).toBe("INVALID_SHAPE");
    expect(out.same).toBe(true);
    expect(out.a).toEqual([0, 1, 2]);
    expect(out.b).toEqual(out.a);
    expect(out.total).toBe(true);
    // preset() merges with lodash-es's mergeWith, inlined into the bundled entry.
    expect(out.capacity).toBe(3);
  });

  it("exports zod schemas that work with the user's own zod (dist/node inlines a copy of zod)", () => {
    const out = run(`
      import { ParticipantSchema, LabelSchema } from "mentor-match";
      import { z } from "zod";
      const own = ParticipantSchema.safeParse({});
      const composed = z.object({ who: ParticipantSchema, note: z.string() });
      const bad = composed.safeParse({ who: { id: 1 }, note: 2 });
      const extended = ParticipantSchema.extend({ cohort: z.number() });
      console.log(JSON.stringify({
        instance: ParticipantSchema instanceof z.ZodType && ParticipantSchema instanceof z.ZodObject,
        ownFails: own.success === false && own.error instanceof z.ZodError,
        paths: bad.success ? [] : bad.error.issues.map((i) => i.path.join(".")),
        extendedKeys: Object.keys(extended.shape).slice(-1),
        schema: z.toJSONSchema(LabelSchema).required,
      }));
    `) as { instance: boolean; ownFails: boolean; paths: string[]; extendedKeys: string[]; schema: string[] };
    expect(out.instance).toBe(true);
    expect(out.ownFails).toBe(true);
    expect(out.paths).toContain("who.id");
    expect(out.paths).toContain("note");
    expect(out.extendedKeys).toEqual(["cohort"]);
    expect(out.schema).toEqual(["ru", "en"]);
  });
});
