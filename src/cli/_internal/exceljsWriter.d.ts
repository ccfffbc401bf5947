/** exceljs's streaming workbook writer, by its own module (exceljs has no exports map and no types for it). */
declare module "exceljs/lib/stream/xlsx/workbook-writer.js" {
  const WorkbookWriter: typeof import("exceljs").stream.xlsx.WorkbookWriter;
  export = WorkbookWriter;
}
