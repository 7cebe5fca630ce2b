// The demo grid incidents: created through the real use cases and workflows,
// one in every state, and idempotent.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoGridIncidents, seedGridDemos } from '../../seeds/grid';
import { configuredAttachmentStore } from '../../api/tasks/attachment-store';
import { usernameFor } from '../../seeds/demo-org';
import { startGridPlatform, type GridPlatform } from './support';

let p: GridPlatform;
beforeAll(async () => {
  p = await startGridPlatform();
});
afterAll(() => p?.close());

it('seeds a realistic mix of incidents in every state, once', async () => {
  // The platform's own store: the API serves the photos the seed stored.
  const ctx = { prisma: p.prisma, log: () => {}, temporal: p.client, taskQueue: p.taskQueue, attachmentStore: configuredAttachmentStore(p.config) };
  await seedGridDemos(ctx);
  const titles = demoGridIncidents().map((d) => d.body.title);
  const rows = await p.prisma.gridIncident.findMany({ where: { title: { in: titles } } });
  const by = Object.fromEntries(rows.map((r) => [r.title, r]));
  expect(rows).toHaveLength(titles.length);
  expect(by['小区东门路灯损坏']).toMatchObject({ stage: 'triage' });
  expect(by['居民反映小区下水道堵塞外溢']).toMatchObject({ stage: 'handling', channel: 'hotline_12345', assigneeUnitId: 'qindu-renmin-yongchang' });
  expect(by['楼顶违章搭建彩钢房']).toMatchObject({ stage: 'street_triage' });
  expect(by['楼道堆放杂物']).toMatchObject({ stage: 'closed', outcome: 'resolved_on_spot', satisfaction: 'satisfied' });
  expect(by['装修噪声引发邻里矛盾']).toMatchObject({ stage: 'converted' });
  expect(await p.prisma.mediationCase.findUnique({ where: { id: by['装修噪声引发邻里矛盾'].mediationCaseId! } })).toMatchObject({ gridIncidentId: by['装修噪声引发邻里矛盾'].id });
  expect(by['人行道井盖缺失']).toMatchObject({ stage: 'verifying', urgency: 'urgent', assigneeUnitId: 'qindu-chenyang' });
  expect(by['绿化带积存生活垃圾']).toMatchObject({ stage: 'closed', outcome: 'resolved', satisfaction: null });

  // The broken light's photo, and the repaired manhole's handling photo: pictures, served to those who read the incident.
  const picture = async (incident: { id: string }, ref: string, username: string) => {
    const res = await (await p.as(username)).get(`/api/grid-incidents/${incident.id}/photos/${ref.slice('photo:'.length)}`).buffer(true);
    return { status: res.status, type: res.headers['content-type'], png: Buffer.isBuffer(res.body) && res.body.subarray(1, 4).toString() === 'PNG' };
  };
  expect(by['小区东门路灯损坏']!.photos).toEqual([expect.stringMatching(/^photo:/)]);
  expect(await picture(by['小区东门路灯损坏']!, by['小区东门路灯损坏']!.photos[0]!, usernameFor('community', 'qindu-renmin-furong'))).toEqual({ status: 200, type: 'image/png', png: true });
  const handled = (await p.get(usernameFor('street_office', 'qindu-chenyang'), `/api/grid-incidents/${by['人行道井盖缺失']!.id}`)).body;
  const fixedRef = handled.state.handlings[0].photos[0] as string;
  expect(await picture(by['人行道井盖缺失']!, fixedRef, usernameFor('street_office', 'qindu-chenyang'))).toEqual({ status: 200, type: 'image/png', png: true });

  await seedGridDemos(ctx);
  expect(await p.prisma.gridIncident.count({ where: { title: { in: titles } } })).toBe(titles.length);
});
