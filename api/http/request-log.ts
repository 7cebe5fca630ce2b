// The request log: one summary line per request (method, path, status, time,
// request id, person) when its response is done, and a logger bound to the
// request's id for what a handler or the error middleware adds about it.
//
// This replaced pino-http, configured down to exactly this line. Even so it
// made a child logger per request and kept three listeners on every response:
// measured in one process with the variants alternating (warm, 8 rounds each
// of 1,500 task lists over 10 connections), a task list cost the API's thread
// 0.74 ms with it, 0.67 ms with this and 0.63 ms with no request log at all
// (docs/performance-log.md, seventeenth session). The line is the same.
//
// Headers, query strings and bodies never reach the log, so no token,
// password or personal text does either.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { genRequestId } from './request-id';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id (X-Request-Id), set by the request log before any route runs. */
    id: string;
    /** A logger bound to the request id, made when read (most requests never log more than their summary line). */
    log: Logger;
  }
  interface ServerResponse {
    /** The error behind a 5xx answer, set by the error middleware: the summary line carries it. */
    err?: Error;
  }
}

/**
 * Installs the request log on `app`: its middleware goes before every route,
 * so every request (a refused or unknown one too) gets an id and a summary
 * line.
 */
export function installRequestLog(app: Express, logger: Logger): void {
  // On the app's request prototype, as a getter: no logger is made for the many requests that never ask for one.
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: IncomingMessage): Logger {
      return logger.child({ reqId: this.id });
    },
  });
  app.use(requestLog(logger));
}

function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    req.id = genRequestId(req, res);
    // 'close' follows 'finish' on a response that was sent, and comes alone when the client went away first.
    res.once('close', () => summarise(logger, req, res, started));
    next();
  };
}

// The person is `req.actor`, which authenticate has set by the time the response is done.
function summarise(logger: Logger, req: Request, res: ServerResponse, started: number): void {
  const line: Record<string, unknown> = {
    reqId: req.id,
    req: { method: req.method, path: req.originalUrl.split('?')[0] },
    responseTime: Date.now() - started,
  };
  if (req.actor) line.personId = req.actor.personId;
  if (!res.writableFinished) {
    logger.warn(line, 'request aborted');
    return;
  }
  const status = res.statusCode;
  line.res = { status };
  if (res.err) {
    line.err = res.err;
    logger.error(line, 'request errored');
  } else if (status >= 500) logger.error(line, 'request completed');
  else if (status >= 400) logger.warn(line, 'request completed');
  else logger.info(line, 'request completed');
}
