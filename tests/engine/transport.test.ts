// The engine's own gRPC framing (engine/grpc-server.ts) against grpc-js as a
// client: compressed requests (both inflate paths), status trailers with
// percent-encoded messages and error details, deadlines, cancellation. The
// SDK's worker and client are exercised by every other file here.
import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine, type EmbeddedEngine } from '../../engine';
import { uid } from './harness';

const require = createRequire(import.meta.url);
const root = protobuf.Root.fromJSON(require('@temporalio/proto/protos/json-module.js').toJSON());
const SERVICE = '/temporal.api.workflowservice.v1.WorkflowService';

type Reply = { error: grpc.ServiceError | null; value?: Record<string, unknown> };

function call(client: grpc.Client, method: string, request: Record<string, unknown>, options: grpc.CallOptions = {}): { reply: Promise<Reply>; cancel: () => void } {
  const requestType = root.lookupType(`temporal.api.workflowservice.v1.${method}Request`);
  const responseType = root.lookupType(`temporal.api.workflowservice.v1.${method}Response`);
  let pending: grpc.ClientUnaryCall | undefined;
  const reply = new Promise<Reply>((resolve) => {
    pending = client.makeUnaryRequest(
      `${SERVICE}/${method}`,
      (value: Record<string, unknown>) => Buffer.from(requestType.encode(requestType.fromObject(value)).finish()),
      (bytes: Buffer) => responseType.toObject(responseType.decode(bytes), { longs: Number, enums: String, bytes: Buffer }),
      request,
      new grpc.Metadata(),
      options,
      (error, value) => resolve({ error, value: value as Record<string, unknown> | undefined }),
    );
  });
  return { reply, cancel: () => pending?.cancel() };
}

let engine: EmbeddedEngine;
let plain: grpc.Client;
let gzip: grpc.Client;

beforeAll(async () => {
  engine = await startEngine({ metricsPort: 0 });
  plain = new grpc.Client(engine.address, grpc.credentials.createInsecure());
  gzip = new grpc.Client(engine.address, grpc.credentials.createInsecure(), { 'grpc.default_compression_algorithm': 2 });
});

afterAll(async () => {
  plain?.close();
  gzip?.close();
  await engine?.close();
});

function startRequest(workflowId: string, data: Buffer): Record<string, unknown> {
  return {
    namespace: 'default',
    workflowId,
    workflowType: { name: 'anything' },
    taskQueue: { name: uid('transport') },
    input: { payloads: [{ metadata: { encoding: Buffer.from('binary/plain') }, data }] },
    requestId: uid('req'),
  };
}

async function firstEventInput(client: grpc.Client, workflowId: string): Promise<Buffer> {
  const { error, value } = await call(client, 'GetWorkflowExecutionHistory', { namespace: 'default', execution: { workflowId } }).reply;
  expect(error).toBeNull();
  const events = (value!.history as { events: Array<Record<string, { input: { payloads: Array<{ data: Buffer }> } }>> }).events;
  return events[0]!.workflowExecutionStartedEventAttributes!.input.payloads[0]!.data;
}

describe('gRPC transport', () => {
  it('takes gzip-compressed requests, small, large and highly compressible', async () => {
    for (const data of [Buffer.from('small'), randomBytes(300_000), Buffer.alloc(3_000_000, 'a')]) {
      const workflowId = uid('gzip');
      const started = await call(gzip, 'StartWorkflowExecution', startRequest(workflowId, data)).reply;
      expect(started.error).toBeNull();
      expect((await firstEventInput(plain, workflowId)).equals(data)).toBe(true);
    }
  });

  it('sends error details and percent-encoded messages', async () => {
    const workflowId = uid('dup');
    const first = await call(plain, 'StartWorkflowExecution', startRequest(workflowId, Buffer.from('x'))).reply;
    const second = await call(plain, 'StartWorkflowExecution', startRequest(workflowId, Buffer.from('x'))).reply;
    expect(second.error?.code).toBe(grpc.status.ALREADY_EXISTS);
    const details = second.error!.metadata.get('grpc-status-details-bin')[0] as Buffer;
    const status = root.lookupType('google.rpc.Status').decode(details) as unknown as { details: Array<{ type_url: string; value: Uint8Array }> };
    const failureType = root.lookupType('temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure');
    expect(status.details[0]!.type_url).toBe(`type.googleapis.com/${failureType.fullName.slice(1)}`);
    expect(failureType.toObject(failureType.decode(status.details[0]!.value)).runId).toBe(first.value!.runId);

    const odd = `工作流 100% ${uid('x')}\n`;
    const missing = await call(plain, 'DescribeWorkflowExecution', { namespace: 'default', execution: { workflowId: odd } }).reply;
    expect(missing.error?.code).toBe(grpc.status.NOT_FOUND);
    expect(missing.error?.details).toBe(`workflow not found for ID: ${odd}`);
  });

  it('answers a long poll by its deadline and ends a cancelled one', async () => {
    const began = Date.now();
    const poll = await call(plain, 'PollActivityTaskQueue', { namespace: 'default', taskQueue: { name: uid('deadline') } }, { deadline: Date.now() + 1500 }).reply;
    expect(Date.now() - began).toBeLessThan(3000);
    if (poll.error) expect(poll.error.code).toBe(grpc.status.DEADLINE_EXCEEDED);

    const metric = async () => {
      const text = await (await fetch(`http://127.0.0.1:${engine.metricsPort}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('engine_poll_wait_seconds_count{') && l.includes('activity'));
      return Number(line?.split(' ').pop() ?? 0);
    };
    const endedBefore = await metric();
    const pending = call(plain, 'PollActivityTaskQueue', { namespace: 'default', taskQueue: { name: uid('cancel') } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    pending.cancel();
    expect((await pending.reply).error?.code).toBe(grpc.status.CANCELLED);
    // The engine learns of it from the stream's reset and ends the poll at once, not after its 60 s.
    await expect.poll(metric, { timeout: 3000 }).toBeGreaterThan(endedBefore);
  });

  it('answers UNIMPLEMENTED for methods it does not serve and INVALID_ARGUMENT for garbage', async () => {
    const raw = (path: string, body: Buffer) =>
      new Promise<number>((resolve) =>
        plain.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, body, (error) => resolve(error?.code ?? 0)),
      );
    expect(await raw(`${SERVICE}/PollNexusTaskQueue`, Buffer.alloc(0))).toBe(grpc.status.UNIMPLEMENTED);
    expect(await raw('/no.such.Service/Method', Buffer.alloc(0))).toBe(grpc.status.UNIMPLEMENTED);
    expect(await raw(`${SERVICE}/StartWorkflowExecution`, Buffer.from([0xff, 0xff, 0xff]))).toBe(grpc.status.INVALID_ARGUMENT);
  });
});
