// Saves a spreadsheet the console made (./csv.ts) as the browser's download.
import { toCsv } from './csv';

/** Saves `rows` as the CSV file `fileName`. */
export function downloadCsv(fileName: string, rows: readonly (readonly unknown[])[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
