// The secret ballot stays secret in Temporal's own store. The read model and
// the API keep voters and choices apart, but Temporal's history holds the
// vote update's arguments and the ballot activity's input — voter next to
// choice — and whoever runs the engine or the cluster's database can read it.
// Every payload is encrypted by the platform's codec (temporal/), so the raw
// history, read here with a plain client that has no codec, names neither
// the voters nor their choices, while the API still counts the votes.
import { Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import proto from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaYear } from '../../domain/reporting';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from '../../temporal';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { LOCAL_ACTIVITY_MARKER } from '../helpers/histories';
import { DAY, actOk, bringToVote, repsOf, streetOfficeOf, waitForStage } from './helpers';

const STREET = 'qindu-weiyang';
// Other files use this street in the current year (seeds) and the years ahead
// (the yearly schedule); a past year keeps this file's reports its own.
const YEARS_BACK = 6;
const { temporal } = proto;
type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;
const CHOICES = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

let p: TestPlatform;
let raw: Connection;
let reportId: string;
let community: string;

beforeAll(async () => {
  p = await startTestPlatform();
  raw = await Connection.connect({ address: p.engine.address });
  const year = chinaYear(p.now()) - YEARS_BACK;
  const started = await (await p.as('district_org.qindu')).post('/api/reporting/cycles').send({ unitId: STREET, year });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const unit = await p.prisma.unit.findFirstOrThrow({ where: { parentId: STREET, level: 'community' }, orderBy: { id: 'asc' } });
  community = unit.id;
  reportId = `reporting-${community}-${year}`;
  await bringToVote(p, reportId, community, STREET);
});
afterAll(async () => {
  await raw?.close();
  await p?.close();
});

/** The whole history as the engine serves it: no data converter, no codec. */
async function rawHistory(workflowId: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await raw.workflowService.getWorkflowExecutionHistory({
      namespace: p.config.temporal.namespace,
      execution: { workflowId },
      maximumPageSize: 500,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return events;
}

/** Every Payload anywhere in the events (inputs, results, update requests, failures, headers). */
function payloadsIn(value: unknown, found: Payload[] = []): Payload[] {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return found;
  const o = value as Record<string, unknown>;
  if (o.data instanceof Uint8Array && o.metadata && typeof o.metadata === 'object') found.push(o as Payload);
  else for (const v of Object.values(o)) payloadsIn(v, found);
  return found;
}

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');

describe('secret ballot in Temporal history', () => {
  it('stores no voter and no choice in plaintext, and the API still counts the votes', async () => {
    const reps = repsOf(community).slice(0, 5);
    const choices = ['satisfied', 'dissatisfied', 'basically_satisfied', 'satisfied', 'satisfied'] as const;
    for (const [i, rep] of reps.entries()) await actOk(p, rep, reportId, 'castVote', { choice: choices[i], comment: `意见-${i}` });
    await p.advanceTime(8 * DAY);
    const closed = await waitForStage(p, reportId, 'public_notice', streetOfficeOf(STREET));
    expect(closed.state.voteRounds[0]).toMatchObject({ status: 'closed', tally: { satisfied: 3, basically_satisfied: 1, dissatisfied: 1 } });

    const voters = await p.prisma.person.findMany({ where: { username: { in: reps } }, select: { id: true, username: true, displayName: true } });
    expect(voters).toHaveLength(5);
    const secrets = [...voters.flatMap((v) => [v.id, v.username, v.displayName]), ...CHOICES, ...choices.map((_, i) => `意见-${i}`)];

    const events = await rawHistory(reportId);
    const types = events.map((e) => e.eventType);
    expect(types).toContain(temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
    // The steps' saves ran as local activities (workflows/kit/local-first.ts): their results are markers.
    expect(types).toContain(temporal.api.enums.v1.EventType.EVENT_TYPE_MARKER_RECORDED);

    // The SDK's core writes two kinds of marker payload itself, in clear: a local activity's (which
    // activity ran, its attempt and times; never its input, and its result is ciphertext below) and
    // a patch's (the patch id of workflows/kit/local-first.ts, also kept in the TemporalChangeVersion
    // search attribute, whose payload is clear so that visibility can filter on it).
    const coreWritten = new Map([
      [`${LOCAL_ACTIVITY_MARKER}/data`, ['activity_id', 'activity_type', 'attempt', 'backoff', 'complete_time', 'original_schedule_time', 'seq']],
      ['core_patch/patch-data', ['deprecated', 'id']],
    ]);
    const markerData = events.flatMap((e) => {
      const m = e.markerRecordedEventAttributes;
      return Object.entries(m?.details ?? {}).flatMap(([field, p]) => (coreWritten.has(`${m!.markerName}/${field}`) ? (p.payloads ?? []).map((data) => ({ kind: `${m!.markerName}/${field}`, data })) : []));
    });
    expect(markerData.some((m) => m.kind === `${LOCAL_ACTIVITY_MARKER}/data`)).toBe(true);
    for (const { kind, data } of markerData) expect(Object.keys(JSON.parse(text(data.data))).sort()).toEqual(coreWritten.get(kind));

    // Every other payload is ciphertext under the configured key id …
    const changeVersions = events.flatMap((e) => {
      const v = e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.TemporalChangeVersion;
      return v ? [v] : [];
    });
    // The patch ids the workflow checked (workflows/kit/runner.ts, workflows/kit/local-first.ts), and nothing else.
    for (const v of changeVersions) expect(['kit-start-first', 'local-first']).toEqual(expect.arrayContaining(JSON.parse(text(v.data))));
    const clearByDesign = new Set([...markerData.map((m) => m.data), ...changeVersions]);
    const payloads = payloadsIn(events).filter((x) => !clearByDesign.has(x));
    expect(payloads.length).toBeGreaterThan(20);
    for (const payload of payloads) {
      expect(text(payload.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
      expect(text(payload.metadata?.[KEY_ID_METADATA])).toBe(p.config.temporal.payloadKeyId);
      const clear = `${text(payload.data)}${Buffer.from(payload.data ?? []).toString('latin1')}`;
      for (const s of secrets) expect(clear.includes(s), `payload shows "${s}"`).toBe(false);
    }
    // … and nothing outside the payloads names them either (the whole history, byte for byte).
    const wire = Buffer.from(temporal.api.history.v1.History.encode({ events }).finish());
    for (const s of secrets) expect(wire.includes(Buffer.from(s)), `history shows "${s}"`).toBe(false);

    // The check would see them: with the key, the same payloads hold each vote, voter next to choice
    // (the castVote update as the API sent it; the step's save ran locally and left no input in history).
    const decoded = await AesGcmPayloadCodec.create(p.payloadKeys).decode(payloads);
    const values = decoded.map((d) => defaultPayloadConverter.fromPayload(d) as { actor?: { personId?: string }; input?: { choice?: string } } | null);
    for (const [i, voter] of reps.entries()) {
      const id = voters.find((v) => v.username === voter)!.id;
      expect(values.some((v) => v?.actor?.personId === id && v.input?.choice === choices[i]), `${voter} voted ${choices[i]}`).toBe(true);
    }
  });
});
