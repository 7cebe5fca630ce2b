// The restart part of `npm run bench:engine`: restart time and RSS of an
// engine whose data directory holds BENCH_RESTART_CLOSED (default 100,000)
// closed and BENCH_RESTART_OPEN (default 10,000) open runs, and the store
// bytes of one closed project-shaped workflow.
//
// Writing 110,000 workflows through gRPC takes hours on a loaded 2-core
// machine, so the directory is generated: the records the bench's engine
// wrote for one finished throughput workflow and for one open waiting
// workflow are copied with new ids, straight into segment files of the
// store's format (as the engine appends them). The first start replays all of
// it and writes a checkpoint; the three measured restarts after it read the
// checkpoint, as every later restart does.
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { forEachLine } from '../store';
import { freePort, spawnBenchEngine } from '../../tests/engine/cli-process';

const CLOSED = Number(process.env.BENCH_RESTART_CLOSED ?? 100_000);
const OPEN = Number(process.env.BENCH_RESTART_OPEN ?? 10_000);
const SEGMENT_BYTES = 64 << 20;

interface Template {
  workflowId: string;
  runId: string;
  lines: string[];
}

/** Every record of the run of `workflowId` in a data directory, as written. */
function recordsOf(dataDir: string, workflowId: string): Template {
  const lines: string[] = [];
  let runId = '';
  for (const name of readdirSync(dataDir).filter((n) => n.startsWith('seg-')).sort()) {
    forEachLine(path.join(dataDir, name), (line) => {
      const text = line.toString('utf8');
      if (!text.includes(`"workflowId":"${workflowId}"`)) return;
      const record = JSON.parse(text) as { t: string; s?: { workflowId: string; runId: string } };
      if (record.t !== 'run' || record.s?.workflowId !== workflowId) return;
      runId = record.s.runId;
      lines.push(text);
    });
  }
  if (lines.length === 0) throw new Error(`no records of ${workflowId} in ${dataDir}`);
  return { workflowId, runId, lines };
}

function rssMiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

/**
 * Visibility over every run kept: the first page of 20 (and a count) through
 * gRPC, median of 5 each. The engine answers every request on one thread, so
 * a list's time is time no workflow task moves.
 */
async function listTimes(address: string): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    const service = connection.workflowService;
    const median = async (call: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        await call();
        times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[2]!.toFixed(1);
    };
    const page = (query: string) => () => service.listWorkflowExecutions({ namespace: 'default', query, pageSize: 20 });
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['no filter', page('')],
      ["ExecutionStatus = 'Running'", page("ExecutionStatus = 'Running'")],
      ["WorkflowId IN (3 ids)", page("WorkflowId IN ('c-5', 'c-50000', 'o-7')")],
      ['ORDER BY StartTime', page('ORDER BY StartTime')],
      ['count GROUP BY ExecutionStatus', () => service.countWorkflowExecutions({ namespace: 'default', query: 'GROUP BY ExecutionStatus' })],
    ];
    const out: string[] = [];
    for (const [label, call] of cases) out.push(`${label} ${await median(call)} ms`);
    return out.join('; ');
  } finally {
    await connection.close();
  }
}

function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(path.join(dir, name)).size, 0);
}

/** Writes `count` copies of a template's records with fresh ids into segments; returns the bytes written. */
function writeCopies(out: { dir: string; segment: number; fd: number; size: number }, template: Template, count: number, prefix: string): number {
  const idPattern = new RegExp(`(?<=["\\u0000])${template.workflowId.replace(/[-]/g, '\\-')}(?=["\\\\])`, 'g');
  let written = 0;
  let buffer = '';
  const flush = () => {
    const data = Buffer.from(buffer);
    buffer = '';
    if (out.size > 0 && out.size + data.length > SEGMENT_BYTES) {
      closeSync(out.fd);
      out.segment++;
      out.fd = openSync(path.join(out.dir, `seg-${String(out.segment).padStart(8, '0')}.log`), 'w');
      out.size = 0;
    }
    let offset = 0;
    while (offset < data.length) offset += writeSync(out.fd, data, offset);
    out.size += data.length;
    written += data.length;
  };
  for (let i = 0; i < count; i++) {
    const runId = `${prefix}${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const workflowId = `${prefix}-${i}`;
    for (const line of template.lines) buffer += line.replaceAll(template.runId, runId).replace(idPattern, workflowId) + '\n';
    if (buffer.length > 4 << 20) flush();
  }
  flush();
  return written;
}

/** Runs the restart measurement; `benchDir` is the data directory the bench's engine wrote. */
export async function restartBench(
  benchDir: string,
  closedWorkflowId: string,
  openWorkflowId: string,
  log: (line: string) => void,
  engineRoot?: string,
): Promise<void> {
  const closed = recordsOf(benchDir, closedWorkflowId);
  const open = recordsOf(benchDir, openWorkflowId);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'engine-restart-'));
  try {
    const started = performance.now();
    const out = { dir, segment: 0, fd: openSync(path.join(dir, 'seg-00000000.log'), 'w'), size: 0 };
    const closedBytes = writeCopies(out, closed, CLOSED, 'c');
    writeCopies(out, open, OPEN, 'o');
    closeSync(out.fd);
    log(
      `restart data: ${CLOSED} closed runs (records of ${closedWorkflowId}: ${closed.lines.length} records, ${(closedBytes / CLOSED).toFixed(0)} bytes each) + ${OPEN} open (${openWorkflowId}), ${(directoryBytes(dir) / 2 ** 20).toFixed(0)} MiB generated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const args = ['--port', String(await freePort()), '--data-dir', dir, '--log-level', 'warn'];
    const start = async (root?: string, lists?: (line: string) => void): Promise<{ ms: number; mib: number }> => {
      const t0 = performance.now();
      const server = await spawnBenchEngine(args, root, 60 * 60_000);
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 2000));
      const mib = rssMiB(server.child.pid!);
      if (lists) lists(await listTimes(server.address));
      server.child.kill('SIGTERM');
      await server.exited;
      return { ms, mib };
    };
    const first = await start(engineRoot);
    log(`first start (replays every segment, writes the checkpoint): ${first.ms.toFixed(0)} ms to ENGINE_READY, RSS ${first.mib.toFixed(0)} MiB`);
    // BENCH_RESTART_COMPARE=<checkout>: each measured restart is followed by one of that checkout's engine on the same directory.
    const roots: Array<[string, string | undefined]> = [['', engineRoot]];
    if (process.env.BENCH_RESTART_COMPARE) roots.push([` (${process.env.BENCH_RESTART_COMPARE})`, process.env.BENCH_RESTART_COMPARE]);
    const samples = roots.map(() => ({ times: [] as number[], rss: [] as number[] }));
    for (let i = 0; i < 3; i++) {
      for (const [j, [label, root]] of roots.entries()) {
        // The first measured restart of each engine also times its lists (after the RSS is read).
        const lists = i === 0 ? (line: string) => log(`visibility over ${CLOSED + OPEN} runs${label}, a page of 20 (gRPC, median of 5): ${line}`) : undefined;
        const { ms, mib } = await start(root, lists);
        samples[j]!.times.push(ms);
        samples[j]!.rss.push(mib);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const [j, [label]] of roots.entries()) {
      const { times, rss } = samples[j]!;
      log(
        `restart with ${CLOSED} closed + ${OPEN} open runs (from the checkpoint)${label}: median ${median(times).toFixed(0)} ms to ENGINE_READY (${times.map((t) => t.toFixed(0)).join(', ')}; process start included), RSS median ${median(rss).toFixed(0)} MiB (${rss.map((r) => r.toFixed(0)).join(', ')}); checkpoint ${(statSync(path.join(dir, 'checkpoint')).size / 2 ** 20).toFixed(0)} MiB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Store bytes of one closed project-shaped workflow: the history of a real
 * project workflow recorded from the platform (`tests/project/histories/failed.json`,
 * 198 events) written as the engine writes it — one record per workflow task
 * (the events since the previous one plus the run's state; the state of the
 * bench's closed workflow stands in for the project's) — plus its checkpoint line.
 */
export function projectShapedBytes(benchDir: string, closedWorkflowId: string, serialize: (record: unknown) => string): { bytes: number; events: number; records: number } {
  const file = new URL('../../tests/project/histories/failed.json', import.meta.url).pathname;
  const events = (JSON.parse(readFileSync(file, 'utf8')) as { events: Array<Record<string, unknown>> }).events.map((e) => ({ ...e, eventId: Number(e.eventId) }));
  const closed = recordsOf(benchDir, closedWorkflowId);
  const state = (JSON.parse(closed.lines.at(-1)!) as { s: unknown }).s;
  let bytes = 0;
  let records = 0;
  let batch: unknown[] = [];
  for (const event of events) {
    batch.push(event);
    if ((event as { eventType?: string }).eventType === 'EVENT_TYPE_WORKFLOW_TASK_STARTED' || event === events.at(-1)) {
      bytes += Buffer.byteLength(serialize({ t: 'run', k: 'default\u0000project-0000\u000000000000-0000-4000-8000-000000000000', e: batch, s: state }));
      records++;
      batch = [];
    }
  }
  bytes += Buffer.byteLength(serialize({ k: 'default\u0000project-0000\u000000000000-0000-4000-8000-000000000000', s: state, cu: [], loc: Array.from({ length: records }, () => [0, 0, 0, 0, 0]) }));
  return { bytes, events: events.length, records };
}
