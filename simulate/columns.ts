// `--compare` prints two summaries side by side in a terminal, where a CJK
// character takes two columns: padding by string length would push every
// Chinese line's right half out of line. string-width measures what a
// terminal shows (4.x, the CommonJS line that the gRPC loader's CLI tooling
// also pulls in, so the install holds one copy).
import { diffArrays } from 'diff';
import stringWidth from 'string-width';

/** `text` padded with spaces to `width` terminal columns (never cut). */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/**
 * The two summaries side by side: `│` where a line is the same in both, `≠`
 * and the right-hand line where it differs. Lines are paired along their
 * longest common run (jsdiff's `diffArrays`), so a line that only one rule
 * set prints (报区委组织部审批 under a lower threshold, an outcome no case
 * reached) stands opposite a blank and the lines after it stay paired.
 */
export function sideBySide(leftTitle: string, rightTitle: string, left: string[], right: string[]): string[] {
  const width = Math.max(...[leftTitle, ...left].map((l) => stringWidth(l)), 20);
  const lines = [`${padColumns(leftTitle, width)} │ ${rightTitle}`];
  const same = (l: string) => lines.push(`${padColumns(l, width)} │`);
  const differ = (l: string, r: string) => lines.push(`${padColumns(l, width)} ≠${r ? ` ${r}` : ''}`);
  const chunks = diffArrays(left, right);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (!chunk.added && !chunk.removed) {
      chunk.value.forEach(same);
    } else if (chunk.removed && chunks[i + 1]?.added) {
      // A changed stretch: its lines side by side, the longer side's rest opposite blanks.
      const added = chunks[++i]!.value;
      for (let j = 0; j < Math.max(chunk.value.length, added.length); j++) differ(chunk.value[j] ?? '', added[j] ?? '');
    } else if (chunk.removed) {
      for (const l of chunk.value) differ(l, '');
    } else {
      for (const r of chunk.value) differ('', r);
    }
  }
  return lines;
}
