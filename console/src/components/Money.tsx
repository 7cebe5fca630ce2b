import { formatFen } from '../format';

/** Money in 元 from integer fen. */
export function Money({ fen, strong }: { fen: number | null | undefined; strong?: boolean }) {
  const text = formatFen(fen);
  return <span className="money">{strong ? <strong>{text}</strong> : text}</span>;
}
