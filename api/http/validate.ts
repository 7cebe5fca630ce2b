import type { z } from 'zod';
import { AppError } from '../../domain/errors';

export type RequestPart = 'body' | 'query' | 'params' | 'headers';

/** One entry of a problem's `errors`: where, which field, what is wrong. */
export interface FieldError {
  in: RequestPart;
  /** Dotted path inside the part, e.g. "milestones.0.amount"; "" for the part itself. */
  field: string;
  code: string;
  message: string;
}

export function zodIssuesToFieldErrors(issues: readonly z.core.$ZodIssue[], part: RequestPart): FieldError[] {
  return issues.map((issue) => ({
    in: part,
    field: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
  }));
}

/** Parses one part of a request; throws 400 VALIDATION_FAILED listing every bad field. */
export function parsePart<S extends z.ZodType>(schema: S, value: unknown, part: RequestPart): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', `The request ${part === 'params' ? 'path' : part} is invalid.`, {
    details: zodIssuesToFieldErrors(result.error.issues, part),
  });
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
    if (!schema) {
      out[part] = input[part];
      continue;
    }
    const result = schema.safeParse(part === 'body' && input.body === undefined ? {} : input[part]);
    if (result.success) out[part] = result.data;
    else errors.push(...zodIssuesToFieldErrors(result.error.issues, part));
  }
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', `The request is invalid (${errors.length} problem${errors.length > 1 ? 's' : ''}).`, { details: errors });
  }
  return out as { params: z.output<P>; query: z.output<Q>; body: z.output<B> };
}
