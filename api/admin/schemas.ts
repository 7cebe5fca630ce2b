import { z } from 'zod';
import { zDate, zId, zLine } from '../http/text';
import { ZRoleName } from '../http/schemas';

export const ZPersonId = z.object({ personId: zId() });

export const ZAdminGrant = z
  .object({ id: z.string(), role: ZRoleName, roleLabel: z.string(), unitId: z.string(), unitName: z.string(), unitPath: z.string() })
  .meta({ id: 'AdminGrant' });

export const ZAdminPerson = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    active: z.boolean(),
    grants: z.array(ZAdminGrant).meta({ description: 'The role grants inside the administrator\'s scope only.' }),
  })
  .meta({ id: 'AdminPerson' });

export const ZCalendarYear = z
  .object({
    year: z.number().int(),
    holidays: z.array(z.string()),
    workdays: z.array(z.string()),
    source: z.string(),
    origin: z.enum(['shipped', 'loaded']).meta({ description: 'shipped: in the code (domain/calendar); loaded: by an administrator, replacing a shipped year.' }),
    updatedAt: z.iso.datetime().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: 'CalendarYear' });

export const ZSaveCalendarYear = z
  .object({
    holidays: z.array(zDate()).max(60).meta({ description: 'Every day off of each announced break (放假), weekends inside a break may be listed.' }),
    workdays: z.array(zDate()).max(30).meta({ description: 'Weekend days that are working days (调休上班).' }),
    source: zLine(200).meta({ description: 'The notice, e.g. 国办发明电〔2025〕7号.' }),
  })
  .meta({ id: 'SaveCalendarYear' });

// ---- workflow operations (/api/admin/workflows) ---------------------------

export const ZWorkflowParams = z.object({ workflowId: zId(200) });
export const ZWorkflowActivityParams = z.object({ workflowId: zId(200), activityId: zId(200) });

export const ZWorkflowSubject = z
  .object({
    kind: z.enum(['project', 'mediation', 'grid', 'report', 'cycle', 'schedule']),
    title: z.string().meta({ description: 'The business record\'s name: a project\'s or case\'s title, "芙蓉社区 2027 年度述职".' }),
    number: z.string().nullable().meta({ description: '案件编号 or 事件编号, when the process has one.' }),
    unitName: z.string().nullable(),
    path: z.string().nullable().meta({ description: 'The console page of the record, when it has one.' }),
  })
  .meta({ id: 'WorkflowSubject' });

export const ZWorkflowExecution = z
  .object({
    workflowId: z.string(),
    runId: z.string(),
    workflowType: z.string(),
    status: z.string().meta({ description: 'Running, Completed, Failed, Canceled, Terminated, ContinuedAsNew, TimedOut' }),
    taskQueue: z.string(),
    startTime: z.iso.datetime().nullable(),
    closeTime: z.iso.datetime().nullable(),
    historyLength: z.number().int(),
    subject: ZWorkflowSubject.nullable().meta({ description: 'The project, case, incident or yearly report the workflow runs, from its read model; null when it has none.' }),
  })
  .meta({ id: 'WorkflowExecution' });

export const ZListWorkflowsQuery = z.object({
  query: zLine(2000, { allowEmpty: true })
    .optional()
    .meta({ description: 'Temporal List Filter, passed to ListWorkflowExecutions as is, e.g. `ExecutionStatus="Running" AND WorkflowType="projectWorkflow"`; empty: every workflow.' }),
  subject: zLine(100, { allowEmpty: true })
    .optional()
    .meta({ description: 'Only the workflows of business records whose title or number (案件编号, 事件编号) contains this, or, for yearly reports, whose unit\'s name does: the newest 200 such records, joined to `query` with AND.' }),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: zId(2000).optional().meta({ description: 'nextCursor of the previous page.' }),
});

export const ZWorkflowPage = z.object({ items: z.array(ZWorkflowExecution), nextCursor: z.string().nullable() }).meta({ id: 'WorkflowPage' });

export const ZPendingActivity = z
  .object({
    activityId: z.string(),
    activityType: z.string(),
    state: z.enum(['scheduled', 'started', 'cancelRequested', 'paused', 'unknown']),
    attempt: z.number().int(),
    maximumAttempts: z.number().int().meta({ description: '0: unlimited.' }),
    lastFailure: z.object({ message: z.string(), type: z.string().nullable() }).nullable(),
    scheduledTime: z.iso.datetime().nullable().meta({ description: 'When the current attempt is (or was) due; in backoff, the next attempt.' }),
    lastStartedTime: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PendingActivity' });

export const ZWorkflowEvent = z
  .object({
    eventId: z.number().int(),
    time: z.iso.datetime().nullable(),
    type: z.string().meta({ description: 'The event type as Temporal names it without its prefix, e.g. WorkflowTaskCompleted, ActivityTaskFailed.' }),
    name: z
      .string()
      .nullable()
      .meta({ description: 'What the event is about, from its plain (never encoded) fields: the activity type (a local activity\'s too), update or signal name, marker name, timer id or workflow type.' }),
    marker: z.string().nullable().meta({ description: 'MarkerRecorded: the marker\'s name; core_local_activity (then `name` is the local activity\'s type) or core_patch.' }),
    failure: z.string().nullable().meta({ description: 'The failure message of a failed activity (local ones too), workflow task or workflow; a termination\'s reason.' }),
    firesAt: z.iso.datetime().nullable().meta({ description: 'TimerStarted: when the timer fires.' }),
  })
  .meta({ id: 'WorkflowEvent' });

export const ZWorkflowDescription = z
  .object({
    execution: ZWorkflowExecution,
    pendingActivities: z.array(ZPendingActivity),
    pendingUpdates: z
      .array(z.object({ updateId: z.string(), name: z.string(), acceptedEventId: z.number().int() }))
      .meta({ description: 'Updates accepted by the workflow and not yet completed (admitted, not yet accepted ones are not in history).' }),
    pendingWorkflowTask: z.object({ state: z.enum(['scheduled', 'started']), attempt: z.number().int() }).nullable(),
    lastWorkflowTaskCompletedEventId: z.number().int().nullable().meta({ description: 'Where a reset to "the last workflow task" goes.' }),
    recentEvents: z
      .array(ZWorkflowEvent)
      .meta({ description: 'The run\'s last RECENT_EVENTS (50) history events, newest first: what happened last, and the WorkflowTaskCompleted events a reset may go to.' }),
  })
  .meta({ id: 'WorkflowDescription' });

export const ZWorkflowReason = z.object({ reason: zLine(500).meta({ description: 'Why: kept in the audit log and the workflow history.' }) }).meta({ id: 'WorkflowReason' });

export const ZResetWorkflow = z
  .object({
    reason: zLine(500),
    eventId: z.number().int().positive().optional().meta({ description: 'A WorkflowTaskCompleted event id of the current run; absent: the last completed workflow task.' }),
  })
  .meta({ id: 'ResetWorkflow' });

export const ZWorkflowResult = z
  .object({
    workflowId: z.string(),
    runId: z.string().meta({ description: 'The run the action left current (a reset starts a new one).' }),
    previousRunId: z.string().nullable(),
    status: z.string(),
    resetToEventId: z.number().int().nullable(),
  })
  .meta({ id: 'WorkflowOperationResult' });

// ---- workers (/api/admin/workers) ------------------------------------------

export const ZTaskQueueView = z
  .object({
    type: z.enum(['workflow', 'activity']).meta({ description: 'workflow: process steps (流程任务); activity: the work they start (活动任务).' }),
    pollers: z
      .array(z.object({ identity: z.string(), lastAccessAt: z.iso.datetime().nullable() }))
      .meta({ description: 'Workers that polled this queue in the last five minutes, most recent first.' }),
    backlog: z.number().int().nullable().meta({ description: 'Tasks waiting for a worker; null when the Temporal server does not report it.' }),
    oldestWaitingSeconds: z.number().nullable().meta({ description: 'How long the oldest waiting task has waited; null when none waits or it is not reported.' }),
  })
  .meta({ id: 'TaskQueueView' });

export const ZWorkers = z
  .object({ taskQueue: z.string(), queues: z.array(ZTaskQueueView), checkedAt: z.iso.datetime() })
  .meta({ id: 'Workers' });
