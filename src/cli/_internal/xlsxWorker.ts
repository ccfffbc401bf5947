/**
 * The body of the worker thread that writes pairs.xlsx (see ./xlsxWriter.ts): it loads exceljs as soon as
 * it starts, while the main thread reads, scores and matches, then writes the sheets it is sent and posts
 * the workbook's bytes back (or the error's message).
 */
import { parentPort } from "node:worker_threads";
import { preloadExcelJs, type XlsxSheet, writeXlsxWorkbook } from "./xlsx.js";

const port = parentPort;
if (port !== null) {
  // Loaded now, not on the first message: the load is what the worker is there to hide.
  const ready = preloadExcelJs();
  port.once("message", (sheets: readonly XlsxSheet[]) => {
    ready
      .then(() => writeXlsxWorkbook(sheets))
      .then(
        (bytes) => port.postMessage({ ok: true, bytes }, [bytes.buffer as ArrayBuffer]),
        (error: unknown) =>
          port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
  });
}
