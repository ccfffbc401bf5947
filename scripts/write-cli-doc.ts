/**
 * Refreshes the session shown in docs/cli.md with the command line's real output.
 *
 * The page is a session on the bundled example, in order: each fenced block whose first line is
 * `$ mentor-match …` is run (in one temporary folder holding fixtures/demo/mentors.csv,
 * fixtures/demo/mentees.csv, fixtures/docs/mentees-with-mistakes.csv and the Yandex Forms .xlsx exports of
 * fixtures/corpus/xlsx) and gets what the command printed,
 * stderr and stdout in the order written, and its exit code; a block right after a line
 * `<!-- output: PATH, first N lines -->` gets the first N lines of the file the session wrote there.
 * Everything else on the page is left as it is. Deterministic: same files, same seeds, relative paths.
 *
 * Run: `npx tsx scripts/write-cli-doc.ts` (rewrites docs/cli.md); test/cli/doc.test.ts checks that the
 * page holds the output of this script.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { renderSessionDoc } from "./_docSession.js";

export const CLI_DOC_PATH = fileURLToPath(new URL("../docs/cli.md", import.meta.url));

const FIXTURES = [
  ["fixtures/demo/mentors.csv", "mentors.csv"],
  ["fixtures/demo/mentees.csv", "mentees.csv"],
  ["fixtures/docs/mentees-with-mistakes.csv", "mentees-with-mistakes.csv"],
  ["fixtures/corpus/xlsx/yandex-mentors.xlsx", "yandex-mentors.xlsx"],
  ["fixtures/corpus/xlsx/yandex-mentees.xlsx", "yandex-mentees.xlsx"],
] as const;

/**
 * Renders docs/cli.md from its current text: every session block and file excerpt refreshed
 * (scripts/_docSession.ts).
 *
 * @param doc - the page as it is.
 * @returns the page with the real output.
 */
export async function renderCliDoc(doc: string): Promise<string> {
  return renderSessionDoc(doc, FIXTURES, "mentor-match-doc-");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = readFileSync(CLI_DOC_PATH, "utf8");
  writeFileSync(CLI_DOC_PATH, await renderCliDoc(doc));
  console.log("wrote docs/cli.md");
}
