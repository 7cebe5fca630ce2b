// The gRPC transport: one server carrying the workflow, operator and test
// services. Every call goes through one wrapper that turns undecodable or
// invalid requests into INVALID_ARGUMENT and unexpected failures into
// INTERNAL, so no request can bring the process down.
import * as grpc from '@grpc/grpc-js';
import { BaseServerInterceptingCall } from '@grpc/grpc-js/build/src/server-interceptors';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { Logger } from 'pino';
import { EngineError } from './errors';

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

type Message = Record<string | symbol, unknown>;

export interface ServiceBinding {
  definition: grpc.ServiceDefinition;
  handlers: Record<string, Handler>;
}

const MALFORMED = Symbol('malformed request');

function tolerantDefinition(definition: grpc.ServiceDefinition): grpc.ServiceDefinition {
  const copy: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [name, method] of Object.entries(definition)) {
    const decode = method.requestDeserialize;
    copy[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          // Decoded bytes fields are views into the input; an exact-size,
          // unpooled copy keeps long-lived payloads from pinning 8 KiB
          // pool slabs or whole transport frames.
          const own = Buffer.allocUnsafeSlow(bytes.length);
          bytes.copy(own);
          return decode(own);
        } catch (error) {
          return { [MALFORMED]: (error as Error).message };
        }
      },
    };
  }
  return copy as grpc.ServiceDefinition;
}

function deadlineOf(call: grpc.ServerUnaryCall<Message, unknown>): number {
  const deadline = call.getDeadline();
  if (deadline instanceof Date) return deadline.getTime();
  return typeof deadline === 'number' && Number.isFinite(deadline) ? deadline : Infinity;
}

/** Called once per answered request: method, status code name, milliseconds. */
export type RequestObserver = (method: string, code: string, ms: number) => void;

function wrap(name: string, handler: Handler, logger: Logger, observe?: RequestObserver): grpc.handleUnaryCall<Message, unknown> {
  return (call, originalCallback) => {
    const started = performance.now();
    const callback: grpc.sendUnaryData<unknown> = (error, value) => {
      observe?.(name, error ? (grpc.status[error.code ?? grpc.status.UNKNOWN] ?? 'UNKNOWN') : 'OK', performance.now() - started);
      originalCallback(error, value);
    };
    const request = call.request;
    if (request && request[MALFORMED]) {
      callback({ code: grpc.status.INVALID_ARGUMENT, details: `malformed ${name} request: ${request[MALFORMED]}` });
      return;
    }
    let cancelled = false;
    const listeners: Array<() => void> = [];
    call.on('cancelled', () => {
      cancelled = true;
      for (const listener of listeners.splice(0)) listener();
    });
    const context: CallContext = {
      deadline: deadlineOf(call),
      get cancelled() {
        return cancelled;
      },
      onCancel: (listener) => {
        if (cancelled) listener();
        else listeners.push(listener);
      },
    };
    let result: Promise<unknown>;
    try {
      result = handler((request ?? {}) as never, context);
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (response) => callback(null, response),
      (error) => {
        if (error instanceof EngineError) {
          logger.debug({ method: name, code: error.code, message: error.message }, 'request refused');
          callback(error.toServiceError());
        } else {
          logger.error({ method: name, err: error }, 'request failed');
          callback({ code: grpc.status.INTERNAL, details: `${name} failed: ${(error as Error)?.message ?? error}` });
        }
      },
    );
  };
}

/**
 * The SDK's core (Rust, tonic) sends every request gzip-compressed, and
 * grpc-js inflates each one through a zlib stream of its own (a stream
 * object, listeners, thread-pool callbacks, a flush): profiled under the
 * bench, that was 30% of the engine's CPU, more than all of the engine's own
 * code. Requests are small (a few KiB; at most the receive limit), so a
 * one-shot synchronous inflate does the same work for a quarter of the cost.
 * Replaces the method on grpc-js's server call (same contract: a Buffer, or
 * a status object thrown or rejected); left alone if a grpc-js version no
 * longer has it. Affects every grpc-js server of the process, identically.
 */
function inflateRequestsInOneStep(): void {
  type Call = { maxReceiveMessageSize: number };
  const prototype = BaseServerInterceptingCall.prototype as unknown as { decompressMessage?: (this: Call, message: Buffer, encoding: string) => Buffer | Promise<Buffer> };
  if (typeof prototype.decompressMessage !== 'function') return;
  prototype.decompressMessage = function (message, encoding) {
    const contents = message.subarray(5);
    if (encoding === 'identity') return contents;
    if (encoding !== 'gzip' && encoding !== 'deflate') {
      return Promise.reject({ code: grpc.status.UNIMPLEMENTED, details: `Received message compressed with unsupported encoding "${encoding}"` });
    }
    const limit = this.maxReceiveMessageSize;
    try {
      return (encoding === 'gzip' ? gunzipSync : inflateSync)(contents, limit === -1 ? {} : { maxOutputLength: limit });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw { code: grpc.status.RESOURCE_EXHAUSTED, details: `Received message that decompresses to a size larger than ${limit}` };
      }
      throw { code: grpc.status.INTERNAL, details: 'Failed to decompress message' };
    }
  };
}

export function createGrpcServer(bindings: ServiceBinding[], logger: Logger, observe?: RequestObserver): grpc.Server {
  inflateRequestsInOneStep();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': 128 * 1024 * 1024,
    'grpc.max_send_message_length': 128 * 1024 * 1024,
  });
  for (const { definition, handlers } of bindings) {
    const implementation: grpc.UntypedServiceImplementation = {};
    for (const [name, handler] of Object.entries(handlers)) implementation[name] = wrap(name, handler, logger, observe);
    server.addService(tolerantDefinition(definition), implementation);
  }
  return server;
}

export function bindServer(server: grpc.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (error, boundPort) => {
      if (error) reject(error);
      else resolve(boundPort);
    });
  });
}
