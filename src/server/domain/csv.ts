// CSV for spreadsheets that will be opened by people, with shopper-typed text inside. Two rules:
// - Quote every cell (doubling inner quotes), so commas, quotes and line breaks stay in their cell.
// - A cell that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return, or their
//   full-width forms that some spreadsheet locales also accept) gets a leading `'`, so Excel,
//   LibreOffice and Google Sheets show it as text instead of running it (OWASP "CSV Injection").

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** UTF-8 byte order mark: without it Excel guesses a legacy code page and mangles "ş", "ğ", "ı". */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | number | null): string {
  if (value === null) return '""';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
