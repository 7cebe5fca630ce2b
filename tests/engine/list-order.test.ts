// The ordering helpers of visibility's lists (engine/list-filter.ts): a page
// taken off a heap must be exactly the start of a full sort, whatever the
// page's size, the input's order and its ties.
import { describe, expect, it } from 'vitest';
import { compareBy, firstInOrder, type FieldValue } from '../../engine/list-filter';
import { createRng } from '../../simulate/rng';

describe('firstInOrder', () => {
  it('gives the first `limit` items of a full sort for every limit, in ascending, descending, shuffled and tied inputs', () => {
    const random = createRng(7);
    const byValueThenId = (a: { v: number; id: number }, b: { v: number; id: number }) => a.v - b.v || a.id - b.id;
    for (const n of [0, 1, 2, 5, 17, 100, 257]) {
      const shapes = {
        ascending: Array.from({ length: n }, (_, id) => ({ v: id, id })),
        descending: Array.from({ length: n }, (_, id) => ({ v: n - id, id })),
        shuffled: Array.from({ length: n }, (_, id) => ({ v: random.int(0, 999), id })),
        tied: Array.from({ length: n }, (_, id) => ({ v: random.int(0, 2), id })),
      };
      for (const [shape, items] of Object.entries(shapes)) {
        const sorted = [...items].sort(byValueThenId);
        for (const limit of [0, 1, 2, 3, Math.floor(n / 5), Math.floor(n / 4), Math.floor(n / 2), n - 1, n, n + 3, Infinity]) {
          expect(firstInOrder([...items], limit, byValueThenId), `${shape} n=${n} limit=${limit}`).toEqual(sorted.slice(0, Math.max(0, limit)));
        }
      }
    }
  });
});

describe('compareBy', () => {
  it('orders by each key in turn, descending where asked, with a missing value last either way', () => {
    const order = [
      { field: 'Households', descending: true },
      { field: 'District', descending: false },
    ];
    const rows: FieldValue[][] = [
      [undefined, 'a'],
      [3, 'b'],
      [3, 'a'],
      [10, undefined],
      [10, 'z'],
    ];
    expect([...rows].sort((a, b) => compareBy(order, a, b, (row, _, i) => row[i]))).toEqual([[10, 'z'], [10, undefined], [3, 'a'], [3, 'b'], [undefined, 'a']]);
  });
});
