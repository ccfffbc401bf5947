/**
 * Escaping by construction: hostile strings in every input-derived field of the report model (names, ids,
 * tags, criterion labels, reasons, the form, warnings, excluded entries) never become markup in report.html
 * or report.md. And a very large run renders (no spread of the data into a call), summarised beyond the
 * documented row limit.
 */
import { buildReportModel, type ReportInput, renderHtmlReport, renderMarkdownReport } from "mentor-match";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resultFromMentorOf } from "mentor-match/testing";
import { fuzzRuns } from "../fuzz/_harness.js";
import { reportInput, scores } from "./_fixture.js";

const HOSTILE = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[click](javascript:alert(1))",
  "![x](http://evil.example/x.png)",
  "<a href='javascript:alert(1)'>x</a>",
  "**bold** _it_ `code` ~~s~~",
  "| col | break |\n| --- |",
  "line\nbreak\r\n# heading",
  "&lt;already&gt; &amp;",
  "<!-- comment -->",
  "</td></tr></table><script>x</script>",
  "\u2028<svg onload=alert(1)>",
  "\\<script\\>",
];

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);

/** Markup that would run or link in a browser, or break out of a Markdown table. */
function checkHtml(html: string): void {
  expect(html).not.toMatch(/<script|<img|<svg [^>]*onload|<a href|<!-- comment|href="javascript/i);
}
function checkMarkdown(md: string): void {
  // No raw angle bracket at all: every "<" from the input is &lt;.
  expect(md).not.toMatch(/</);
  // No link or image syntax: "[" and "]" from the input are escaped.
  expect(md).not.toMatch(/(^|[^\\])\]\(/m);
  // Every table row has the header's number of cells (no "|" from the input splits a cell).
  const lines = md.split("\n");
  for (let k = 0; k < lines.length; k++) {
    if (!/^\|---/.test(lines[k]!)) continue;
    const cols = lines[k]!.split("|").length;
    for (let r = k + 1; r < lines.length && lines[r]!.startsWith("|"); r++) {
      expect(lines[r]!.replace(/\\\|/g, "").split("|").length, lines[r]).toBe(cols);
    }
  }
}

describe("report escaping by construction", () => {
  it("hostile strings in every field of the model never become markup", () => {
    fc.assert(
      fc.property(
        fc.record({
          names: fc.array(hostile, { minLength: 11, maxLength: 11 }),
          ids: fc.array(hostile, { minLength: 11, maxLength: 11 }),
          label: hostile,
          reason: hostile,
          form: hostile,
          warning: hostile,
          excludedId: hostile,
          note: hostile,
          tag: hostile,
        }),
        (h) => {
          const base = reportInput();
          const inst = {
            scores,
            capacities: [2, 1, 2, 1],
            menteeTags: [[h.tag], [], [], [], [], [], []],
          };
          const input: ReportInput = {
            ...base,
            form: h.form,
            result: resultFromMentorOf(inst, Int32Array.from([0, 0, 2, 2, 1, -1, -1]), "stable"),
            mentees: base.mentees.map((_m, k) => ({ id: `${h.ids[k]}${k}`, name: h.names[k]! })),
            mentors: base.mentors.map((m, k) => ({ ...m, id: `${h.ids[7 + k]}${k}`, name: h.names[7 + k]! })),
            explain: () => [{ label: { ru: h.label, en: h.label }, contribution: 0.5 }],
            excluded: [
              { id: h.excludedId, role: "mentee", reason: h.reason, note: { ru: h.note, en: h.note } },
              { id: "S99", role: "mentor", reason: "no-consent" },
            ],
            warnings: [h.warning],
          };
          const model = buildReportModel(input);
          for (const language of ["ru", "en"] as const) {
            checkHtml(renderHtmlReport(model, { language }));
            checkMarkdown(renderMarkdownReport(model, { language }));
          }
        },
      ),
      { numRuns: fuzzRuns(60) },
    );
  });
});

/** Rows listed per section of the reports before the rest is summarised (report/_internal/limits.ts). */
const REPORT_ROW_LIMIT = 2000;

describe("very large runs", () => {
  it("150,000 mentees render in both reports, summarised beyond the row limit", () => {
    // The result's groups and unmatched are made directly (building a result's metrics for 150,000
    // mentees is the matching layer's cost, not the report's): 2 mentors, 100,000 pairs, 50,000 unmatched.
    const n = 150_000;
    const small = resultFromMentorOf(
      { scores: [[0.5, 0.5]], capacities: [1, 1] },
      Int32Array.from([0]),
      "greedy",
    );
    const menteesOf = [[] as number[], [] as number[]];
    for (let i = 0; i < 100_000; i++) menteesOf[i % 2]!.push(i);
    const result = {
      ...small,
      groups: menteesOf.map((mentees, mentor) => ({ mentor, mentees })),
      unmatched: Array.from({ length: n - 100_000 }, (_, k) => ({
        mentee: 100_000 + k,
        reason: "mentors-full" as const,
        closest: [0, 1],
      })),
      metrics: { ...small.metrics, matched: 100_000 },
    };
    const model = buildReportModel({
      form: "student-student",
      mentees: Array.from({ length: n }, (_, i) => ({ id: `S${i}`, name: `<b>${i}</b>` })),
      mentors: [
        { id: "M0", capacity: 50_000 },
        { id: "M1", capacity: 50_000 },
      ],
      result,
      score: (i, j) => ((i * 7919 + j) % 1000) / 1000,
      excluded: Array.from({ length: 30_000 }, (_, i) => ({
        id: `X${i}`,
        role: "mentee" as const,
        reason: "no-consent",
      })),
      warnings: Array.from({ length: 20_000 }, (_, i) => `row ${i}`),
      seed: 0,
    });
    for (const language of ["ru", "en"] as const) {
      const md = renderMarkdownReport(model, { language });
      const html = renderHtmlReport(model, { language });
      expect(md.length).toBeLessThan(3_000_000);
      expect(html.length).toBeLessThan(5_000_000);
      expect(md).toContain(
        language === "en" ? `and ${100_000 - REPORT_ROW_LIMIT} more` : `и ещё ${100_000 - REPORT_ROW_LIMIT}`,
      );
      expect(html).toContain(
        language === "en" ? `and ${50_000 - REPORT_ROW_LIMIT} more` : `и ещё ${50_000 - REPORT_ROW_LIMIT}`,
      );
      expect(md).toContain(
        language === "en" ? `and ${30_000 - REPORT_ROW_LIMIT} more` : `и ещё ${30_000 - REPORT_ROW_LIMIT}`,
      );
    }
  }, 60_000);
});
