// Persistence: numbered segment files of JSON-lines records plus a
// checkpoint. A transition appends one record per changed run: its new
// history events, its bounded mutable state (pending work only) and the ids of
// updates completed in that step. Each record's place (segment, offset,
// length, first event id, event count) is kept per run, so a history is read
// back page by page with positioned reads and a closed run needs no events in
// memory. Appends are group-committed: one write + fdatasync covers every
// record appended since the previous flush, and a request is answered only
// after the flush holding its records.
//
// Start: read the checkpoint (one line per run: state, completed update ids,
// record places), replay the segments written after it, line by line in
// fixed-size chunks (no whole-file string), then write a new checkpoint and
// open a new segment. A log of the previous format (`engine.log`) becomes
// segment 0 on first start: its records have the same shape, and its
// snapshots' completed updates are folded into ids as they are read.
import * as fs from 'node:fs';
import { promises as fsp, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { CompletedUpdates, EventLocation, HistoryEvent, RunState, UpdateState } from './run-state';

export type { CompletedUpdates, EventLocation } from './run-state';

export type LogRecord =
  | { t: 'run'; k: string; e: HistoryEvent[]; s: RunState; cu?: CompletedUpdates }
  | { t: 'clock'; offset: number }
  /** The custom search attributes of a namespace, whole (name → value type). */
  | { t: 'sa'; ns: string; attrs: Record<string, string> }
  /** A namespace's retention. */
  | { t: 'ns'; ns: string; retentionMs: number }
  /** A run deleted by retention. */
  | { t: 'del'; k: string }
  /** A schedule's whole state (opaque to the store; schedules/ owns its shape); none: deleted. */
  | { t: 'sched'; k: string; s?: unknown };

/** A checkpoint line: the header, then one line per run. */
type CheckpointEntry =
  | {
      t: 'cp';
      segment: number;
      clock: number;
      sa?: Record<string, Record<string, string>>;
      ret?: Record<string, number>;
      sch?: Record<string, unknown>;
    }
  | { t?: undefined; k: string; s: RunState; cu: CompletedUpdates; loc: EventLocation[] };

export interface StoredRun {
  state: RunState;
  completedUpdates: CompletedUpdates;
  locations: EventLocation[];
}

export interface LoadedState {
  runs: StoredRun[];
  clockOffset: number;
  searchAttributes?: Record<string, Record<string, string>>;
  retention?: Record<string, number>;
  /** Schedules by key, as last appended. */
  schedules?: Record<string, unknown>;
}

export interface EngineStore {
  /** Whether events can be read back from the store (closed runs' histories then leave memory). */
  readonly pagesHistory: boolean;
  /** Reads what a previous process left. */
  load(): LoadedState;
  /** Queues a record; returns where its events will be, when it has any and the store keeps places. */
  append(record: LogRecord): EventLocation | undefined;
  /** Events with ids in [from, to) from durable records. */
  readEvents(locations: readonly EventLocation[], from: number, to: number): HistoryEvent[];
  /** Resolves once every record appended before the call is durable. */
  commit(): Promise<void>;
  close(): Promise<void>;
}

/** How many completed update ids a run remembers for deduplication (the oldest are forgotten). */
export const COMPLETED_UPDATES_KEPT = 2000;

// Payloads carry bytes; JSON keeps them as base64 under a marker key.
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (Buffer.isBuffer(original)) return { $b: original.toString('base64') };
  if (original instanceof Uint8Array) return { $b: Buffer.from(original).toString('base64') };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as { $b?: unknown }).$b === 'string' && Object.keys(value).length === 1) {
    return Buffer.from((value as { $b: string }).$b, 'base64');
  }
  return value;
}

export function serializeRecord(record: unknown): string {
  return JSON.stringify(record, replacer) + '\n';
}

export class MemoryStore implements EngineStore {
  readonly pagesHistory = false;
  load(): LoadedState {
    return { runs: [], clockOffset: 0 };
  }
  append(): undefined {
    return undefined;
  }
  readEvents(): HistoryEvent[] {
    return [];
  }
  commit(): Promise<void> {
    return Promise.resolve();
  }
  async close(): Promise<void> {}
}

/**
 * Moves completed updates out of a snapshot of the previous format (which
 * kept every update with its outcome) into compact ids.
 */
function foldLegacyUpdates(state: RunState, into: Map<string, number>): void {
  const updates = state.updates as Record<string, UpdateState & { stage: string }>;
  for (const [id, update] of Object.entries(updates)) {
    if (update.stage !== 'completed') continue;
    delete updates[id];
    if (!into.has(id)) into.set(id, 0);
  }
  while (into.size > COMPLETED_UPDATES_KEPT) into.delete(into.keys().next().value!);
}

function remember(into: Map<string, number>, completed: CompletedUpdates | undefined): void {
  if (!completed) return;
  for (const [id, eventId] of completed) {
    into.delete(id);
    into.set(id, eventId);
  }
  while (into.size > COMPLETED_UPDATES_KEPT) into.delete(into.keys().next().value!);
}

const CHUNK_BYTES = 4 << 20;

/** Calls `fn` with every complete line of a file and its byte offset, reading fixed-size chunks. */
export function forEachLine(file: string, fn: (line: Buffer, offset: number) => void): void {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry: Buffer = Buffer.alloc(0);
    let carryOffset = 0;
    let position = 0;
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, CHUNK_BYTES, position);
      if (read === 0) break;
      position += read;
      let data = chunk.subarray(0, read);
      let dataOffset = position - read;
      if (carry.length > 0) {
        data = Buffer.concat([carry, data]);
        dataOffset = carryOffset;
      }
      let start = 0;
      for (;;) {
        const nl = data.indexOf(10, start);
        if (nl < 0) break;
        if (nl > start) fn(data.subarray(start, nl), dataOffset + start);
        start = nl + 1;
      }
      // The unterminated rest is kept (copied: the chunk buffer is reused).
      carry = Buffer.from(data.subarray(start));
      carryOffset = dataOffset + start;
    }
    // A last line without a newline is a torn write that was never acknowledged.
  } finally {
    fs.closeSync(fd);
  }
}

/** A line as the type the caller expects (the log's own records), undefined when torn. */
function parseLine<T>(line: Buffer): T | undefined {
  try {
    return JSON.parse(line.toString('utf8'), reviver) as T;
  } catch {
    return undefined;
  }
}

const SEGMENT_PATTERN = /^seg-(\d{8})\.log$/;
const segmentName = (n: number) => `seg-${String(n).padStart(8, '0')}.log`;

export interface FileStoreOptions {
  /** A segment is closed and the next one started past this size; default 64 MiB. */
  segmentBytes?: number;
}

export class FileStore implements EngineStore {
  readonly pagesHistory = true;
  private readonly dir: string;
  private readonly segmentBytes: number;
  private segment = 0;
  private segmentSize = 0;
  private handle: fsp.FileHandle | undefined;
  private handleSegment = -1;
  private readHandles = new Map<number, number>();
  private pending: Array<{ segment: number; text: string }> = [];
  private appended = 0;
  private durable = 0;
  private flushing = false;
  private waiters: Array<{ upTo: number; resolve: () => void; reject: (e: Error) => void }> = [];
  private failure: Error | undefined;
  /** Told the duration (ms) of every group commit (write + fdatasync). */
  onCommit: ((ms: number) => void) | undefined;

  constructor(dir: string, options: FileStoreOptions = {}) {
    mkdirSync(dir, { recursive: true });
    this.dir = dir;
    this.segmentBytes = options.segmentBytes ?? 64 << 20;
  }

  private segmentPath(n: number): string {
    return path.join(this.dir, segmentName(n));
  }

  load(): LoadedState {
    const legacy = path.join(this.dir, 'engine.log');
    if (existsSync(legacy)) {
      if (existsSync(this.segmentPath(0))) throw new Error(`${this.dir} holds both engine.log and ${segmentName(0)}; remove one`);
      renameDurable(legacy, this.segmentPath(0));
    }
    const runs = new Map<string, { state: RunState; completed: Map<string, number>; locations: EventLocation[] }>();
    let clockOffset = 0;
    let searchAttributes: Record<string, Record<string, string>> = {};
    let retention: Record<string, number> = {};
    let schedules: Record<string, unknown> = {};
    let after = -1;
    const checkpoint = path.join(this.dir, 'checkpoint');
    if (existsSync(checkpoint)) {
      forEachLine(checkpoint, (line) => {
        const entry = parseLine<CheckpointEntry>(line);
        if (!entry) throw new Error(`${checkpoint} is damaged (it is written whole before it replaces the old one)`);
        if (entry.t === 'cp') {
          after = entry.segment;
          clockOffset = entry.clock;
          searchAttributes = entry.sa ?? {};
          retention = entry.ret ?? {};
          schedules = entry.sch ?? {};
        } else runs.set(entry.k, { state: entry.s, completed: new Map(entry.cu), locations: entry.loc });
      });
    }
    const segments = fs
      .readdirSync(this.dir)
      .map((name) => SEGMENT_PATTERN.exec(name))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    for (const n of segments) {
      if (n <= after) continue;
      forEachLine(this.segmentPath(n), (line, offset) => {
        const record = parseLine(line) as LogRecord | undefined;
        // Only a segment's last line can be torn (a crash mid-write); it was never acknowledged.
        if (!record) return;
        if (record.t === 'clock') {
          clockOffset = record.offset;
          return;
        }
        if (record.t === 'sa') {
          searchAttributes[record.ns] = record.attrs;
          return;
        }
        if (record.t === 'ns') {
          retention[record.ns] = record.retentionMs;
          return;
        }
        if (record.t === 'sched') {
          if (record.s === undefined) delete schedules[record.k];
          else schedules[record.k] = record.s;
          return;
        }
        if (record.t === 'del') {
          runs.delete(record.k);
          return;
        }
        let run = runs.get(record.k);
        if (!run) runs.set(record.k, (run = { state: record.s, completed: new Map(), locations: [] }));
        run.state = record.s;
        if (record.cu) remember(run.completed, record.cu);
        else {
          // A record of the previous format: completed updates sit in the snapshot, their events in the history.
          const fromEvents: CompletedUpdates = [];
          for (const e of record.e) {
            if (e.eventType !== 'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED') continue;
            const id = (e.workflowExecutionUpdateCompletedEventAttributes as { meta?: { updateId?: string } } | undefined)?.meta?.updateId;
            if (id) fromEvents.push([id, e.eventId]);
          }
          remember(run.completed, fromEvents);
          foldLegacyUpdates(record.s, run.completed);
        }
        if (record.e.length > 0) run.locations.push([n, offset, line.length, record.e[0]!.eventId, record.e.length]);
      });
    }
    this.segment = (segments.at(-1) ?? 0) + 1;
    const loaded: LoadedState = {
      clockOffset,
      searchAttributes,
      retention,
      schedules,
      runs: [...runs.values()].map((r) => ({ state: r.state, completedUpdates: [...r.completed], locations: r.locations })),
    };
    this.writeCheckpoint(loaded, this.segment - 1);
    return loaded;
  }

  /** Everything up to segment `upTo` in one file (tmp + fsync + rename), so the next start replays only later segments. */
  private writeCheckpoint(loaded: LoadedState, upTo: number): void {
    const file = path.join(this.dir, 'checkpoint');
    const tmp = file + '.tmp';
    const fd = fs.openSync(tmp, 'w');
    try {
      let buffer = serializeRecord({ t: 'cp', segment: upTo, clock: loaded.clockOffset, sa: loaded.searchAttributes, ret: loaded.retention, sch: loaded.schedules });
      for (const run of loaded.runs) {
        const k = `${run.state.namespace}\u0000${run.state.workflowId}\u0000${run.state.runId}`;
        buffer += serializeRecord({ k, s: run.state, cu: run.completedUpdates, loc: run.locations });
        if (buffer.length > 1 << 20) {
          writeAllSync(fd, buffer);
          buffer = '';
        }
      }
      writeAllSync(fd, buffer);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    renameDurable(tmp, file);
  }

  append(record: LogRecord): EventLocation | undefined {
    const text = serializeRecord(record);
    const bytes = Buffer.byteLength(text);
    if (this.segmentSize > 0 && this.segmentSize + bytes > this.segmentBytes) {
      this.segment++;
      this.segmentSize = 0;
    }
    const offset = this.segmentSize;
    this.segmentSize += bytes;
    this.pending.push({ segment: this.segment, text });
    this.appended++;
    if (record.t !== 'run' || record.e.length === 0) return undefined;
    return [this.segment, offset, bytes - 1, record.e[0]!.eventId, record.e.length];
  }

  readEvents(locations: readonly EventLocation[], from: number, to: number): HistoryEvent[] {
    const events: HistoryEvent[] = [];
    for (const [segment, offset, length, first, count] of locations) {
      if (first + count <= from || first >= to) continue;
      let fd = this.readHandles.get(segment);
      if (fd === undefined) this.readHandles.set(segment, (fd = fs.openSync(this.segmentPath(segment), 'r')));
      const buffer = Buffer.allocUnsafe(length);
      fs.readSync(fd, buffer, 0, length, offset);
      const record = parseLine(buffer) as Extract<LogRecord, { t: 'run' }> | undefined;
      if (!record) throw new Error(`engine store: unreadable record at ${segmentName(segment)}:${offset}`);
      for (const event of record.e) if (event.eventId >= from && event.eventId < to) events.push(event);
    }
    return events;
  }

  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durable >= this.appended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo: this.appended, resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.pending.length === 0) return;
    this.flushing = true;
    const batch = this.pending;
    this.pending = [];
    const upTo = this.appended;
    const started = performance.now();
    try {
      // A batch spans at most a few segments; each part is written and synced in order.
      let i = 0;
      while (i < batch.length) {
        const segment = batch[i]!.segment;
        let text = '';
        while (i < batch.length && batch[i]!.segment === segment) text += batch[i++]!.text;
        if (this.handleSegment !== segment) {
          await this.handle?.close();
          this.handle = await fsp.open(this.segmentPath(segment), 'a');
          this.handleSegment = segment;
        }
        await this.handle!.write(text);
        await this.handle!.datasync();
      }
      this.durable = upTo;
      this.onCommit?.(performance.now() - started);
      const ready = this.waiters.filter((w) => w.upTo <= upTo);
      this.waiters = this.waiters.filter((w) => w.upTo > upTo);
      for (const w of ready) w.resolve();
    } catch (error) {
      this.failure = error as Error;
      for (const w of this.waiters.splice(0)) w.reject(this.failure);
    } finally {
      this.flushing = false;
    }
    if (this.pending.length > 0) void this.flush();
  }

  async close(): Promise<void> {
    while (this.pending.length > 0 || this.flushing) {
      await this.commit().catch(() => undefined);
      if (this.failure) break;
      if (this.flushing) await new Promise((r) => setTimeout(r, 1));
    }
    await this.handle?.close();
    this.handle = undefined;
    for (const fd of this.readHandles.values()) fs.closeSync(fd);
    this.readHandles.clear();
  }
}

function writeAllSync(fd: number, text: string): void {
  const data = Buffer.from(text);
  let offset = 0;
  while (offset < data.length) {
    offset += fs.writeSync(fd, data, offset, data.length - offset);
  }
}

function renameDurable(from: string, to: string): void {
  fs.renameSync(from, to);
  const dirFd = fs.openSync(path.dirname(to), 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}
