/** docs/forms.md lists every preset's questions as the presets define them (scripts/write-forms-doc.ts). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FORMS_DOC_PATH, renderFormsDoc } from "../../scripts/write-forms-doc.js";

describe("docs/forms.md", () => {
  it("holds the questions of every preset (refresh: npx tsx scripts/write-forms-doc.ts)", () => {
    const doc = readFileSync(FORMS_DOC_PATH, "utf8");
    expect(doc).toContain("### employer-college-student");
    expect(renderFormsDoc(doc)).toBe(doc);
  });
});
