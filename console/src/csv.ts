// Spreadsheet files the console writes (督查通报, 财务拨付, the statistics):
// CSV in UTF-8 with a BOM, so that Excel and WPS read the Chinese, lines
// ending in CRLF as they expect. Pure (tested without a browser); ./download.ts
// saves the file.

/**
 * One cell. Text a person typed (a project's title) reaches the finance
 * office's Excel: a cell starting with = + - @ (or a tab or CR) would run
 * there as a formula, so such text is prefixed with ' — shown, never run
 * (OWASP "CSV injection"). Plain numbers, negative ones too, stay numbers.
 */
export function csvCell(value: unknown): string {
  let s = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

