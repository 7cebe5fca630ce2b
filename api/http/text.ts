// The text every request may carry, decided once. PostgreSQL refuses a lone
// UTF-16 surrogate (22021) and a NUL byte in `text`; a value that reaches a
// workflow and only then fails in a read-model write retries for ever and
// wedges the process (issue 13). So every string is checked here, before any
// use case runs: the schema helpers below give per-field rules (single or
// multi-line, length), and `textProblems` is the safety net parseRequest runs
// over every string of params, query and body — including ones a schema
// declares as plain z.string() or as record keys.
import { z } from 'zod';
import { isLocalDate } from '../../domain/calendar';

/** C0 controls and DEL; tab, LF and CR are allowed only in multi-line text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextProblem = 'malformed_unicode' | 'control_character' | 'line_break' | 'too_deep';

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  malformed_unicode: '含有无效的 Unicode 字符(不成对的代理项)',
  control_character: '含有不允许的控制字符(如 NUL)',
  line_break: '不能包含换行或制表符',
  too_deep: `嵌套层级过深`,
};

/** What is wrong with one string, or null. `multiLine` allows tab, LF and CR. */
export function textProblem(value: string, multiLine: boolean): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'malformed_unicode';
  if ((multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) {
    return !multiLine && !CONTROL_MULTI_LINE.test(value) ? 'line_break' : 'control_character';
  }
  return null;
}

/** Deeper than any request of ours nests; a deeper one is refused before anything walks it. */
export const MAX_DEPTH = 32;

/**
 * Every string (and object key) inside `value` that no field may hold,
 * whatever its schema: malformed Unicode, controls other than tab/newline,
 * and nesting deeper than MAX_DEPTH (walked without recursion, so a body of
 * ten thousand brackets cannot exhaust the stack).
 */
export function textProblems(value: unknown): { path: (string | number)[]; problem: TextProblem }[] {
  const out: { path: (string | number)[]; problem: TextProblem }[] = [];
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v, true);
      if (problem) out.push({ path, problem });
    } else if (v && typeof v === 'object') {
      if (path.length >= MAX_DEPTH) {
        out.push({ path, problem: 'too_deep' });
        continue;
      }
      const entries: Array<[string | number, unknown]> = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
      for (const [k, x] of entries) {
        const keyProblem = typeof k === 'string' ? textProblem(k, false) : null;
        if (keyProblem) out.push({ path: [...path, k], problem: keyProblem });
        else stack.push({ value: x, path: [...path, k] });
      }
    }
  }
  return out;
}

function checked(multiLine: boolean) {
  return z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, multiLine);
    if (problem) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[problem], params: { code: problem }, input: value });
  });
}

export interface TextOptions {
  /** Allow the empty string (after trimming). Default false: at least one character. */
  allowEmpty?: boolean;
}

/** One line of text (a name, a title, a number): trimmed, no line breaks, at most `max` characters. */
export function zLine(max: number, options: TextOptions = {}) {
  return checked(false).trim().min(options.allowEmpty ? 0 : 1).max(max);
}

/** Free text that may span lines (a summary, a comment): trimmed, at most `max` characters. */
export function zText(max: number, options: TextOptions = {}) {
  return checked(true).trim().min(options.allowEmpty ? 0 : 1).max(max);
}

/** An identifier as the client got it from us: one token, no spaces or controls, not trimmed. */
export function zId(max = 100) {
  return checked(false)
    .min(1)
    .max(max)
    .regex(/^\S+$/, '编号不能包含空白字符');
}

/** A calendar date YYYY-MM-DD (Beijing date); impossible ones ("2026-13-45", "0000-00-00") are refused. */
export function zDate() {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD', abort: true })
    .refine(isLocalDate, { message: '不是有效的日历日期', params: { code: 'invalid_date' }, abort: true })
    .describe('日期 YYYY-MM-DD(北京时间)');
}
