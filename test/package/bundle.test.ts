/**
 * What a user's bundler makes of the package: the core import stays small (≤ 40 KB minified), and the
 * matching, metrics and testing layers bring in none of zod, mathjs, iconv-lite or the CSV parsers.
 */
import { describe, expect, it } from "vitest";
import { bundleAsUser } from "./_bundle.js";

/** The limit of `import { deferredAcceptance } from "mentor-match"`, bundled and minified. */
const CORE_LIMIT = 40 * 1024;

const HEAVY = /node_modules\/(zod|mathjs|iconv-lite|csv-parse|csv-stringify|exceljs|commander)\//;

describe("the package in a user's bundle (esbuild, browser, minified)", () => {
  it(`import { deferredAcceptance } from "mentor-match" is at most ${CORE_LIMIT / 1024} KB, none of it from a dependency`, async () => {
    const b = await bundleAsUser(
      'import { deferredAcceptance } from "mentor-match";\nconsole.log(deferredAcceptance({ scores: [[1]] }).mentorOf);\n',
    );
    expect(b.inputs.filter((p) => p.startsWith("node_modules/"))).toEqual([]);
    expect(b.inputs.some((p) => p.includes("dist/matching/deferredAcceptance.js"))).toBe(true);
    expect(b.bytes).toBeLessThanOrEqual(CORE_LIMIT);
  });

  it("all of mentor-match/matching (matching and metrics) imports no dependency", async () => {
    const b = await bundleAsUser('import * as m from "mentor-match/matching";\nconsole.log(m);\n');
    expect(b.inputs.filter((p) => p.startsWith("node_modules/"))).toEqual([]);
    expect(b.inputs.some((p) => p.includes("dist/metrics/compareStrategies.js"))).toBe(true);
  });

  it("mentor-match/testing brings fast-check, and zod only with the program arbitrary", async () => {
    const b = await bundleAsUser('import * as t from "mentor-match/testing";\nconsole.log(t);\n');
    const heavy = b.inputs.filter((p) => HEAVY.test(p) && !p.startsWith("node_modules/zod/"));
    expect(heavy).toEqual([]);
    const noPrograms = await bundleAsUser(
      'import { matchingInstance, isValidMatching } from "mentor-match/testing";\nconsole.log(matchingInstance, isValidMatching);\n',
    );
    expect(noPrograms.inputs.filter((p) => HEAVY.test(p))).toEqual([]);
  });

  it("mathjs is bundled only with loadFormulaSupport, and iconv-lite never", async () => {
    const b = await bundleAsUser(
      'import { preset, scoreParticipants, match, readCsv } from "mentor-match";\nconsole.log(preset, scoreParticipants, match, readCsv);\n',
    );
    expect(b.inputs.filter((p) => /node_modules\/(mathjs|iconv-lite)\//.test(p))).toEqual([]);
    const withFormulas = await bundleAsUser(
      'import { loadFormulaSupport } from "mentor-match";\nawait loadFormulaSupport();\n',
    );
    expect(withFormulas.inputs.some((p) => p.startsWith("node_modules/mathjs/"))).toBe(true);
  });
});
