// A refused request's field errors shown on the fields of the form that sent
// it, as the form's own checks show theirs: the clerk sees which box to
// correct under the box, not "parties.0.phone:电话号码格式不正确" in an alert.
// The API decides what is valid (one home for the rules); this only places
// its answer. Errors on no field of the form stay in the alert's text.
import { Form, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from './api/client';

type NamePath = Array<string | number>;

/** `parties.0.phone` as antd's name path `['parties', 0, 'phone']`. */
function toPath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the body field errors of `error` on the form's fields and returns what
 * the form's alert should say. `rename` maps a body key to the form's field
 * where they differ (`amountFen` → `amountYuan`, at any depth); an error on an item of a
 * list the form edits as one box (`photos.2`) goes on that box.
 */
export function placeFieldErrors(form: FormInstance, error: Error, rename: Record<string, string> = {}): { message: string; placed: NamePath[] } {
  const problems = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  const fields = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const problem of problems) {
    const message = problem.message ?? '格式不正确';
    let path = problem.in === 'body' && problem.field ? toPath(problem.field) : [];
    path = path.map((part) => (typeof part === 'string' && rename[part] ? rename[part] : part));
    while (path.length > 0 && !fields.has(JSON.stringify(path))) path = path.slice(0, -1);
    if (path.length === 0) {
      rest.push(problem.field ? `${problem.field}:${message}` : message);
      continue;
    }
    const key = JSON.stringify(path);
    const entry = placed.get(key) ?? { name: path, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    placed.set(key, entry);
  }
  if (placed.size === 0) return { message: error.message, placed: [] };
  const entries = [...placed.values()];
  form.setFields(entries);
  form.scrollToField(entries[0]!.name, { block: 'center' });
  const marked = `有 ${placed.size} 处需要修改,已在表单中标出。`;
  return { message: rest.length > 0 ? `${marked}另:${rest.join(';')}` : marked, placed: entries.map((e) => e.name) };
}

/**
 * What a form's alert says about a failed submit: `error`'s field errors are
 * placed on the form (see placeFieldErrors), and each is cleared once its
 * field is changed (a field without rules of its own is never validated
 * again, so antd alone would keep the API's error under a corrected box).
 */
export function useSubmitError(form: FormInstance, error: Error | null, rename?: Record<string, string>): string | null {
  const [message, setMessage] = useState<string | null>(null);
  const marked = useRef<Array<{ name: NamePath; value: string }>>([]);
  const values: unknown = Form.useWatch((v) => v, { form, preserve: true });
  useEffect(() => {
    if (!error) {
      marked.current = [];
      setMessage(null);
      return;
    }
    const { message: text, placed } = placeFieldErrors(form, error, rename);
    marked.current = placed.map((name) => ({ name, value: JSON.stringify(form.getFieldValue(name)) ?? '' }));
    setMessage(text);
    // `rename` is a constant of each form; the error is what changes.
  }, [form, error]);
  useEffect(() => {
    const changed = marked.current.filter((m) => (JSON.stringify(form.getFieldValue(m.name)) ?? '') !== m.value);
    if (changed.length === 0) return;
    form.setFields(changed.map((m) => ({ name: m.name, errors: [] })));
    marked.current = marked.current.filter((m) => !changed.includes(m));
  }, [form, values]);
  return error ? (message ?? error.message) : null;
}
