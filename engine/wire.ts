// Request and response types as the engine sees them on the wire: the
// generated interfaces of @temporalio/proto, converted the way proto.ts
// decodes (CONVERSION): int64 as numbers, enums as their names, bytes as
// Buffers, every field optional (absent means unset).
import type { temporal } from '@temporalio/proto';
import type Long from 'long';

export type Wire<T> = T extends Long
  ? number
  : T extends Uint8Array
    ? Buffer
    : T extends number
      ? // An enum member's value is a number literal; a plain number field is `number`.
        `${T}` extends `${infer N extends number}`
        ? number extends N
          ? number
          : string
        : number
      : T extends ReadonlyArray<infer U>
        ? Wire<U>[]
        : T extends object
          ? { [K in keyof T]?: Wire<NonNullable<T[K]>> }
          : T;

type WorkflowServiceMessages = typeof temporal.api.workflowservice.v1;
type OperatorServiceMessages = typeof temporal.api.operatorservice.v1;

type Instance<C> = C extends { prototype: infer I } ? Wire<I> : never;

/** A WorkflowService request by method name, e.g. `Request<'CreateSchedule'>`. */
export type Request<M extends string> = `${M}Request` extends keyof WorkflowServiceMessages
  ? Instance<WorkflowServiceMessages[`${M}Request`]>
  : never;
/** A WorkflowService response by method name. */
export type Response<M extends string> = `${M}Response` extends keyof WorkflowServiceMessages
  ? Instance<WorkflowServiceMessages[`${M}Response`]>
  : never;
/** An OperatorService request by method name. */
export type OperatorRequest<M extends string> = `${M}Request` extends keyof OperatorServiceMessages
  ? Instance<OperatorServiceMessages[`${M}Request`]>
  : never;

export type Payload = Wire<temporal.api.common.v1.IPayload>;
export type Payloads = Wire<temporal.api.common.v1.IPayloads>;
export type Memo = Wire<temporal.api.common.v1.IMemo>;
export type SearchAttributes = Wire<temporal.api.common.v1.ISearchAttributes>;
export type Timestamp = { seconds?: number; nanos?: number };
export type Schedule = Wire<temporal.api.schedule.v1.ISchedule>;
export type ScheduleSpec = Wire<temporal.api.schedule.v1.IScheduleSpec>;
export type StructuredCalendarSpec = Wire<temporal.api.schedule.v1.IStructuredCalendarSpec>;
export type CalendarSpec = Wire<temporal.api.schedule.v1.ICalendarSpec>;
export type IntervalSpec = Wire<temporal.api.schedule.v1.IIntervalSpec>;
export type Range = Wire<temporal.api.schedule.v1.IRange>;
export type StartWorkflowRequest = Request<'StartWorkflowExecution'>;
export type Duration = Wire<temporal.api.common.v1.IPayload> extends never ? never : { seconds?: number; nanos?: number };
export type Failure = Wire<temporal.api.failure.v1.IFailure>;
export type RetryPolicyProto = Wire<temporal.api.common.v1.IRetryPolicy>;
export type Header = Wire<temporal.api.common.v1.IHeader>;
export type Command = Wire<temporal.api.command.v1.ICommand>;
export type ProtocolMessage = Wire<temporal.api.protocol.v1.IMessage>;
export type UpdateRequest = Wire<temporal.api.update.v1.IRequest>;
export type UpdateOutcome = Wire<temporal.api.update.v1.IOutcome>;
export type WaitPolicy = Wire<temporal.api.update.v1.IWaitPolicy>;
export type QueryAnswerWire = Wire<temporal.api.query.v1.IWorkflowQueryResult>;
export type WorkflowQuery = Wire<temporal.api.query.v1.IWorkflowQuery>;
export type WorkflowExecution = Wire<temporal.api.common.v1.IWorkflowExecution>;
export type StickyExecutionAttributes = Wire<temporal.api.taskqueue.v1.IStickyExecutionAttributes>;
