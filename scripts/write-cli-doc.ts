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
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runCli } from "../src/cli/run.js";

export const CLI_DOC_PATH = fileURLToPath(new URL("../docs/cli.md", import.meta.url));

const FIXTURES = [
  ["fixtures/demo/mentors.csv", "mentors.csv"],
  ["fixtures/demo/mentees.csv", "mentees.csv"],
  ["fixtures/docs/mentees-with-mistakes.csv", "mentees-with-mistakes.csv"],
  ["fixtures/corpus/xlsx/yandex-mentors.xlsx", "yandex-mentors.xlsx"],
  ["fixtures/corpus/xlsx/yandex-mentees.xlsx", "yandex-mentees.xlsx"],
] as const;

const OUTPUT_MARK = /^<!-- output: (\S+), first (\d+) lines -->$/;

/** Splits a command line as the page writes it (words, and "quoted words"). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2]!);
  return out;
}

/** Runs one command in `dir` and returns the block's text: the command, what it printed, its exit code. */
async function session(dir: string, command: string): Promise<string> {
  const argv = words(command.slice("$ mentor-match ".length));
  const printed: string[] = [];
  const code = await runCli(argv, {
    stdout: (t) => printed.push(t),
    stderr: (t) => printed.push(t),
    env: {},
    cwd: dir,
    stderrIsTTY: false,
  });
  const text = printed.join("").replace(/\n+$/, "");
  return `${command}\n${text === "" ? "" : `${text}\n`}(exit code ${code})`;
}

/**
 * Renders docs/cli.md from its current text: every session block and file excerpt refreshed.
 *
 * @param doc - the page as it is.
 * @returns the page with the real output.
 */
export async function renderCliDoc(doc: string): Promise<string> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "mentor-match-doc-"));
  try {
    for (const [from, to] of FIXTURES) copyFileSync(join(root, from), join(dir, to));
    const lines = doc.split("\n");
    const out: string[] = [];
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]!;
      out.push(line);
      // An opening fence, with or without an info string (```json); its block ends at the next bare fence.
      if (!line.startsWith("```")) continue;
      // A fenced block: find its end.
      let end = k + 1;
      while (end < lines.length && lines[end] !== "```") end++;
      const first = lines[k + 1] ?? "";
      const mark = OUTPUT_MARK.exec(lines[k - 2] ?? "") ?? OUTPUT_MARK.exec(lines[k - 1] ?? "");
      if (line === "```" && first.startsWith("$ mentor-match ")) {
        out.push(await session(dir, first));
      } else if (line === "```" && mark !== null) {
        const text = readFileSync(join(dir, mark[1]!), "utf8").replace(/^\uFEFF/, "");
        out.push(...text.split(/\r?\n/).slice(0, Number(mark[2])));
      } else {
        out.push(...lines.slice(k + 1, end));
      }
      out.push("```");
      k = end;
    }
    return out.join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const doc = readFileSync(CLI_DOC_PATH, "utf8");
  writeFileSync(CLI_DOC_PATH, await renderCliDoc(doc));
  console.log("wrote docs/cli.md");
}
