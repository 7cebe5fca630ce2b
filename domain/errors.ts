// One application error type for every layer. A refused action reads the same
// whether it came from an API validator, an update validator inside a
// workflow (thrown as ApplicationFailure with `type` = code), or a use case.
// Processes add their codes to ERROR_CODES; the HTTP status is decided here.

export const ERROR_CODES = {
  // request shape
  VALIDATION_FAILED: { status: 400, when: 'The request body, query or path does not match its schema.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, when: 'An Idempotency-Key was reused with a different request.' },
  IDEMPOTENCY_KEY_IN_PROGRESS: { status: 409, when: 'A request with this Idempotency-Key is still being processed; retry shortly.' },
  PAYLOAD_TOO_LARGE: { status: 413, when: 'The request body is larger than the configured limit (HTTP_BODY_LIMIT).' },
  // identity and access
  UNAUTHENTICATED: { status: 401, when: 'No valid bearer token was sent.' },
  TOKEN_EXPIRED: { status: 401, when: 'The bearer token has expired; renew it with POST /api/auth/refresh (or log in again).' },
  INVALID_CREDENTIALS: { status: 401, when: 'Username or password is wrong.' },
  RATE_LIMITED: { status: 429, when: 'Too many failed logins for this username from this address; wait and retry.' },
  FORBIDDEN_ROLE: { status: 403, when: 'The caller holds no role that may do this.' },
  FORBIDDEN_SCOPE: { status: 403, when: 'The caller has the role, but not on this unit or its parents.' },
  // state
  NOT_FOUND: { status: 404, when: 'The resource does not exist or is outside the caller\'s scope.' },
  WRONG_STAGE: { status: 409, when: 'The action is not allowed at the current stage of the process.' },
  ALREADY_DONE: { status: 409, when: 'The action was already performed.' },
  CONFLICT: { status: 409, when: 'The request conflicts with the current state.' },
  TASK_ALREADY_CLAIMED: { status: 409, when: 'Another person has already claimed this task.' },
  BUSINESS_RULE: { status: 422, when: 'The request breaks a business rule (the message says which).' },
  NOT_ON_ROLL: { status: 403, when: '民主评议: the voter is not on the roll fixed when this vote round opened.' },
  ALREADY_VOTED: { status: 409, when: '民主评议: the voter has already voted in this round; a ballot is never changed or repeated.' },
  QUESTIONS_UNANSWERED: { status: 409, when: '向上述职: the step cannot close while a 质询 is unanswered or no score was given.' },
  BALLOTS_SEALED: { status: 409, when: '民主评议: ballots and the tally stay sealed until the vote round has closed.' },
  CONFIRMATION_WINDOW_CLOSED: { status: 422, when: '调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed.' },
  // infrastructure
  SERVICE_UNAVAILABLE: { status: 503, when: 'A dependency (database, Redis, Temporal) is unreachable.' },
  INTERNAL: { status: 500, when: 'An unexpected error; details are in the server log under the request id.' },
} as const satisfies Record<string, { status: number; when: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, options?: { details?: unknown; cause?: unknown }) {
    super(message, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options?.details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
