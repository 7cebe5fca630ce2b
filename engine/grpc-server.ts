// The gRPC transport: one HTTP/2 server carrying the workflow, operator, test
// and clock-control services. Every call goes through one path that turns
// undecodable or invalid requests into INVALID_ARGUMENT and unexpected
// failures into INTERNAL, so no request can bring the process down.
//
// gRPC framing is done here on `node:http2` rather than by @grpc/grpc-js's
// server: every method the engine serves is unary, and grpc-js's per-call
// machinery (interceptor chain, metadata objects, a zlib stream per
// compressed message) was most of the engine's CPU (README, "Where the
// engine's CPU went with grpc-js"). What a unary gRPC server owes its clients is small and
// all of it is here: the 5-byte message prefix, `grpc-encoding` (gzip,
// deflate), `grpc-timeout`, cancellation by stream reset, status trailers.
import http2 from 'node:http2';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { EngineError, Status } from './errors';

export interface CallContext {
  /** Epoch ms at which the caller gives up (Infinity when it set no deadline). */
  readonly deadline: number;
  readonly cancelled: boolean;
  onCancel(listener: () => void): void;
}

/**
 * A method's implementation. Each declares its request type (engine/wire.ts:
 * `Request<'StartWorkflowExecution'>`…); `never` here accepts any of them.
 */
export type Handler = (request: never, call: CallContext) => Promise<unknown>;

/**
 * A service's methods (`path`, `requestDeserialize`, `responseSerialize` are
 * used; the grpc-js shape is kept because proto-loader builds it and
 * clients of the clock-control service use it) and their implementations.
 */
export interface ServiceBinding {
  definition: grpc.ServiceDefinition;
  handlers: Record<string, Handler>;
}

/** Called once per answered request: method, status code name, milliseconds. */
export type RequestObserver = (method: string, code: string, ms: number) => void;

/** Largest message accepted or sent (what grpc-js was configured with). */
const MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
/**
 * Compressed requests up to this size are inflated synchronously, with their
 * output capped at SYNC_INFLATE_MAX_OUTPUT (well under a millisecond of CPU);
 * bigger ones, or ones that inflate past the cap, go to the thread pool. Nearly
 * every request of the SDK's core is a few hundred bytes, gzip-compressed, and
 * a zlib stream per message costs far more than the inflate itself.
 */
const SYNC_INFLATE_MAX_INPUT = 64 * 1024;
const SYNC_INFLATE_MAX_OUTPUT = 512 * 1024;
/** A session's peer is pinged when idle this long, and dropped if no answer comes within the timeout. */
const KEEPALIVE_MS = 2 * 60_000;
const KEEPALIVE_TIMEOUT_MS = 20_000;

const ACCEPT_ENCODING = 'identity,deflate,gzip';
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);

interface Method {
  name: string;
  handler: Handler;
  decode: (bytes: Buffer) => unknown;
  encode: (value: unknown) => Uint8Array;
}


/** A status the call ends with, other than OK. */
interface Failure {
  code: number;
  message: string;
  details?: Buffer;
}

class CallFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export class GrpcServer {
  private readonly server: http2.Http2Server;
  private readonly methods = new Map<string, Method>();
  private readonly sessions = new Set<http2.ServerHttp2Session>();

  constructor(
    bindings: ServiceBinding[],
    private readonly logger: Logger,
    private readonly observe?: RequestObserver,
  ) {
    for (const { definition, handlers } of bindings) {
      for (const [name, method] of Object.entries(definition)) {
        const handler = handlers[name];
        if (!handler) continue; // answered UNIMPLEMENTED
        this.methods.set(method.path, {
          name,
          handler,
          decode: method.requestDeserialize as (bytes: Buffer) => unknown,
          encode: method.responseSerialize as (value: unknown) => Uint8Array,
        });
      }
    }
    this.server = http2.createServer({
      // Node refuses new streams once a session buffers this much; long polls
      // and large histories must not run into it (grpc-js disables it too).
      maxSessionMemory: Number.MAX_SAFE_INTEGER,
      maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
      settings: {
        // Every worker holds several long polls per task queue on one connection.
        maxConcurrentStreams: 10_000,
        initialWindowSize: 1 << 20,
        maxHeaderListSize: 1 << 20,
      },
    });
    this.server.on('session', (session) => this.track(session));
    this.server.on('stream', (stream, headers) => this.call(stream, headers));
    this.server.on('sessionError', (error) => this.logger.debug({ err: error }, 'http2 session error'));
  }

  /** Listens on host:port (0: a free port); resolves with the bound port. */
  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /** Stops accepting connections, lets calls in progress finish (GOAWAY), then calls back. */
  tryShutdown(callback: () => void): void {
    this.server.close(() => callback());
    for (const session of this.sessions) if (!session.closed) session.close();
  }

  forceShutdown(): void {
    this.server.close();
    for (const session of this.sessions) session.destroy();
  }

  private track(session: http2.ServerHttp2Session): void {
    this.sessions.add(session);
    session.on('error', (error) => this.logger.debug({ err: error }, 'http2 session error'));
    session.setLocalWindowSize(16 << 20);
    // A peer that vanished without closing its connection would otherwise
    // hold its long polls (and their tasks) until TCP gives up.
    let lastActivity = Date.now();
    const touch = () => {
      lastActivity = Date.now();
    };
    session.on('stream', touch);
    const timer = setInterval(() => {
      if (session.closed || session.destroyed || Date.now() - lastActivity < KEEPALIVE_MS) return;
      const answered = setTimeout(() => session.destroy(), KEEPALIVE_TIMEOUT_MS);
      answered.unref();
      try {
        session.ping((error) => {
          clearTimeout(answered);
          if (error) session.destroy();
          else touch();
        });
      } catch {
        clearTimeout(answered);
        session.destroy();
      }
    }, KEEPALIVE_MS);
    timer.unref();
    session.on('close', () => {
      clearInterval(timer);
      this.sessions.delete(session);
    });
  }

  private call(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    const started = performance.now();
    stream.on('error', () => {}); // a reset by the client is handled as cancellation below
    const contentType = headers['content-type'];
    if (headers[':method'] !== 'POST' || typeof contentType !== 'string' || !contentType.startsWith('application/grpc')) {
      try {
        stream.respond({ ':status': 415 }, { endStream: true });
      } catch {
        // already reset
      }
      return;
    }
    const path = headers[':path'] ?? '';
    const method = this.methods.get(path);
    if (!method) {
      // Not counted in the metrics: arbitrary paths would be arbitrary label values.
      respondError(stream, { code: Status.UNIMPLEMENTED, message: `The server does not implement the method ${path}` });
      return;
    }

    let finished = false;
    let cancelled = false;
    let deadlineTimer: NodeJS.Timeout | undefined;
    const listeners: Array<() => void> = [];
    const cancel = () => {
      if (cancelled) return;
      cancelled = true;
      for (const listener of listeners.splice(0)) listener();
    };
    const finish = (failure: Failure | undefined, body?: Uint8Array) => {
      if (finished) return;
      finished = true;
      if (deadlineTimer) clearTimeout(deadlineTimer);
      listeners.length = 0;
      if (failure) respondError(stream, failure);
      else respond(stream, body!);
      this.observe?.(method.name, failure ? (Status[failure.code] ?? 'UNKNOWN') : 'OK', performance.now() - started);
    };
    // A stream that closes before the answer is a call the client gave up on
    // (a reset, or its connection went away). After the answer it is not:
    // cancel listeners must not run for a poll that was handed a task.
    stream.once('close', () => {
      if (finished) return;
      finished = true;
      if (deadlineTimer) clearTimeout(deadlineTimer);
      this.observe?.(method.name, 'CANCELLED', performance.now() - started);
      cancel();
    });

    const deadline = parseTimeout(headers['grpc-timeout']);
    if (Number.isFinite(deadline)) {
      deadlineTimer = setTimeout(
        () => {
          cancel();
          finish({ code: Status.DEADLINE_EXCEEDED, message: 'Deadline exceeded' });
        },
        Math.max(0, deadline - Date.now()),
      );
    }
    const context: CallContext = {
      deadline,
      get cancelled() {
        return cancelled;
      },
      onCancel: (listener) => {
        if (cancelled) listener();
        else listeners.push(listener);
      },
    };

    readMessage(stream, headers['grpc-encoding'])
      .then((bytes) => {
        if (finished) return undefined;
        let request: unknown;
        try {
          request = method.decode(bytes);
        } catch (error) {
          throw new CallFailure({ code: Status.INVALID_ARGUMENT, message: `malformed ${method.name} request: ${(error as Error).message}` });
        }
        return method.handler((request ?? {}) as never, context);
      })
      .then(
        (response) => {
          if (finished) return;
          let body: Uint8Array;
          try {
            body = method.encode(response ?? {});
          } catch (error) {
            this.logger.error({ method: method.name, err: error }, 'response not serialisable');
            finish({ code: Status.INTERNAL, message: `${method.name} failed: ${(error as Error).message}` });
            return;
          }
          if (body.length > MAX_MESSAGE_BYTES) {
            finish({ code: Status.RESOURCE_EXHAUSTED, message: `response larger than ${MAX_MESSAGE_BYTES} bytes (${body.length})` });
          } else finish(undefined, body);
        },
        (error) => {
          if (error instanceof CallFailure) {
            finish(error.failure);
          } else if (error instanceof EngineError) {
            this.logger.debug({ method: method.name, code: error.code, message: error.message }, 'request refused');
            let details: Buffer | undefined;
            try {
              details = error.statusDetails();
            } catch (detailError) {
              this.logger.error({ method: method.name, err: detailError }, 'error detail not encodable');
            }
            finish({ code: error.code, message: error.message, details });
          } else {
            this.logger.error({ method: method.name, err: error }, 'request failed');
            finish({ code: Status.INTERNAL, message: `${method.name} failed: ${(error as Error)?.message ?? error}` });
          }
        },
      );
  }
}

/** Reads the one request message of a unary call, inflated. */
function readMessage(stream: http2.ServerHttp2Stream, encoding: string | string[] | undefined): Promise<Buffer> {
  return new Promise<{ compressed: boolean; bytes: Buffer }>((resolve, reject) => {
    // The message is copied into an exact-size, unpooled buffer: decoded bytes
    // fields are views into it, and long-lived payloads must not pin pool
    // slabs or whole transport frames.
    const prefix = Buffer.alloc(5);
    let prefixRead = 0;
    let message: Buffer | undefined;
    let messageRead = 0;
    let extra = false;
    let refused = false;
    stream.on('data', (chunk: Buffer) => {
      if (refused) return;
      let offset = 0;
      while (offset < chunk.length) {
        if (prefixRead < 5) {
          const n = Math.min(5 - prefixRead, chunk.length - offset);
          chunk.copy(prefix, prefixRead, offset, offset + n);
          prefixRead += n;
          offset += n;
          if (prefixRead === 5) {
            const length = prefix.readUInt32BE(1);
            if (length > MAX_MESSAGE_BYTES) {
              refused = true;
              stream.pause();
              reject(new CallFailure({ code: Status.RESOURCE_EXHAUSTED, message: `request larger than ${MAX_MESSAGE_BYTES} bytes (${length})` }));
              return;
            }
            message = Buffer.allocUnsafeSlow(length);
          }
        } else if (messageRead < message!.length) {
          const n = Math.min(message!.length - messageRead, chunk.length - offset);
          chunk.copy(message!, messageRead, offset, offset + n);
          messageRead += n;
          offset += n;
        } else {
          extra = true;
          return;
        }
      }
    });
    stream.on('end', () => {
      if (refused) return;
      if (prefixRead < 5 || messageRead < message!.length) {
        reject(new CallFailure({ code: Status.INVALID_ARGUMENT, message: prefixRead === 0 ? 'unary call without a request message' : 'truncated request message' }));
      } else if (extra) {
        reject(new CallFailure({ code: Status.UNIMPLEMENTED, message: 'more than one request message on a unary call' }));
      } else {
        resolve({ compressed: prefix[0] === 1, bytes: message! });
      }
    });
  }).then(({ compressed, bytes }) => (compressed ? decompress(bytes, typeof encoding === 'string' ? encoding : 'identity') : bytes));
}

async function decompress(bytes: Buffer, encoding: string): Promise<Buffer> {
  if (encoding !== 'gzip' && encoding !== 'deflate') {
    throw new CallFailure({
      code: encoding === 'identity' ? Status.INTERNAL : Status.UNIMPLEMENTED,
      message: encoding === 'identity' ? 'compressed message without grpc-encoding' : `compression ${encoding} not supported`,
    });
  }
  let inflated: Buffer | undefined;
  try {
    if (bytes.length <= SYNC_INFLATE_MAX_INPUT) {
      try {
        const options = { maxOutputLength: SYNC_INFLATE_MAX_OUTPUT };
        inflated = encoding === 'gzip' ? zlib.gunzipSync(bytes, options) : zlib.inflateSync(bytes, options);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
      }
    }
    if (!inflated) {
      const options = { maxOutputLength: MAX_MESSAGE_BYTES };
      inflated = await (encoding === 'gzip' ? gunzip(bytes, options) : inflate(bytes, options));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new CallFailure({ code: Status.RESOURCE_EXHAUSTED, message: `request inflates past ${MAX_MESSAGE_BYTES} bytes` });
    }
    throw new CallFailure({ code: Status.INTERNAL, message: `request not decompressible: ${(error as Error).message}` });
  }
  // zlib hands back views into its larger output chunks (see readMessage).
  if (inflated.byteOffset === 0 && inflated.buffer.byteLength === inflated.length) return inflated;
  const own = Buffer.allocUnsafeSlow(inflated.length);
  inflated.copy(own);
  return own;
}

/** `grpc-timeout`: up to 8 digits and a unit (Hours, Minutes, Seconds, milli-, micro-, nanoseconds) → epoch ms. */
function parseTimeout(value: string | string[] | undefined): number {
  if (typeof value !== 'string') return Infinity;
  const match = /^(\d{1,8})([HMSmun])$/.exec(value);
  if (!match) return Infinity;
  const scale = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 1e-3, n: 1e-6 }[match[2] as 'H'];
  return Date.now() + Number(match[1]) * scale;
}

function respond(stream: http2.ServerHttp2Stream, body: Uint8Array): void {
  if (stream.closed || stream.destroyed) return;
  const frame = Buffer.allocUnsafe(5 + body.length);
  frame[0] = 0;
  frame.writeUInt32BE(body.length, 1);
  frame.set(body, 5);
  try {
    stream.respond(
      { ':status': 200, 'content-type': 'application/grpc', 'grpc-accept-encoding': ACCEPT_ENCODING },
      { waitForTrailers: true },
    );
    stream.once('wantTrailers', () => {
      try {
        stream.sendTrailers({ 'grpc-status': '0' });
      } catch {
        // reset by the client after the message went out
      }
    });
    stream.end(frame);
  } catch {
    // The client reset the stream in the meantime: nobody to answer.
  }
}

/** A failure goes out as a trailers-only response (one HEADERS frame ending the stream). */
function respondError(stream: http2.ServerHttp2Stream, failure: Failure): void {
  if (stream.closed || stream.destroyed) return;
  const headers: http2.OutgoingHttpHeaders = {
    ':status': 200,
    'content-type': 'application/grpc',
    'grpc-accept-encoding': ACCEPT_ENCODING,
    'grpc-status': String(failure.code),
    'grpc-message': percentEncode(failure.message),
  };
  if (failure.details) headers['grpc-status-details-bin'] = failure.details.toString('base64');
  try {
    stream.respond(headers, { endStream: true });
  } catch {
    // as in respond
  }
}

/** `grpc-message`: UTF-8, with bytes outside printable ASCII and '%' percent-encoded. */
function percentEncode(message: string): string {
  return message.replace(/[^ -$&-~]+/g, (run) => {
    try {
      return encodeURIComponent(run);
    } catch {
      return '?'; // a lone surrogate
    }
  });
}

export function createGrpcServer(bindings: ServiceBinding[], logger: Logger, observe?: RequestObserver): GrpcServer {
  return new GrpcServer(bindings, logger, observe);
}

export function bindServer(server: GrpcServer, host: string, port: number): Promise<number> {
  return server.listen(host, port);
}
