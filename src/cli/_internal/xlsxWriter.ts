/**
 * pairs.xlsx written beside the rest of a run, on the second core. {@link startXlsxWorker}, called when a
 * command starts, starts a worker thread that loads exceljs while the main thread reads, scores and
 * matches; {@link writeXlsxOffThread} hands it the sheets, and the main thread renders the report and the
 * CSV files while the worker writes the workbook. The bytes are those of {@link writeXlsxWorkbook} on the
 * same sheets. Where the worker's module is not there (the CLI run from its TypeScript sources, as the
 * unit tests do) or the worker fails, the workbook is written on the main thread.
 *
 * The worker is unreferenced until it is handed sheets: a run that stops early (bad input) ends as if it
 * had never been started.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { type XlsxSheet, writeXlsxWorkbook } from "./xlsx.js";

type Reply =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly message: string };

interface Started {
  readonly worker: Worker;
  /** Set when the worker failed or stopped before it was handed sheets. */
  dead: boolean;
}

/** The worker started by {@link startXlsxWorker}, not yet handed sheets. */
let started: Started | undefined;

function spawn(): Started | undefined {
  const url = new URL("./xlsxWorker.js", import.meta.url);
  if (url.protocol !== "file:" || !existsSync(fileURLToPath(url))) return undefined;
  try {
    const worker = new Worker(url);
    worker.unref();
    const s: Started = { worker, dead: false };
    const gone = (): void => {
      s.dead = true;
    };
    worker.on("error", gone);
    worker.on("exit", gone);
    return s;
  } catch {
    return undefined;
  }
}

/**
 * Starts the worker that will write the next workbook, so that it loads exceljs while the run goes on.
 * Does nothing when one is started already or the worker's module is not there.
 *
 * Complexity: O(1) on this thread.
 *
 * @returns nothing.
 * @throws never.
 * @example
 * startXlsxWorker(); // at the start of a command that writes pairs.xlsx
 */
export function startXlsxWorker(): void {
  started ??= spawn();
}

/**
 * Writes sheets into an `.xlsx` workbook on the worker thread (the one {@link startXlsxWorker} started, or
 * a new one), else on this thread: the same bytes as {@link writeXlsxWorkbook}. Start it before other
 * work of the main thread and await it after.
 *
 * Complexity: O(cells), off the main thread when the worker runs (plus a structured clone of the sheets).
 *
 * @param sheets - the sheets, in order.
 * @returns the workbook's bytes.
 * @throws Error when exceljs fails (with its message).
 * @example
 * const pending = writeXlsxOffThread(sheets);
 * const files = renderOutputs(model); // meanwhile
 * const bytes = await pending;
 */
export function writeXlsxOffThread(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const s = started ?? spawn();
  started = undefined;
  if (s === undefined || s.dead) {
    if (s !== undefined) void s.worker.terminate();
    return writeXlsxWorkbook(sheets);
  }
  const { worker } = s;
  worker.ref();
  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const end = (): void => {
      settled = true;
      void worker.terminate();
    };
    worker.once("error", (error) => {
      if (settled) return;
      end();
      reject(error);
    });
    worker.once("exit", (code) => {
      if (settled) return;
      end();
      reject(new Error(`The pairs.xlsx worker stopped (exit code ${code}) before writing the workbook.`));
    });
    worker.once("message", (reply: Reply) => {
      end();
      if (reply.ok) resolve(reply.bytes);
      else reject(new Error(reply.message));
    });
    worker.postMessage(sheets);
  });
}
