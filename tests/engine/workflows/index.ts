// Workflows exercising the engine through the real SDK. Each is small and
// named after what it demonstrates.
import {
  ApplicationFailure,
  CancellationScope,
  ParentClosePolicy,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  executeChild,
  getExternalWorkflowHandle,
  isCancellation,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { createEngineTestActivities } from '../activities';

type Activities = ReturnType<typeof createEngineTestActivities>;

const acts = proxyActivities<Activities>({ startToCloseTimeout: '10s', retry: { initialInterval: '10ms', maximumAttempts: 3 } });
const localActs = proxyLocalActivities<Activities>({ startToCloseTimeout: '10s' });

export const addSignal = defineSignal<[number]>('add');
export const finishSignal = defineSignal('finish');
export const totalQuery = defineQuery<number>('total');
export const setLimitUpdate = defineUpdate<number, [number]>('setLimit');

export async function greet(name: string): Promise<string> {
  return `hello, ${name}`;
}

export async function activitySequence(name: string): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < 3; i++) results.push(await acts.echo(`${name}-${i}`));
  return results;
}

/** Sums `add` signals until `finish`; `setLimit` is validated (positive only) and returns the previous limit. */
export async function counter(): Promise<number> {
  let total = 0;
  let limit = 100;
  let finished = false;
  setHandler(addSignal, (n) => {
    total += n;
  });
  setHandler(finishSignal, () => {
    finished = true;
  });
  setHandler(totalQuery, () => total);
  setHandler(
    setLimitUpdate,
    (value) => {
      const previous = limit;
      limit = value;
      return previous;
    },
    {
      validator: (value) => {
        if (value <= 0) throw ApplicationFailure.nonRetryable('limit must be positive', 'INVALID_LIMIT');
      },
    },
  );
  await condition(() => finished);
  return total;
}

/** The bench workflow: three activities and two signals. */
export async function threeActivitiesTwoSignals(): Promise<number> {
  let signals = 0;
  setHandler(addSignal, () => {
    signals++;
  });
  setHandler(totalQuery, () => signals);
  await acts.echo('a');
  await acts.echo('b');
  await condition(() => signals >= 2);
  await acts.echo('c');
  return signals;
}

/** Never yields: a bug that the worker's deadlock guard must stop (tests/worker/activation-guard.test.ts). */
export async function loopForever(): Promise<never> {
  while (true) {
    // never yields
  }
}

export async function sleeper(ms: number): Promise<number> {
  const before = Date.now();
  await sleep(ms);
  return Date.now() - before;
}

export async function failing(message: string): Promise<void> {
  throw ApplicationFailure.nonRetryable(message, 'EXPECTED');
}

export async function flakyActivity(failures: number, key: string): Promise<number> {
  return acts.failTimes(failures, key);
}

export async function nonRetryableActivity(): Promise<void> {
  await acts.failNonRetryable();
}

export async function localActivities(): Promise<string> {
  const a = await localActs.echo('x');
  const b = await localActs.echo('y');
  return a + b;
}

/** Sleeps `ms` in a local activity (inside its first workflow task), then waits for `add` signals summing to `n`. */
export async function busyFirstTask(ms: number, n: number): Promise<number> {
  let total = 0;
  setHandler(addSignal, (x) => void (total += x));
  await localActs.sleepFor(ms);
  await condition(() => total >= n);
  return total;
}

export const runLocalActivitiesUpdate = defineUpdate<number, [number]>('runLocalActivities');

/** Answers each update after that many local activities in a row (engine/bench/local-activities.ts); ends on `finish`. */
export async function localActivityRunner(): Promise<void> {
  let finished = false;
  setHandler(finishSignal, () => void (finished = true));
  setHandler(runLocalActivitiesUpdate, async (n) => {
    for (let i = 0; i < n; i++) await localActs.echo(String(i));
    return n;
  });
  await condition(() => finished);
}

export async function continuing(remaining: number): Promise<number> {
  if (remaining > 0) await continueAsNew<typeof continuing>(remaining - 1);
  return workflowInfo().continuedFromExecutionRunId ? 1 : 0;
}

export async function childRunner(): Promise<string> {
  return executeChild(greet, { args: ['child'], workflowId: `${workflowInfo().workflowId}-child` });
}

export async function waitForever(): Promise<void> {
  await condition(() => false);
}

/** Starts a never-ending child with the given parent-close policy, then completes. */
export async function parentWithPolicy(policy: 'TERMINATE' | 'ABANDON' | 'REQUEST_CANCEL'): Promise<string> {
  const child = await startChild(waitForever, {
    workflowId: `${workflowInfo().workflowId}-child`,
    parentClosePolicy: ParentClosePolicy[policy],
  });
  return child.workflowId;
}

export async function cancellable(): Promise<string> {
  try {
    await sleep('1 day');
    return 'slept';
  } catch (err) {
    if (isCancellation(err)) {
      await CancellationScope.nonCancellable(() => acts.echo('cleanup'));
      throw err;
    }
    throw err;
  }
}

export async function signalSender(targetId: string): Promise<void> {
  await getExternalWorkflowHandle(targetId).signal(addSignal, 5);
  await getExternalWorkflowHandle(targetId).signal(finishSignal);
}

export async function canceller(targetId: string): Promise<void> {
  await getExternalWorkflowHandle(targetId).cancel();
}

export async function memoAndSearch(): Promise<void> {
  upsertMemo({ stage: 'second' });
  upsertSearchAttributes({ CustomKeywordField: ['kw'] });
  await condition(() => false);
}

export async function heartbeating(): Promise<string> {
  return acts.heartbeatUntilCancelled();
}

export async function cancelHeartbeatingActivity(): Promise<string> {
  const scope = new CancellationScope();
  const promise = scope.run(() => acts.heartbeatUntilCancelled());
  await sleep(200);
  scope.cancel();
  try {
    return await promise;
  } catch (err) {
    return isCancellation(err) ? 'activity cancelled' : `other: ${String(err)}`;
  }
}

export async function timedOutActivity(): Promise<string> {
  const slow = proxyActivities<Activities>({ startToCloseTimeout: '200ms', retry: { maximumAttempts: 2, initialInterval: '10ms' } });
  try {
    await slow.sleepFor(2000);
    return 'finished';
  } catch (err: any) {
    return `${err?.cause?.name}:${err?.cause?.timeoutType}`;
  }
}

export async function heartbeatTimeout(): Promise<string> {
  const silent = proxyActivities<Activities>({ startToCloseTimeout: '10s', heartbeatTimeout: '200ms', retry: { maximumAttempts: 1 } });
  try {
    await silent.sleepFor(2000);
    return 'finished';
  } catch (err: any) {
    return `${err?.cause?.name}:${err?.cause?.timeoutType}`;
  }
}

export async function throwsOnce(key: string): Promise<string> {
  // Fails the first workflow task (a plain Error is a task failure, retried by the server).
  if (await localActs.firstCall(key)) throw new Error('transient workflow task failure');
  return 'recovered';
}

/** Works a while in its first task (without touching workflow time), then sleeps until `at`; returns its time on waking. */
export async function wakeAt(at: number, spins: number): Promise<number> {
  let x = 0;
  for (let i = 0; i < spins; i++) x = (x * 31 + i) % 1_000_003;
  if (x < 0) throw new Error('unreachable');
  await sleep(at - Date.now());
  return Date.now();
}

export async function yearLong(): Promise<number> {
  const start = Date.now();
  await sleep('365 days');
  return Date.now() - start;
}

/** Schedules on a queue no worker polls, so only the server's timeouts can resolve it. */
export async function unpolledActivity(which: 'start' | 'close'): Promise<string> {
  const stranded = proxyActivities<Activities>({
    taskQueue: `${workflowInfo().workflowId}-nobody`,
    ...(which === 'start' ? { scheduleToStartTimeout: '200ms', startToCloseTimeout: '10s' } : { scheduleToCloseTimeout: '300ms' }),
  });
  try {
    await stranded.echo('never');
    return 'ran';
  } catch (err: any) {
    return `${err?.cause?.name}:${err?.cause?.timeoutType}`;
  }
}

export async function asyncCompleted(): Promise<string> {
  const external = proxyActivities<Activities>({ startToCloseTimeout: '1 minute', activityId: 'external', retry: { maximumAttempts: 1 } });
  return external.completeElsewhere();
}

const holdingActs = proxyLocalActivities<{ holdTaskUntilLastTimerDue(): Promise<void> }>({ startToCloseTimeout: '10s' });

/**
 * Timer B (the condition's timeout) comes due `gapMs` after timer A, while
 * the task handling A is still running (a local activity holds it), and that
 * same task cancels B because A met the condition. Resolves to whether the
 * condition was met (it always is).
 */
export async function cancelsTimerThatCameDue(gapMs: number, finish: 'same-task' | 'on-signal'): Promise<boolean> {
  let aFired = false;
  let finished = false;
  setHandler(finishSignal, () => {
    finished = true;
  });
  void sleep('1 hour').then(() => {
    aFired = true;
  });
  const met = await condition(() => aFired, 3_600_000 + gapMs);
  await holdingActs.holdTaskUntilLastTimerDue();
  if (finish === 'on-signal') await condition(() => finished);
  return met;
}

/**
 * A scheduled run that counts on from the last completed run's result
 * (`workflowInfo().lastResult`) and reports the last failure's message; it
 * fails instead when the count it would return is in `failAt`.
 */
export async function scheduledCounter(failAt: number[]): Promise<{ count: number; lastFailure: string | null }> {
  const info = workflowInfo();
  const last = info.lastResult as { count: number } | undefined;
  const count = (last?.count ?? 0) + 1;
  if (failAt.includes(count) && !info.lastFailure) throw ApplicationFailure.nonRetryable(`run ${count} failed`, 'EXPECTED');
  return { count, lastFailure: info.lastFailure?.message ?? null };
}

/** Starts a never-ending child (default parent-close policy: TERMINATE), then waits for `finish`. */
export async function parentOfWaiter(): Promise<string> {
  let finished = false;
  setHandler(finishSignal, () => void (finished = true));
  const child = await startChild(waitForever, { workflowId: `${workflowInfo().workflowId}-child` });
  await condition(() => finished);
  return child.workflowId;
}

/**
 * An activity answered by the test itself (no worker polls its queue for
 * activities), retried forever with an hour between attempts: what an
 * operator's ResetActivity is for. Resolves to the activity's result.
 */
export async function patientActivity(activityQueue: string): Promise<string> {
  const patient = proxyActivities<{ patient(): Promise<string> }>({
    taskQueue: activityQueue,
    activityId: 'patient',
    startToCloseTimeout: '1 hour',
    retry: { initialInterval: '1 hour', backoffCoefficient: 2 }, // no maximum: attempts go on
  });
  return patient.patient();
}
