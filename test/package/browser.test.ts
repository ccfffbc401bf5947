/**
 * The package in a web page, as a school system would ship it: a page script that imports "mentor-match"
 * is bundled by esbuild (as a user's bundler would, from the built package) and run in headless Chromium.
 * It matches a small instance, scores generated participants of a preset, loads formula support on
 * demand, and decodes a Windows-1251 and a UTF-16 export with the browser's own TextDecoder. Without a
 * browser the test is skipped with the reason (test/_browser.ts), and the run says so at its end.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateParticipants, match, preset, scoreParticipants } from "mentor-match";
import { chromiumOrSkip, headlessFlags } from "../_browser.js";
import { bundleAsUser } from "./_bundle.js";

const PAGE_SCRIPT = `
import { match, preset, scoreParticipants, generateParticipants, loadFormulaSupport, decodeText } from "mentor-match";
import { deferredAcceptance } from "mentor-match/matching";

async function run() {
  const out = {};
  // Rows are mentees, columns mentors.
  const scores = [[0.9, 0.1, 0.5], [0.8, 0.7, 0.2], [0.3, 0.6, 0.4], [0.2, 0.3, 0.9]];
  const stable = match({ scores }, { strategy: "stable" });
  out.stable = Array.from(stable.mentorOf);
  out.unmatched = stable.unmatched.map((u) => [u.mentee, u.reason]);
  out.optimal = Array.from(match({ scores, capacities: [2, 1, 1] }, { strategy: "optimal" }).mentorOf);
  out.da = Array.from(deferredAcceptance({ scores }).mentorOf);
  // A preset with a formula criterion: refused until formula support is loaded, then scored.
  try {
    preset("employer-college-student");
    out.beforeLoad = "parsed";
  } catch (e) {
    out.beforeLoad = e.code;
  }
  await loadFormulaSupport();
  for (const form of ["student-student", "employer-college-student"]) {
    const program = preset(form);
    const people = generateParticipants(program, { mentors: 4, mentees: 9, seed: 3 });
    const scored = scoreParticipants(program, people);
    const r = match(scored.instance, { strategy: "stable" });
    out[form] = Array.from(r.mentorOf).map((j, i) => [scored.mentees[i].id, j < 0 ? null : scored.mentors[j].id]);
  }
  // "Привет;Да" in Windows-1251, and "Да" in UTF-16LE with its mark.
  out.cp1251 = decodeText(new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x3b, 0xc4, 0xe0]));
  out.utf16 = decodeText(new Uint8Array([0xff, 0xfe, 0x14, 0x04, 0x30, 0x04]));
  out.hasBuffer = typeof globalThis.Buffer !== "undefined";
  return out;
}

run().then(
  (out) => { document.getElementById("out").textContent = JSON.stringify(out); },
  (e) => { document.getElementById("out").textContent = JSON.stringify({ error: String((e && e.stack) || e) }); },
);
`;

function pairsInNode(form: string): [string, string | null][] {
  const program = preset(form as "student-student");
  const scored = scoreParticipants(
    program,
    generateParticipants(program, { mentors: 4, mentees: 9, seed: 3 }),
  );
  const r = match(scored.instance, { strategy: "stable" });
  return Array.from(r.mentorOf).map((j, i) => [scored.mentees[i]!.id, j < 0 ? null : scored.mentors[j]!.id]);
}

describe("the package bundled into a web page, in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "mm-browser-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("matches, scores, loads formulas on demand and decodes exports", async (ctx) => {
    const chromium = chromiumOrSkip((note) => ctx.skip(note), "Running the package in a web page");
    if (chromium === undefined) return;
    const bundle = await bundleAsUser(PAGE_SCRIPT, "iife");
    expect(bundle.inputs.some((p) => p.startsWith("node_modules/iconv-lite/"))).toBe(false);
    const page = join(dir, "page.html");
    // A classic inline script: module scripts are not loaded from file:// pages.
    writeFileSync(
      page,
      `<!doctype html><meta charset="utf-8"><title>mentor-match</title><pre id="out">pending</pre><script>${bundle.code.replaceAll("</script", "<\\/script")}</script>`,
    );
    const dom = execFileSync(
      chromium,
      [...headlessFlags(join(dir, "profile")), "--virtual-time-budget=10000", "--dump-dom", `file://${page}`],
      { encoding: "utf8", timeout: 90_000, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 },
    );
    const text = /<pre id="out">([\s\S]*?)<\/pre>/.exec(dom)?.[1] ?? "";
    const json = text
      .replaceAll("&quot;", '"')
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
    const out = JSON.parse(json);
    expect(out.error).toBeUndefined();
    // Mentee-proposing deferred acceptance: mentee 1 loses mentor 0 to mentee 0 and takes mentor 1;
    // mentee 2 loses mentor 1 to mentee 1, mentor 2 to mentee 3, mentor 0 to mentee 0.
    expect(out.stable).toEqual([0, 1, -1, 2]);
    expect(out.unmatched).toEqual([[2, "mentors-full"]]);
    expect(out.da).toEqual([0, 1, -1, 2]);
    // Mentor 0 takes two: 0.9 + 0.8 + 0.6 + 0.9 = 3.2, the most any assignment reaches.
    expect(out.optimal).toEqual([0, 0, 1, 2]);
    expect(out.beforeLoad).toBe("FORMULA_UNAVAILABLE");
    expect(out["student-student"]).toEqual(pairsInNode("student-student"));
    expect(out["employer-college-student"]).toEqual(pairsInNode("employer-college-student"));
    expect(
      out["student-student"].filter(([, m]: [string, string | null]) => m !== null).length,
    ).toBeGreaterThan(0);
    expect(out.cp1251).toEqual({ text: "Привет;Да", encoding: "windows-1251" });
    expect(out.utf16).toEqual({ text: "Да", encoding: "utf-16le" });
    expect(out.hasBuffer).toBe(false);
  });
});
