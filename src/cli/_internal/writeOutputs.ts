/**
 * Crash-safe outputs: a run's files appear in the output folder all at once or not at all, whatever moment
 * the run is stopped (SIGKILL, SIGTERM, Ctrl-C, a full disk).
 *
 * How: every new file is written into a staging folder inside `--out` (`.mentor-match-staging-<id>`,
 * mode 0700, files 0600, each flushed to disk). Only when the whole new set is there is a commit journal
 * (`.mentor-match-commit.json`) put in place with one rename: that rename is the commit point. Then each
 * staged file is renamed over its old one (a rename replaces a file in one step, so no output is ever
 * missing or half-written), outputs of an older run that the new set lacks are removed, and the journal
 * and the staging folder are deleted.
 *
 * Old files are never moved out: before the commit point, the folder holds exactly the old set; after it,
 * the journal says which set wins, and {@link recoverOutputs} (run at the start of the next `match`)
 * completes the switch. A staging folder without a journal is the leftover of a run stopped before its
 * commit point: the next run deletes it (the old set was never touched). SIGINT and SIGTERM during the
 * write are caught: before the commit point the staging folder is removed and the old set stays; after it
 * the switch is completed; then the process ends by that signal.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { MentorMatchError } from "../../errors.js";
import type { CliIo } from "./io.js";

/** Every file name a run may write into `--out`; an older run's file missing from the new set is removed. */
export const OUTPUT_NAMES: readonly string[] = [
  "pairs.csv",
  "pairs.json",
  "pairs.xlsx",
  "unmatched.csv",
  "excluded.csv",
  "report.html",
  "report.md",
  "changes.csv",
];

const STAGING = ".mentor-match-staging-";
const JOURNAL = ".mentor-match-commit.json";
/** The temporary folder of versions before 0.2 (old files moved aside into `<it>/old`). */
const LEGACY = ".mentor-match-tmp-";

/** Folders that are not real storage: writing there hangs or changes the system. */
const VIRTUAL_ROOTS = ["/proc", "/sys", "/dev"];

/** What {@link recoverOutputs} found and did. */
export interface Recovery {
  /** `completed`: a switch stopped after its commit point was finished (the new set is in place);
   * `rolled-back`: the leftovers of a run stopped before its commit point were removed (the old set
   * stays); `none`: nothing was left over. */
  readonly action: "none" | "completed" | "rolled-back";
  /** How many leftover entries were removed. */
  readonly removed: number;
}

interface Journal {
  readonly staging: string;
  readonly files: readonly string[];
  readonly remove: readonly string[];
}

function writeFailed(dir: string, cause: unknown, reason?: string, name?: string): MentorMatchError {
  const errno = (cause as { code?: unknown } | null)?.code;
  return new MentorMatchError(
    "WRITE_FAILED",
    reason === "virtual"
      ? "The results cannot be written under /proc, /sys or /dev (not real storage)."
      : reason === "empty"
        ? 'The output folder is empty (--out "").'
        : reason === "not-a-file"
          ? `"${name}" in the output folder is not a file (a folder or a special file of that name is in the way); it is left as it is.`
          : "The results cannot be written into this folder.",
    {
      location: { file: dir },
      hint:
        reason === "not-a-file"
          ? `Move or rename "${name}" in the output folder, or give another folder with --out.`
          : "Give another folder with --out (or remove the file of that name), and check the permissions and the free disk space.",
      details: {
        reason: reason ?? (typeof errno === "string" ? errno : "unknown"),
        ...(name === undefined ? {} : { name }),
      },
      cause,
    },
  );
}

/** The deepest existing folder on the way to `path`, with symbolic links resolved. */
function realExistingAncestor(path: string): string {
  let p = path;
  for (;;) {
    try {
      return realpathSync(p);
    } catch {
      const up = dirname(p);
      if (up === p) return p;
      p = up;
    }
  }
}

function underVirtual(path: string): boolean {
  return VIRTUAL_ROOTS.some((root) => path === root || path.startsWith(`${root}${sep}`));
}

/**
 * Checks an output folder before anything is read or written: not empty, not under /proc, /sys or /dev
 * (as given or once symbolic links are resolved), not a file.
 *
 * @throws MentorMatchError `WRITE_FAILED` (`details.reason`: `empty`, `virtual`, `ENOTDIR`).
 */
export function checkOutputFolder(io: CliIo, dir: string): string {
  if (dir.trim() === "") throw writeFailed(dir, undefined, "empty");
  const target = resolve(io.cwd, dir);
  if (process.platform !== "win32" && (underVirtual(target) || underVirtual(realExistingAncestor(target))))
    throw writeFailed(dir, undefined, "virtual");
  if (existsSync(target) && !statSync(target).isDirectory()) {
    throw writeFailed(dir, Object.assign(new Error("not a folder"), { code: "ENOTDIR" }));
  }
  return target;
}

function fsyncPath(path: string): void {
  // Flushing a folder makes its renames durable; Windows cannot open a folder, and it needs no flush there.
  try {
    const fd = openSync(path, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort
  }
}

function writePrivate(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, "wx", 0o600);
  try {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    let at = 0;
    while (at < bytes.byteLength) at += writeSync(fd, bytes, at, bytes.byteLength - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function readJournal(target: string): Journal | null {
  try {
    const j = JSON.parse(readFileSync(join(target, JOURNAL), "utf8")) as Journal;
    const plain = (n: unknown) => typeof n === "string" && basename(n) === n && n !== "" && n !== "..";
    if (
      typeof j.staging === "string" &&
      j.staging.startsWith(STAGING) &&
      plain(j.staging) &&
      Array.isArray(j.files) &&
      j.files.every(plain) &&
      Array.isArray(j.remove) &&
      j.remove.every((n) => plain(n) && OUTPUT_NAMES.includes(n))
    )
      return j;
  } catch {
    // unreadable: treated as absent (the journal is written whole and renamed, so this is not ours)
  }
  return null;
}

/** Finishes a committed switch: renames what is still staged, removes what the new set lacks. */
function rollForward(target: string, journal: Journal): void {
  const staging = join(target, journal.staging);
  for (const name of journal.files) {
    if (existsSync(join(staging, name))) renameSync(join(staging, name), join(target, name));
  }
  for (const name of journal.remove) {
    const path = join(target, name);
    if (existsSync(path) && lstatSync(path).isFile()) rmSync(path, { force: true });
  }
  fsyncPath(target);
  rmSync(join(target, JOURNAL), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Completes or removes what a stopped run left in an output folder: a committed switch is completed (the
 * new set), anything staged before a commit point is deleted (the old set stays), and the temporary
 * folder of earlier versions is undone (its old files put back where they are missing). Safe to call on
 * a folder that does not exist.
 *
 * Complexity: O(entries in the folder).
 *
 * @param io - the run's working folder.
 * @param dir - the output folder, as given.
 * @returns what was done.
 * @throws MentorMatchError `WRITE_FAILED` when a leftover cannot be removed.
 */
export function recoverOutputs(io: CliIo, dir: string): Recovery {
  const target = resolve(io.cwd, dir);
  let entries: string[];
  try {
    if (!statSync(target).isDirectory()) return { action: "none", removed: 0 };
    entries = readdirSync(target);
  } catch {
    return { action: "none", removed: 0 };
  }
  let action: Recovery["action"] = "none";
  let removed = 0;
  try {
    if (entries.includes(JOURNAL)) {
      const journal = readJournal(target);
      if (journal !== null) {
        rollForward(target, journal);
        action = "completed";
      } else rmSync(join(target, JOURNAL), { force: true });
      removed++;
    }
    for (const name of entries) {
      const path = join(target, name);
      if (name.startsWith(LEGACY)) {
        // Earlier versions moved old files aside into <tmp>/old before placing the new ones.
        const old = join(path, "old");
        if (existsSync(old)) {
          for (const f of readdirSync(old)) {
            if (!existsSync(join(target, f))) renameSync(join(old, f), join(target, f));
          }
        }
      }
      if (name.startsWith(STAGING) || name.startsWith(LEGACY) || name.startsWith(`${JOURNAL}.tmp-`)) {
        if (!existsSync(path)) continue;
        rmSync(path, { recursive: true, force: true });
        removed++;
        if (action === "none") action = "rolled-back";
      }
    }
  } catch (error) {
    throw writeFailed(dir, error);
  }
  return { action, removed };
}

/** A stop requested by SIGINT or SIGTERM during the write. */
class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

/**
 * The test hook: with `MENTOR_MATCH_WRITE_STEPS=<folder>`, each step of the write prints
 * `[mentor-match write-step <k> <name>]` to stderr and waits until the file `<folder>/go-<k>` exists, so a
 * test can stop the run at that exact point (test/cli/kill.test.ts). Not for use outside tests.
 */
async function stepHook(io: CliIo, k: number, name: string, stopped: () => boolean): Promise<void> {
  const folder = io.env.MENTOR_MATCH_WRITE_STEPS;
  if (folder === undefined || folder === "") return;
  io.stderr(`[mentor-match write-step ${k} ${name}]\n`);
  while (!existsSync(join(folder, `go-${k}`)) && !stopped()) {
    await new Promise((r) => setTimeout(r, 3));
  }
}

/** Options of {@link writeOutputs}. */
export interface WriteOutputsOptions {
  /** Called once the folder is checked and any leftover handled, with what was found. */
  readonly onRecovery?: (recovery: Recovery) => void;
  /** Called when a signal stopped the write, before the process ends by it: whether the new set is in place. */
  readonly onInterrupt?: (committed: boolean) => void;
  /**
   * The set of outputs this write replaces: those of them not written now are removed with the commit, so
   * a folder never mixes two runs. @defaultValue the outputs of `match` ({@link OUTPUT_NAMES})
   */
  readonly replaces?: readonly string[];
  /** Called after each file is staged: files done, files in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Writes a run's files into `dir` crash-safely (see the module comment): all of them or none, never a
 * mix or a partial file; temporary files are private (0600) and never outlive the run, except after a
 * SIGKILL or a power cut, when the next run removes or completes them.
 *
 * Complexity: O(total size of the files).
 *
 * @param io - working folder, environment (the test hook), stderr.
 * @param dir - the output folder (created if missing).
 * @param files - file name → content; names are plain file names.
 * @param options - callbacks for recovery and interruption messages.
 * @returns the paths written, `dir` joined with each name.
 * @throws MentorMatchError `WRITE_FAILED` (no permission, a full disk, a folder named like an output,
 *   an output folder under /proc, /sys or /dev, or `--out ""`); the old outputs are then left as they were.
 */
export async function writeOutputs(
  io: CliIo,
  dir: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  options: WriteOutputsOptions = {},
): Promise<string[]> {
  const target = checkOutputFolder(io, dir);
  const names = Object.keys(files);
  for (const name of names) {
    if (basename(name) !== name || name.startsWith(".") || name === "")
      throw writeFailed(dir, new Error(`output name ${name} is not a plain file name`));
  }
  try {
    mkdirSync(target, { recursive: true });
  } catch (error) {
    throw writeFailed(dir, error);
  }
  const recovery = recoverOutputs(io, dir);
  options.onRecovery?.(recovery);
  for (const name of names) {
    const path = join(target, name);
    if (existsSync(path) && !lstatSync(path).isFile()) throw writeFailed(dir, undefined, "not-a-file", name);
  }
  const id = `${process.pid}-${Date.now().toString(36)}`;
  const stagingName = `${STAGING}${id}`;
  const staging = join(target, stagingName);
  const journalTmp = join(target, `${JOURNAL}.tmp-${id}`);
  const replaces = (options.replaces ?? OUTPUT_NAMES).filter((n) => OUTPUT_NAMES.includes(n));
  const remove = replaces.filter((n) => !names.includes(n) && existsSync(join(target, n)));
  let signal: NodeJS.Signals | null = null;
  const onSignal = (s: NodeJS.Signals) => {
    signal ??= s;
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let step = 0;
  let committed = false;
  const checkpoint = async (name: string) => {
    await stepHook(io, step++, name, () => signal !== null);
    // Let a pending signal be delivered between steps.
    await new Promise((r) => setImmediate(r));
    if (signal !== null && !committed) throw new Interrupted(signal);
  };
  try {
    await checkpoint("start");
    mkdirSync(staging, { mode: 0o700 });
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      writePrivate(join(staging, name), files[name]!);
      options.onProgress?.(k + 1, names.length);
      await checkpoint(`staged ${name}`);
    }
    fsyncPath(staging);
    const journal: Journal = { staging: stagingName, files: names, remove };
    writePrivate(journalTmp, JSON.stringify(journal));
    await checkpoint("journal written");
    renameSync(journalTmp, join(target, JOURNAL)); // the commit point
    committed = true;
    fsyncPath(target);
    await checkpoint("committed");
    for (const name of names) {
      renameSync(join(staging, name), join(target, name));
      await checkpoint(`placed ${name}`);
    }
    rollForward(target, journal);
    await checkpoint("done");
  } catch (error) {
    if (!committed) {
      rmSync(staging, { recursive: true, force: true });
      rmSync(journalTmp, { force: true });
    } else {
      try {
        rollForward(target, { staging: stagingName, files: names, remove });
      } catch {
        // left for the next run: the journal says which set wins
      }
    }
    if (!(error instanceof Interrupted)) {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      throw error instanceof MentorMatchError ? error : writeFailed(dir, error);
    }
  }
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  if (signal !== null) {
    options.onInterrupt?.(committed);
    // End by the same signal, as the default handler would have (its listener is gone now).
    process.kill(process.pid, signal);
    await new Promise((r) => setTimeout(r, 1000));
  }
  return names.map((name) => join(dir, name));
}
