// Recorded workflow histories (the replay tests of the project and of
// mediation): saved with their payloads decrypted — readable, and
// replayable without the key — one event a line, so a re-recording diffs
// event by event; replayed against today's workflow bundle.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Payload } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { createDataConverter, type PayloadKeyring } from '../../temporal';
import { getWorkflowBundle, installTemporalRuntime } from '../../worker';

const History = proto.temporal.api.history.v1.History;

/** The marker the SDK's core records for a local activity (workflows/kit/local-first.ts). */
export const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

/** The activity a local activity marker records (core writes its details in clear JSON). */
export function localActivityTypeOf(e: proto.temporal.api.history.v1.IHistoryEvent): string | null {
  const m = e.markerRecordedEventAttributes;
  const data = m?.markerName === LOCAL_ACTIVITY_MARKER ? m.details?.data?.payloads?.[0]?.data : undefined;
  return data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type: string }).activity_type : null;
}

/** Saves the history of `workflowId` to `file`, its payloads decrypted. */
export async function recordHistory(client: Client, payloadKeys: PayloadKeyring, workflowId: string, file: string): Promise<void> {
  const converter = createDataConverter(payloadKeys);
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  await decryptPayloads(history, converter.payloadCodecs![0]!);
  const json = History.toObject(History.fromObject(history), { longs: String, enums: String, bytes: String });
  const events = (json.events as unknown[]).map((e) => JSON.stringify(e)).join(',\n');
  writeFileSync(file, `{"events": [\n${events}\n]}\n`);
}

/** Replays each file of `dir` against the current bundle: the error of each (null when it replays). */
export async function replayHistoryFiles(dir: string, files: string[]): Promise<{ workflowId: string; error: string | null }[]> {
  installTemporalRuntime('ERROR');
  const histories = files.map((f) => ({
    workflowId: `replay-${f.replace(/\.json$/, '')}`,
    history: History.fromObject(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))),
  }));
  const results = [];
  // Payloads were decrypted when recorded: the default data converter reads them.
  for await (const result of Worker.runReplayHistories({ workflowBundle: await getWorkflowBundle() }, histories)) {
    results.push({ workflowId: result.workflowId, error: result.error ? String(result.error.cause ?? result.error.message) : null });
  }
  return results;
}

/** Decrypts every payload of a history in place (a payload: an object with `metadata` and `data`). */
async function decryptPayloads(node: unknown, codec: { decode(p: Payload[]): Promise<Payload[]> }): Promise<void> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) {
      if (isPayload(v)) node[i] = (await codec.decode([v]))[0];
      else await decryptPayloads(v, codec);
    }
    return;
  }
  const o = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (v instanceof Uint8Array) continue;
    if (isPayload(v)) o[k] = (await codec.decode([v]))[0];
    else await decryptPayloads(v, codec);
  }
}

function isPayload(v: unknown): v is Payload {
  return !!v && typeof v === 'object' && 'metadata' in v && 'data' in v && (v as Payload).data instanceof Uint8Array;
}
