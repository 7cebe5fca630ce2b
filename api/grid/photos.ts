// 现场照片 and 处置照片: a grid worker photographs what they found, a handler
// what they did. A photo is uploaded first (POST /api/grid-photos, shrunk by
// the console to fit ATTACHMENT_MAX_BYTES) and named by the report or the
// handling as "photo:<id>"; only its uploader may name it, so naming another
// person's photo in one's own incident cannot open it. Whoever may read an
// incident may see the photos it names.
import { z } from 'zod';
import type { Actor } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { ACT_ROLES, REPORT_ROLES, VIEW_ROLES } from '../../domain/grid/access';
import { businessTime, type AppDeps } from '../deps';
import { defineRoute } from '../http/define-route';
import { sendFile } from '../http/send-file';
import { zId } from '../http/text';
import { acceptFile } from '../tasks/accept-file';
import { attachmentStoreOf } from '../tasks/attachment-store';
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

/** Refuses, before anything is written, a report or a handling that names a photo which is not there or not the actor's. */
export async function assertOwnPhotos(deps: AppDeps, actor: Actor, refs: readonly string[], field: string): Promise<void> {
  const refusal = new AppError('VALIDATION_FAILED', '照片不存在或不是您上传的,请重新上传。', { details: [{ in: 'body', field, code: 'unknown_photo', message: '请重新上传照片' }] });
  // "photo:" names an uploaded photo: one that cannot be is refused, not kept as text the page would try to show.
  if (refs.some((r) => r.startsWith('photo:') && !PHOTO_REF.test(r))) throw refusal;
  const ids = new Set(photoIds(refs));
  if (ids.size === 0) return;
  if ((await deps.prisma.gridPhoto.count({ where: { id: { in: [...ids] }, uploadedById: actor.personId } })) !== ids.size) throw refusal;
}

/** A photo the incident names (the report's or a handling round's), for whoever may read the incident. */
export async function readIncidentPhoto({ deps, actor, incidentId, photoId }: { deps: AppDeps; actor: Actor; incidentId: string; photoId: string }) {
  const row = await loadReadableIncidentRow({ deps, actor, incidentId });
  const named = [...row.photos, ...(stateOf(row)?.handlings ?? []).flatMap((h) => h.photos)];
  const photo = named.includes(photoRef(photoId)) ? await deps.prisma.gridPhoto.findUnique({ where: { id: photoId } }) : null;
  if (!photo) throw new AppError('NOT_FOUND', '该事件没有这张照片。');
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
