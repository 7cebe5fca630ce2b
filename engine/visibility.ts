// Visibility: ListWorkflowExecutions, ScanWorkflowExecutions,
// CountWorkflowExecutions (GROUP BY ExecutionStatus), ListOpen/Closed
// WorkflowExecutions, and the search-attribute registry behind
// OperatorService Add/List/RemoveSearchAttributes. Queries scan the run
// registry (open runs and closed runs' small state; closed histories stay on
// disk) with the List Filter language of list-filter.ts.
import type { WorkflowEngine } from './engine';
import { invalidArgument } from './errors';
import { executionInfo } from './history-views';
import { SearchAttributeRegistry } from './search-attributes';
import { QueryError, compareBy, evaluate, fieldsOf, firstInOrder, parseListQuery, type FieldValue, type ListQuery, type Row, type ValueType } from './list-filter';
import type { Run, RunStatus } from './run-state';
import type { Handler } from './grpc-server';
import type { OperatorRequest, Request, Timestamp } from './wire';

/** What visibility and the search attributes need of the core: its runs and their registry, read (and, for the registry, written) in steps. */
export type VisibilityCore = Pick<WorkflowEngine, 'checkNamespace' | 'commit' | 'mutate' | 'runs' | 'searchAttributes'>;

const STATUS_NAMES: Record<RunStatus, string> = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELED: 'Canceled',
  TERMINATED: 'Terminated',
  CONTINUED_AS_NEW: 'ContinuedAsNew',
  TIMED_OUT: 'TimedOut',
};

function decodePayload(payload: { data?: Uint8Array | null } | null | undefined): unknown {
  try {
    return JSON.parse(Buffer.from(payload?.data ?? []).toString('utf8'));
  } catch {
    return undefined;
  }
}

function keywordPayload(value: string): unknown {
  return {
    metadata: { encoding: Buffer.from('json/plain'), type: Buffer.from('Keyword') },
    data: Buffer.from(JSON.stringify(value)),
  };
}

/** The attributes every run has, read from its state (the rest are custom: its search attributes). */
const BUILT_IN = new Map<string, (s: Run['s']) => FieldValue>([
  ['WorkflowId', (s) => s.workflowId],
  ['RunId', (s) => s.runId],
  ['WorkflowType', (s) => s.workflowType],
  ['ExecutionStatus', (s) => STATUS_NAMES[s.status]],
  ['TaskQueue', (s) => s.taskQueue],
  ['StartTime', (s) => s.startTime],
  ['CloseTime', (s) => s.closeTime],
  ['ExecutionTime', (s) => s.executionTime],
  ['HistoryLength', (s) => s.nextEventId - 1],
]);

const builtInValue = (run: Run, field: string): FieldValue => BUILT_IN.get(field)?.(run.s);

/**
 * A run seen through its search attributes. A scan moves one row from run to
 * run (`at`) rather than making one per run: a list reads every run of the
 * namespace, and the engine answers it on the thread that moves every task.
 */
class RunRow implements Row {
  constructor(
    public run: Run,
    private readonly types: (field: string) => ValueType,
  ) {}

  at(run: Run): this {
    this.run = run;
    return this;
  }

  type(field: string): ValueType {
    return this.types(field);
  }

  get(field: string): FieldValue {
    const s = this.run.s;
    const builtIn = BUILT_IN.get(field);
    if (builtIn) return builtIn(s);
    const payload = (s.searchAttributes?.indexedFields as Record<string, unknown> | undefined)?.[field];
    if (payload === undefined) return undefined;
    const value = decodePayload(payload);
    if (value === null || value === undefined) return undefined;
    const type = this.types(field);
    if (type === 'Datetime') return Date.parse(String(value));
    if (type === 'KeywordList') return Array.isArray(value) ? value.map(String) : [String(value)];
    if (Array.isArray(value)) return value.map(String);
    return value as string | number | boolean;
  }
}

/** Parses a query and checks every attribute it names; INVALID_ARGUMENT names the position of what is wrong. */
export function compileQuery(registry: SearchAttributeRegistry, namespace: string, query: string | undefined): ListQuery {
  let parsed: ListQuery;
  try {
    parsed = parseListQuery(query ?? '');
  } catch (error) {
    if (error instanceof QueryError) throw invalidArgument(`invalid query: ${error.message}`);
    throw error;
  }
  for (const { name, at } of fieldsOf(parsed)) {
    if (!registry.typeOf(namespace, name)) throw invalidArgument(`invalid query: unknown search attribute ${name} at position ${at}`);
  }
  for (const { field } of parsed.orderBy) {
    if (!registry.typeOf(namespace, field)) throw invalidArgument(`invalid query: unknown search attribute ${field} in ORDER BY`);
  }
  if (parsed.groupBy !== undefined && parsed.groupBy !== 'ExecutionStatus') {
    throw invalidArgument(`invalid query: GROUP BY supports ExecutionStatus only, not ${parsed.groupBy}`);
  }
  return parsed;
}

/** The runs of a namespace that match a query, in no order. */
function matchingRunsUnordered(engine: Pick<WorkflowEngine, 'runs' | 'searchAttributes'>, namespace: string, query: ListQuery): Run[] {
  const registry = engine.searchAttributes;
  const types = (field: string) => registry.typeOf(namespace, field) ?? 'Keyword';
  const matched: Run[] = [];
  let row: RunRow | undefined;
  try {
    for (const run of engine.runs.values()) {
      if (run.s.namespace !== namespace) continue;
      if (!query.filter || evaluate(query.filter, (row ??= new RunRow(run, types)).at(run))) matched.push(run);
    }
  } catch (error) {
    if (error instanceof QueryError) throw invalidArgument(`invalid query: ${error.message}`);
    throw error;
  }
  return matched;
}

/** Without ORDER BY, Temporal's order: open runs first, then the newest close, then the newest start; the newest run on a tie. */
function defaultOrder(a: Run, b: Run): number {
  if (a.running !== b.running) return a.running ? -1 : 1;
  const x = a.s.closeTime;
  const y = b.s.closeTime;
  if (x !== y) {
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return y - x;
  }
  return b.s.startTime - a.s.startTime || b.s.seq - a.s.seq;
}

/**
 * Runs of a namespace matching a query, in its order: the first `limit` of
 * them (all by default), and how many match in all. A page takes its runs off
 * a heap of `limit` rather than sorting every match, and an ORDER BY's values
 * are read once per run rather than at each comparison. Over 110,000 runs a
 * page of 20 sorted by a custom attribute held the engine's thread about a
 * second, and one with no filter a tenth of one (engine/README.md, "Visibility
 * over many runs").
 */
export function matchingRuns(engine: Pick<WorkflowEngine, 'runs' | 'searchAttributes'>, namespace: string, query: ListQuery, limit = Infinity): { runs: Run[]; total: number } {
  const runs = matchingRunsUnordered(engine, namespace, query);
  if (runs.length === 0) return { runs, total: 0 };
  if (!query.orderBy.length) return { runs: firstInOrder(runs, limit, defaultOrder), total: runs.length };
  const order = query.orderBy;
  // seq is unique, so each order is total: a heap's first `limit` are a full sort's.
  if (order.every(({ field }) => BUILT_IN.has(field))) {
    const before = (a: Run, b: Run) => compareBy(order, a, b, builtInValue) || b.s.seq - a.s.seq;
    return { runs: firstInOrder(runs, limit, before), total: runs.length };
  }
  // A custom attribute is decoded from its payload: once a run, not at each comparison.
  const types = (field: string) => engine.searchAttributes.typeOf(namespace, field) ?? 'Keyword';
  const row = new RunRow(runs[0]!, types);
  const keyed = runs.map((run) => ({ run, keys: order.map(({ field }) => row.at(run).get(field)) }));
  const before = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => compareBy(order, a, b, (k, _, i) => k.keys[i]) || b.run.s.seq - a.run.s.seq;
  return { runs: firstInOrder(keyed, limit, before).map((k) => k.run), total: runs.length };
}

/** Where a page starts: the offset its token carries (0 without one). */
function pageOffset(token: Uint8Array | undefined): number {
  if (!token || token.length === 0) return 0;
  let offset: unknown;
  try {
    offset = JSON.parse(Buffer.from(token).toString('utf8')).offset;
  } catch {
    throw invalidArgument('invalid next page token');
  }
  if (!Number.isInteger(offset) || (offset as number) < 0) throw invalidArgument('invalid next page token');
  return offset as number;
}

const pageEnd = (offset: number, pageSize: number | undefined) => offset + (pageSize && pageSize > 0 ? pageSize : 1000);

/** The page from `offset` of runs in their order, given the runs up to its end and how many there are in all. */
function page(firstRuns: Run[], total: number, offset: number): { executions: Array<Record<string, unknown>>; nextPageToken?: Buffer } {
  const slice = firstRuns.slice(offset);
  const next = offset + slice.length;
  return {
    executions: slice.map(executionInfo),
    nextPageToken: next < total ? Buffer.from(JSON.stringify({ offset: next })) : undefined,
  };
}

function timeFilter(filter: { earliestTime?: Timestamp; latestTime?: Timestamp } | undefined): (run: Run) => boolean {
  const earliest = filter?.earliestTime ? Number(filter.earliestTime.seconds ?? 0) * 1000 + Math.floor((filter.earliestTime.nanos ?? 0) / 1e6) : -Infinity;
  const latest = filter?.latestTime ? Number(filter.latestTime.seconds ?? 0) * 1000 + Math.floor((filter.latestTime.nanos ?? 0) / 1e6) : Infinity;
  return (run) => run.s.startTime >= earliest && run.s.startTime <= latest;
}

/** The older, structured list calls: filters by start time, execution, type and (closed) status. */
function listByFilters(engine: VisibilityCore, req: Request<'ListOpenWorkflowExecutions'> | Request<'ListClosedWorkflowExecutions'>, open: boolean): { executions: Array<Record<string, unknown>>; nextPageToken?: Buffer } {
  const ns = engine.checkNamespace(req.namespace);
  const inTime = timeFilter(req.startTimeFilter);
  const runs = [...engine.runs.values()].filter((run) => {
    if (run.s.namespace !== ns || run.running !== open || !inTime(run)) return false;
    if (req.executionFilter?.workflowId && run.s.workflowId !== req.executionFilter.workflowId) return false;
    if (req.executionFilter?.runId && run.s.runId !== req.executionFilter.runId) return false;
    if (req.typeFilter?.name && run.s.workflowType !== req.typeFilter.name) return false;
    const status = 'statusFilter' in req ? req.statusFilter?.status : undefined;
    if (status && `WORKFLOW_EXECUTION_STATUS_${run.s.status}` !== status) return false;
    return true;
  });
  const offset = pageOffset(req.nextPageToken);
  const ordered = firstInOrder(runs, pageEnd(offset, req.maximumPageSize), (a, b) => (open ? b.s.startTime - a.s.startTime : (b.s.closeTime ?? 0) - (a.s.closeTime ?? 0)) || b.s.seq - a.s.seq);
  return page(ordered, runs.length, offset);
}

export function visibilityHandlers(engine: VisibilityCore): Record<string, Handler> {
  const list = async (req: Request<'ListWorkflowExecutions'>) => {
    const ns = engine.checkNamespace(req.namespace);
    const query = compileQuery(engine.searchAttributes, ns, req.query);
    if (query.groupBy) throw invalidArgument('invalid query: GROUP BY is only for CountWorkflowExecutions');
    const offset = pageOffset(req.nextPageToken);
    await engine.commit();
    const { runs, total } = matchingRuns(engine, ns, query, pageEnd(offset, req.pageSize));
    return page(runs, total, offset);
  };
  return {
    ListWorkflowExecutions: list,
    ScanWorkflowExecutions: list,
    CountWorkflowExecutions: async (req: Request<'CountWorkflowExecutions'>) => {
      const ns = engine.checkNamespace(req.namespace);
      const query = compileQuery(engine.searchAttributes, ns, req.query);
      if (query.orderBy.length) throw invalidArgument('invalid query: ORDER BY is not allowed in a count');
      await engine.commit();
      // A count needs no order.
      const runs = matchingRunsUnordered(engine, ns, query);
      if (!query.groupBy) return { count: runs.length };
      const groups = new Map<string, number>();
      for (const run of runs) groups.set(STATUS_NAMES[run.s.status], (groups.get(STATUS_NAMES[run.s.status]) ?? 0) + 1);
      return {
        count: runs.length,
        groups: [...groups].map(([status, count]) => ({ groupValues: [keywordPayload(status)], count })),
      };
    },
    ListOpenWorkflowExecutions: async (req: Request<'ListOpenWorkflowExecutions'>) => {
      await engine.commit();
      return listByFilters(engine, req, true);
    },
    ListClosedWorkflowExecutions: async (req: Request<'ListClosedWorkflowExecutions'>) => {
      await engine.commit();
      return listByFilters(engine, req, false);
    },
    GetSearchAttributes: async () => ({ keys: engine.searchAttributes.list('default').customAttributes }),
  };
}

export function searchAttributeHandlers(engine: VisibilityCore): Record<string, Handler> {
  return {
    ListSearchAttributes: async (req: OperatorRequest<'ListSearchAttributes'>) => engine.searchAttributes.list(engine.checkNamespace(req.namespace)),
    AddSearchAttributes: async (req: OperatorRequest<'AddSearchAttributes'>) => {
      const ns = engine.checkNamespace(req.namespace);
      if (!req.searchAttributes || Object.keys(req.searchAttributes).length === 0) {
        throw invalidArgument('SearchAttributes are not set on request.');
      }
      const attributes = req.searchAttributes;
      engine.mutate(() => engine.searchAttributes.add(ns, attributes));
      await engine.commit();
      return {};
    },
    RemoveSearchAttributes: async (req: OperatorRequest<'RemoveSearchAttributes'>) => {
      const ns = engine.checkNamespace(req.namespace);
      const names = req.searchAttributes;
      if (!names?.length) throw invalidArgument('SearchAttributes are not set on request.');
      engine.mutate(() => engine.searchAttributes.remove(ns, names));
      await engine.commit();
      return {};
    },
  };
}
