// Actions that meet a worker's death, through the production worker in its
// own process (tests/project/worker-process.ts):
//
//  - killed with SIGKILL after an action's save committed and before the
//    engine heard the workflow task's completion: the saved step belongs to
//    an attempt the engine never recorded. The read model must end as the
//    workflow does, and the action be answered once. Held at that moment as
//    in tests/project/payment-worker-killed.test.ts: a table lock stops the
//    save, the relay cuts what the worker sends, the lock is released, the
//    save commits, the completion goes into the cut, the worker is killed;
//  - an action taken on a new incident while no worker had run its workflow
//    yet (after a crash drill killed the worker right after a report): the
//    action reaches the workflow with its first task. It was answered and
//    saved, then wiped out of the workflow by the start step, so the process
//    went on without it (workflows/kit/runner.ts).
import proto from '@temporalio/proto';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { gridIncidentWorkflowId } from '../../domain/grid/types';
import { usernameFor } from '../../seeds/demo-org';
import { gridStateQuery } from '../../workflows/grid-shared';
import { testDatabaseUrl } from '../helpers/db';
import { killAllWorkerProcesses, namedDatabaseUrl, sessionWaitingOnLock, spawnWorkerProcess, startEngineRelay, type EngineRelay, type WorkerProcess } from '../project/worker-process';
import { incidentBody, startGridPlatform, type GridPlatform } from './support';

const who = {
  gridWorker: usernameFor('grid_worker', 'qindu-renmin-furong-g1'),
  community: usernameFor('community', 'qindu-renmin-furong'),
};
const dispatchBody = { unitId: 'qindu-renmin-furong', department: '社区物业服务站', note: '请尽快修复路灯' };

let p: GridPlatform;
let relay: EngineRelay;
let current: WorkerProcess | undefined;
/** This file's worker sessions: other files beside it save grid incidents too, and wait on the lock below as well. */
const WORKER_SESSIONS = `grid-worker-killed-${process.pid}`;

function startWorker(temporalAddress: string): Promise<WorkerProcess> {
  return spawnWorkerProcess({
    temporalAddress,
    databaseUrl: namedDatabaseUrl(testDatabaseUrl(), WORKER_SESSIONS),
    redisUrl: inject('redisUrl') ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: p.config.redis.prefix,
    taskQueue: p.taskQueue,
  });
}

beforeAll(async () => {
  p = await startGridPlatform({ env: { PROCESS_ANSWER_TIMEOUT_MS: '120000' } });
  await p.worker.shutdown();
  relay = await startEngineRelay(p.engine.address);
});

afterAll(async () => {
  await killAllWorkerProcesses();
  await relay?.close();
  await p?.close();
});

it('keeps the read model to what the workflow holds when the worker dies between a step\'s save and its completion', { timeout: 240_000 }, async () => {
  current = await startWorker(relay.address);
  const id = await p.report(who.gridWorker);
  await p.incidentWhen(id, (c) => c.stage === 'triage', who.community);

  const lock = new pg.Client({ connectionString: testDatabaseUrl() });
  await lock.connect();
  await lock.query('BEGIN');
  await lock.query('LOCK TABLE "GridIncident" IN SHARE MODE');
  const dispatched = p.act(who.community, id, 'dispatchIncident', dispatchBody);
  try {
    await p.waitFor(() => sessionWaitingOnLock(p.prisma, 'GridIncident', WORKER_SESSIONS), { timeoutMs: 60_000 });
    relay.cutWorkerToEngine();
  } finally {
    await lock.query('ROLLBACK');
    await lock.end();
  }
  await p.waitFor(async () => (await p.prisma.gridIncident.findUnique({ where: { id } }))?.stage === 'handling');
  await p.waitFor(async () => relay.droppedBytes() > 0);
  await current.kill();

  current = await startWorker(p.engine.address);
  await p.advanceTime(120_000, 1_000);
  const res = await dispatched;

  const workflow = await p.client.workflow.getHandle(gridIncidentWorkflowId(id)).query(gridStateQuery);
  const row = await p.prisma.gridIncident.findUniqueOrThrow({ where: { id } });
  const events = await p.prisma.gridIncidentEvent.findMany({ where: { incidentId: id }, orderBy: { seq: 'asc' } });
  expect({ stage: row.stage, version: row.version }).toEqual({ stage: workflow.stage, version: workflow.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(workflow.stage).toBe('handling');
  expect(events.filter((e) => e.action === 'dispatchIncident')).toHaveLength(1);
});

it('keeps an action that reached a new incident before its workflow had run once, after the workflow is replayed', { timeout: 240_000 }, async () => {
  // No worker: the report starts the workflow, whose first task waits; the dispatch is admitted beside it.
  await killAllWorkerProcesses();
  const reported = await (await p.as(who.gridWorker)).post('/api/grid-incidents').send(incidentBody('qindu-renmin-furong-g1'));
  expect(reported.status, JSON.stringify(reported.body)).toBe(201);
  const id = reported.body.incidentId as string;
  const dispatched = p.act(who.community, id, 'dispatchIncident', dispatchBody);
  // Time for the API to reach the engine; the history below shows that it did.
  await new Promise((r) => setTimeout(r, 2_000));
  current = await startWorker(p.engine.address);
  const res = await dispatched;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ stage: 'handling', version: 2 });
  const handle = p.client.workflow.getHandle(gridIncidentWorkflowId(id));
  // The case under test: the update was accepted in the workflow's first task, with its start.
  const { EventType } = proto.temporal.api.enums.v1;
  const types = (await handle.fetchHistory()).events!.map((e) => e.eventType);
  const accepted = types.indexOf(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED);
  expect(accepted).toBeGreaterThan(0);
  expect(types.slice(0, accepted).filter((t) => t === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).toHaveLength(1);
  const live = await handle.query(gridStateQuery);
  expect({ stage: live.stage, version: live.version, assignee: live.handlings.at(-1)?.unit.id }).toEqual({ stage: 'handling', version: 2, assignee: dispatchBody.unitId });
  const row = await p.prisma.gridIncident.findUniqueOrThrow({ where: { id } });
  expect({ stage: row.stage, version: row.version }).toEqual({ stage: 'handling', version: 2 });
  const events = await p.prisma.gridIncidentEvent.findMany({ where: { incidentId: id }, orderBy: { seq: 'asc' } });
  expect(events.map((e) => e.action)).toEqual(['reportIncident', 'dispatchIncident']);
  // A fresh worker holds nothing in its cache: the next query replays the history, to the same state.
  await current.kill();
  current = await startWorker(p.engine.address);
  const replayed = await handle.query(gridStateQuery);
  expect({ stage: replayed.stage, version: replayed.version }).toEqual({ stage: 'handling', version: 2 });
});
