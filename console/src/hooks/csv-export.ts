// An export button's work: read what it writes (every page of a list), save
// it as a spreadsheet, say when that failed; `exporting` while it runs.
import { message } from 'antd';
import { useState } from 'react';
import { downloadCsv } from '../download';

export function useCsvExport(): { exporting: boolean; run: (fileName: string, rows: () => Promise<unknown[][]>) => Promise<void> } {
  const [exporting, setExporting] = useState(false);
  const run = async (fileName: string, rows: () => Promise<unknown[][]>) => {
    setExporting(true);
    try {
      downloadCsv(fileName, await rows());
    } catch (err) {
      void message.error(`导出未成功:${(err as Error).message}`);
    } finally {
      setExporting(false);
    }
  };
  return { exporting, run };
}
