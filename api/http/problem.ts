// The one place where failures become HTTP responses: application/problem+json
// (RFC 9457) with a stable `code` from domain/errors.ts. 500s say only that
// something went wrong and which request id to look up in the log.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, ERROR_CODES, ERROR_TITLES, isErrorCode, type ErrorCode } from '../../domain/errors';
import { validationDetail, zodIssuesToFieldErrors, type FieldError } from './validate';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  requestId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** `type` points at the error catalogue on the docs page. */
export function problemType(code: ErrorCode): string {
  return `/api/docs#error-${code}`;
}

export function toProblem(code: ErrorCode, detail: string, requestId?: string, errors?: FieldError[]): Problem {
  const { status } = ERROR_CODES[code];
  return { type: problemType(code), title: ERROR_TITLES[code], status, code, detail, requestId, ...(errors ? { errors } : {}) };
}

/**
 * Finds an application error code anywhere in the cause chain: a workflow
 * update validator throws ApplicationFailure whose `type` is one of our codes,
 * and the client wraps it (WorkflowUpdateFailedError → ApplicationFailure).
 */
function codeFromCauseChain(err: unknown): { code: ErrorCode; message: string } | null {
  let current: unknown = err;
  for (let depth = 0; current && depth < 8; depth++) {
    const e = current as { name?: string; type?: unknown; message?: string; cause?: unknown };
    if (e.name === 'ApplicationFailure' && isErrorCode(e.type)) return { code: e.type, message: e.message ?? e.type };
    if (e.name === 'WorkflowNotFoundError') return { code: 'NOT_FOUND', message: '该流程实例不存在。' };
    current = e.cause;
  }
  return null;
}

export function problemFromError(err: unknown, requestId?: string): Problem {
  if (err instanceof AppError) {
    const errors = err.code === 'VALIDATION_FAILED' && Array.isArray(err.details) ? (err.details as FieldError[]) : undefined;
    return toProblem(err.code, err.message, requestId, errors);
  }
  if (err instanceof ZodError) {
    const errors = zodIssuesToFieldErrors(err.issues, 'body');
    return toProblem('VALIDATION_FAILED', validationDetail(errors), requestId, errors);
  }
  // body-parser errors carry `type` and `status`.
  const bp = err as { type?: string; status?: number };
  if (bp?.type === 'entity.parse.failed') {
    return toProblem('VALIDATION_FAILED', '请求正文不是有效的 JSON。', requestId, [{ in: 'body', field: '', code: 'invalid_json', message: '不是有效的 JSON' }]);
  }
  if (bp?.type === 'entity.too.large') return toProblem('PAYLOAD_TOO_LARGE', '请求正文过大。', requestId);
  if (bp?.type === 'encoding.unsupported' || bp?.type === 'charset.unsupported') {
    return toProblem('VALIDATION_FAILED', '不支持请求正文的编码或字符集(请使用 UTF-8)。', requestId, [{ in: 'body', field: '', code: 'unsupported_encoding', message: '请使用 UTF-8' }]);
  }
  if (bp?.type === 'request.aborted' || bp?.type === 'request.size.invalid' || bp?.type === 'stream.encoding.set') {
    return toProblem('VALIDATION_FAILED', '请求正文不完整。', requestId, [{ in: 'body', field: '', code: 'incomplete_body', message: '请求正文不完整' }]);
  }
  // The router could not percent-decode a path parameter ("%", "%ED%A0%80").
  if (err instanceof URIError) {
    return toProblem('VALIDATION_FAILED', '路径参数不是有效的百分号编码(UTF-8)。', requestId, [
      { in: 'params', field: '', code: 'invalid_encoding', message: '不是有效的百分号编码(UTF-8)' },
    ]);
  }
  // Any other client error of Express's own layers (http-errors with 4xx) is the client's, not a 500.
  if (typeof bp?.status === 'number' && bp.status >= 400 && bp.status < 500 && (err as { expose?: boolean }).expose) {
    if (bp.status === 413) return toProblem('PAYLOAD_TOO_LARGE', '请求正文过大。', requestId);
    return toProblem('VALIDATION_FAILED', '请求无效。', requestId, []);
  }
  const fromTemporal = codeFromCauseChain(err);
  if (fromTemporal) return toProblem(fromTemporal.code, fromTemporal.message, requestId);
  return toProblem('INTERNAL', '服务器发生意外错误。反馈问题时请提供请求编号(requestId)。', requestId);
}

/** Seconds a 503 tells the client to wait (a busy process, a dependency away). */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

export function sendProblem(res: import('express').Response, problem: Problem, retryAfterSeconds?: number): void {
  if (problem.status === 503 && !res.get('Retry-After')) res.set('Retry-After', String(retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS));
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export const errorMiddleware: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const problem = problemFromError(err, req.id as string | undefined);
  // The person, as the request's summary line names them (the request's logger is bound to its id only).
  const personId = req.actor?.personId;
  if (problem.status >= 500) req.log?.error({ err, personId }, 'request failed');
  else req.log?.info({ code: problem.code, detail: problem.detail, personId }, 'request refused');
  // The request log (request-log.ts) reads this to log the error with the summary line.
  if (problem.status >= 500) res.err = err as Error;
  const retryAfter = err instanceof AppError ? (err.details as { retryAfter?: unknown } | undefined)?.retryAfter : undefined;
  sendProblem(res, problem, typeof retryAfter === 'number' ? retryAfter : undefined);
};

export const notFoundMiddleware: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `没有这个接口:${req.method} ${req.path}`));
};
