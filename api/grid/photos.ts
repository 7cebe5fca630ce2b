// 现场照片 and 处置照片: a grid worker photographs what they found, a handler
// what they did. A photo is uploaded first (POST /api/grid-photos, shrunk by
// the console to fit ATTACHMENT_MAX_BYTES) and named by the report or the
// handling as "photo:<id>"; only its uploader may name it, so naming another
// person's photo in one's own incident cannot open it. Whoever may read an
// incident may see the photos it names.
//
// A photo uploaded for a form that was then left (the worker changed their
// mind, the phone's page was closed) is named by nothing; each one is a few
// hundred KB in the store, for ever. So a report or a handling first claims
// the photos it names for its incident, and the housekeeping sweep deletes,
// file and row, a photo that a week after its upload is not named by the
// incident that claimed it (or was never claimed).
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { ACT_ROLES, REPORT_ROLES, VIEW_ROLES } from '../../domain/grid/access';
import { Prisma, type PrismaClient } from '../../prisma/generated/client';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { sendFile } from '../http/send-file';
import { zId } from '../http/text';
import { acceptFile } from '../tasks/accept-file';
import { attachmentStoreOf, type AttachmentStore } from '../tasks/attachment-store';
import { ZAttachBody } from '../tasks/schemas';
import { loadReadableIncidentRow, stateOf } from './get-incident';

/** What a phone's camera and the console's shrinking produce; the content is checked against the type. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const PHOTO_REF = /^photo:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const photoRef = (id: string) => `photo:${id}`;

/** The ids of the uploaded photos among `refs` (other references, e.g. a 12345 ticket's, pass as they are). */
const photoIds = (refs: readonly string[]) => refs.flatMap((r) => PHOTO_REF.exec(r)?.[1] ?? []);

export async function uploadGridPhoto({ deps, actor, file }: { deps: AppDeps; actor: Actor; file: z.output<typeof ZAttachBody> }) {
  const stored = await acceptFile(deps, file, { types: PHOTO_TYPES });
  const row = await deps.prisma.gridPhoto.create({ data: { uploadedById: actor.personId, ...stored, createdAt: businessTime(deps) } });
  return { ref: photoRef(row.id), id: row.id, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes };
}

/**
 * Claims the photos a report or a handling names for its incident, or refuses
 * the request (nothing claimed, nothing else written yet) when one is not
 * there, not the actor's, or already claimed for another incident. Run just
 * before the request writes: a claim whose request is refused afterwards
 * (the step moved on) only leaves the photo to the sweep.
 */
export async function claimPhotos(deps: AppDeps, actor: Actor, refs: readonly string[], { field, incidentId }: { field: string; incidentId: string }): Promise<void> {
  const refusal = new AppError('VALIDATION_FAILED', '照片不存在、不是您上传的或已用于其他事件,请重新上传。', { details: [{ in: 'body', field, code: 'unknown_photo', message: '请重新上传照片' }] });
  // "photo:" names an uploaded photo: one that cannot be is refused, not kept as text the page would try to show.
  if (refs.some((r) => r.startsWith('photo:') && !PHOTO_REF.test(r))) throw refusal;
  const ids = [...new Set(photoIds(refs))];
  if (ids.length === 0) return;
  const claimedAt = businessTime(deps);
  await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.gridPhoto.updateMany({
      where: { id: { in: ids }, uploadedById: actor.personId, OR: [{ incidentId: null }, { incidentId }] },
      data: { incidentId, claimedAt },
    });
    if (count !== ids.length) throw refusal; // rolls the claims back
  });
}

/** How long a photo may go unnamed before the sweep deletes it. */
export const UNNAMED_PHOTO_DAYS = 7;
/** A claim younger than this is not judged: the action that names the photo may still be on its way to the incident's save. */
const CLAIM_SETTLES_MS = 24 * 3_600_000;
/** Whether incident `i` names photo `p`: in its report's photos, or anywhere in its state (a handling round's photos). */
const NAMED = Prisma.sql`(('photo:' || p.id) = ANY (i.photos) OR strpos(i.snapshot::text, '"photo:' || p.id || '"') > 0)`;

/**
 * The housekeeping sweep's part for photos (`now`: business time, the clock
 * uploads are stamped with). Photos the incident that claimed them names are
 * marked kept and not looked at again; the others, past UNNAMED_PHOTO_DAYS,
 * are deleted one by one, row and file in one transaction (a file the store
 * fails to delete keeps its row for the next sweep; a row deleted after its
 * file is found again and its missing file is no error). The deletion
 * re-checks its row: a claim made meanwhile saves the photo. Answers how many
 * were deleted.
 */
export async function sweepUnnamedPhotos({ prisma, store, now, batch = 200 }: { prisma: PrismaClient; store: AttachmentStore; now: Date; batch?: number }): Promise<number> {
  const uploadedBefore = new Date(now.getTime() - UNNAMED_PHOTO_DAYS * 86_400_000);
  const claimedBefore = new Date(now.getTime() - CLAIM_SETTLES_MS);
  await prisma.$executeRaw`
    UPDATE "GridPhoto" p SET "keptAt" = ${now}
      FROM "GridIncident" i
     WHERE p."keptAt" IS NULL AND p."createdAt" < ${uploadedBefore} AND i.id = p."incidentId" AND ${NAMED}`;
  const unnamed = Prisma.sql`p."keptAt" IS NULL AND p."createdAt" < ${uploadedBefore} AND (p."claimedAt" IS NULL OR p."claimedAt" < ${claimedBefore})
     AND NOT EXISTS (SELECT 1 FROM "GridIncident" i WHERE i.id = p."incidentId" AND ${NAMED})`;
  let deleted = 0;
  for (;;) {
    const candidates = await prisma.$queryRaw<Array<{ id: string; storageKey: string }>>`
      SELECT p.id, p."storageKey" FROM "GridPhoto" p WHERE ${unnamed} ORDER BY p."createdAt", p.id LIMIT ${batch}`;
    for (const { id, storageKey } of candidates) {
      const gone = await prisma.$transaction(async (tx) => {
        const rows = await tx.$executeRaw`DELETE FROM "GridPhoto" p WHERE p.id = ${id} AND ${unnamed}`;
        if (rows === 1) await store.delete(storageKey);
        return rows === 1;
      });
      if (gone) deleted += 1;
    }
    if (candidates.length < batch) return deleted;
  }
}

/** A photo the incident names (the report's or a handling round's), for whoever may read the incident. */
export async function readIncidentPhoto({ deps, actor, incidentId, photoId }: { deps: AppDeps; actor: Actor; incidentId: string; photoId: string }) {
  const row = await loadReadableIncidentRow({ deps, actor, incidentId });
  const named = [...row.photos, ...(stateOf(row)?.handlings ?? []).flatMap((h) => h.photos)];
  const photo = named.includes(photoRef(photoId)) ? await deps.prisma.gridPhoto.findUnique({ where: { id: photoId } }) : null;
  if (!photo) throw new AppError('NOT_FOUND', '该事件没有这张照片。');
  return { photo, bytes: await attachmentStoreOf(deps).get(photo.storageKey) };
}

/** A photo the actor uploaded, named or not yet (a form restored from its draft shows its photos again). */
export async function readOwnPhoto({ deps, actor, photoId }: { deps: AppDeps; actor: Actor; photoId: string }) {
  const photo = await deps.prisma.gridPhoto.findFirst({ where: { id: photoId, uploadedById: actor.personId } });
  if (!photo) throw new AppError('NOT_FOUND', '照片不存在或已过期,请重新拍照。');
  return { photo, bytes: await attachmentStoreOf(deps).get(photo.storageKey) };
}

export const ZGridPhoto = z
  .object({
    ref: z.string().meta({ description: 'What a report (photos) or a handling (completeHandling.photos) names the photo by.' }),
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
  })
  .meta({ id: 'GridPhoto' });

export const gridPhotoRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/grid-photos',
    summary: '上传现场照片或处置照片 (JPEG, PNG or WebP, at most ATTACHMENT_MAX_BYTES), named afterwards by a report or a handling',
    roles: [...new Set([...REPORT_ROLES, ...ACT_ROLES])],
    request: { body: ZAttachBody },
    response: { status: 201, schema: ZGridPhoto },
    errors: ['ATTACHMENT_TOO_LARGE', 'ATTACHMENT_TYPE_REFUSED', 'ATTACHMENT_REJECTED'],
    handler: ({ deps, actor, body }) => uploadGridPhoto({ deps, actor, file: body }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/grid-photos/:photoId',
    summary: 'A photo the caller uploaded, named by an incident or not yet (a form restored from its draft shows it again); 404 for anyone else',
    roles: [...new Set([...REPORT_ROLES, ...ACT_ROLES])],
    request: { params: z.object({ photoId: zId(100) }) },
    response: { schema: z.string(), contentType: 'image/*' },
    errors: ['NOT_FOUND'],
    handler: async (ctx) => {
      const { photo, bytes } = await readOwnPhoto({ deps: ctx.deps, actor: ctx.actor, photoId: ctx.params.photoId });
      return sendFile(ctx.res, { ...photo, bytes }, 'inline');
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/grid-incidents/:id/photos/:photoId',
    summary: "One of an incident's photos (whoever may read the incident)",
    roles: [...VIEW_ROLES],
    request: { params: z.object({ id: z.uuid(), photoId: zId(100) }) },
    response: { schema: z.string(), contentType: 'image/*' },
    errors: ['NOT_FOUND'],
    handler: async (ctx) => {
      const { photo, bytes } = await readIncidentPhoto({ deps: ctx.deps, actor: ctx.actor, incidentId: ctx.params.id, photoId: ctx.params.photoId });
      return sendFile(ctx.res, { ...photo, bytes }, 'inline');
    },
  }),
];
