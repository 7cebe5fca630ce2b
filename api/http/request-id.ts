import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// A caller-supplied id is kept only when it is short and plain, so it cannot
// inject into logs or headers.
const ACCEPTABLE = /^[\w.:-]{1,128}$/;

/** The request log's id: reuse the incoming X-Request-Id or mint one, and echo it. */
export function genRequestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
