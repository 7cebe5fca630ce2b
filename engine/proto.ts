// Loads Temporal's service and message descriptors from @temporalio/proto (no
// hand-copied .proto files) and offers the few codec helpers the engine needs.
import { createRequire } from 'node:module';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';

const require = createRequire(import.meta.url);
const temporalRoot = require('@temporalio/proto/protos/json-module.js');
const rootJson = temporalRoot.toJSON();

/**
 * One conversion for every message the engine reads or writes: int64 as JS
 * numbers (event ids and timestamps stay far below 2^53), enums as their
 * names, bytes as Buffers, no default-filled fields (absent means unset,
 * which Temporal's semantics depend on), oneof virtual fields set.
 */
export const CONVERSION = {
  keepCase: false,
  longs: Number,
  enums: String,
  bytes: Buffer,
  defaults: false,
  oneofs: true,
} as const;

const packageDefinition = protoLoader.fromJSON(rootJson, CONVERSION);

// A second reflection root (the loader keeps its own private) for the
// messages that travel inside google.protobuf.Any and the error details, and
// for the answers: there `History` writes each event's stored encoding.
const messageRoot = protobuf.Root.fromJSON(rootJson);

/**
 * A service's methods as proto-loader builds them (requests are decoded with
 * its codec), with answers encoded from `messageRoot`, whose `History` sends
 * events as they were encoded for the store.
 */
function service(name: string): grpc.ServiceDefinition {
  const def = packageDefinition[name] as grpc.ServiceDefinition | undefined;
  if (!def) throw new Error(`service ${name} missing from @temporalio/proto`);
  const methods = messageRoot.lookupService(name).methods;
  const out: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [methodName, method] of Object.entries(def)) {
    const type = (methods[methodName]!.resolve() as protobuf.Method).resolvedResponseType!;
    out[methodName] = { ...method, responseSerialize: (value: unknown) => type.encode(type.fromObject(value as Record<string, unknown>)).finish() as Buffer };
  }
  return out;
}

export const workflowServiceDefinition = service('temporal.api.workflowservice.v1.WorkflowService');
export const operatorServiceDefinition = service('temporal.api.operatorservice.v1.OperatorService');
export const testServiceDefinition = service('temporal.api.testservice.v1.TestService');

const TYPE_URL_PREFIX = 'type.googleapis.com/';

/** google.protobuf.Any keeps its snake_case field name in Temporal's descriptors. */
export interface AnyMessage {
  type_url?: string;
  value?: Buffer;
}

export function packAny(typeName: string, object: Record<string, unknown>): AnyMessage {
  const type = messageRoot.lookupType(typeName);
  return { type_url: TYPE_URL_PREFIX + typeName, value: Buffer.from(type.encode(type.fromObject(object)).finish()) };
}

export function anyTypeName(any: AnyMessage | undefined): string {
  const url = any?.type_url ?? '';
  return url.slice(url.lastIndexOf('/') + 1);
}

export function unpackAny<T = Record<string, unknown>>(any: AnyMessage | undefined): T | undefined {
  const typeName = anyTypeName(any);
  if (!typeName) return undefined;
  const type = messageRoot.lookupType(typeName);
  return type.toObject(type.decode(any?.value ?? Buffer.alloc(0)), CONVERSION) as T;
}

/** Encodes a google.rpc.Status carrying one Temporal error detail, as sent in `grpc-status-details-bin`. */
export function encodeStatusDetails(code: number, message: string, detailType: string, detail: Record<string, unknown>): Buffer {
  const status = messageRoot.lookupType('google.rpc.Status');
  return Buffer.from(
    status.encode(status.fromObject({ code, message, details: [packAny(detailType, detail)] })).finish(),
  );
}

/** Round-trips an object through a message type: drops unknown fields, fails on malformed values. */
export function normalize<T = Record<string, unknown>>(typeName: string, object: unknown): T {
  const type = messageRoot.lookupType(typeName);
  return type.toObject(type.fromObject(object as Record<string, unknown>), CONVERSION) as T;
}

export function encodedSize(typeName: string, object: unknown): number {
  const type = messageRoot.lookupType(typeName);
  return type.encode(type.fromObject(object as Record<string, unknown>)).len;
}

// ------------------------------------------------------------ history events

/**
 * An event is encoded once, when it goes to the store (`encodeHistory`); its
 * bytes are kept beside the object here (and come back with it when it is
 * read from the store), and every answer carrying it writes those bytes
 * instead of encoding the object again. Only events that went to the store
 * are kept: before that an event may still change (a start's user metadata).
 */
const encodedEvents = new WeakMap<object, Uint8Array>();

const historyEventType = messageRoot.lookupType('temporal.api.history.v1.HistoryEvent');
const historyType = messageRoot.lookupType('temporal.api.history.v1.History');
/** `History.events` is field 1, length-delimited: tag (1 << 3) | 2. */
const EVENTS_TAG = 10;

function encodedEvent(event: object): Uint8Array {
  return encodedEvents.get(event) ?? historyEventType.encode(historyEventType.fromObject(event as Record<string, unknown>)).finish();
}

/** `History` as protobuf (events as field 1), the events' encodings remembered for the answers that will carry them. */
export function encodeHistory(events: readonly object[]): Uint8Array {
  const writer = protobuf.Writer.create();
  for (const event of events) {
    const bytes = encodedEvent(event);
    encodedEvents.set(event, bytes);
    writer.uint32(EVENTS_TAG).bytes(bytes);
  }
  return writer.finish();
}

/**
 * Events of a `History` encoding with ids in [from, to), decoded, each with
 * its encoding remembered. `first` is the id of the encoding's first event
 * (events are consecutive), so events outside the range are skipped undecoded.
 */
export function decodeHistory<T extends object>(bytes: Uint8Array, first: number, from: number, to: number, into: T[]): void {
  const reader = protobuf.Reader.create(bytes);
  for (let id = first; reader.pos < reader.len && id < to; id++) {
    if (reader.uint32() !== EVENTS_TAG) throw new Error('engine store: malformed history record');
    const length = reader.uint32();
    const start = reader.pos;
    reader.skip(length);
    if (id < from) continue;
    const encoded = bytes.subarray(start, start + length);
    const event = historyEventType.toObject(historyEventType.decode(encoded), CONVERSION) as T & { eventTime?: { seconds?: number; nanos?: number } };
    // Zero fields are not encoded; an event's time keeps both, as when it was appended.
    const time = event.eventTime;
    if (time) event.eventTime = { seconds: time.seconds ?? 0, nanos: time.nanos ?? 0 };
    encodedEvents.set(event, encoded);
    into.push(event);
  }
}

// `History` in answers: its events stay the engine's objects through
// `fromObject`, and `encode` writes their stored encodings (or encodes the
// ones not stored yet, such as a speculative task's). The generated codecs
// are built first so that nothing replaces these later.
historyType.setup();
historyType.fromObject = (object: Record<string, unknown>) => object as unknown as protobuf.Message;
historyType.encode = (message: protobuf.Message | Record<string, unknown>, writer?: protobuf.Writer) => {
  const out = writer ?? protobuf.Writer.create();
  for (const event of (message as { events?: object[] }).events ?? []) out.uint32(EVENTS_TAG).bytes(encodedEvent(event));
  return out;
};
