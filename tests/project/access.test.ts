// Refusals through the API: every action refused for a wrong role, for the
// right role on a sibling unit, and at a wrong stage — each without changing
// the project — and malformed requests answered 400 with a code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ACTION_SPECS, PROJECT_ACTIONS, type ProjectAction } from '../../domain/project/actions';
import { act, apply, applicationBody, ok, project, SCORES, toImplementation, U } from './fixtures';
import { startProjectPlatform, type ProjectPlatform } from './support';

let p: ProjectPlatform;
let inApproval: string;
let inImplementation: string;

beforeAll(async () => {
  p = await startProjectPlatform();
  inApproval = await apply(p);
  inImplementation = await apply(p);
  await toImplementation(p, inImplementation);
});
afterAll(async () => {
  await p?.stop();
});

function bodies(): Record<ProjectAction, object> {
  const { year: _y, ...application } = applicationBody(p);
  return {
    reviewApplication: { decision: 'approve' },
    resubmitApplication: { application },
    withdrawApplication: { reason: '不再需要' },
    decideDistrictApproval: { decision: 'approve' },
    raiseObjection: { content: '有异议' },
    answerObjection: { objectionId: 'o1', answer: '答复', upheld: false },
    reportMilestone: { milestoneSeq: 1, summary: '完成' },
    verifyMilestone: { milestoneSeq: 1, decision: 'verify' },
    releaseFunds: { disbursementId: 'd1', voucherNo: 'V-1' },
    returnDisbursement: { disbursementId: 'd1', reason: '退回' },
    resubmitDisbursement: { disbursementId: 'd1' },
    requestChange: { reason: '变更', proposal: { budgetFen: application.budgetFen, finalPaymentFen: application.finalPaymentFen, milestones: application.milestones } },
    reviewChange: { changeId: 'c1', decision: 'approve' },
    decideChangeApproval: { changeId: 'c1', decision: 'approve' },
    suspendProject: { reason: '暂停' },
    resumeProject: {},
    terminateProject: { reason: '终止' },
    submitCompletionReport: { summary: '完成' },
    scoreAcceptance: { scores: SCORES(90) },
    submitRectification: { summary: '整改' },
    proposeReward: { amountFen: 0 },
    confirmReward: { decision: 'confirm' },
  };
}

/** Someone holding none of the action's roles. */
function wrongRole(action: ProjectAction): string {
  const roles: readonly string[] = PROJECT_ACTION_SPECS[action].roles;
  return roles.includes('community') ? U.finance : U.community;
}

/** The action's role, held on a sibling unit (none exists for district-level roles: one district). */
function sibling(action: ProjectAction): string | null {
  const roles: readonly string[] = PROJECT_ACTION_SPECS[action].roles;
  if (roles.includes('community')) return U.siblingCommunity;
  if (roles.includes('street_office')) return U.siblingStreet;
  if (roles.includes('resident_rep')) return U.siblingRep;
  return null;
}

/** The action's role over the project's community. */
function rightRole(action: ProjectAction): string {
  const role = PROJECT_ACTION_SPECS[action].roles[0];
  return { community: U.community, street_office: U.street, district_org: U.district, finance: U.finance, resident_rep: U.rep, grid_worker: U.grid }[role as string]!;
}

describe('refused actions change nothing', () => {
  it('refuses every action for a wrong role (403 FORBIDDEN_ROLE)', async () => {
    const before = await project(p, inApproval);
    for (const action of PROJECT_ACTIONS) {
      const res = await act(p, wrongRole(action), inApproval, action, bodies()[action]);
      expect([action, res.status, res.body.code]).toEqual([action, 403, 'FORBIDDEN_ROLE']);
    }
    const after = await project(p, inApproval);
    expect(after.state.version).toBe(before.state.version);
    expect(after.timeline).toHaveLength(before.timeline.length);
  });

  it('answers every action by the right role on a sibling unit as if the project did not exist (404 NOT_FOUND)', async () => {
    const before = await project(p, inImplementation);
    for (const action of PROJECT_ACTIONS) {
      const as = sibling(action);
      if (!as) continue;
      for (const id of [inApproval, inImplementation]) {
        const res = await act(p, as, id, action, bodies()[action]);
        expect([action, res.status, res.body.code]).toEqual([action, 404, 'NOT_FOUND']);
      }
    }
    expect((await project(p, inImplementation)).state.version).toBe(before.state.version);
    // Nor can a sibling read the project.
    expect((await p.get(U.siblingCommunity, `/api/projects/${inApproval}`)).status).toBe(404);
  });

  it('refuses every action at a wrong stage (409 WRONG_STAGE)', async () => {
    const allowedInApproval: ProjectAction[] = ['reviewApplication', 'withdrawApplication'];
    const before = await project(p, inApproval);
    for (const action of PROJECT_ACTIONS) {
      const id = allowedInApproval.includes(action) ? inImplementation : inApproval;
      const res = await act(p, rightRole(action), id, action, bodies()[action]);
      expect([action, res.status, res.body.code]).toEqual([action, 409, 'WRONG_STAGE']);
    }
    const after = await project(p, inApproval);
    expect(after.state.version).toBe(before.state.version);
    expect(after.stage).toBe('approval');
  });
});

describe('access before state', () => {
  it('answers outsiders the same at every stage, closed projects included: 404 without the stage, then 403, then 409', async () => {
    const closed = await apply(p);
    await ok(p, U.community, closed, 'withdrawApplication', { reason: '不再需要' });
    for (const id of [inApproval, inImplementation, closed]) {
      for (const action of PROJECT_ACTIONS) {
        const as = sibling(action);
        if (!as) continue;
        const res = await act(p, as, id, action, bodies()[action]);
        expect([action, res.status, res.body.code]).toEqual([action, 404, 'NOT_FOUND']);
        expect(res.body.detail).not.toMatch(/阶段|已结束|撤回|公示/);
      }
    }
    // Objecting to a closed project used to skip the access check and answer 409 to anyone.
    const siblingObjection = await act(p, U.siblingRep, closed, 'raiseObjection', { content: '有异议' });
    expect([siblingObjection.status, siblingObjection.body.code]).toEqual([404, 'NOT_FOUND']);
    // A reader who may not act (the district's auditor has no acting role: refused at the route).
    const auditor = await act(p, U.auditor, closed, 'raiseObjection', { content: '有异议' });
    expect([auditor.status, auditor.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    // A street officer reads the project but may not object: 403, not the stage.
    const street = await act(p, U.street, closed, 'raiseObjection', { content: '有异议' });
    expect([street.status, street.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    expect(street.body.detail).not.toMatch(/已结束/);
    // Whoever may act hears the stage.
    const own = await act(p, U.rep, closed, 'raiseObjection', { content: '有异议' });
    expect([own.status, own.body.code]).toEqual([409, 'WRONG_STAGE']);
  });
});

describe('malformed requests', () => {
  it('answers 400 VALIDATION_FAILED listing the bad fields', async () => {
    const create = await p.post(U.community, '/api/projects', { title: '', category: 'nope', budgetFen: 1.5, milestones: [] });
    expect(create.status).toBe(400);
    expect(create.body.code).toBe('VALIDATION_FAILED');
    const fields = create.body.errors.map((e: any) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'category', 'budgetFen', 'milestones', 'goals']));

    const cases: [ProjectAction, object][] = [
      ['reviewApplication', { decision: 'maybe' }],
      ['releaseFunds', {}],
      ['scoreAcceptance', { scores: { goals: 101 } }],
      ['reportMilestone', { milestoneSeq: 'one', summary: '' }],
      ['proposeReward', { amountFen: -1 }],
    ];
    for (const [action, body] of cases) {
      const res = await act(p, rightRole(action), inApproval, action, body);
      expect([action, res.status, res.body.code]).toEqual([action, 400, 'VALIDATION_FAILED']);
      expect(res.body.errors.length).toBeGreaterThan(0);
    }
    expect((await act(p, U.street, 'not-a-uuid', 'reviewApplication', { decision: 'approve' })).status).toBe(400);
    const missing = await act(p, U.street, '00000000-0000-4000-8000-000000000000', 'reviewApplication', { decision: 'approve' });
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    // Still untouched.
    expect((await project(p, inApproval)).stage).toBe('approval');
  });

  it('a budget that does not add up is a business-rule refusal (422)', async () => {
    const body = { ...applicationBody(p), budgetFen: 123 };
    const res = await p.post(U.community, '/api/projects', body);
    expect([res.status, res.body.code]).toEqual([422, 'BUSINESS_RULE']);
    expect(res.body.detail).toContain('必须等于项目预算');
  });

  it('only the community applies, and only for its own community', async () => {
    expect((await p.post(U.street, '/api/projects', applicationBody(p))).body.code).toBe('FORBIDDEN_ROLE');
    const other = await p.post(U.community, '/api/projects', { ...applicationBody(p), communityId: 'qindu-renmin-yongchang' });
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    await ok(p, U.street, inApproval, 'reviewApplication', { decision: 'return', comment: '测试结束' });
  });
});
