/** The CLI's contact with the outside world, gathered so that commands can be run in tests. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { InputFileError } from "../../errors.js";

/** Streams, environment and working directory of one CLI run. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stderr is a terminal (the progress bar is drawn only then). */
  readonly stderrIsTTY: boolean;
}

/** Reads a file's bytes; a missing file is `FILE_NOT_FOUND` naming the path as given. */
export function readInputFile(io: CliIo, path: string): Uint8Array {
  const full = resolve(io.cwd, path);
  try {
    if (statSync(full).isDirectory()) {
      throw new InputFileError("FILE_NOT_FOUND", "This is a folder, not a file.", {
        location: { file: path },
        hint: "Give the path of the CSV file.",
      });
    }
    return readFileSync(full);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError("FILE_NOT_FOUND", "The file cannot be opened.", {
      location: { file: path },
      hint: "Check the path and the file name.",
      cause: error,
    });
  }
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
  files: Readonly<Record<string, string>>,
): string[] {
  const target = resolve(io.cwd, dir);
  mkdirSync(target, { recursive: true });
  const tmp = join(target, `.mentor-match-tmp-${process.pid}-${Date.now().toString(36)}`);
  const names = Object.keys(files);
  mkdirSync(join(tmp, "old"), { recursive: true });
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
    throw error;
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
  } finally {
    if (existsSync(tmp)) rmSync(tmp, { force: true });
  }
}

/** True when `path` (relative to the run's cwd) exists. */
export function fileExists(io: CliIo, path: string): boolean {
  return existsSync(resolve(io.cwd, path));
}
