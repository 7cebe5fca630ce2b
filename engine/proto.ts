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

function service(name: string): grpc.ServiceDefinition {
  const def = packageDefinition[name];
  if (!def) throw new Error(`service ${name} missing from @temporalio/proto`);
  return def as grpc.ServiceDefinition;
}

export const workflowServiceDefinition = service('temporal.api.workflowservice.v1.WorkflowService');
export const operatorServiceDefinition = service('temporal.api.operatorservice.v1.OperatorService');
export const testServiceDefinition = service('temporal.api.testservice.v1.TestService');

// A second reflection root (the loader keeps its own private) for the
// messages that travel inside google.protobuf.Any and the error details.
const messageRoot = protobuf.Root.fromJSON(rootJson);

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
