// Housekeeping of what only grows: photos uploaded for a form that was then
// left are deleted, row and file, a week after their upload; those an
// incident names stay, as do recent ones and ones a request has just
// claimed. Old Idempotency-Key answers and long-ended sessions go too. The
// real platform and store; the chores are run as the worker's sweep runs them
// (worker/housekeeping.ts), on this file's own platform, whose clock is the
// wall's: rows of other files are never old enough to be touched.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepUnnamedPhotos } from '../../api/grid/photos';
import { configuredAttachmentStore } from '../../api/tasks/attachment-store';
import { runChores } from '../../queue/jobs/housekeeping';
import { usernameFor } from '../../seeds/demo-org';
import { housekeepingChores } from '../../worker/housekeeping';
import { DAY, incidentBody, startGridPlatform, type GridPlatform } from './support';

const U = { community: 'qindu-renmin-furong', grid: 'qindu-renmin-furong-g1' };
const who = { gridWorker: usernameFor('grid_worker', U.grid), community: usernameFor('community', U.community) };

let p: GridPlatform;
beforeAll(async () => {
  p = await startGridPlatform();
});
afterAll(() => p?.close());

const ok = (res: { status: number; body: any }, status = 200) => expect(res.status, JSON.stringify(res.body)).toBe(status);
const jpeg = (tag: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]), Buffer.from(`${tag}-${randomUUID()}`)]);
const upload = async (username: string, tag: string) => {
  const res = await p.post(username, '/api/grid-photos', { fileName: `${tag}.jpg`, contentType: 'image/jpeg', contentBase64: jpeg(tag).toString('base64') });
  ok(res, 201);
  return res.body as { ref: string; id: string };
};
const row = (id: string) => p.prisma.gridPhoto.findUnique({ where: { id } });
const fileOf = async (id: string) => join(p.config.app.dataDir, 'attachments', (await p.prisma.gridPhoto.findUniqueOrThrow({ where: { id } })).storageKey);
const served = async (username: string, incidentId: string, photoId: string) => (await (await p.as(username)).get(`/api/grid-incidents/${incidentId}/photos/${photoId}`)).status;
/** As if uploaded (and claimed) `days` earlier. */
const age = (ids: string[], days: number, claimedToo = true) =>
  p.prisma.$executeRawUnsafe(
    `UPDATE "GridPhoto" SET "createdAt" = "createdAt" - make_interval(days => $1)${claimedToo ? `, "claimedAt" = "claimedAt" - make_interval(days => $1)` : ''} WHERE id = ANY($2)`,
    days,
    ids,
  );

describe('housekeeping', () => {
  it('deletes, row and file, a photo no incident names a week after its upload; keeps the named, the recent and the just claimed', async () => {
    const left = await upload(who.gridWorker, 'left'); // the form was closed
    // Its uploader sees it again (a form restored from its draft shows it); no one else does.
    const own = async (username: string, photoId: string) => (await (await p.as(username)).get(`/api/grid-photos/${photoId}`)).status;
    expect(await own(who.gridWorker, left.id)).toBe(200);
    expect(await own(who.community, left.id)).toBe(404);
    const reported = await upload(who.gridWorker, 'reported');
    const id = await p.report(who.gridWorker, { photos: [reported.ref] });
    ok(await p.act(who.community, id, 'dispatchIncident', { unitId: U.community, department: '社区物业服务站', note: '请尽快修复' }));
    await p.incidentWhen(id, (c) => c.stage === 'handling');
    const handled = await upload(who.community, 'handled');
    ok(await p.act(who.community, id, 'completeHandling', { result: '已修复', photos: [handled.ref] }));
    await p.incidentWhen(id, (c) => c.stage === 'verifying');
    // Claimed by a handling the incident refused (it is no longer being handled): claimed, never named.
    const refused = await upload(who.community, 'refused');
    expect((await p.act(who.community, id, 'completeHandling', { result: '再次反馈', photos: [refused.ref] })).status).toBe(409);
    expect((await row(refused.id))?.incidentId).toBe(id);
    const old = [left, reported, handled, refused].map((x) => x.id);
    await age(old, 8);
    // Uploaded a week ago and claimed just now by a request still on its way: not judged yet.
    const inFlight = await upload(who.community, 'in-flight');
    expect((await p.act(who.community, id, 'completeHandling', { result: '再次反馈', photos: [inFlight.ref] })).status).toBe(409);
    await age([inFlight.id], 8, false);
    const recent = await upload(who.gridWorker, 'recent');
    const files = Object.fromEntries(await Promise.all([...old, inFlight.id, recent.id].map(async (x) => [x, await fileOf(x)] as const)));

    const store = configuredAttachmentStore(p.config);
    expect(await sweepUnnamedPhotos({ prisma: p.prisma, store, now: p.now() })).toBe(2);
    for (const gone of [left.id, refused.id]) {
      expect(await row(gone)).toBeNull();
      expect(existsSync(files[gone]!)).toBe(false);
    }
    expect(await own(who.gridWorker, left.id)).toBe(404);
    for (const kept of [reported.id, handled.id, inFlight.id, recent.id]) {
      expect(await row(kept)).not.toBeNull();
      expect(existsSync(files[kept]!)).toBe(true);
    }
    // The named ones are marked and never looked at again; they are still shown with their incident.
    expect((await row(reported.id))?.keptAt).not.toBeNull();
    expect((await row(handled.id))?.keptAt).not.toBeNull();
    expect((await row(inFlight.id))?.keptAt).toBeNull();
    expect(await served(who.community, id, reported.id)).toBe(200);
    expect(await served(who.gridWorker, id, handled.id)).toBe(200);
    expect(await sweepUnnamedPhotos({ prisma: p.prisma, store, now: p.now() })).toBe(0);
    // A day after its claim, the photo in flight is judged: the incident never named it.
    expect(await sweepUnnamedPhotos({ prisma: p.prisma, store, now: new Date(p.now().getTime() + DAY + 60_000) })).toBe(1);
    expect(await row(inFlight.id)).toBeNull();

    // A deleted photo, or one claimed for another incident, cannot be named: refused, nothing written.
    const incidents = await p.prisma.gridIncident.count();
    for (const ref of [left.ref, reported.ref]) {
      const res = await p.post(who.gridWorker, '/api/grid-incidents', incidentBody(U.grid, { photos: [ref] }));
      expect(res.status, ref).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'photos' })] });
    }
    expect(await p.prisma.gridIncident.count()).toBe(incidents);
  });

  it("the worker's chores also delete Idempotency-Key answers past their time and sessions ended a month ago, and nothing younger", async () => {
    const person = await p.prisma.person.findFirstOrThrow({ where: { username: who.gridWorker } });
    const now = p.now();
    const key = (k: string) => `housekeeping-${k}-${randomUUID()}`;
    const record = (k: string, hoursAgo: number) =>
      p.prisma.idempotencyRecord.create({ data: { personId: person.id, key: k, method: 'POST', path: '/api/x', requestHash: 'h', statusCode: 200, responseBody: {}, createdAt: new Date(now.getTime() - hoursAgo * 3_600_000) } });
    const expired = await record(key('expired'), 25);
    const live = await record(key('live'), 23);
    const wall = Date.now();
    const session = (endedDaysAgo: number, how: 'expired' | 'revoked') =>
      p.prisma.authSession.create({
        data: {
          personId: person.id,
          createdAt: new Date(wall - (endedDaysAgo + 1) * DAY),
          expiresAt: new Date(wall - (how === 'expired' ? endedDaysAgo : -1) * DAY),
          ...(how === 'revoked' ? { revokedAt: new Date(wall - endedDaysAgo * DAY), revokedReason: 'logout' } : {}),
        },
      });
    const [oldExpired, oldRevoked, recentlyEnded] = [await session(31, 'expired'), await session(31, 'revoked'), await session(29, 'revoked')];
    const tokenOfOld = await p.prisma.refreshToken.create({ data: { sessionId: oldRevoked.id, tokenHash: randomUUID(), issuedAt: oldRevoked.createdAt, expiresAt: oldRevoked.expiresAt } });

    const done = await runChores(housekeepingChores({ prisma: p.prisma, config: p.config, clock: { now: () => p.now() } }), pino({ level: 'silent' }));
    expect(done.idempotencyKeys).toBeGreaterThanOrEqual(1);
    expect(done.endedSessions).toBeGreaterThanOrEqual(2);
    expect(done.unnamedPhotos).toBe(0);
    const byKey = (k: string) => p.prisma.idempotencyRecord.findUnique({ where: { personId_key: { personId: person.id, key: k } } });
    expect(await byKey(expired.key)).toBeNull();
    expect(await byKey(live.key)).not.toBeNull();
    expect(await p.prisma.authSession.findUnique({ where: { id: oldExpired.id } })).toBeNull();
    expect(await p.prisma.authSession.findUnique({ where: { id: oldRevoked.id } })).toBeNull();
    expect(await p.prisma.refreshToken.findUnique({ where: { id: tokenOfOld.id } })).toBeNull();
    expect(await p.prisma.authSession.findUnique({ where: { id: recentlyEnded.id } })).not.toBeNull();
  });
});
