/**
 * pairs.xlsx written beside the rest of a run, on the second core: {@link startXlsxWriter} starts a
 * worker thread that loads exceljs while the main thread reads, scores and matches, and writes the
 * workbook while the main thread renders the report and the CSV files. The bytes are those of
 * {@link writeXlsxWorkbook} on the same sheets. Where the worker's module is not there (the CLI run from
 * its TypeScript sources, as the unit tests do), the workbook is written on the main thread.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type XlsxSheet, writeXlsxWorkbook } from "./xlsx.js";

/** A started writer: one workbook, then closed. */
export interface XlsxWriter {
  /** Writes the sheets into a workbook; its bytes. Call at most once. */
  write(sheets: readonly XlsxSheet[]): Promise<Uint8Array>;
  /** Stops the worker (if any); safe to call more than once, and after `write`. */
  close(): void;
}

type Reply =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly message: string };

const INLINE: XlsxWriter = { write: writeXlsxWorkbook, close() {} };

/**
 * Starts the writer of one workbook.
 *
 * Complexity: O(1) now; `write` is O(cells), off the main thread when the worker runs.
 *
 * @returns the writer; `close()` it on every path (a live worker keeps the process running).
 * @throws never (a worker that cannot start falls back to the main thread).
 * @example
 * const xlsx = startXlsxWriter();
 * try { bytes = await xlsx.write(sheets); } finally { xlsx.close(); }
 */
export function startXlsxWriter(): XlsxWriter {
  const url = new URL("./xlsxWorker.js", import.meta.url);
  if (url.protocol !== "file:" || !existsSync(fileURLToPath(url))) return INLINE;
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch {
    return INLINE;
  }
  // Until it is asked for a workbook, the worker must not keep the process alive (a run that stops early).
  worker.unref();
  let closed = false;
  // A worker that failed before it was asked (it could not load exceljs): the main thread writes instead.
  let dead = false;
  const gone = (): void => {
    dead = true;
  };
  worker.on("error", gone);
  worker.on("exit", gone);
  const close = (): void => {
    if (closed) return;
    closed = true;
    void worker.terminate();
  };
  return {
    write(sheets) {
      if (closed || dead) {
        close();
        return writeXlsxWorkbook(sheets);
      }
      worker.ref();
      return new Promise<Uint8Array>((resolve, reject) => {
        const fail = (error: unknown) => {
          close();
          reject(error instanceof Error ? error : new Error(String(error)));
        };
        worker.once("error", fail);
        worker.once("exit", (code) => fail(new Error(`the pairs.xlsx worker stopped (exit code ${code})`)));
        worker.once("message", (reply: Reply) => {
          close();
          if (reply.ok) resolve(reply.bytes);
          else reject(new Error(reply.message));
        });
        worker.postMessage(sheets);
      });
    },
    close,
  };
}
