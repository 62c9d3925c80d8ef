export * from './table.js';
export { TableReadError, type TableReadErrorCode, type TableReadErrorDetails } from './table-read-error.js';
export { DEFAULT_LIMITS, type ReadLimits } from './read-limits.js';
export { summariseList, type ReadWarning, type ReadWarningCode } from './read-warning.js';
export {
  readCsv,
  readCsvDetailed,
  detectDelimiter,
  type ReadCsvOptions,
  type CsvDelimiter,
  type CsvRead,
} from './csv-read.js';
export { writeCsv, type WriteCsvOptions } from './csv-write.js';
export {
  readXlsx,
  openXlsx,
  listXlsxSheets,
  STRAY_GAP_ROWS,
  STRAY_MAX_ROWS,
  type ReadXlsxOptions,
  type OpenXlsxOptions,
  type ListXlsxSheetsOptions,
  type XlsxWorkbook,
  type XlsxSheetInfo,
  type XlsxSheetSummary,
  type XlsxSheetReadOptions,
} from './xlsx-read.js';
export { writeXlsx, type XlsxSheetSpec } from './xlsx-write.js';
export { readTableFile, type ReadTableFileOptions, type TableFile } from './read-table-file.js';
export { sniffFileKind, type FileKind, type SniffedFile } from './file-kind.js';
export { detectHeaderRow, HEADER_SEARCH_ROWS } from './header-row.js';
export { ENCODING_NAMES, type TextEncoding } from './text-encoding.js';
export { escapeFormula, needsFormulaEscape, unescapeFormula } from './formula-escape.js';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-archive.js';
