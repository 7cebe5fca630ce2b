// The check an operator runs before deploying new workflow code: every open
// workflow's history is replayed against the workflow bundle about to run it
// (Worker.runReplayHistories). A workflow whose code changed outside a
// patched() branch fails here with the SDK's nondeterminism error instead of
// wedging in production after the deploy.
import type { Client } from '@temporalio/client';
import { Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { createDataConverter, type PayloadKeyring } from '../temporal';

/** Temporal's visibility query for open runs. */
export const OPEN_WORKFLOWS_QUERY = 'ExecutionStatus="Running"';

export interface ReplayOpenWorkflowsOptions {
  client: Client;
  /** The bundle the new worker would run (getWorkflowBundle(), or one built from another workflows path). */
  workflowBundle: WorkflowBundleOption;
  /** The same keys as the workers': histories hold encrypted payloads. */
  payloadKeys: PayloadKeyring;
  /** Default OPEN_WORKFLOWS_QUERY. */
  query?: string;
  /** One line per workflow. */
  log: (line: string) => void;
}

export interface ReplayOutcome {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** The SDK's message when the replay failed. */
  error?: string;
  /** True when the failure is nondeterminism (a change not guarded by patched()). */
  nondeterministic: boolean;
}

export interface ReplaySummary {
  outcomes: ReplayOutcome[];
  failed: number;
}

export async function replayOpenWorkflows(options: ReplayOpenWorkflowsOptions): Promise<ReplaySummary> {
  const query = options.query ?? OPEN_WORKFLOWS_QUERY;
  const open: Array<{ workflowId: string; runId: string; type: string }> = [];
  for await (const info of options.client.workflow.list({ query })) open.push({ workflowId: info.workflowId, runId: info.runId, type: info.type });
  const types = new Map(open.map((o) => [`${o.workflowId}/${o.runId}`, o.type]));
  // Fetched one at a time as the replay worker asks for the next: memory holds one history, not all.
  async function* histories() {
    for (const o of open) {
      yield { workflowId: o.workflowId, history: await options.client.workflow.getHandle(o.workflowId, o.runId).fetchHistory() };
    }
  }

  const outcomes: ReplayOutcome[] = [];
  const results = Worker.runReplayHistories(
    {
      workflowBundle: options.workflowBundle,
      dataConverter: createDataConverter(options.payloadKeys),
    },
    histories(),
  );
  for await (const result of results) {
    const workflowType = types.get(`${result.workflowId}/${result.runId}`) ?? '?';
    const error = result.error;
    const outcome: ReplayOutcome = {
      workflowId: result.workflowId,
      runId: result.runId,
      workflowType,
      nondeterministic: error !== undefined && isNondeterminism(error),
      ...(error ? { error: error.message } : {}),
    };
    outcomes.push(outcome);
    options.log(
      error
        ? `FAIL ${workflowType} ${result.workflowId} (${result.runId}): ${outcome.nondeterministic ? 'nondeterminism: ' : ''}${error.message}`
        : `ok   ${workflowType} ${result.workflowId} (${result.runId})`,
    );
  }
  return { outcomes, failed: outcomes.filter((o) => o.error !== undefined).length };
}

function isNondeterminism(error: Error): boolean {
  return error.name === 'DeterminismViolationError' || /nondetermin/i.test(error.message) || /nondetermin/i.test(String((error as { cause?: unknown }).cause ?? ''));
}
