/** The CLI's contact with the outside world, gathered so that commands can be run in tests. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { DEFAULT_MAX_BYTES } from "../../csv/readCsv.js";
import { InputFileError, MentorMatchError } from "../../errors.js";

/** Streams, environment and working directory of one CLI run. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stderr is a terminal (the progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
}

/**
 * Reads a file's bytes. A missing file, a folder or an unreadable file is `FILE_NOT_FOUND` naming the path
 * as given (`details.reason`: `missing`, `folder`, `unreadable`); a file over `maxBytes` is
 * `FILE_TOO_LARGE`, found from its size before anything is read.
 */
export function readInputFile(io: CliIo, path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  const full = resolve(io.cwd, path);
  const notFound = (reason: "missing" | "folder" | "unreadable", problem: string, cause?: unknown) =>
    new InputFileError("FILE_NOT_FOUND", problem, {
      location: { file: path },
      hint:
        reason === "folder"
          ? "Give the path of the CSV file."
          : "Check the path, the file name and the read permissions.",
      details: { reason },
      cause,
    });
  let size: number;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) throw notFound("folder", "This is a folder, not a file.");
    size = stat.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw notFound("missing", "The file does not exist.", error);
  }
  if (size > maxBytes) {
    throw new InputFileError("FILE_TOO_LARGE", `The file is ${size} bytes; the limit is ${maxBytes} bytes.`, {
      location: { file: path },
      hint: "Split the file into parts (for example, by grade), or check that this is the survey export.",
      details: { size, maxBytes },
    });
  }
  try {
    return readFileSync(full);
  } catch (error) {
    throw notFound("unreadable", "The file cannot be read.", error);
  }
}

/** A failure to write the outputs (a file where the folder should be, no permission, a full disk). */
function writeFailed(dir: string, cause: unknown): MentorMatchError {
  const errno = (cause as { code?: unknown } | null)?.code;
  return new MentorMatchError("WRITE_FAILED", "The results cannot be written into this folder.", {
    location: { file: dir },
    hint: "Give another folder with --out (or remove the file of that name), and check the permissions and the free disk space.",
    details: { reason: typeof errno === "string" ? errno : "unknown" },
    cause,
  });
}

/**
 * Writes every file into `dir` as one step: all files are first written into a hidden temporary folder
 * inside `dir`; then the old files are moved aside, the new ones renamed into place, and the old ones
 * deleted. If anything fails, the old files are put back and the temporary folder removed, so `dir` holds
 * either the complete old outputs or the complete new ones, never a mix or a partial file.
 */
export function writeOutputsAtomically(
  io: CliIo,
  dir: string,
  files: Readonly<Record<string, string | Uint8Array>>,
): string[] {
  const target = resolve(io.cwd, dir);
  const tmp = join(target, `.mentor-match-tmp-${process.pid}-${Date.now().toString(36)}`);
  const names = Object.keys(files);
  try {
    mkdirSync(join(tmp, "old"), { recursive: true });
  } catch (error) {
    throw writeFailed(dir, error);
  }
  const movedAside: string[] = [];
  const placed: string[] = [];
  try {
    for (const name of names) {
      if (basename(name) !== name || name.startsWith("."))
        throw new Error(`output name ${name} is not a plain file name`);
      writeFileSync(join(tmp, name), files[name]!);
    }
    for (const name of names) {
      if (existsSync(join(target, name))) {
        renameSync(join(target, name), join(tmp, "old", name));
        movedAside.push(name);
      }
    }
    for (const name of names) {
      renameSync(join(tmp, name), join(target, name));
      placed.push(name);
    }
  } catch (error) {
    for (const name of placed) rmSync(join(target, name), { force: true, recursive: true });
    for (const name of movedAside) renameSync(join(tmp, "old", name), join(target, name));
    throw writeFailed(dir, error);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return names.map((name) => join(dir, name));
}

/** Writes one file (the programme config of `init`) through a temporary name and a rename. */
export function writeFileAtomically(io: CliIo, path: string, content: string): void {
  const full = resolve(io.cwd, path);
  const tmp = `${full}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, full);
  } catch (error) {
    throw writeFailed(path, error);
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
  }
}

/** True when `path` (relative to the run's cwd) exists. */
export function fileExists(io: CliIo, path: string): boolean {
  return existsSync(resolve(io.cwd, path));
}
