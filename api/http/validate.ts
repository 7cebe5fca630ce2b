import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { TEXT_PROBLEM_MESSAGES, textProblems } from './text';

export type RequestPart = 'body' | 'query' | 'params' | 'headers';

/** One entry of a problem's `errors`: where, which field, what is wrong. */
export interface FieldError {
  in: RequestPart;
  /** Dotted path inside the part, e.g. "milestones.0.amount"; "" for the part itself. */
  field: string;
  code: string;
  message: string;
}

const PART_LABELS: Record<RequestPart, string> = { body: '请求正文', query: '查询参数', params: '路径参数', headers: '请求头' };

const TYPE_LABELS: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值(true/false)',
  object: '对象',
  array: '数组',
  null: '空值',
  undefined: '空',
  nan: '非数字(NaN)',
  date: '日期',
  bigint: '整数',
};

const typeLabel = (t: string): string => TYPE_LABELS[t] ?? t;

function receivedType(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const zhFallback = z.locales.zhCN().localeError;

/**
 * zod's messages in Chinese, one per issue kind; a schema's own message
 * (e.g. '电话号码格式不正确') wins over this map.
 */
export const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必填';
      return `应为${typeLabel(issue.expected)},收到的是${typeLabel(receivedType(issue.input))}`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${min} 项`;
      return `不能小于 ${min}${issue.inclusive === false ? '(不含)' : ''}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `不能超过 ${max} 项`;
      return `不能大于 ${max}${issue.inclusive === false ? '(不含)' : ''}`;
    }
    case 'invalid_value':
      return `取值无效,应为以下之一:${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return '不是有效的编号(UUID)';
      if (issue.format === 'datetime') return '不是有效的时间(ISO 8601)';
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `不认识的字段:${issue.keys.join('、')}`;
    case 'invalid_union':
      return '不符合任何一种允许的格式';
    case 'invalid_key':
      return '键名无效';
    case 'invalid_element':
      return '元素无效';
    default:
      return zhFallback(issue) ?? '取值无效';
  }
};

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[], part: RequestPart): FieldError[] {
  return issues.map((issue) => {
    const params = (issue as { params?: { code?: unknown } }).params;
    return {
      in: part,
      field: issue.path.map(String).join('.'),
      code: typeof params?.code === 'string' ? params.code : issue.code,
      message: issue.message,
    };
  });
}

/** The strings no field may hold, whatever its schema (see text.ts). */
function textFieldErrors(value: unknown, part: RequestPart): FieldError[] {
  return textProblems(value).map(({ path, problem }) => ({
    in: part,
    field: path.map(String).join('.'),
    code: problem,
    message: TEXT_PROBLEM_MESSAGES[problem],
  }));
}

function parseOne(schema: z.ZodType, value: unknown, part: RequestPart): { ok: true; data: unknown } | { ok: false; errors: FieldError[] } {
  const textErrors = textFieldErrors(value, part);
  // Too deep to hand to a recursive parser at all.
  if (textErrors.some((e) => e.code === 'too_deep')) return { ok: false, errors: textErrors };
  const result = schema.safeParse(value, { error: zhErrorMap });
  const schemaErrors = result.success ? [] : zodIssuesToFieldErrors(result.error.issues, part);
  // A field refused for its characters is named once, with that reason.
  const named = new Set(textErrors.map((e) => e.field));
  const errors = [...textErrors, ...schemaErrors.filter((e) => !named.has(e.field))];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, data: (result as { data: unknown }).data };
}

export function validationDetail(errors: readonly FieldError[]): string {
  const fields = [...new Set(errors.map((e) => (e.field ? e.field : PART_LABELS[e.in])))];
  const shown = errors
    .slice(0, 3)
    .map((e) => `${e.field || PART_LABELS[e.in]}:${e.message}`)
    .join(';');
  return `请求有 ${errors.length} 处不符合要求(${fields.slice(0, 5).join('、')}${fields.length > 5 ? ' 等' : ''}):${shown}${errors.length > 3 ? ' …' : ''}`;
}

/** Parses one part of a request; throws 400 VALIDATION_FAILED listing every bad field. */
export function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.output<S> {
  const result = parseOne(schema, value, part);
  if (result.ok) return result.data as z.output<S>;
  throw new AppError('VALIDATION_FAILED', validationDetail(result.errors), { details: result.errors });
}

/**
 * Parses several parts at once, so a client sees the errors of body, query
 * and path together rather than one part per round trip.
 */
export function parseRequest<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  schemas: { params?: P; query?: Q; body?: B },
  input: { params: unknown; query: unknown; body: unknown },
): { params: z.output<P>; query: z.output<Q>; body: z.output<B> } {
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const part of ['params', 'query', 'body'] as const) {
    const schema = schemas[part];
    const value = part === 'body' && input.body === undefined ? {} : input[part];
    if (!schema) {
      // Nothing declared, nothing used: still, no malformed text gets past the boundary.
      errors.push(...textFieldErrors(input[part], part));
      out[part] = input[part];
      continue;
    }
    const result = parseOne(schema, value, part);
    if (result.ok) out[part] = result.data;
    else errors.push(...result.errors);
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', validationDetail(errors), { details: errors });
  return out as { params: z.output<P>; query: z.output<Q>; body: z.output<B> };
}
