/**
 * The error catalog covers every code in Russian and English, and docs/errors.md is what
 * scripts/write-errors-doc.ts renders from it.
 */
import { describeError, ERROR_CATALOG, ERROR_CODES } from "mentor-match";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderErrorsDoc } from "../../scripts/write-errors-doc.js";

const root = new URL("../../", import.meta.url);

/** The codes of the `ErrorCode` union, read from the source (the type itself is gone at run time). */
function codesInSource(): string[] {
  const source = readFileSync(new URL("src/errors.ts", root), "utf8");
  const union = source.slice(
    source.indexOf("export type ErrorCode"),
    source.indexOf(";", source.indexOf("export type ErrorCode")),
  );
  return [...union.matchAll(/\|\s*"([A-Z_]+)"/g)].map((m) => m[1]!);
}

describe("the error catalog", () => {
  it("describes exactly the codes of ErrorCode, in their order", () => {
    expect(ERROR_CODES).toEqual(codesInSource());
  });

  it.each(ERROR_CODES)("%s has a title, a meaning and what to do in Russian and English", (code) => {
    const { ru, en } = ERROR_CATALOG[code];
    for (const text of [ru.title, ru.what, ru.todo, en.title, en.what, en.todo])
      expect(text.trim()).not.toBe("");
    for (const text of [ru.title, ru.what, ru.todo]) expect(text).toMatch(/[а-яё]/i);
    for (const text of [en.title, en.what, en.todo]) expect(text).not.toMatch(/[а-яё]{4,}/i);
  });

  it("gives the description in the language asked, English by default", () => {
    expect(describeError("EMPTY_FILE", "ru")).toBe(ERROR_CATALOG.EMPTY_FILE.ru);
    expect(describeError("EMPTY_FILE")).toBe(ERROR_CATALOG.EMPTY_FILE.en);
  });

  it("falls back to INTERNAL for a code it does not know, prototype names included", () => {
    for (const code of ["NO_SUCH_CODE", "__proto__", "constructor", "toString"]) {
      expect(describeError(code as never, "en")).toBe(ERROR_CATALOG.INTERNAL.en);
    }
  });
});

describe("docs/errors.md", () => {
  it("is up to date with the catalog (run `npx tsx scripts/write-errors-doc.ts`)", () => {
    expect(readFileSync(new URL("docs/errors.md", root), "utf8")).toBe(renderErrorsDoc());
  });

  it("has a section for every code", () => {
    const doc = renderErrorsDoc();
    for (const code of ERROR_CODES) expect(doc).toContain(`\n## ${code}\n`);
  });
});
