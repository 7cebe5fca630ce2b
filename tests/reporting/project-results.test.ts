// The report and the yearly result draw on the project read model: that
// year's projects of the community, with their ratings. The rows here stand
// for what the project workflow writes; they use a community id no unit has,
// so no other test sees them.
import { afterAll, describe, expect, it } from 'vitest';
import { createReportingActivities } from '../../activities/reporting';
import { testPrisma, uniqueSuffix } from '../helpers/db';

const prisma = testPrisma();
const community = `zz-reporting-${uniqueSuffix()}`;
const ids: string[] = [];

afterAll(async () => {
  await prisma.reportingResult.deleteMany({ where: { communityId: community } });
  await prisma.project.deleteMany({ where: { id: { in: ids } } });
});

async function project(title: string, year: number, rating: string | null) {
  const id = `${community}-${ids.length + 1}`;
  ids.push(id);
  await prisma.project.create({
    data: {
      id, workflowId: `project-${id}`, title, category: '党建引领', year, communityId: community, communityName: '测试社区',
      unitPath: `zz/${community}/`, streetId: 'zz', applicantId: 'nobody', stage: rating ? 'completed' : 'implementation',
      budgetFen: 12_345_600, rating, snapshot: {},
    },
  });
}

describe('project results in the yearly report', () => {
  it('lists that year\'s projects of the community with their ratings, and keeps them with the result', async () => {
    await project('红色物业', 2026, 'excellent');
    await project('一老一小', 2026, null);
    await project('去年的项目', 2025, 'good');
    const acts = createReportingActivities({ prisma, queue: { enqueueNotification: async () => {}, enqueueNotifications: async () => {} }, clock: { now: () => new Date() } });

    const results = await acts.reportingProjectResults({ communityId: community, year: 2026 });
    expect(results).toEqual([
      { projectId: ids[0], title: '红色物业', status: 'completed', rating: 'excellent', budgetFen: 12_345_600 },
      { projectId: ids[1], title: '一老一小', status: 'implementation', rating: null, budgetFen: 12_345_600 },
    ]);

    await acts.reportingSaveResult({
      reportId: `reporting-${community}-2026`, community: { id: community, name: '测试社区', path: `zz/${community}/` }, year: 2026,
      grade: 'competent', upwardCenti: 8000, downwardCenti: 8000, combinedCenti: 8000, reason: '综合得分 80.00',
      tally: { satisfied: 5, basically_satisfied: 2, dissatisfied: 0 }, verdict: null, rectificationRequired: false, rectificationStatus: null,
      decidedAt: new Date().toISOString(), publishedUntil: null, finalized: true,
    });
    const row = await prisma.reportingResult.findUniqueOrThrow({ where: { communityId_year: { communityId: community, year: 2026 } } });
    expect(row.projectRatings).toEqual(results);
  });
});
