// Errors Node's HTTP parser raises before Express sees the request (headers
// too large, a malformed request line, a bad header byte). Node's default
// answers them with a bare status line; here they get a problem+json body
// like every other refusal. Attach to the server that serves createApp().
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { toProblem, PROBLEM_CONTENT_TYPE } from './problem';

interface ClientError extends Error {
  code?: string;
}

function problemFor(err: ClientError) {
  if (err.code === 'HPE_HEADER_OVERFLOW') return toProblem('REQUEST_HEADER_FIELDS_TOO_LARGE', '请求头过大,请减少 Cookie 或其他请求头后重试。');
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_HEADERS_TIMEOUT') return null;
  return toProblem('VALIDATION_FAILED', '请求格式不正确(HTTP 请求行或请求头无效)。', undefined, [
    { in: 'headers', field: '', code: 'malformed_request', message: 'HTTP 请求行或请求头无效' },
  ]);
}

/** Answers parser-level client errors with problem+json and closes the connection. */
export function handleClientErrors(server: Server): Server {
  server.on('clientError', (err: ClientError, socket: Socket) => {
    // A reset connection or one that already answered: nothing to write to.
    if (err.code === 'ECONNRESET' || !socket.writable || (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const problem = problemFor(err);
    if (!problem) {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const body = Buffer.from(JSON.stringify(problem));
    const reason = problem.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    socket.write(`HTTP/1.1 ${problem.status} ${reason}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
    socket.end(body);
    // Closing with the rest of an oversized request unread makes the kernel
    // send a reset, which can reach the client before the answer: read and
    // drop what still comes until the client closes, for a short while.
    socket.on('data', () => {});
    socket.resume();
    setTimeout(() => socket.destroy(), 2_000).unref();
  });
  return server;
}
