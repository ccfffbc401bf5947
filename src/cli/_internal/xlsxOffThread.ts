/**
 * An xlsx workbook written on a worker thread, so that a run renders its other outputs meanwhile on the
 * second core: `monitor` on 5,000 participants spends about as long in exceljs as in all its text outputs.
 * The worker starts (and loads exceljs's writer) before the inputs are read; the bytes are those of
 * {@link writeXlsxWorkbook} in the main thread. Nothing is written to disk here: the caller hands the
 * bytes to `writeOutputs` with the other files, so the output folder still changes all at once or not at
 * all.
 */
import { Worker } from "node:worker_threads";
import { writeXlsxWorkbook, type XlsxSheet } from "./xlsx.js";
import type { XlsxWorkerReply, XlsxWorkerRequest } from "./xlsxWorker.js";

/** A workbook to be written off the main thread. */
export interface XlsxWriter {
  /** Writes the sheets (once); resolves with the workbook's bytes. */
  write(sheets: readonly XlsxSheet[]): Promise<Uint8Array>;
  /** Ends the worker if it is still running (a run that stops early). Safe to call more than once. */
  close(): void;
}

/** Runs in the main thread: the source tree run by tsx or vitest has no built worker file to start. */
function inProcess(): XlsxWriter {
  return { write: (sheets) => writeXlsxWorkbook(sheets), close: () => {} };
}

/**
 * Starts a worker thread that loads exceljs's writer at once and writes one workbook when asked. Where
 * no built worker module is beside this one (the sources run by tsx or vitest), the workbook is written
 * in the main thread instead, with the same bytes.
 *
 * Complexity: O(cells) in the worker, plus copying the sheets to it.
 *
 * @returns the writer; call `close()` on every path that does not call `write`.
 * @throws never: a worker that cannot start or fails leaves the workbook to the main thread (same bytes);
 *   `write` rejects only when that fails too.
 * @example
 * const xlsx = startXlsxWriter();
 * try {
 *   const bytes = xlsx.write(sheets); // runs while the text outputs are rendered
 *   files["monitoring.xlsx"] = await bytes;
 * } finally {
 *   xlsx.close();
 * }
 */
export function startXlsxWriter(): XlsxWriter {
  if (!import.meta.url.endsWith(".js")) return inProcess();
  let worker: Worker;
  try {
    worker = new Worker(new URL("./xlsxWorker.js", import.meta.url));
  } catch {
    return inProcess(); // no thread to be had (a resource limit): the main thread writes it
  }
  // An idle worker must not keep the process alive (an early return that forgot close()).
  worker.unref();
  const result = new Promise<Uint8Array>((resolve, reject) => {
    worker.once("message", (reply: XlsxWorkerReply) => {
      if ("bytes" in reply) resolve(reply.bytes);
      else reject(reply.error);
    });
    worker.once("error", reject);
    // After a reply this changes nothing; before one, the worker is gone (ended, crashed, out of memory).
    worker.once("exit", (code) =>
      reject(new Error(`the xlsx worker stopped (exit code ${code}) before writing the workbook`)),
    );
  });
  // Unhandled only if write() is never called: close() then ends the worker.
  result.catch(() => {});
  let ended = false;
  return {
    write(sheets) {
      if (ended) return writeXlsxWorkbook(sheets);
      const bytes = (async () => {
        try {
          worker.ref();
          worker.postMessage({ sheets } satisfies XlsxWorkerRequest);
          return await result;
        } catch {
          // A worker that failed (could not start, ran out of memory, or exceljs threw there) is not the
          // end of the run: the main thread writes the workbook (and reports exceljs's error if it fails).
          return writeXlsxWorkbook(sheets);
        }
      })().finally(() => {
        ended = true;
      });
      // A run that fails between write() and its await must not also end on an unhandled rejection.
      bytes.catch(() => {});
      return bytes;
    },
    close() {
      if (ended) return;
      ended = true;
      void worker.terminate();
    },
  };
}
