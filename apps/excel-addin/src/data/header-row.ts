// The header row of a block of Excel cells: tabular's rule (packages/tabular/src/header-row.ts), the
// one the standalone page's file reader uses, so a sheet with a title line above its column names
// reads the same in Excel and on the page. Only single-value rows (a title, a note) and blank rows
// are ever skipped, so a real header is never passed over for a data row.
export { detectHeaderRow, HEADER_SEARCH_ROWS } from '@mentor-matcher/tabular';
