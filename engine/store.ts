// Persistence: an append-only log of JSON lines. Every change to a run appends
// the run's new history events plus a snapshot of its (small) mutable state;
// restart folds the log back into runs. Appends are group-committed: one
// write + fdatasync covers every record appended since the previous flush,
// and a request is answered only after the flush holding its records.
import * as fs from 'node:fs';
import { promises as fsp, mkdirSync, existsSync, readFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import path from 'node:path';
import type { HistoryEvent, RunState } from './run-state';

export type LogRecord =
  | { t: 'run'; k: string; e: HistoryEvent[]; s: RunState }
  | { t: 'clock'; offset: number };

export interface LoadedState {
  runs: Array<{ state: RunState; history: HistoryEvent[] }>;
  clockOffset: number;
}

export interface EngineStore {
  /** Reads what a previous process left. */
  load(): LoadedState;
  append(record: LogRecord): void;
  /** Resolves once every record appended before the call is durable. */
  commit(): Promise<void>;
  close(): Promise<void>;
}

// Payloads carry bytes; JSON keeps them as base64 under a marker key.
function replacer(this: any, key: string, value: unknown): unknown {
  const original = this[key];
  if (Buffer.isBuffer(original)) return { $b: original.toString('base64') };
  if (original instanceof Uint8Array) return { $b: Buffer.from(original).toString('base64') };
  return value;
}

function reviver(_key: string, value: any): unknown {
  if (value && typeof value === 'object' && typeof value.$b === 'string' && Object.keys(value).length === 1) {
    return Buffer.from(value.$b, 'base64');
  }
  return value;
}

export function serializeRecord(record: LogRecord): string {
  return JSON.stringify(record, replacer) + '\n';
}

export class MemoryStore implements EngineStore {
  load(): LoadedState {
    return { runs: [], clockOffset: 0 };
  }
  append(): void {}
  commit(): Promise<void> {
    return Promise.resolve();
  }
  async close(): Promise<void> {}
}

export class FileStore implements EngineStore {
  private readonly file: string;
  private handle: fsp.FileHandle | undefined;
  private pending: string[] = [];
  private appended = 0;
  private durable = 0;
  private flushing = false;
  private waiters: Array<{ upTo: number; resolve: () => void; reject: (e: Error) => void }> = [];
  private failure: Error | undefined;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, 'engine.log');
  }

  load(): LoadedState {
    const runs = new Map<string, { state: RunState; history: HistoryEvent[] }>();
    let clockOffset = 0;
    if (existsSync(this.file)) {
      const lines = readFileSync(this.file, 'utf8').split('\n');
      for (const line of lines) {
        if (!line) continue;
        let record: LogRecord;
        try {
          record = JSON.parse(line, reviver);
        } catch {
          // Only the last line can be torn (a crash mid-write); it was never acknowledged.
          continue;
        }
        if (record.t === 'clock') clockOffset = record.offset;
        else {
          const existing = runs.get(record.k);
          if (existing) {
            existing.state = record.s;
            for (const e of record.e) existing.history.push(e);
          } else runs.set(record.k, { state: record.s, history: [...record.e] });
        }
      }
    }
    const loaded = { runs: [...runs.values()], clockOffset };
    this.compact(loaded);
    return loaded;
  }

  /** Rewrites the log as one record per run, dropping superseded snapshots and any torn tail. */
  private compact(loaded: LoadedState): void {
    const tmp = this.file + '.tmp';
    const fd = openSync(tmp, 'w');
    try {
      const chunks: string[] = [serializeRecord({ t: 'clock', offset: loaded.clockOffset })];
      for (const run of loaded.runs) {
        chunks.push(
          serializeRecord({
            t: 'run',
            k: `${run.state.namespace}\u0000${run.state.workflowId}\u0000${run.state.runId}`,
            e: run.history,
            s: run.state,
          }),
        );
      }
      // Written synchronously: nothing else runs before the engine has loaded.
      let buffer = '';
      for (const c of chunks) {
        buffer += c;
        if (buffer.length > 1 << 20) {
          writeAllSync(fd, buffer);
          buffer = '';
        }
      }
      writeAllSync(fd, buffer);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSyncDurable(tmp, this.file);
  }

  append(record: LogRecord): void {
    this.pending.push(serializeRecord(record));
    this.appended++;
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
    const batch = this.pending.join('');
    this.pending = [];
    const upTo = this.appended;
    try {
      this.handle ??= await fsp.open(this.file, 'a');
      await this.handle.write(batch);
      await this.handle.datasync();
      this.durable = upTo;
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
  }
}

function writeAllSync(fd: number, text: string): void {
  const data = Buffer.from(text);
  let offset = 0;
  while (offset < data.length) {
    offset += fs.writeSync(fd, data, offset, data.length - offset);
  }
}

function renameSyncDurable(from: string, to: string): void {
  fs.renameSync(from, to);
  const dirFd = fs.openSync(path.dirname(to), 'r');
  try {
    fs.fsyncSync(dirFd);
  } finally {
    fs.closeSync(dirFd);
  }
}

