// The console's spreadsheet export: what Excel/WPS will read, and that typed
// text cannot become a formula there.
import { expect, it } from 'vitest';
import { csvCell, toCsv } from '../../console/src/csv';

it('quotes commas, quotes and line breaks, and keeps Chinese with a BOM and CRLF lines', () => {
  expect(toCsv([['项目', '金额(元)'], ['芙蓉社区"红色驿站",二期', '1,200.00'], ['第一行\n第二行', 3]])).toBe(
    '\ufeff项目,金额(元)\r\n"芙蓉社区""红色驿站"",二期","1,200.00"\r\n"第一行\n第二行",3\r\n',
  );
});

it('turns text that a spreadsheet would run as a formula into plain text, and leaves numbers alone', () => {
  expect(csvCell('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
  expect(csvCell('+1+cmd|calc')).toBe("'+1+cmd|calc");
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvCell('-2+3')).toBe("'-2+3");
  expect(csvCell('\t=1')).toBe("'\t=1");
  expect(csvCell(-120)).toBe('-120');
  expect(csvCell('-0.5')).toBe('-0.5');
  expect(csvCell(null)).toBe('');
});
