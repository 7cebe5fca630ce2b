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
  REQUEST_HEADER_FIELDS_TOO_LARGE: { status: 431, when: 'The request headers (e.g. cookies or the token) are larger than the server accepts.' },
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
  FUND_CAP_EXCEEDED: { status: 422, when: '党建项目: the budget is more than the community\'s yearly project fund has left, checked when the community applies and again when the street approves (where it is reserved); the message gives the cap, the amount reserved and what is left.' },
  NOT_ON_ROLL: { status: 403, when: '民主评议: the voter is not on the roll fixed when this vote round opened.' },
  ALREADY_VOTED: { status: 409, when: '民主评议: the voter has already voted in this round; a ballot is never changed or repeated.' },
  QUESTIONS_UNANSWERED: { status: 409, when: '向上述职: the step cannot close while a 质询 is unanswered or no score was given.' },
  BALLOTS_SEALED: { status: 409, when: '民主评议: ballots and the tally stay sealed until the vote round has closed.' },
  CONFIRMATION_WINDOW_CLOSED: { status: 422, when: '调解: the 30 days for a joint 司法确认 application after the agreement took effect have passed.' },
  NOT_TASK_HOLDER: { status: 403, when: 'Inbox: the caller neither holds the task nor holds its role over its unit, so may not hand it on, urge it or change its signers.' },
  TRANSFER_TARGET_INELIGIBLE: { status: 422, when: '转交: the person named does not hold the task\'s role over its unit, is inactive, or already holds it.' },
  TARGET_OUT_OF_REACH: { status: 422, when: '委派, 抄送: the person named holds no role on the record\'s line or on the line of a unit where the caller holds one; 代理: the deputy holds none of the caller\'s roles. The people the pickers offer (…/candidates) are exactly those accepted.' },
  TASK_TRANSFERRED: { status: 403, when: '转交: the task was handed to someone else; only they (or their deputy) act on it.' },
  TASK_DELEGATED: { status: 409, when: '委派: the task is with a delegate; it must come back before it is handed on again.' },
  DELEGATE_CANNOT_DECIDE: { status: 403, when: '委派: a delegate prepares the task (comments, attachments) and hands it back; only the delegator decides.' },
  ALREADY_URGED_TODAY: { status: 429, when: '催办: this task was already urged today (Beijing time); one reminder a day per task.' },
  PERSONAL_TASK: { status: 403, when: 'Inbox: the task is personal (a 民主评议 vote): only the person named takes it; it is never transferred, delegated, copied, batch-approved or taken by a deputy.' },
  PROXY_NOT_ACTIVE: { status: 403, when: '代理: the caller is the named deputy, but today lies outside the date range of the arrangement.' },
  RECALL_TOO_LATE: { status: 409, when: '撤回: the process moved on after the step (the next step acted, a timer fired), or the step is not one that may be taken back.' },
  SEND_BACK_NOT_ALLOWED: { status: 422, when: '退回: the process does not allow this task to go back to the step named (the machine declares which earlier steps each step may return to).' },
  SEND_BACK_AFTER_PAYMENT: { status: 409, when: '退回: money was already paid for this record in a way the step would undo; a money step is never undone.' },
  SIGNER_INELIGIBLE: { status: 422, when: '加签: the person named holds no role that can see the record, is inactive, is the holder, or is already a signer of the task.' },
  SIGNER_ALREADY_ACTED: { status: 409, when: '减签: the added signer has already approved or rejected; their decision stays on the record.' },
  SIGNERS_PENDING: { status: 409, when: '加签: a signer added before the holder has not approved yet; the holder decides after them.' },
  ATTACHMENT_TOO_LARGE: { status: 413, when: 'The attachment is larger than ATTACHMENT_MAX_BYTES.' },
  ATTACHMENT_TYPE_REFUSED: { status: 415, when: 'The attachment\'s type is not in ATTACHMENT_TYPES, or its content does not match the declared type.' },
  ATTACHMENT_REJECTED: { status: 422, when: 'The virus scan refused the attachment.' },
  DATA_REJECTED: { status: 422, when: 'The database refused to store what the action produced (an encoding or constraint error that no retry can cure); the action was refused and nothing changed.' },
  // infrastructure
  PROCESS_BUSY: { status: 503, when: 'The process is still working on an earlier step and did not answer in time; retry after the Retry-After seconds.' },
  SERVICE_UNAVAILABLE: { status: 503, when: 'A dependency (database, Redis, Temporal) is unreachable.' },
  INTERNAL: { status: 500, when: 'An unexpected error; details are in the server log under the request id.' },
} as const satisfies Record<string, { status: number; when: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The problem `title` people read (zh-CN), one per code; the English `code`
 * stays the machine-readable part and `when` documents it in the catalogue.
 */
export const ERROR_TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '请求内容不符合要求',
  IDEMPOTENCY_KEY_REUSED: '与先前的同一提交内容不同',
  IDEMPOTENCY_KEY_IN_PROGRESS: '操作正在办理中',
  PAYLOAD_TOO_LARGE: '请求内容过大',
  UNAUTHENTICATED: '未登录或登录无效',
  TOKEN_EXPIRED: '登录已过期',
  INVALID_CREDENTIALS: '用户名或密码错误',
  RATE_LIMITED: '尝试次数过多',
  FORBIDDEN_ROLE: '没有相应的角色',
  FORBIDDEN_SCOPE: '不在管辖范围内',
  NOT_FOUND: '未找到',
  WRONG_STAGE: '当前阶段不能执行该操作',
  ALREADY_DONE: '该操作已经完成',
  CONFLICT: '与当前状态冲突',
  TASK_ALREADY_CLAIMED: '任务已被他人认领',
  BUSINESS_RULE: '不符合业务规则',
  FUND_CAP_EXCEEDED: '超出社区年度项目资金上限',
  NOT_ON_ROLL: '不在本轮评议名单中',
  ALREADY_VOTED: '已经投过票',
  QUESTIONS_UNANSWERED: '尚有未答复的质询',
  BALLOTS_SEALED: '投票结束前选票保持密封',
  CONFIRMATION_WINDOW_CLOSED: '已超过申请司法确认的期限',
  DATA_REJECTED: '数据无法保存,操作未生效',
  NOT_TASK_HOLDER: '不是该任务的办理人',
  TRANSFER_TARGET_INELIGIBLE: '接收人不具备办理该任务的角色或范围',
  TARGET_OUT_OF_REACH: '所选人员不在可委派、抄送或代理的范围内',
  TASK_TRANSFERRED: '任务已转交他人办理',
  TASK_DELEGATED: '任务正在委派办理中',
  DELEGATE_CANNOT_DECIDE: '受委派人不能作出决定',
  ALREADY_URGED_TODAY: '今天已经催办过',
  PERSONAL_TASK: '该任务只能由本人办理',
  PROXY_NOT_ACTIVE: '不在代理期间内',
  RECALL_TOO_LATE: '已不能撤回',
  SEND_BACK_NOT_ALLOWED: '不能退回到该步骤',
  SEND_BACK_AFTER_PAYMENT: '已付款,不能退回',
  SIGNER_INELIGIBLE: '加签人不具备查看该事项的角色',
  SIGNER_ALREADY_ACTED: '加签人已办理,不能减签',
  SIGNERS_PENDING: '尚有加签人未审批',
  ATTACHMENT_TOO_LARGE: '附件过大',
  ATTACHMENT_TYPE_REFUSED: '不支持的附件类型',
  ATTACHMENT_REJECTED: '附件未通过安全检查',
  PROCESS_BUSY: '流程正忙,请稍后重试',
  REQUEST_HEADER_FIELDS_TOO_LARGE: '请求头过大',
  SERVICE_UNAVAILABLE: '服务暂时不可用',
  INTERNAL: '服务器内部错误',
};

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
