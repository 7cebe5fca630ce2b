// Failures the engine reports to callers, as gRPC status codes plus the
// Temporal error details the SDK inspects (e.g. the client turns
// ALREADY_EXISTS into WorkflowExecutionAlreadyStartedError and NOT_FOUND into
// WorkflowNotFoundError).
import * as grpc from '@grpc/grpc-js';
import { encodeStatusDetails } from './proto';

export class EngineError extends Error {
  constructor(
    readonly code: grpc.status,
    message: string,
    readonly detail?: { type: string; value: Record<string, unknown> },
  ) {
    super(message);
  }

  toServiceError(): Partial<grpc.StatusObject> & { code: grpc.status; details: string } {
    const metadata = new grpc.Metadata();
    if (this.detail) {
      metadata.set(
        'grpc-status-details-bin',
        encodeStatusDetails(this.code, this.message, this.detail.type, this.detail.value),
      );
    }
    return { code: this.code, details: this.message, metadata };
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
