// The demo seed puts a cycle in progress (through the real engine) and can run twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { chinaYear } from '../../domain/reporting';
import { seedReportingDemo } from '../../seeds/reporting';
import { getReport, waitForStage } from './helpers';

const STREET = 'qindu-weiyang';

let p: TestPlatform;
beforeAll(async () => {
  p = await startTestPlatform();
});
afterAll(() => p?.close());

describe('reporting demo seed', () => {
  it('leaves a cycle in progress with reports at different steps, idempotently', async () => {
    const year = chinaYear(p.now());
    const ctx = { prisma: p.prisma, log: () => {}, temporal: p.client, taskQueue: p.taskQueue, now: p.now };
    await seedReportingDemo(ctx, { streetId: STREET, year });
    await seedReportingDemo(ctx, { streetId: STREET, year });

    // Communities in path order: the first gets a 质询, the second its report in, the third nothing yet.
    const [binhe, lvyuan, qinhuang] = ['binhe', 'lvyuan', 'qinhuang'].map((c) => `reporting-${STREET}-${c}-${year}`);
    const first = await waitForStage(p, binhe, 'upward');
    expect(first.state.upward.questions).toHaveLength(1);
    expect(first.state.upward.scores).toHaveLength(1);
    await waitForStage(p, lvyuan, 'upward');
    expect((await getReport(p, 'district_org.qindu', qinhuang)).stage).toBe('report');

    const cycles = await (await p.as('district_org.qindu')).get(`/api/reporting/cycles?year=${year}`);
    expect(cycles.body.items.filter((c: { id: string }) => c.id === `reporting-cycle-${STREET}-${year}`)).toHaveLength(1);
    const schedules = await (await p.as('district_org.qindu')).get('/api/reporting/schedules');
    expect(schedules.body.items.map((s: { unitId: string }) => s.unitId)).toContain('qindu');
  });
});
