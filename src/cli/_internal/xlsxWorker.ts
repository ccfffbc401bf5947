/**
 * The worker thread of {@link startXlsxWriter} (./xlsxOffThread.ts): loads exceljs's writer as soon as it
 * starts, then writes the one workbook it is sent and posts its bytes back (or the error).
 */
import { parentPort } from "node:worker_threads";
import { preloadXlsxWriter, writeXlsxWorkbook, type XlsxSheet } from "./xlsx.js";

/** What the main thread sends: the sheets of one workbook. */
export interface XlsxWorkerRequest {
  readonly sheets: readonly XlsxSheet[];
}

/** What the worker posts back: the workbook's bytes, or why it could not be written. */
export type XlsxWorkerReply = { readonly bytes: Uint8Array } | { readonly error: unknown };

const port = parentPort;
if (port !== null) {
  const ready = preloadXlsxWriter();
  port.once("message", (request: XlsxWorkerRequest) => {
    ready
      .then(() => writeXlsxWorkbook(request.sheets))
      .then(
        (bytes) => port.postMessage({ bytes } satisfies XlsxWorkerReply),
        (error: unknown) => port.postMessage({ error } satisfies XlsxWorkerReply),
      )
      .finally(() => port.close());
  });
}
