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

export type TextProblem = 'malformed_unicode' | 'control_character' | 'line_break';

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  malformed_unicode: '含有无效的 Unicode 字符(不成对的代理项)',
  control_character: '含有不允许的控制字符(如 NUL)',
  line_break: '不能包含换行或制表符',
};

/** What is wrong with one string, or null. `multiLine` allows tab, LF and CR. */
export function textProblem(value: string, multiLine: boolean): TextProblem | null {
  if (LONE_SURROGATE.test(value)) return 'malformed_unicode';
  if ((multiLine ? CONTROL_MULTI_LINE : CONTROL_SINGLE_LINE).test(value)) {
    return !multiLine && !CONTROL_MULTI_LINE.test(value) ? 'line_break' : 'control_character';
  }
  return null;
}

/**
 * Every string (and object key) inside `value` that no field may hold,
 * whatever its schema: malformed Unicode and controls other than tab/newline.
 */
export function textProblems(value: unknown, path: (string | number)[] = [], out: { path: (string | number)[]; problem: TextProblem }[] = []) {
  if (typeof value === 'string') {
    const problem = textProblem(value, true);
    if (problem) out.push({ path, problem });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => textProblems(v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = textProblem(k, false);
      if (keyProblem) out.push({ path: [...path, k], problem: keyProblem });
      else textProblems(v, [...path, k], out);
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
