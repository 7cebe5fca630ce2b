// "Required" for a TreeSelect field: the label's asterisk and the check, without
// antd's `required`, which puts aria-required on the TreeSelect's role-less
// wrapper (axe rejects it). The asterisk is drawn as antd draws its own.
import type { ReactNode } from 'react';

/** Spread into a Form.Item: its label with the required mark, and a rule refusing an empty pick with `message`. */
export function requiredPick(label: ReactNode, message: string) {
  return {
    label: <span className="label-required">{label}</span>,
    rules: [{ validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))) }],
  };
}
