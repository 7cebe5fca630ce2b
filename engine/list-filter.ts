// Temporal's List Filter language (the visibility query of
// ListWorkflowExecutions / CountWorkflowExecutions): parsing into a small
// tree, with errors that name the 1-based character position, evaluation
// against one execution's attribute values, and the order of the results
// (ORDER BY, and a page's first runs without sorting them all). Pure: no
// engine state.

export type ValueType = 'Keyword' | 'Text' | 'Int' | 'Double' | 'Bool' | 'Datetime' | 'KeywordList';
export type Literal = string | number | boolean;

export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'cmp'; field: string; op: '=' | '!=' | '>' | '<' | '>=' | '<='; value: Literal; at: number }
  | { kind: 'in'; field: string; values: Literal[]; negated: boolean; at: number }
  | { kind: 'between'; field: string; low: Literal; high: Literal; negated: boolean; at: number }
  | { kind: 'startsWith'; field: string; prefix: string; at: number }
  | { kind: 'null'; field: string; negated: boolean; at: number };

export interface OrderBy {
  field: string;
  descending: boolean;
}

export interface ListQuery {
  filter?: Expr;
  orderBy: OrderBy[];
  groupBy?: string;
}

export class QueryError extends Error {}

interface Token {
  type: 'word' | 'string' | 'number' | 'op' | 'punct' | 'end';
  text: string;
  /** 1-based character position in the query. */
  at: number;
}

const OPERATORS = ['>=', '<=', '!=', '<>', '=', '>', '<'];

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (message: string, at: number): never => {
    throw new QueryError(`${message} at position ${at + 1}`);
  };
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= query.length) fail('unterminated string', start);
        const d = query[i]!;
        if (d === '\\' && i + 1 < query.length) {
          text += query[i + 1];
          i += 2;
        } else if (d === c) {
          // A doubled quote stands for itself, as in SQL.
          if (query[i + 1] === c) {
            text += c;
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          text += d;
          i++;
        }
      }
      tokens.push({ type: 'string', text, at: start + 1 });
    } else if (c === '`') {
      const end = query.indexOf('`', i + 1);
      if (end < 0) fail('unterminated `name`', start);
      tokens.push({ type: 'word', text: query.slice(i + 1, end), at: start + 1 });
      i = end + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9.]/.test(query[i + 1] ?? ''))) {
      i++;
      while (i < query.length && /[0-9.eE+-]/.test(query[i]!)) i++;
      const text = query.slice(start, i);
      if (Number.isNaN(Number(text))) fail(`invalid number ${text}`, start);
      tokens.push({ type: 'number', text, at: start + 1 });
    } else if (/[A-Za-z_$]/.test(c)) {
      i++;
      while (i < query.length && /[A-Za-z0-9_.$-]/.test(query[i]!)) i++;
      tokens.push({ type: 'word', text: query.slice(start, i), at: start + 1 });
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: 'punct', text: c, at: start + 1 });
      i++;
    } else {
      const op = OPERATORS.find((o) => query.startsWith(o, i));
      if (!op) fail(`unexpected character '${c}'`, start);
      tokens.push({ type: 'op', text: op === '<>' ? '!=' : op!, at: start + 1 });
      i += op!.length;
    }
  }
  tokens.push({ type: 'end', text: '', at: query.length + 1 });
  return tokens;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'BETWEEN', 'STARTS_WITH', 'IS', 'NULL', 'ORDER', 'BY', 'GROUP', 'ASC', 'DESC']);

export function parseListQuery(query: string): ListQuery {
  const tokens = tokenize(query);
  let p = 0;
  const peek = () => tokens[p]!;
  const next = () => tokens[p++]!;
  const fail = (message: string, token: Token = peek()): never => {
    throw new QueryError(`${message} at position ${token.at}${token.type === 'end' ? ' (end of query)' : ''}`);
  };
  const isWord = (word: string, token = peek()) => token.type === 'word' && token.text.toUpperCase() === word;
  const expectWord = (word: string) => {
    if (!isWord(word)) fail(`expected ${word}`);
    next();
  };
  const field = (): { name: string; at: number } => {
    const t = peek();
    if (t.type !== 'word' || KEYWORDS.has(t.text.toUpperCase())) fail('expected a search attribute name');
    next();
    return { name: t.text, at: t.at };
  };
  const literal = (): Literal => {
    const t = next();
    if (t.type === 'string') return t.text;
    if (t.type === 'number') return Number(t.text);
    if (t.type === 'word' && /^(true|false)$/i.test(t.text)) return t.text.toLowerCase() === 'true';
    return fail('expected a value (a quoted string, a number, true or false)', t);
  };

  const primary = (): Expr => {
    if (peek().type === 'punct' && peek().text === '(') {
      next();
      const inner = or();
      if (!(peek().type === 'punct' && peek().text === ')')) fail("expected ')'");
      next();
      return inner;
    }
    const { name, at } = field();
    const t = peek();
    if (t.type === 'op') {
      next();
      return { kind: 'cmp', field: name, op: t.text as Extract<Expr, { kind: 'cmp' }>['op'], value: literal(), at };
    }
    let negated = false;
    if (isWord('NOT')) {
      next();
      negated = true;
      if (!isWord('IN') && !isWord('BETWEEN')) fail('expected IN or BETWEEN after NOT');
    }
    if (isWord('IN')) {
      next();
      if (!(peek().type === 'punct' && peek().text === '(')) fail("expected '(' after IN");
      next();
      const values = [literal()];
      while (peek().type === 'punct' && peek().text === ',') {
        next();
        values.push(literal());
      }
      if (!(peek().type === 'punct' && peek().text === ')')) fail("expected ',' or ')'");
      next();
      return { kind: 'in', field: name, values, negated, at };
    }
    if (isWord('BETWEEN')) {
      next();
      const low = literal();
      expectWord('AND');
      return { kind: 'between', field: name, low, high: literal(), negated, at };
    }
    if (isWord('STARTS_WITH')) {
      next();
      const prefix = literal();
      if (typeof prefix !== 'string') fail('STARTS_WITH needs a quoted string', tokens[p - 1]);
      return { kind: 'startsWith', field: name, prefix: prefix as string, at };
    }
    if (isWord('IS')) {
      next();
      let isNot = false;
      if (isWord('NOT')) {
        next();
        isNot = true;
      }
      expectWord('NULL');
      return { kind: 'null', field: name, negated: isNot, at };
    }
    return fail('expected an operator (=, !=, >, <, >=, <=, IN, BETWEEN, STARTS_WITH, IS NULL)');
  };
  const and = (): Expr => {
    let left = primary();
    while (isWord('AND')) {
      next();
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Expr => {
    let left = and();
    while (isWord('OR')) {
      next();
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };

  const result: ListQuery = { orderBy: [] };
  if (peek().type !== 'end' && !isWord('ORDER') && !isWord('GROUP')) result.filter = or();
  if (isWord('ORDER')) {
    next();
    expectWord('BY');
    for (;;) {
      const { name } = field();
      let descending = false;
      if (isWord('ASC')) next();
      else if (isWord('DESC')) {
        next();
        descending = true;
      }
      result.orderBy.push({ field: name, descending });
      if (!(peek().type === 'punct' && peek().text === ',')) break;
      next();
    }
  } else if (isWord('GROUP')) {
    next();
    expectWord('BY');
    result.groupBy = field().name;
  }
  if (peek().type !== 'end') fail(`unexpected '${peek().text}'`);
  return result;
}

/** Every field the query names, with its position, so callers can check them against the known attributes. */
export function fieldsOf(query: ListQuery): Array<{ name: string; at: number }> {
  const out: Array<{ name: string; at: number }> = [];
  const walk = (e: Expr | undefined): void => {
    if (!e) return;
    if ('left' in e) {
      walk(e.left);
      walk(e.right);
      return;
    }
    out.push({ name: e.field, at: e.at });
  };
  walk(query.filter);
  return out;
}

/** A value as the evaluator compares it: Datetime as epoch ms, KeywordList as an array. */
export type FieldValue = string | number | boolean | string[] | undefined;

/** Converts a query literal to the attribute's type; throws QueryError when it cannot be one. */
export function coerce(type: ValueType, value: Literal, at: number): string | number | boolean {
  const bad = (): never => {
    throw new QueryError(`invalid ${type} value ${JSON.stringify(value)} for the attribute at position ${at}`);
  };
  switch (type) {
    case 'Int':
    case 'Double': {
      const n = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'boolean' || Number.isNaN(n)) bad();
      return n;
    }
    case 'Bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return bad();
    case 'Datetime': {
      // Numbers are epoch nanoseconds, as Temporal accepts them.
      const ms = typeof value === 'number' ? value / 1e6 : Date.parse(String(value));
      if (typeof value === 'boolean' || Number.isNaN(ms)) bad();
      return ms;
    }
    default:
      return String(value);
  }
}

function compare(a: string | number | boolean, b: string | number | boolean): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}

export interface Row {
  get(field: string): FieldValue;
  type(field: string): ValueType;
}

export function evaluate(e: Expr, row: Row): boolean {
  switch (e.kind) {
    case 'and':
      return evaluate(e.left, row) && evaluate(e.right, row);
    case 'or':
      return evaluate(e.left, row) || evaluate(e.right, row);
    case 'null': {
      const v = row.get(e.field);
      const isNull = v === undefined || (Array.isArray(v) && v.length === 0);
      return e.negated ? !isNull : isNull;
    }
  }
  const type = row.type(e.field);
  const value = row.get(e.field);
  if (value === undefined) return e.kind === 'in' ? e.negated : e.kind === 'between' ? e.negated : false;
  const values = Array.isArray(value) ? value : [value];
  const anyMatch = (test: (v: string | number | boolean) => boolean) => values.some(test);
  switch (e.kind) {
    case 'cmp': {
      const want = coerce(type, e.value, e.at);
      if (type === 'Text') {
        // Full-text match: every word of the value appears in the text.
        const words = String(want).toLowerCase().split(/\s+/).filter(Boolean);
        const text = String(value).toLowerCase();
        const hit = words.every((w) => text.includes(w));
        if (e.op === '=') return hit;
        if (e.op === '!=') return !hit;
        throw new QueryError(`operator ${e.op} is not supported for Text attribute ${e.field} at position ${e.at}`);
      }
      switch (e.op) {
        case '=':
          return anyMatch((v) => compare(v, want) === 0);
        case '!=':
          return !anyMatch((v) => compare(v, want) === 0);
        case '>':
          return anyMatch((v) => compare(v, want) > 0);
        case '<':
          return anyMatch((v) => compare(v, want) < 0);
        case '>=':
          return anyMatch((v) => compare(v, want) >= 0);
        case '<=':
          return anyMatch((v) => compare(v, want) <= 0);
      }
      return false;
    }
    case 'in': {
      const wanted = e.values.map((v) => coerce(type, v, e.at));
      const hit = anyMatch((v) => wanted.some((w) => compare(v, w) === 0));
      return e.negated ? !hit : hit;
    }
    case 'between': {
      const low = coerce(type, e.low, e.at);
      const high = coerce(type, e.high, e.at);
      const hit = anyMatch((v) => compare(v, low) >= 0 && compare(v, high) <= 0);
      return e.negated ? !hit : hit;
    }
    case 'startsWith':
      return anyMatch((v) => typeof v === 'string' && v.startsWith(e.prefix));
  }
}

/** Orders two items by the ORDER BY list, each field's value read by `valueOf` (`i`: the field's place in the list); missing values sort last. */
export function compareBy<T>(orderBy: readonly OrderBy[], a: T, b: T, valueOf: (item: T, field: string, i: number) => FieldValue): number {
  for (let i = 0; i < orderBy.length; i++) {
    const { field, descending } = orderBy[i]!;
    const x = valueOf(a, field, i);
    const y = valueOf(b, field, i);
    if (x === y) continue;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const c = compare(Array.isArray(x) ? x.join(',') : x, Array.isArray(y) ? y.join(',') : y);
    if (c !== 0) return descending ? -c : c;
  }
  return 0;
}

/**
 * The first `limit` items in the order `before` (negative: a comes first), in
 * that order: a full sort when that is most of them, otherwise a max-heap of
 * `limit` items over one pass (n log limit comparisons, not n log n). `before`
 * must be a total order for the result to equal a full sort's prefix. The full
 * sort is done in place: callers hand it an array of their own.
 */
export function firstInOrder<T>(items: T[], limit: number, before: (a: T, b: T) => number): T[] {
  if (limit <= 0) return [];
  if (limit * 4 >= items.length) return items.sort(before).slice(0, limit);
  // heap[0] is the last in order of the ones kept; an item that comes before it replaces it.
  const heap: T[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let last = i;
      if (l < heap.length && before(heap[l]!, heap[last]!) > 0) last = l;
      if (r < heap.length && before(heap[r]!, heap[last]!) > 0) last = r;
      if (last === i) return;
      [heap[i], heap[last]] = [heap[last]!, heap[i]!];
      i = last;
    }
  };
  // Items that come mostly in the reverse of the order wanted (runs are kept in creation order; a list wants the newest
  // first) are read from the end: the heap then fills with nearly the answer and turns most of the rest away at one
  // comparison, where reading from the start would replace its top at nearly every item.
  const backwards = before(items[items.length - 1]!, items[0]!) < 0;
  for (let j = 0; j < items.length; j++) {
    const item = items[backwards ? items.length - 1 - j : j]!;
    if (heap.length < limit) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (before(heap[i]!, heap[parent]!) <= 0) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (before(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(before);
}
