// `--compare` prints two summaries side by side in a terminal, where a CJK
// character takes two columns: padding by string length would push every
// Chinese line's right half out of line. string-width (already a dependency
// of the CLI tooling in node_modules) measures what a terminal shows.
import stringWidth from 'string-width';

/** `text` padded with spaces to `width` terminal columns (never cut). */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** The two summaries side by side: `│` where a line is the same in both, `≠` and the right-hand line where it differs. */
export function sideBySide(leftTitle: string, rightTitle: string, left: string[], right: string[]): string[] {
  const width = Math.max(...[leftTitle, ...left].map((l) => stringWidth(l)), 20);
  const lines = [`${padColumns(leftTitle, width)} │ ${rightTitle}`];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? '';
    const r = right[i] ?? '';
    lines.push(l === r ? `${padColumns(l, width)} │` : `${padColumns(l, width)} ≠ ${r}`);
  }
  return lines;
}
