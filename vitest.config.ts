import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the package by its public names, as a user's project would.
    alias: [
      { find: /^mentor-match\/testing$/, replacement: src("testing/index.ts") },
      { find: /^mentor-match\/matching$/, replacement: src("entries/matching.ts") },
      { find: /^mentor-match\/csv$/, replacement: src("entries/csv.ts") },
      { find: /^mentor-match\/monitoring$/, replacement: src("monitoring/index.ts") },
      { find: /^mentor-match$/, replacement: src("index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/_setup.ts"],
    // Says which real-browser checks were skipped, and why, when no Chromium is found (test/_browser.ts).
    globalSetup: ["test/_globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
