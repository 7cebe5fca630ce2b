// Failures the engine reports to callers, as gRPC status codes plus the
// Temporal error details the SDK inspects (e.g. the client turns
// ALREADY_EXISTS into WorkflowExecutionAlreadyStartedError and NOT_FOUND into
// WorkflowNotFoundError).
import * as grpc from '@grpc/grpc-js';
import { encodeStatusDetails } from './proto';

/** gRPC status codes (grpc-js's enum: the same numbers every gRPC implementation uses). */
export { status as Status } from '@grpc/grpc-js';

export class EngineError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
    readonly detail?: { type: string; value: Record<string, unknown> },
  ) {
    super(message);
  }

  /** The google.rpc.Status sent as `grpc-status-details-bin`, when the error carries a detail. */
  statusDetails(): Buffer | undefined {
    return this.detail && encodeStatusDetails(this.code, this.message, this.detail.type, this.detail.value);
  }
}

export function invalidArgument(message: string): EngineError {
  return new EngineError(grpc.status.INVALID_ARGUMENT, message);
}

export function notFound(message: string): EngineError {
  return new EngineError(grpc.status.NOT_FOUND, message, {
    type: 'temporal.api.errordetails.v1.NotFoundFailure',
    value: {},
  });
}

export function namespaceNotFound(namespace: string): EngineError {
  return new EngineError(grpc.status.NOT_FOUND, `Namespace ${namespace} is not found.`, {
    type: 'temporal.api.errordetails.v1.NamespaceNotFoundFailure',
    value: { namespace },
  });
}

export function workflowAlreadyStarted(startRequestId: string, runId: string): EngineError {
  return new EngineError(grpc.status.ALREADY_EXISTS, 'Workflow execution is already running', {
    type: 'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure',
    value: { startRequestId, runId },
  });
}

export function failedPrecondition(message: string): EngineError {
  return new EngineError(grpc.status.FAILED_PRECONDITION, message);
}

export function deadlineExceeded(message: string): EngineError {
  return new EngineError(grpc.status.DEADLINE_EXCEEDED, message);
}

export function unavailable(message: string): EngineError {
  return new EngineError(grpc.status.UNAVAILABLE, message);
}
