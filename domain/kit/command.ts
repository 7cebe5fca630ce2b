// The vocabulary every process shares: what an action carries into a
// workflow update and what it answers. Action names are camelCase verbs
// (`approveApplication`, `acceptCase`, `castVote`), the same string in the
// inbox task, the URL, the OpenAPI document, the update and the timeline.
import type { Actor } from '../access';

/** The one update payload: who acts (resolved by the API) and the action's input. */
export interface ActionCommand<I = unknown> {
  actor: Actor;
  input: I;
  /** The API request that sent it, for the audit trail. */
  requestId?: string;
}

/**
 * The one update result. `Extra` carries the ids an action creates (a
 * question's id, a vote's round) so the caller can refer to them next.
 */
export type ActionResult<Stage extends string = string, Extra extends object = object> = {
  stage: Stage;
  version: number;
  /** zh-CN summary of what happened. */
  message: string;
} & Extra;

/**
 * Reads an update argument in any shape this platform has sent: the
 * current `{ actor, input }`, and — for workflows started before the
 * vocabulary was unified, whose histories replay old updates — mediation's
 * `{ actor, payload }` and reporting's flat `{ actor, ...input }`.
 */
export function commandOf<I>(arg: unknown): ActionCommand<I> | null {
  if (!arg || typeof arg !== 'object') return null;
  const a = arg as Record<string, unknown> & { actor?: Actor };
  if (!a.actor || typeof a.actor !== 'object') return null;
  if ('input' in a && a.input && typeof a.input === 'object') return a as unknown as ActionCommand<I>;
  if ('payload' in a && a.payload && typeof a.payload === 'object') return { actor: a.actor, input: a.payload as I, requestId: a.requestId as string | undefined };
  const { actor, requestId, ...rest } = a;
  return { actor, input: rest as I, requestId: requestId as string | undefined };
}
