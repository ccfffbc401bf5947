/**
 * The session runner of the pages that show a real command-line session (docs/cli.md by
 * scripts/write-cli-doc.ts, docs/rematch.md by scripts/write-rematch-doc.ts): one runner, so the pages
 * follow the same rules.
 *
 * In one temporary folder holding the page's fixtures, in page order: each fenced block whose first line
 * is `$ mentor-match …` is run and gets what the command printed (stderr and stdout in the order written)
 * and its exit code; a block right after `<!-- output: PATH, first N lines -->` gets the first N lines of
 * the file the session wrote there, and one after `<!-- output: PATH, from "TEXT" -->` that file from the
 * first line starting with TEXT to its end. Everything else on the page is left as it is. Deterministic:
 * same files, same seeds, relative paths, no environment.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/run.js";

const FIRST_LINES = /^<!-- output: (\S+), first (\d+) lines -->$/;
const FROM_LINE = /^<!-- output: (\S+), from "([^"]+)" -->$/;

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

/** The mark right before a block (on the line before the fence or the one before that). */
function markBefore(lines: readonly string[], k: number, mark: RegExp): RegExpExecArray | null {
  return mark.exec(lines[k - 2] ?? "") ?? mark.exec(lines[k - 1] ?? "");
}

/**
 * Renders a session page from its current text: every session block and file excerpt refreshed.
 *
 * Complexity: the commands run, plus O(page length + excerpts).
 *
 * @param doc - the page as it is.
 * @param fixtures - files copied into the session's folder first: [path in the repository, name there].
 * @param folderPrefix - the prefix of the temporary folder's name.
 * @returns the page with the real output.
 * @throws whatever reading a fixture or an excerpt's file throws (the folder is removed all the same).
 */
export async function renderSessionDoc(
  doc: string,
  fixtures: readonly (readonly [string, string])[],
  folderPrefix: string,
): Promise<string> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  try {
    for (const [from, to] of fixtures) copyFileSync(join(root, from), join(dir, to));
    // A file's lines, without the blank lines at its end.
    const fileText = (path: string) =>
      readFileSync(join(dir, path), "utf8")
        .replace(/^\uFEFF/, "")
        .replace(/\r\n/g, "\n")
        .trimEnd()
        .split("\n");
    const lines = doc.split("\n");
    const out: string[] = [];
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]!;
      out.push(line);
      // An opening fence, with or without an info string (```json); its block ends at the next bare fence.
      if (!line.startsWith("```")) continue;
      let end = k + 1;
      while (end < lines.length && lines[end] !== "```") end++;
      const first = lines[k + 1] ?? "";
      const head = markBefore(lines, k, FIRST_LINES);
      const from = markBefore(lines, k, FROM_LINE);
      if (first.startsWith("$ mentor-match ")) {
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
