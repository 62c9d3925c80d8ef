// Files the standalone page offers for download: one CSV per result and one XLSX workbook with
// every result as a formatted table. Built in the browser from the results in memory.
import { writeCsv, writeXlsx } from '@mentor-matcher/tabular';
import { resultSheetNames } from '../app/result-sheets.js';
import { textColumns } from './cells.js';
import type { ResultSheet } from './workbook-host.js';

export interface Download {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string | Uint8Array;
}

function fileStem(sheetName: string): string {
  return sheetName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

const notifyUploadSheets: ReadonlySet<string> = new Set([
  resultSheetNames.notifyMentorMatched,
  resultSheetNames.notifyMentorUnmatched,
  resultSheetNames.notifyMenteeMatched,
  resultSheetNames.notifyMenteeUnmatched,
]);

/**
 * One CSV per sheet. Files people open in Excel have formula-like text escaped; GOV.UK Notify's
 * upload lists do not: Notify reads them as data, and an added ' would reach the participant's email.
 */
export function csvDownloads(sheets: readonly ResultSheet[]): Download[] {
  return sheets.map((sheet) => ({
    fileName: `${fileStem(sheet.name)}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    content: writeCsv(
      { header: sheet.header, rows: sheet.rows },
      { escapeFormulas: !notifyUploadSheets.has(sheet.name) },
    ),
  }));
}

export function xlsxDownload(sheets: readonly ResultSheet[]): Download {
  const content = writeXlsx(
    sheets.map((sheet) => {
      const text = textColumns(sheet.rows, sheet.header.length);
      return {
        name: sheet.name,
        table: { header: sheet.header, rows: sheet.rows },
        textColumns: text.flatMap((isText, c) => (isText ? [c] : [])),
      };
    }),
  );
  return {
    fileName: 'mentor-matches.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content,
  };
}
