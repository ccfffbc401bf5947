/**
 * Refreshes the worked session in docs/rematch.md with the command line's real output.
 *
 * As scripts/write-cli-doc.ts: each fenced block whose first line is `$ mentor-match …` is run in one
 * temporary folder (holding the demo's September questionnaires and programme, and fixtures/rematch's
 * November questionnaires and ended.csv) and gets what the command printed and its exit code; a block right
 * after `<!-- output: PATH, first N lines -->` gets the first N lines of that file, and one after
 * `<!-- output: PATH, from "TEXT" -->` the file from the line starting with TEXT to its end.
 *
 * Run: `npx tsx scripts/write-rematch-doc.ts` (rewrites docs/rematch.md); test/rematch/doc.test.ts checks
 * that the page holds the output of this script.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { runCli } from "../src/cli/run.js";

export const REMATCH_DOC_PATH = fileURLToPath(new URL("../docs/rematch.md", import.meta.url));

const FIXTURES = [
  ["fixtures/demo/mentors.csv", "mentors.csv"],
  ["fixtures/demo/mentees.csv", "mentees.csv"],
  ["fixtures/demo/programme.json", "programme.json"],
  ["fixtures/rematch/mentors-november.csv", "mentors-november.csv"],
  ["fixtures/rematch/mentees-november.csv", "mentees-november.csv"],
  ["fixtures/rematch/ended.csv", "ended.csv"],
] as const;

const FIRST_LINES = /^<!-- output: (\S+), first (\d+) lines -->$/;
const FROM_LINE = /^<!-- output: (\S+), from "([^"]+)" -->$/;

function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2]!);
  return out;
}

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
 * Renders docs/rematch.md from its current text: every session block and file excerpt refreshed.
 *
 * @param doc - the page as it is.
 * @returns the page with the real output.
 */
export async function renderRematchDoc(doc: string): Promise<string> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), "mentor-match-rematch-doc-"));
  try {
    for (const [from, to] of FIXTURES) copyFileSync(join(root, from), join(dir, to));
    const lines = doc.split("\n");
    const out: string[] = [];
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]!;
      out.push(line);
      if (!line.startsWith("```")) continue;
      let end = k + 1;
      while (end < lines.length && lines[end] !== "```") end++;
      const first = lines[k + 1] ?? "";
      const before = [lines[k - 2] ?? "", lines[k - 1] ?? ""];
      const head = before.map((l) => FIRST_LINES.exec(l)).find((m) => m !== null) ?? null;
      const from = before.map((l) => FROM_LINE.exec(l)).find((m) => m !== null) ?? null;
      const fileText = (path: string) =>
        readFileSync(join(dir, path), "utf8")
          .replace(/^\uFEFF/, "")
          .replace(/\r\n/g, "\n")
          .trimEnd()
          .split("\n");
      if (line.startsWith("```") && first.startsWith("$ mentor-match ")) {
        out.push(await session(dir, first));
      } else if (head !== null) {
        out.push(...fileText(head[1]!).slice(0, Number(head[2])));
      } else if (from !== null) {
        const text = fileText(from[1]!);
        const at = text.findIndex((l) => l.startsWith(from[2]!));
        out.push(...(at < 0 ? [`(no line starting with "${from[2]}")`] : text.slice(at)));
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
  const doc = readFileSync(REMATCH_DOC_PATH, "utf8");
  writeFileSync(REMATCH_DOC_PATH, await renderRematchDoc(doc));
  console.log("wrote docs/rematch.md");
}
