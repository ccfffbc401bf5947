/**
 * The layers of docs/architecture.md, proved from the import statements of src/**: no folder imports a
 * folder of its own layer or above (so there is no cycle between folders), and an `_internal` folder is
 * used only where the rule below allows. The checker itself is tested on a graph with a cycle.
 *
 * And the tests' side of it: a test of public behaviour imports the package by its public names
 * (`mentor-match`, `mentor-match/matching`, `/csv`, `/testing`, `/monitoring`, which vitest.config.ts maps
 * to the source entries) or runs the CLI through `runCli`; a test that reaches inside src/ is an internal
 * unit test and says so in its name (`*.internal.test.ts`, `*.internal.prop.test.ts`, helpers
 * `*.internal.ts`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(__dirname, "..", "src");
const ROOT = join(__dirname, "..");

/**
 * The layer of each part of src/, lowest first (docs/architecture.md draws the same). A part may import
 * only parts of a lower layer; the files at the top of src/ are parts of their own.
 */
const LAYERS: Readonly<Record<string, number>> = {
  "errors.ts": 0,
  "language.ts": 0,
  _internal: 0.25,
  "errorCatalog.ts": 0.5,
  matching: 1,
  metrics: 2,
  questionnaire: 2,
  csv: 2.5,
  rematch: 2.75,
  report: 3,
  scoring: 3,
  monitoring: 4,
  testing: 4,
  cli: 5,
  entries: 4.5,
  "index.ts": 5,
};

/**
 * Who may import an `_internal` folder besides its own folder: `matching/_internal` holds the normalised
 * instance and what every result needs (its summary, the stability scan, rank indexes), which the public
 * metrics (thin wrappers) and the research kit's checkers read; `questionnaire/_internal` holds the
 * formula parser, which the formula criterion of scoring compiles with.
 */
const INTERNAL_READERS: Readonly<Record<string, readonly string[]>> = {
  "matching/_internal": ["metrics", "testing"],
  "questionnaire/_internal": ["scoring"],
  // The CSV reader's value profiles and text helpers: shared with the CLI's `init` plan and the monitoring
  // readers, which read the same exports.
  "csv/_internal": ["cli", "monitoring"],
  // The monitoring texts: the CLI's monitor messages use them.
  "monitoring/_internal": ["cli"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Every relative module a file imports or re-exports (static, type-only and dynamic), as src-relative paths. */
function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/gms),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/^\s*import\s+["']([^"']+)["']/gm),
  ].map((m) => m[1]!);
  return specs
    .filter((s) => s.startsWith("."))
    .map((s) => relative(SRC, normalize(join(dirname(file), s))).replaceAll("\\", "/"));
}

/** The part of src/ a src-relative path belongs to: its first folder, or the file itself at the top. */
const partOf = (path: string): string => {
  const slash = path.indexOf("/");
  return slash === -1 ? path.replace(/\.js$/, ".ts") : path.slice(0, slash);
};

/** The `_internal` folder a path is in (`matching/_internal`), or null. */
const internalOf = (path: string): string | null => {
  const at = path.indexOf("/_internal/");
  return at === -1 ? null : path.slice(0, at + "/_internal".length);
};

interface Edge {
  readonly from: string;
  readonly to: string;
}

const edges: Edge[] = sourceFiles(SRC).flatMap((file) => {
  const from = relative(SRC, file).replaceAll("\\", "/");
  return importsOf(file).map((to) => ({ from, to }));
});

/** A cycle in a graph of parts, as a list of parts, or null. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 1);
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) return [...path.slice(path.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found !== null) return found;
      }
    }
    path.pop();
    state.set(node, 2);
    return null;
  };
  for (const node of graph.keys()) {
    if (state.get(node) !== undefined) continue;
    const found = visit(node);
    if (found !== null) return found;
  }
  return null;
}

describe("architecture: the layers of docs/architecture.md", () => {
  it("reads a real import graph (the checker is not looking at nothing)", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: "matching/match.ts", to: "matching/deferredAcceptance.js" });
    expect(edges).toContainEqual({ from: "metrics/isStable.ts", to: "matching/_internal/stability.js" });
  });

  it("every part of src/ has a layer", () => {
    const parts = new Set(edges.flatMap((e) => [partOf(e.from), partOf(e.to)]));
    expect([...parts].filter((p) => LAYERS[p] === undefined)).toEqual([]);
  });

  it("no part imports a part of its own layer or above", () => {
    const upward = edges
      .filter((e) => partOf(e.from) !== partOf(e.to))
      .filter((e) => LAYERS[partOf(e.to)]! >= LAYERS[partOf(e.from)]!)
      .map((e) => `${e.from} → ${e.to}`);
    expect(upward).toEqual([]);
  });

  it("there is no import cycle between folders", () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      const a = partOf(e.from);
      const b = partOf(e.to);
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    expect(findCycle(graph)).toBeNull();
    // The checker finds a cycle where there is one (matching → metrics → matching, as it was).
    const before = new Map(graph);
    before.set("matching", new Set([...(graph.get("matching") ?? []), "metrics"]));
    expect(findCycle(before)).not.toBeNull();
  });

  it("an _internal folder is used by its own folder and the readers named above only", () => {
    const outside = edges
      .filter((e) => {
        const internal = internalOf(e.to);
        if (internal === null) return false;
        const owner = internal.slice(0, -"/_internal".length);
        if (e.from.startsWith(`${owner}/`)) return false;
        return !(INTERNAL_READERS[internal] ?? []).includes(partOf(e.from));
      })
      .map((e) => `${e.from} → ${e.to}`);
    expect(outside).toEqual([]);
  });

  it("pooled rank tables are given back by one helper only (withInstance, in a finally)", () => {
    const callers = sourceFiles(SRC)
      .filter((f) => /releaseRankIndexes\(inst\)/.test(readFileSync(f, "utf8")))
      .map((f) => relative(SRC, f).replaceAll("\\", "/"));
    expect(callers).toEqual(["matching/_internal/withInstance.ts"]);
    const helper = readFileSync(join(SRC, "matching/_internal/withInstance.ts"), "utf8");
    expect(helper).toMatch(/finally\s*\{\s*releaseRankIndexes\(inst\);/);
  });

  it("an instance is normalised through withInstance only (validate, run, give the pooled tables back)", () => {
    const code = (f: string) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((l) => !/^\s*(\*|\/\/|\/\*\*)/.test(l))
        .join("\n");
    const callers = sourceFiles(SRC)
      .filter((f) => /\bnormalizeInstance\(/.test(code(f)))
      .map((f) => relative(SRC, f).replaceAll("\\", "/"))
      .filter((f) => f !== "matching/_internal/instance.ts");
    expect(callers).toEqual(["matching/_internal/withInstance.ts"]);
  });

  it("module-level mutable state in matching/ is there only with a benchmark figure beside it", () => {
    // A top-level `let`, a typed array made at import time or an array filled later needs a measured
    // figure (… ms) in the comment just above it: progress.ts's listener of the current call and scratch.ts's
    // pool of work memory (the solver's and the result's work arrays, the copy of number[][] scores, the
    // dense rank tables).
    const state: string[] = [];
    for (const f of sourceFiles(join(SRC, "matching"))) {
      const lines = readFileSync(f, "utf8").split("\n");
      lines.forEach((line, k) => {
        if (!/^(let\s|(export\s+)?const\s+\w+\s*(:[^=]+)?=\s*(new\s+\w*Array\(|\[\]))/.test(line)) return;
        const above = lines.slice(Math.max(0, k - 10), k).join("\n");
        const figure = /\d[\d,.]*\s*ms\b/.test(above);
        state.push(`${relative(SRC, f)}:${k + 1} ${figure ? "with" : "WITHOUT"} a figure`);
      });
    }
    expect(state.sort()).toEqual([
      expect.stringMatching(/^matching\/_internal\/progress\.ts:\d+ with a figure$/),
      expect.stringMatching(/^matching\/_internal\/scratch\.ts:\d+ with a figure$/),
    ]);
  });

  it("no file in src/ is over 500 lines, but for the data tables", () => {
    // questionnaire/_internal/presetData.ts (the preset questions) and errorCatalog.ts (a text per error
    // code) are data tables.
    const allowed = new Set(["questionnaire/_internal/presetData.ts", "errorCatalog.ts"]);
    const long = sourceFiles(SRC)
      .map((f) => ({
        file: relative(SRC, f).replaceAll("\\", "/"),
        lines: readFileSync(f, "utf8").split("\n").length,
      }))
      .filter((f) => f.lines > 501 && !allowed.has(f.file))
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });
});

/**
 * The faults of one language type in a source text: an inline union of "ru" and "en" (either order, either
 * quote), another type alias of the languages (`type X = Language`, `type Lang = …`), an import renaming
 * `Language`, or a parameter or option named `lang` (the name is `language`; commander's `opts.lang`, the
 * value of the CLI's `--lang` flag, is the one exception).
 */
function languageFaults(text: string): string[] {
  const faults: string[] = [];
  const rules: [RegExp, string][] = [
    [/["'`](?:ru|en)["'`]\s*\|\s*["'`](?:ru|en)["'`]/, "an inline language union"],
    [/\btype\s+\w+\s*=\s*Language\b/, "an alias of Language"],
    [/\btype\s+(?!Language\b)\w*Lang\w*\s*=/, "another language type"],
    [/\bLanguage\s+as\s+\w+/, "Language imported under another name"],
    [/(?<![.\w$-])lang\??\s*:(?!\s*string\s*\})/, "a parameter or option named lang"],
  ];
  for (const line of text.split("\n")) {
    for (const [re, what] of rules) if (re.test(line)) faults.push(`${what}: ${line.trim()}`);
  }
  return faults;
}

describe("one language type (src/language.ts)", () => {
  const own = join(__dirname, "architecture.test.ts");
  const files = ["src", "test", "bench", "scripts"]
    .flatMap((d) => sourceFiles(join(ROOT, d)))
    .filter((f) => f !== join(SRC, "language.ts") && f !== own);

  it("is defined once, and nothing else names the languages", () => {
    expect(readFileSync(join(SRC, "language.ts"), "utf8")).toMatch(/export type Language = "ru" \| "en";/);
    expect(files.length).toBeGreaterThan(300);
    const faults = files.flatMap((f) =>
      languageFaults(readFileSync(f, "utf8")).map((x) => `${relative(ROOT, f)}: ${x}`),
    );
    expect(faults).toEqual([]);
  });

  it("the check finds each fault the code had", () => {
    const q = (a: string, b: string) => `"${a}" | "${b}"`;
    expect(languageFaults(`export type Lang = ${q("ru", "en")};`)).toHaveLength(2);
    expect(languageFaults(`readonly language?: ${q("en", "ru")};`)).toHaveLength(1);
    expect(languageFaults("export type ErrorLanguage = Language;")).toHaveLength(2);
    expect(languageFaults("export type MonitorLang = Language;")).toHaveLength(2);
    expect(languageFaults("import { type Language as L } from './language.js';")).toHaveLength(1);
    expect(languageFaults("function words(lang: Language): Words {")).toHaveLength(1);
    expect(languageFaults("options: { readonly lang?: Language } = {}")).toHaveLength(1);
    // What is allowed: the one name, and the CLI flag's value as commander gives it.
    expect(languageFaults("function words(language: Language): Words {")).toEqual([]);
    expect(
      languageFaults("const languageOf = (opts: { lang?: string }): Language => pick(opts.lang);"),
    ).toEqual([]);
  });
});

const TEST = __dirname;

/**
 * What a test of public behaviour may import from src/ by a relative path: the CLI's entry, `runCli(argv,
 * io)`, which the executable (src/cli/main.ts) runs with the process's arguments and streams.
 */
const TEST_ENTRY_PATHS: readonly string[] = ["cli/run.js"];

/** The name of a test (or a test helper) that may reach inside src/. */
const INTERNAL_TEST = /\.internal(\.prop)?\.test\.ts$|\.internal\.ts$/;

/** The src/ paths a file under test/ imports by a relative path, beside the CLI's entry. */
function deepImportsOf(file: string, text?: string): string[] {
  return importsOf(file, text)
    .filter((p) => !p.startsWith("../"))
    .filter((p) => !TEST_ENTRY_PATHS.includes(p));
}

describe("architecture: tests go through the public entry points", () => {
  const files = sourceFiles(TEST).map((f) => ({ file: relative(TEST, f).replaceAll("\\", "/"), path: f }));

  it("reads the tests (the checker is not looking at nothing)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(deepImportsOf(join(TEST, "matching/withInstance.internal.test.ts"))).toContain(
      "matching/_internal/withInstance.js",
    );
  });

  it("no test of public behaviour imports a src/ path; an internal test names itself so", () => {
    const deep = files
      .filter((f) => !INTERNAL_TEST.test(f.file))
      .flatMap((f) => deepImportsOf(f.path).map((to) => `${f.file} → src/${to}`));
    expect(deep).toEqual([]);
  });

  it("a test named internal does reach inside src/ (else it is a public test: rename it)", () => {
    const named = files.filter((f) => INTERNAL_TEST.test(f.file));
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((f) => deepImportsOf(f.path).length === 0).map((f) => f.file)).toEqual([]);
  });

  it("the rule catches a deep import, whatever its form, and lets the public names and runCli through", () => {
    const at = join(TEST, "matching/example.test.ts");
    expect(deepImportsOf(at, 'import { match } from "../../src/matching/match.js";')).toEqual([
      "matching/match.js",
    ]);
    expect(
      deepImportsOf(at, 'import type {\n  Instance,\n} from "../../src/matching/_internal/instance.js";'),
    ).toEqual(["matching/_internal/instance.js"]);
    expect(deepImportsOf(at, 'const m = await import("../../src/index.js");')).toEqual(["index.js"]);
    expect(
      deepImportsOf(
        at,
        'import { match } from "mentor-match";\nimport { runCli } from "../../src/cli/run.js";',
      ),
    ).toEqual([]);
    expect(deepImportsOf(at, 'import { smallInstance } from "../metrics/_instances.js";')).toEqual([]);
  });
});

describe("one spelling of program", () => {
  /** Every text file of ours under a folder (not the third-party survey exports in fixtures/corpus). */
  function textFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|md|json|csv|mjs|html)$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .filter((f) => !relative(ROOT, f).replaceAll("\\", "/").startsWith("fixtures/corpus/"));
  }

  it('code, tests, docs and our fixtures say "program" (as the API does: Program, parseProgram), never the British spelling', () => {
    const files = ["src", "test", "docs", "scripts", "bench", "fixtures"]
      .flatMap((d) => textFiles(join(ROOT, d)))
      .concat(["README.md", "package.json"].map((f) => join(ROOT, f)));
    expect(files.length).toBeGreaterThan(300);
    // The word is assembled so that this file passes its own check.
    const british = new RegExp(`program${"me"}`, "i");
    const found = files.filter(
      (f) => british.test(relative(ROOT, f)) || british.test(readFileSync(f, "utf8")),
    );
    expect(found.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
