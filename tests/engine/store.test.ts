// Issue 10, point 1: the segment store. Histories of closed runs are paged
// back from disk, what an update writes does not grow with the run's update
// count, completed update ids survive restarts compactly, and a data
// directory of the previous format (one `engine.log`) is migrated on start.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeRecord } from '../../engine/store';
import { startHarness, uid, type EngineHarness } from './harness';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'engine-store-'));
  dirs.push(dir);
  return dir;
}

function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

async function allEvents(h: EngineHarness, workflowId: string, pageSize: number): Promise<{ types: string[]; pages: number }> {
  const types: string[] = [];
  let token: Uint8Array | undefined;
  let pages = 0;
  do {
    const page = await h.client.workflowService.getWorkflowExecutionHistory({
      namespace: 'default',
      execution: { workflowId },
      maximumPageSize: pageSize,
      nextPageToken: token,
    });
    pages++;
    for (const e of page.history?.events ?? []) types.push(temporal.api.enums.v1.EventType[e.eventType!]!);
    token = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (token);
  return { types, pages };
}

describe('segment store (10.1)', () => {
  it('pages closed histories from disk across restarts and answers a completed update id from its event', async () => {
    const dir = dataDir();
    let h = await startHarness({ dataDir: dir });
    const taskQueue = uid('store');
    const workflowId = uid('counter');
    let fullHistory: string[];
    try {
      const worker = await h.worker({ taskQueue });
      await worker.runUntil(async () => {
        const handle = await h.client.workflow.start('counter', { taskQueue, workflowId });
        for (let i = 1; i <= 5; i++) await handle.executeUpdate('setLimit', { args: [i], updateId: `limit-${i}` });
        const refused: any = await handle.executeUpdate('setLimit', { args: [-1], updateId: 'refused' }).catch((e: unknown) => e);
        expect(refused.cause?.message).toBe('limit must be positive');
        await handle.signal('add', 3);
        await handle.signal('finish');
        expect(await handle.result()).toBe(3);
      });
      fullHistory = (await allEvents(h, workflowId, 1000)).types;
      await h.connection.operatorService.addSearchAttributes({
        namespace: 'default',
        searchAttributes: { StoreProbe: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT },
      });
      expect(fullHistory.filter((t) => t.includes('UPDATE_COMPLETED'))).toHaveLength(5);
    } finally {
      await h.close();
    }

    h = await startHarness({ dataDir: dir });
    try {
      const attributes = await h.connection.operatorService.listSearchAttributes({ namespace: 'default' });
      expect(attributes.customAttributes.StoreProbe).toBe(temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT);
      const paged = await allEvents(h, workflowId, 4);
      expect(paged.types).toEqual(fullHistory);
      expect(paged.pages).toBeGreaterThan(3);
      // The update's id is remembered without its result; the result comes from its history event.
      const again = await h.client.workflow.getHandle(workflowId).executeUpdate('setLimit', { args: [3], updateId: 'limit-3' });
      expect(again).toBe(2);
      const handle = h.client.workflow.getHandle(workflowId);
      expect((await handle.describe()).status.name).toBe('COMPLETED');
      expect(await handle.result()).toBe(3);
    } finally {
      await h.close();
    }
  });

  it('writes the same bytes for a run’s 100th update as for its 10th', async () => {
    const dir = dataDir();
    const h = await startHarness({ dataDir: dir });
    const taskQueue = uid('store');
    try {
      const worker = await h.worker({ taskQueue });
      await worker.runUntil(async () => {
        const handle = await h.client.workflow.start('counter', { taskQueue, workflowId: uid('updates') });
        const written = new Map<number, number>();
        for (let i = 1; i <= 100; i++) {
          const before = directoryBytes(dir);
          await handle.executeUpdate('setLimit', { args: [i] });
          written.set(i, directoryBytes(dir) - before);
        }
        const early = written.get(10)!;
        const late = written.get(100)!;
        expect(early).toBeGreaterThan(0);
        expect(Math.abs(late - early) / early).toBeLessThan(0.1);
        await handle.signal('finish');
        await handle.result();
      });
    } finally {
      await h.close();
    }
  });

  it('migrates a data directory of the previous format (engine.log) on first start', async () => {
    const dir = dataDir();
    let h = await startHarness({ dataDir: dir });
    const taskQueue = uid('legacy');
    const workflowId = uid('counter');
    try {
      const worker = await h.worker({ taskQueue });
      await worker.runUntil(async () => {
        const handle = await h.client.workflow.start('counter', { taskQueue, workflowId });
        await handle.signal('add', 2);
        expect(await handle.executeUpdate('setLimit', { args: [7], updateId: 'old-update' })).toBe(100);
      });
    } finally {
      await h.close();
    }
    // Rewrite what the engine wrote as the previous format: one engine.log of
    // `{t, k, e, s}` lines whose snapshots keep every completed update with its outcome.
    const segments = readdirSync(dir).filter((n) => n.startsWith('seg-')).sort();
    const lines: string[] = [];
    for (const name of segments) {
      for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
        if (!line) continue;
        const record = JSON.parse(line);
        if (record.t === 'run') {
          for (const [id] of record.cu ?? []) record.s.updates[id] = { updateId: id, request: {}, stage: 'completed', outcome: {} };
          delete record.cu;
        }
        lines.push(JSON.stringify(record));
      }
      rmSync(path.join(dir, name));
    }
    rmSync(path.join(dir, 'checkpoint'));
    writeFileSync(path.join(dir, 'engine.log'), lines.join('\n') + '\n');

    h = await startHarness({ dataDir: dir });
    try {
      expect(readdirSync(dir)).not.toContain('engine.log');
      const worker = await h.worker({ taskQueue });
      await worker.runUntil(async () => {
        const handle = h.client.workflow.getHandle(workflowId);
        expect(await handle.query('total')).toBe(2);
        // Deduplicated by id, answered from the UpdateCompleted event of the migrated history.
        expect(await handle.executeUpdate('setLimit', { args: [7], updateId: 'old-update' })).toBe(100);
        expect(await handle.executeUpdate('setLimit', { args: [9] })).toBe(7);
        await handle.signal('finish');
        expect(await handle.result()).toBe(2);
      });
    } finally {
      await h.close();
    }
  });

  it('keeps open runs working with no events cached: workers and history pages read them from the segments', async () => {
    const dir = dataDir();
    // A budget of 0: every durable event leaves memory, so each non-sticky
    // task's full history and every page come back from the store.
    let h = await startHarness({ dataDir: dir, eventCacheBytes: 0 });
    const taskQueue = uid('evicted');
    const workflowId = uid('counter');
    let before: string[];
    try {
      const worker = await h.worker({ taskQueue, maxCachedWorkflows: 0 });
      await worker.runUntil(async () => {
        const handle = await h.client.workflow.start('counter', { taskQueue, workflowId });
        for (let i = 1; i <= 10; i++) {
          await handle.signal('add', i);
          expect(await handle.executeUpdate('setLimit', { args: [i + 100] })).toBe(i === 1 ? 100 : i + 99);
        }
        expect(await handle.query('total')).toBe(55);
      });
      before = (await allEvents(h, workflowId, 7)).types;
      expect(before.filter((t) => t.includes('SIGNALED'))).toHaveLength(10);
    } finally {
      await h.close();
    }

    // After a restart the open run is loaded without events; a new worker replays it from the store.
    h = await startHarness({ dataDir: dir, eventCacheBytes: 0 });
    try {
      expect((await allEvents(h, workflowId, 5)).types).toEqual(before);
      const worker = await h.worker({ taskQueue, maxCachedWorkflows: 0 });
      await worker.runUntil(async () => {
        const handle = h.client.workflow.getHandle(workflowId);
        expect(await handle.query('total')).toBe(55);
        await handle.signal('add', 45);
        await handle.signal('finish');
        expect(await handle.result()).toBe(100);
      });
      const after = (await allEvents(h, workflowId, 1000)).types;
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.at(-1)).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED');
    } finally {
      await h.close();
    }
  });
});

describe('record text', () => {
  // The text every earlier record was written in: a replacer turning byte arrays into { $b: base64 }.
  function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const original = this[key];
    if (Buffer.isBuffer(original)) return { $b: original.toString('base64') };
    if (original instanceof Uint8Array) return { $b: Buffer.from(original).toString('base64') };
    return value;
  }

  it('writes bytes as base64 under $b, byte for byte as the records already on disk, and leaves the record untouched', () => {
    const payload = { metadata: { encoding: Buffer.from('json/plain') }, data: new Uint8Array([123, 34, 97, 34, 125]) };
    const sliced = Buffer.from('xxpayloadxx').subarray(2, 9);
    const withProtoKey = JSON.parse('{"__proto__": {"data": "AA=="}, "other": 1}') as Record<string, unknown>;
    (withProtoKey.__proto__ as Record<string, unknown>).data = new Uint8Array([0]);
    const record = {
      t: 'run',
      e: [{ eventId: 1, attributes: { input: { payloads: [payload, { data: sliced }] } } }, null, 3],
      s: { startTime: 1801184903532, closed: false, when: new Date(0), cu: [] },
      odd: withProtoKey,
      plain: { a: [1, 'two', { three: null }] },
    };
    const before = JSON.stringify(record, replacer);
    const text = serializeRecord(record);
    expect(text).toBe(before + '\n');
    expect(text).toContain('"data":{"$b":"eyJhIn0="}');
    expect(text).toContain('"data":{"$b":"cGF5bG9hZA=="}');
    // The walk copies what it changes: the record the engine holds still has its bytes.
    const held = (record.e[0] as { attributes: { input: { payloads: unknown[] } } }).attributes.input.payloads;
    expect(held[0]).toBe(payload);
    expect(payload.data).toBeInstanceOf(Uint8Array);
    expect(payload.metadata.encoding).toBeInstanceOf(Buffer);
    const plain = { t: 'run', s: { a: 1 } };
    expect(serializeRecord(plain)).toBe('{"t":"run","s":{"a":1}}\n');
  });
});
