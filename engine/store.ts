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
// open a new segment. When a segment fills, the engine checkpoints at the end
// of a step (memory then equals the log); after that, files the checkpoint
// covers with under half their bytes live are compacted: live events are
// copied to a `cmp-N.log`, runs move there (`mv` records), and the old files
// are deleted once the moves are durable. A log of the previous format (`engine.log`) becomes
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
  | { t: 'sched'; k: string; s?: unknown }
  /** Compaction moved a run's events [loc.first, loc.first + loc.count) to `loc` (a compacted file). */
  | { t: 'mv'; k: string; loc: EventLocation };

/** A line of a compacted file (`cmp-NNNNNNNN.log`): one run's events, copied out of older files. */
interface CompactedRecord {
  t: 'ev';
  k: string;
  e: HistoryEvent[];
}

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

/** What compaction needs of a run: its key and where its events are. */
export interface RunLocations {
  key: string;
  locations: EventLocation[];
}

/** One compaction pass: runs whose events moved to a compacted file, and the files to delete once the moves are durable. */
export interface CompactionPlan {
  moves: Array<{ k: string; loc: EventLocation }>;
  victims: number[];
}

export interface EngineStore {
  /** Whether events can be read back from the store (closed runs' histories then leave memory). */
  readonly pagesHistory: boolean;
  /** Whether the current segment is full: the caller should `checkpoint` at its next consistent point. */
  checkpointDue(): boolean;
  /**
   * Closes the current segment and writes (once it is durable) a checkpoint
   * of `runs`, which must be exactly the state every appended record adds up
   * to; `done` is called after the checkpoint replaced the previous one.
   */
  checkpoint(runs: Iterable<StoredRun>, done: (error?: Error) => void): void;
  /** Chooses files covered by the checkpoint with little live data, copies their live events into a new compacted file. */
  compact(runs: Iterable<RunLocations>): CompactionPlan;
  /** Deletes files a compaction emptied (after its moves are durable). */
  removeFiles(files: number[]): void;
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

// Payloads carry bytes; JSON keeps them as base64 under a marker key. The
// record is walked once before JSON.stringify rather than passed through a
// replacer function: V8 serialises on its fast path only without one. On a
// full-scale year's records (3.1 KB each) that took a record from 20.5 to
// 15.9 µs, byte for byte the same text. Only the objects on the way to a
// byte array are copied; a record without bytes is serialised as it is. Own
// enumerable keys only, as JSON.stringify reads them.
function encodeBytes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Uint8Array) return { $b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      const encoded = encodeBytes(item);
      if (encoded !== item) (copy ??= value.slice())[i] = encoded;
    }
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  // JSON.stringify serialises what toJSON returns (a Date, a protobufjs message): left to it, as the replacer did.
  if (typeof object.toJSON === 'function') return object;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (typeof item !== 'object' || item === null) continue;
    const encoded = encodeBytes(item);
    if (encoded === item) continue;
    copy ??= { ...object };
    // `__proto__` as an own key: assigning it would set the copy's prototype instead.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: encoded, writable: true, enumerable: true, configurable: true });
    else copy[key] = encoded;
  }
  return copy ?? object;
}

/**
 * Turns `{ $b: base64 }` objects (and only those: exactly that one key) back
 * into Buffers, in place. A walk after a plain JSON.parse rather than a
 * reviver: V8 calls a reviver back for every value of the line, which made
 * parsing five times slower — most of a restart's time goes to parsing
 * checkpoint lines.
 */
function reviveBytes(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) value[i] = reviveBytes(item);
    }
    return value;
  }
  const object = value as Record<string, unknown>;
  if (typeof object.$b === 'string') {
    let keys = 0;
    for (const _ in object) if (++keys > 1) break;
    if (keys === 1) return Buffer.from(object.$b, 'base64');
  }
  for (const key in object) {
    const item = object[key];
    if (typeof item !== 'object' || item === null) continue;
    const revived = reviveBytes(item);
    if (revived === item) continue;
    // `__proto__` is an own key of a parsed object: assigning it would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(object, key, { value: revived, writable: true, enumerable: true, configurable: true });
    else object[key] = revived;
  }
  return object;
}

export function serializeRecord(record: unknown): string {
  return JSON.stringify(encodeBytes(record)) + '\n';
}

export class MemoryStore implements EngineStore {
  readonly pagesHistory = false;
  checkpointDue(): boolean {
    return false;
  }
  checkpoint(): void {}
  compact(): CompactionPlan {
    return { moves: [], victims: [] };
  }
  removeFiles(): void {}
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
    return reviveBytes(JSON.parse(line.toString('utf8'))) as T;
  } catch {
    return undefined;
  }
}

const SEGMENT_PATTERN = /^seg-(\d{8})\.log$/;
const COMPACTED_PATTERN = /^cmp-(\d{8})\.log$/;
/** Segments are numbered from 0 up; compacted files are numbered -1 down (so a location names either). */
const segmentName = (n: number) => (n < 0 ? `cmp-${String(-n).padStart(8, '0')}.log` : `seg-${String(n).padStart(8, '0')}.log`);

/** A run's locations with those of events [loc.first, loc.first + loc.count) replaced by `loc` (a compaction's move). */
export function relocate(locations: readonly EventLocation[], loc: EventLocation): EventLocation[] {
  const first = loc[3];
  const end = loc[3] + loc[4];
  const out: EventLocation[] = [];
  let placed = false;
  for (const l of locations) {
    if (l[3] >= first && l[3] + l[4] <= end) {
      if (!placed) out.push(loc);
      placed = true;
    } else out.push(l);
  }
  return out;
}

/** A file is compacted when less than this share of its bytes is live events. */
const COMPACT_BELOW_LIVE_SHARE = 0.5;
/** Live bytes one compaction pass copies at most (it runs synchronously, between requests). */
const COMPACT_PASS_BYTES = 32 << 20;

export interface FileStoreOptions {
  /** Past this size a segment is closed, a checkpoint written and old files compacted; default 64 MiB. */
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
  /** Records appended and not yet written, each already encoded (its byte length is its place's length). */
  private pending: Array<{ segment: number; data: Buffer }> = [];
  private appended = 0;
  private durable = 0;
  private flushing = false;
  private waiters: Array<{ upTo: number; resolve: () => void; reject: (e: Error) => void }> = [];
  private failure: Error | undefined;
  /** Segments (≥ 0) and compacted files (< 0) on disk. */
  private readonly files = new Set<number>();
  /** Segments up to this one are covered by the checkpoint on disk. */
  private sealed = -1;
  private nextCompacted = 1;
  private checkpointing: Promise<void> | undefined;
  /** What the checkpoint header carries, kept current from the records appended. */
  private clockOffset = 0;
  private searchAttributes: Record<string, Record<string, string>> = {};
  private retention: Record<string, number> = {};
  private schedules: Record<string, unknown> = {};
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
    const names = fs.readdirSync(this.dir);
    const segments = names
      .map((name) => SEGMENT_PATTERN.exec(name))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    const compacted = names
      .map((name) => COMPACTED_PATTERN.exec(name))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => -Number(m[1]));
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
        if (record.t === 'mv') {
          const moved = runs.get(record.k);
          if (moved) moved.locations = relocate(moved.locations, record.loc);
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
    for (const n of segments) this.files.add(n);
    // A compacted file no run points to was left by a crash before its moves were durable.
    const referenced = new Set<number>();
    for (const run of runs.values()) for (const l of run.locations) if (l[0] < 0) referenced.add(l[0]);
    for (const n of compacted) {
      this.nextCompacted = Math.max(this.nextCompacted, -n + 1);
      if (referenced.has(n)) this.files.add(n);
      else fs.rmSync(this.segmentPath(n), { force: true });
    }
    this.clockOffset = clockOffset;
    this.searchAttributes = searchAttributes;
    this.retention = retention;
    this.schedules = schedules;
    const loaded: LoadedState = {
      clockOffset,
      searchAttributes,
      retention,
      schedules,
      runs: [...runs.values()].map((r) => ({ state: r.state, completedUpdates: [...r.completed], locations: r.locations })),
    };
    const file = path.join(this.dir, 'checkpoint');
    const fd = fs.openSync(file + '.tmp', 'w');
    try {
      for (const chunk of this.checkpointChunks(loaded.runs, this.segment - 1)) writeAllSync(fd, chunk);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    renameDurable(file + '.tmp', file);
    this.sealed = this.segment - 1;
    return loaded;
  }

  /** A checkpoint's text in pieces of about 1 MiB: the header, then one line per run. */
  private checkpointChunks(runs: Iterable<StoredRun>, upTo: number): Buffer[] {
    const chunks: Buffer[] = [];
    let buffer = serializeRecord({ t: 'cp', segment: upTo, clock: this.clockOffset, sa: this.searchAttributes, ret: this.retention, sch: this.schedules });
    for (const run of runs) {
      const k = `${run.state.namespace}\u0000${run.state.workflowId}\u0000${run.state.runId}`;
      buffer += serializeRecord({ k, s: run.state, cu: run.completedUpdates, loc: run.locations });
      if (buffer.length > 1 << 20) {
        chunks.push(Buffer.from(buffer));
        buffer = '';
      }
    }
    chunks.push(Buffer.from(buffer));
    return chunks;
  }

  checkpointDue(): boolean {
    return !this.checkpointing && this.segmentSize >= this.segmentBytes;
  }

  checkpoint(runs: Iterable<StoredRun>, done: (error?: Error) => void): void {
    // The text is taken now, when it matches every record appended; later
    // records go to the next segment, which the next start replays after it.
    const upTo = this.segment;
    const chunks = this.checkpointChunks(runs, upTo);
    this.segment++;
    this.segmentSize = 0;
    const file = path.join(this.dir, 'checkpoint');
    const write = async () => {
      // Written only once everything it covers is durable.
      await this.commit();
      const handle = await fsp.open(file + '.tmp', 'w');
      try {
        for (const chunk of chunks) await handle.write(chunk);
        await handle.sync();
      } finally {
        await handle.close();
      }
      renameDurable(file + '.tmp', file);
      this.sealed = upTo;
    };
    this.checkpointing = write().then(
      () => {
        this.checkpointing = undefined;
        done();
      },
      (error: Error) => {
        this.checkpointing = undefined;
        done(error);
      },
    );
  }

  compact(runs: Iterable<RunLocations>): CompactionPlan {
    const plan: CompactionPlan = { moves: [], victims: [] };
    const candidates = [...this.files].filter((n) => n <= this.sealed);
    if (candidates.length === 0) return plan;
    const live = new Map<number, number>(candidates.map((n) => [n, 0]));
    const all = [...runs];
    for (const run of all) for (const l of run.locations) if (live.has(l[0])) live.set(l[0], live.get(l[0])! + l[2] + 1);
    let budget = COMPACT_PASS_BYTES;
    const victims = new Set<number>();
    for (const [n, bytes] of [...live].sort((a, b) => a[1] - b[1])) {
      const size = fs.statSync(this.segmentPath(n)).size;
      if (bytes >= size * COMPACT_BELOW_LIVE_SHARE) continue;
      if (bytes > 0 && bytes > budget) continue;
      budget -= bytes;
      victims.add(n);
    }
    if (victims.size === 0) return plan;
    plan.victims = [...victims];
    // Each run's consecutive events in victim files become one record of the new compacted file.
    const target = -this.nextCompacted;
    const chunks: string[] = [];
    let offset = 0;
    for (const run of all) {
      let group: EventLocation[] = [];
      const flush = () => {
        if (group.length === 0) return;
        const first = group[0]![3];
        const count = group.reduce((sum, l) => sum + l[4], 0);
        const text = serializeRecord({ t: 'ev', k: run.key, e: this.readEvents(group, first, first + count) } satisfies CompactedRecord);
        const bytes = Buffer.byteLength(text);
        plan.moves.push({ k: run.key, loc: [target, offset, bytes - 1, first, count] });
        offset += bytes;
        chunks.push(text);
        group = [];
      };
      for (const l of run.locations) {
        if (victims.has(l[0])) group.push(l);
        else flush();
      }
      flush();
    }
    if (plan.moves.length > 0) {
      this.nextCompacted++;
      const fd = fs.openSync(this.segmentPath(target), 'w');
      try {
        for (let i = 0; i < chunks.length; i += 256) writeAllSync(fd, chunks.slice(i, i + 256).join(''));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fsyncDir(this.dir);
      this.files.add(target);
    }
    return plan;
  }

  removeFiles(files: number[]): void {
    for (const n of files) {
      const fd = this.readHandles.get(n);
      if (fd !== undefined) fs.closeSync(fd);
      this.readHandles.delete(n);
      fs.rmSync(this.segmentPath(n), { force: true });
      this.files.delete(n);
    }
    fsyncDir(this.dir);
  }

  append(record: LogRecord): EventLocation | undefined {
    // Encoded once here: the place's length is the buffer's, and the flush
    // hands the buffers to writev as they are (no speed gain was measurable).
    const data = Buffer.from(serializeRecord(record));
    const bytes = data.length;
    if (record.t === 'clock') this.clockOffset = record.offset;
    else if (record.t === 'sa') this.searchAttributes[record.ns] = record.attrs;
    else if (record.t === 'ns') this.retention[record.ns] = record.retentionMs;
    else if (record.t === 'sched') {
      if (record.s === undefined) delete this.schedules[record.k];
      else this.schedules[record.k] = record.s;
    }
    this.files.add(this.segment);
    const offset = this.segmentSize;
    this.segmentSize += bytes;
    this.pending.push({ segment: this.segment, data });
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
      const record = parseLine(buffer) as Extract<LogRecord, { t: 'run' }> | CompactedRecord | undefined;
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
      // A batch spans at most a few segments; each part is written (and made durable) in order.
      let i = 0;
      while (i < batch.length) {
        const segment = batch[i]!.segment;
        const buffers: Buffer[] = [];
        while (i < batch.length && batch[i]!.segment === segment) buffers.push(batch[i++]!.data);
        if (this.handleSegment !== segment) {
          await this.handle?.close();
          const file = this.segmentPath(segment);
          const created = !existsSync(file);
          this.handle = await fsp.open(file, 'a');
          this.handleSegment = segment;
          // A new segment's name must be durable too, before any record in it is acknowledged.
          if (created) fsyncDir(this.dir);
        }
        await writeAll(this.handle!, buffers);
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
    await this.checkpointing;
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

/** Writes every byte of `buffers` (a write may take fewer bytes than it was given). */
async function writeAll(handle: fsp.FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = buffers;
  for (;;) {
    const total = rest.reduce((sum, b) => sum + b.length, 0);
    if (total === 0) return;
    let { bytesWritten } = await handle.writev(rest);
    if (bytesWritten === total) return;
    if (bytesWritten === 0) throw new Error('engine store: the log file took no bytes');
    const left: Buffer[] = [];
    for (const b of rest) {
      if (bytesWritten >= b.length) bytesWritten -= b.length;
      else {
        left.push(bytesWritten > 0 ? b.subarray(bytesWritten) : b);
        bytesWritten = 0;
      }
    }
    rest = left;
  }
}

function writeAllSync(fd: number, text: string | Buffer): void {
  const data = typeof text === 'string' ? Buffer.from(text) : text;
  let offset = 0;
  while (offset < data.length) {
    offset += fs.writeSync(fd, data, offset, data.length - offset);
  }
}

function renameDurable(from: string, to: string): void {
  fs.renameSync(from, to);
  fsyncDir(path.dirname(to));
}

function fsyncDir(dir: string): void {
  const dirFd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}
