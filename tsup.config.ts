import { defineConfig } from "tsup";

// The package is built file by file (no bundling), so that a user's bundler sees our modules as they are
// in src/ and, with `sideEffects: false`, keeps only what is imported: `import { deferredAcceptance }`
// pulls in the matching layer and nothing of zod, mathjs, csv-parse or the report.
//
// - dist/**.js      ESM, one file per source file (the library, its subpath entries and the CLI);
// - dist/cjs/**.js  CommonJS, one file per source file, under a package.json of "type": "commonjs";
// - dist/**.d.ts, dist/cjs/**.d.ts   declarations written by tsc (scripts/write-declarations.mjs),
//                   one per source file, with stable names (dist/matching/types.d.ts …).
// - dist/node/**.js  the library's five entries once more, for Node's `import` only (the "node" condition
//                   of package.json `exports`): one ES module per entry with shared chunks (so an error
//                   class is one class across subpaths), with zod, csv-parse, csv-stringify and lodash-es's
//                   mergeWith inlined. Node pays per module it loads: `await import("mentor-match")` loaded
//                   324 files (116 of ours, 96 of lodash-es) in 212 ms (wall, quiet machine); bundled with
//                   zod and the csv packages still outside, 120 files and 130–150 ms; with them inside, one
//                   file and 60–75 ms. The inlined zod is a second copy beside the user's: zod 4 answers
//                   `instanceof` by traits, not by class, so our exported schemas compose with the user's
//                   zod (test/package/node.test.ts checks it). mathjs, iconv-lite and exceljs stay outside
//                   (loaded only when a formula, a legacy encoding or a workbook needs them), and so does
//                   fast-check: arbitraries must come from the user's own copy. Bundlers keep the
//                   file-by-file build above (they do not set "node" for the browser), where
//                   `sideEffects: false` drops whole unused files.
// No source maps are shipped: the output is plain, readable JavaScript next to the declarations.
// `npm run build` empties dist/ first (tsup does not: its two builds run at once, into one folder).
const library = ["src/**/*.ts", "!src/**/*.d.ts", "!src/cli/**"];

export default defineConfig([
  {
    entry: ["src/**/*.ts", "!src/**/*.d.ts"],
    format: ["esm"],
    bundle: false,
    outDir: "dist",
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node20",
  },
  {
    entry: {
      index: "src/index.ts",
      "entries/matching": "src/entries/matching.ts",
      "entries/csv": "src/entries/csv.ts",
      "testing/index": "src/testing/index.ts",
      "monitoring/index": "src/monitoring/index.ts",
    },
    format: ["esm"],
    bundle: true,
    splitting: true,
    platform: "node",
    noExternal: ["lodash-es", "zod", "csv-parse", "csv-stringify"],
    outDir: "dist/node",
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node20",
  },
  {
    entry: library,
    format: ["cjs"],
    bundle: false,
    outDir: "dist/cjs",
    outExtension: () => ({ js: ".js" }),
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node20",
  },
]);
