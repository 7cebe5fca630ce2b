import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { defineRoute } from '../http/define-route';
import { ZListWorkflowsQuery, ZWorkflowPage } from './schemas';
import type { PrismaClient } from '../../prisma/generated/client';
import { restrictToWorkflowIds, workflowIdsNamed, workflowSubjects } from './workflow-subjects';
import { assertPlatformAdmin, callTemporal, presentExecution, type TemporalTarget } from './workflows';

export interface ListWorkflowsOptions extends TemporalTarget {
  prisma: PrismaClient;
  actor: Actor;
  query?: string;
  /** A business record's name or number (see workflowIdsNamed). */
  subject?: string;
  pageSize: number;
  cursor?: string;
}

/**
 * Workflows by visibility query (Temporal's List Filter, passed through), a
 * page at a time, each with the business record it runs. A malformed query
 * is the engine's INVALID_ARGUMENT, whose message names the position: it
 * comes back as 400 with that message. A subject no record has lists nothing.
 */
export async function listWorkflows({ client, namespace, prisma, actor, query, subject, pageSize, cursor }: ListWorkflowsOptions) {
  assertPlatformAdmin(actor);
  const list = (visibility: string, size: number, nextPageToken?: Uint8Array) =>
    callTemporal(() => client.workflowService.listWorkflowExecutions({ namespace, query: visibility, pageSize: size, nextPageToken }), '查询流程').catch(asQueryError);
  let visibility = query ?? '';
  if (subject) {
    // The operator's own query is checked alone first, so that an error in it is reported at its position in
    // their text (not in the WorkflowId clause the name adds), also when no record has the name.
    if (visibility) await list(visibility, 1);
    const ids = await workflowIdsNamed(prisma, subject);
    if (ids.length === 0) return { items: [], nextCursor: null };
    visibility = restrictToWorkflowIds(visibility, ids);
  }
  const page = await list(visibility, pageSize, cursor ? Buffer.from(cursor, 'base64url') : undefined);
  const token = page.nextPageToken && page.nextPageToken.length > 0 ? Buffer.from(page.nextPageToken).toString('base64url') : null;
  const executions = (page.executions ?? []).map(presentExecution);
  const subjects = await workflowSubjects(prisma, executions);
  return { items: executions.map((e) => ({ ...e, subject: subjects.get(e.workflowId) ?? null })), nextCursor: token };
}

/** The engine's INVALID_ARGUMENT on a list query as a 400 on `query`, its message (naming the position) kept. */
function asQueryError(err: unknown): never {
  if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
    const message = (err.details as Array<{ message: string }>)[0]?.message ?? '';
    throw new AppError('VALIDATION_FAILED', `查询语句有误：${message}`, { details: [{ in: 'query', field: 'query', code: 'invalid_query', message }] });
  }
  throw err;
}

export const listWorkflowsRoute = defineRoute({
  method: 'get',
  path: '/api/admin/workflows',
  summary: 'Workflows by visibility query (List Filter language), paged (district administrators)',
  roles: ['admin'],
  request: { query: ZListWorkflowsQuery },
  response: { schema: ZWorkflowPage },
  errors: ['FORBIDDEN_SCOPE', 'VALIDATION_FAILED'],
  handler: ({ deps, actor, query }) =>
    listWorkflows({ client: deps.temporal, namespace: deps.config.temporal.namespace, prisma: deps.prisma, actor, query: query.query, subject: query.subject || undefined, pageSize: query.pageSize, cursor: query.cursor }),
});
