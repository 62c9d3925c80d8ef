export * from './table.js';
export { TableReadError, type TableReadErrorCode, type TableReadErrorDetails } from './table-read-error.js';
export { DEFAULT_LIMITS, type ReadLimits } from './read-limits.js';
export { readCsv, detectDelimiter, type ReadCsvOptions, type CsvDelimiter } from './csv-read.js';
export { writeCsv, type WriteCsvOptions } from './csv-write.js';
export { readXlsx, listXlsxSheets, type ReadXlsxOptions, type ListXlsxSheetsOptions } from './xlsx-read.js';
export { writeXlsx, type XlsxSheetSpec } from './xlsx-write.js';
