/** The CLI's contact with the outside world, gathered so that commands can be run in tests. */
import {
  closeSync,
  existsSync,
  constants as fsConstants,
  fstatSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { resolve } from "node:path";
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
  /** The clock of the progress bar's redraws, in ms (tests pass one that runs fast). @defaultValue Date.now */
  readonly now?: () => number;
}

/**
 * Reads a file's bytes through a byte limit enforced while reading (a size from `stat` is not trusted: it
 * is 0 for devices and grows for files still being written). A missing file, a folder or an unreadable
 * file is `FILE_NOT_FOUND` naming the path as given (`details.reason`: `missing`, `folder`,
 * `unreadable`); a device, a FIFO, a socket or any other file that is not a regular file is
 * `FILE_NOT_FOUND` with `details.reason` `not-a-file`, found from the opened file (opened without
 * blocking, so a FIFO with no writer does not hang); more than `maxBytes` bytes is `FILE_TOO_LARGE`.
 */
export function readInputFile(io: CliIo, path: string, maxBytes = DEFAULT_MAX_BYTES): Uint8Array {
  const full = resolve(io.cwd, path);
  const notFound = (
    reason: "missing" | "folder" | "unreadable" | "not-a-file",
    problem: string,
    cause?: unknown,
  ) =>
    new InputFileError("FILE_NOT_FOUND", problem, {
      location: { file: path },
      hint:
        reason === "folder"
          ? "Give the path of a file, not of a folder."
          : reason === "not-a-file"
            ? "Give the path of a saved file (a device, a pipe or a socket cannot be read)."
            : "Check the path, the file name and the read permissions.",
      details: { reason },
      cause,
    });
  const tooLarge = (size: number) =>
    new InputFileError(
      "FILE_TOO_LARGE",
      `The file has more than ${maxBytes} bytes${size > maxBytes ? ` (${size})` : ""}; the limit is ${maxBytes} bytes.`,
      {
        location: { file: path },
        hint: "Split the file into parts (for example, by grade), or check that this is the survey export.",
        details: { size, maxBytes },
      },
    );
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
    fd = openSync(full, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    const errno = (error as { code?: unknown }).code;
    if (errno === "EISDIR") throw notFound("folder", "This is a folder, not a file.", error);
    if (errno === "EACCES" || errno === "EPERM")
      throw notFound("unreadable", "The file cannot be read.", error);
    if (errno === "ENXIO") throw notFound("not-a-file", "This is not a regular file.", error);
    throw notFound("missing", "The file does not exist.", error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw notFound("folder", "This is a folder, not a file.");
    if (!stat.isFile())
      throw notFound("not-a-file", "This is not a regular file (a device, a pipe or a socket).");
    if (stat.size > maxBytes) throw tooLarge(stat.size);
    // Read at most maxBytes + 1 bytes: one more than the limit proves the file too large, whatever stat said.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.byteLength, null);
      if (n === 0) break;
      total += n;
      chunks.push(n === chunk.byteLength ? chunk : chunk.subarray(0, n));
      if (total > maxBytes) throw tooLarge(total);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw notFound("unreadable", "The file cannot be read.", error);
  } finally {
    closeSync(fd);
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

/** Writes one file (the program config of `init`) through a temporary name and a rename. */
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
