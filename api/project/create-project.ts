// POST /api/projects — a community applies for a project (立项申请).
import { yearOf } from '../../domain/calendar';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { applicationProblems, checkFundCap, fundCapMessage, milestonesDueBeforeYear, type ProjectApplication } from '../../domain/project/application';
import type { ProjectRules } from '../../domain/project/rules';
import { projectWorkflowId, PROJECT_WORKFLOW_TYPE, type ProjectWorkflowInput } from '../../workflows/project-shared';
import type { projectWorkflow } from '../../workflows/project';
import { assertAccess } from '../auth/guard';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute, reply } from '../http/define-route';
import { IDEMPOTENCY_HEADER, recordIdForKey, startRecordWorkflow } from '../http/idempotency';
import { ZActionResult, ZCreateProjectBody } from './schemas';
import { rawDb, UTC_NOW } from '../../db/raw-sql';

export interface CreateProjectOptions {
  deps: AppDeps;
  actor: Actor;
  body: z.output<typeof ZCreateProjectBody>;
  rules?: ProjectRules;
  /** The id when the request has an Idempotency-Key (recordIdForKey); random otherwise. */
  projectId?: string;
}

interface UnitLineage {
  id: string;
  name: string;
  path: string;
  level: string;
  streetId: string | null;
  streetName: string | null;
  streetPath: string | null;
  districtId: string | null;
  districtName: string | null;
  districtPath: string | null;
}

export async function createProject({ deps, actor, body, rules = deps.config.rules.project, projectId }: CreateProjectOptions) {
  const communityGrants = actor.grants.filter((g) => g.role === 'community');
  const communityId = body.communityId ?? (communityGrants.length === 1 ? communityGrants[0].unitId : undefined);
  if (!communityId) throw new AppError('VALIDATION_FAILED', '请指定申报社区 communityId', { details: [{ in: 'body', field: 'communityId', code: 'required', message: '有多个社区角色时必须指定' }] });
  // The community with its street and district, in one round trip.
  const [lineage] = await rawDb(deps.prisma).$queryRaw<UnitLineage[]>`
    SELECT c.id, c.name, c.path, c.level::text AS level,
           s.id AS "streetId", s.name AS "streetName", s.path AS "streetPath",
           d.id AS "districtId", d.name AS "districtName", d.path AS "districtPath"
      FROM "Unit" c LEFT JOIN "Unit" s ON s.id = c."parentId" LEFT JOIN "Unit" d ON d.id = s."parentId"
     WHERE c.id = ${communityId}`;
  if (!lineage) throw new AppError('NOT_FOUND', `社区不存在:${communityId}`);
  const community = { id: lineage.id, name: lineage.name, path: lineage.path };
  assertAccess(actor, ['community'], community.path);
  if (lineage.level !== 'community' || !lineage.streetId || !lineage.districtId) throw new AppError('BUSINESS_RULE', '只有社区可以申报党建项目');
  const street = { id: lineage.streetId, name: lineage.streetName!, path: lineage.streetPath! };
  const district = { id: lineage.districtId, name: lineage.districtName!, path: lineage.districtPath! };

  const application: ProjectApplication = {
    title: body.title,
    category: body.category,
    goals: body.goals,
    budgetFen: body.budgetFen,
    finalPaymentFen: body.finalPaymentFen,
    milestones: body.milestones,
    costSharing: body.costSharing ?? rules.defaultCostSharing,
  };
  const now = businessTime(deps);
  const year = body.year ?? yearOf(now);
  const early = milestonesDueBeforeYear(application, year);
  if (early.length > 0) {
    const details = early.map((i) => ({ in: 'body', field: `milestones.${i}.dueDate`, code: 'before_project_year', message: `完成日期不能早于项目年度(${year} 年)` }));
    throw new AppError('VALIDATION_FAILED', `第${early.map((i) => i + 1).join('、')}个节点的完成日期早于项目年度(${year} 年)。`, { details });
  }
  const problems = applicationProblems(application);
  if (problems.length > 0) throw new AppError('BUSINESS_RULE', problems.join(';'), { details: problems });

  // Early answer for the applicant; the binding check runs when the street approves.
  // This read, the retry's and the row's insert are raw and prepared by name, as an action's reads: through the model
  // the read and the insert cost the API's thread about 1.4 ms of CPU a creation (bench:api before and after, 2026-12-07).
  const [fund] = await rawDb(deps.prisma).$queryRaw<Array<{ capFen: number; reservedFen: number }>>`
    SELECT f."capFen", f."reservedFen" FROM "ProjectFundYear" f WHERE f."communityId" = ${communityId} AND f.year = ${year}`;
  const check = checkFundCap(fund?.capFen ?? rules.yearlyFundCapFen, fund?.reservedFen ?? 0, application.budgetFen);
  if (!check.ok) throw new AppError('FUND_CAP_EXCEEDED', fundCapMessage(check), { details: check });

  const id = projectId ?? randomUUID();
  const workflowId = projectWorkflowId(id);
  // A retry of an application that died between the row and the workflow start
  // (same person, same Idempotency-Key, hence the same id) finishes the first
  // attempt instead of applying twice.
  const [earlier] = projectId ? await rawDb(deps.prisma).$queryRaw<Array<{ applicantId: string }>>`SELECT p."applicantId" FROM "Project" p WHERE p.id = ${id}` : [];
  if (earlier && earlier.applicantId !== actor.personId) throw new AppError('CONFLICT', '该项目编号已被他人使用,请重新申报。');
  const input: ProjectWorkflowInput = {
    projectId: id,
    year,
    community: { id: community.id, path: community.path, name: community.name },
    street: { id: street.id, path: street.path, name: street.name },
    district: { id: district.id, path: district.path, name: district.name },
    applicant: { id: actor.personId, name: actor.displayName },
    application,
    rules,
  };
  // The row the workflow's first save completes (activities/project.ts); the columns not named take their defaults.
  if (!earlier) {
    await rawDb(deps.prisma).$executeRaw`
      INSERT INTO "Project" (id, "workflowId", title, category, year, "communityId", "communityName", "unitPath", "streetId", "applicantId",
                             stage, step, "budgetFen", "finalPaymentFen", snapshot, version, "createdAt", "updatedAt")
      VALUES (${id}, ${workflowId}, ${application.title}, ${application.category}, ${year}, ${community.id}, ${community.name}, ${community.path},
              ${street.id}, ${actor.personId}, 'approval', 'street_review', ${application.budgetFen}, ${application.finalPaymentFen}, '{}'::jsonb, 0,
              ${UTC_NOW}, ${UTC_NOW})`;
  }
  await startRecordWorkflow(!!earlier, () =>
    deps.temporal.workflow.start<typeof projectWorkflow>(PROJECT_WORKFLOW_TYPE, { workflowId, taskQueue: deps.config.temporal.taskQueue, args: [input] }),
  );
  return { projectId: id, action: 'submitApplication', stage: 'approval' as const, version: 0, message: '立项申请已提交,待街道审核' };
}

export const createProjectRoute = defineRoute({
  method: 'post',
  path: '/api/projects',
  summary: '申报党建项目(社区)',
  description: 'Starts the project workflow (立项 → 公示 → 实施 → 验收 → 激励). The budget is checked against the community\'s yearly fund cap now and reserved when the street approves.',
  roles: ['community'],
  request: { body: ZCreateProjectBody },
  response: { status: 201, schema: ZActionResult },
  errors: ['NOT_FOUND', 'FORBIDDEN_SCOPE', 'BUSINESS_RULE', 'FUND_CAP_EXCEEDED', 'CONFLICT'],
  handler: async (ctx) => {
    const key = ctx.req.get(IDEMPOTENCY_HEADER);
    const projectId = key === undefined ? undefined : recordIdForKey('project', ctx.actor.personId, key);
    return reply(201, await createProject({ deps: ctx.deps, actor: ctx.actor, body: ctx.body, projectId }), {});
  },
});
