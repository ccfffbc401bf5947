import { defineConfig } from "tsup";

// Library entry points are built as ESM + CJS with declarations; the CLI is one ESM file with a shebang.
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      "testing/index": "src/testing/index.ts",
      "monitoring/index": "src/monitoring/index.ts",
    },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    splitting: true,
    treeshake: true,
    // lodash-es ships ESM only: bundle the few functions we use so the CJS build has no ESM import.
    noExternal: ["lodash-es"],
  },
  {
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: ["lodash-es"],
  },
]);
