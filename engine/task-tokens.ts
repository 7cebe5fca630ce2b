// Task tokens are opaque to workers; ours are small JSON documents naming the
// run and the exact task attempt, so a late answer to a superseded task is
// recognized and refused.
import { invalidArgument } from './errors';

export type TaskToken =
  | { k: 'w'; r: string; s: number; t: number; q?: string }
  | { k: 'a'; r: string; s: number; a: number; x?: number }
  | { k: 'q'; id: string };

export function encodeToken(token: TaskToken): Buffer {
  return Buffer.from(JSON.stringify(token));
}

export function decodeToken<K extends TaskToken['k']>(bytes: Buffer | undefined, expected: K): Extract<TaskToken, { k: K }> {
  if (!bytes || bytes.length === 0) throw invalidArgument('Task token not set on request.');
  let token: Extract<TaskToken, { k: K }> | undefined;
  try {
    token = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw invalidArgument('Error deserializing task token.');
  }
  if (!token || token.k !== expected) throw invalidArgument('Task token is not of the expected kind.');
  return token;
}
