/**
 * Refreshes the worked session in docs/rematch.md with the command line's real output.
 *
 * As scripts/write-cli-doc.ts: each fenced block whose first line is `$ mentor-match …` is run in one
 * temporary folder (holding the demo's September questionnaires and program, and fixtures/rematch's
 * November questionnaires and ended.csv) and gets what the command printed and its exit code; a block right
 * after `<!-- output: PATH, first N lines -->` gets the first N lines of that file, and one after
 * `<!-- output: PATH, from "TEXT" -->` the file from the line starting with TEXT to its end.
 *
 * Run: `npx tsx scripts/write-rematch-doc.ts` (rewrites docs/rematch.md); test/rematch/doc.test.ts checks
 * that the page holds the output of this script.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { renderSessionDoc } from "./_docSession.js";

export const REMATCH_DOC_PATH = fileURLToPath(new URL("../docs/rematch.md", import.meta.url));

const FIXTURES = [
  ["fixtures/demo/mentors.csv", "mentors.csv"],
  ["fixtures/demo/mentees.csv", "mentees.csv"],
  ["fixtures/demo/program.json", "program.json"],
  ["fixtures/rematch/mentors-november.csv", "mentors-november.csv"],
  ["fixtures/rematch/mentees-november.csv", "mentees-november.csv"],
  ["fixtures/rematch/ended.csv", "ended.csv"],
] as const;

/**
 * Renders docs/rematch.md from its current text: every session block and file excerpt refreshed
 * (scripts/_docSession.ts).
 *
 * @param doc - the page as it is.
 * @returns the page with the real output.
 */
export async function renderRematchDoc(doc: string): Promise<string> {
  return renderSessionDoc(doc, FIXTURES, "mentor-match-rematch-doc-");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = readFileSync(REMATCH_DOC_PATH, "utf8");
  writeFileSync(REMATCH_DOC_PATH, await renderRematchDoc(doc));
  console.log("wrote docs/rematch.md");
}
