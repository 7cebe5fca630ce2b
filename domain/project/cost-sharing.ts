// 资金分担: each release is split among the funding levels by the project's
// ratio (seed 000: 党员教育经费 市:区:街道 = 3:3:4). The split is exact in fen:
// every line is a whole fen and the lines always sum to the amount, using the
// largest-remainder method (ties go to the party listed first), so a ledger
// never has a rounding fen that belongs to nobody.

export interface CostShare {
  /** Stable code of the funding party, e.g. "city", "district", "street". */
  party: string;
  /** zh-CN label shown on the ledger, e.g. "市级". */
  label: string;
  /** A positive integer weight; only the ratio between weights matters. */
  weight: number;
}

export interface LedgerSplitLine {
  party: string;
  label: string;
  amountFen: number;
}

export const DEFAULT_COST_SHARING: readonly CostShare[] = [
  { party: 'city', label: '市级', weight: 3 },
  { party: 'district', label: '区级', weight: 3 },
  { party: 'street', label: '街道', weight: 4 },
];

/** Why a ratio cannot be used, or null when it is valid. */
export function costSharingProblem(shares: readonly CostShare[]): string | null {
  if (shares.length === 0) return '资金分担比例不能为空';
  const seen = new Set<string>();
  for (const s of shares) {
    if (!Number.isSafeInteger(s.weight) || s.weight <= 0) return `资金分担比例必须为正整数:${s.label || s.party}`;
    if (seen.has(s.party)) return `资金分担方重复:${s.party}`;
    seen.add(s.party);
  }
  return null;
}

/**
 * Splits `amountFen` by the weights. Pure and deterministic: the same input
 * always gives the same lines, so a retried payment writes identical lines.
 */
export function splitByCostSharing(amountFen: number, shares: readonly CostShare[]): LedgerSplitLine[] {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0) {
    throw new RangeError(`amount must be a non-negative integer number of fen, got ${amountFen}`);
  }
  const problem = costSharingProblem(shares);
  if (problem) throw new RangeError(problem);

  // BigInt: amount × weight can pass 2^53 for large amounts and weights.
  const amount = BigInt(amountFen);
  const total = shares.reduce((sum, s) => sum + BigInt(s.weight), 0n);
  const parts = shares.map((s, index) => {
    const numerator = amount * BigInt(s.weight);
    return { index, base: numerator / total, remainder: numerator % total };
  });
  let left = amount - parts.reduce((sum, p) => sum + p.base, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const extra = new Array<bigint>(shares.length).fill(0n);
  for (const p of byRemainder) {
    if (left === 0n) break;
    extra[p.index] = 1n;
    left -= 1n;
  }
  return shares.map((s, i) => ({
    party: s.party,
    label: s.label,
    amountFen: Number(parts[i].base + extra[i]),
  }));
}
