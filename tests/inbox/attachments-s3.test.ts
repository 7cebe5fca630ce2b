// Task attachments in an S3-compatible object store (ATTACHMENT_S3_*): the
// real platform, API and worker, against s3rver — an S3 server speaking the
// S3 HTTP protocol (it checks a request's access key id, not its SigV4
// signature) — on a loopback port. The file goes to the bucket, never under DATA_DIR, and comes
// back byte for byte; a request the store refuses throws with its status.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3AttachmentStore } from '../../api/tasks/attachment-store';
import { caseBody, startMediationPlatform, U as MU, who, type MediationPlatform } from '../mediation/support';

const BUCKET = 'cg-attachments';
let s3: S3rver;
let s3Dir: string;
let endpoint: string;
let p: MediationPlatform;

beforeAll(async () => {
  s3Dir = mkdtempSync(join(tmpdir(), 'cg-s3-'));
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const address = (await s3.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
  p = await startMediationPlatform({
    env: { ATTACHMENT_S3_ENDPOINT: endpoint, ATTACHMENT_S3_BUCKET: BUCKET, ATTACHMENT_S3_ACCESS_KEY_ID: 'S3RVER', ATTACHMENT_S3_SECRET_ACCESS_KEY: 'S3RVER' },
  });
}, 120_000);
afterAll(async () => {
  await p?.close();
  await s3?.close();
  rmSync(s3Dir, { recursive: true, force: true });
});

const objectsInBucket = () => {
  const dir = join(s3Dir, BUCKET);
  // s3rver keeps an object as <key>._S3rver_object beside its metadata files.
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('._S3rver_object')).map((f) => f.slice(0, -'._S3rver_object'.length)) : [];
};

describe('attachments in an S3-compatible store', () => {
  it('an attached file is stored in the bucket, not under DATA_DIR, and downloads byte for byte', async () => {
    const caseId = await p.register(caseBody({ placeUnitId: MU.grid }));
    await p.caseWhen(caseId, (c) => c.stage === 'in_round');
    const task = await p.waitFor(() => p.prisma.humanTask.findFirst({ where: { workflowId: `mediation-${caseId}`, status: 'open', action: 'acceptCase' } }));
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n% 现场照片说明\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256))]);
    const before = objectsInBucket().length;
    const attached = await p.post(who.communityMediator, `/api/tasks/${task!.id}/actions/attachFile`, { fileName: '现场说明.pdf', contentType: 'application/pdf', contentBase64: bytes.toString('base64') });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect(objectsInBucket().length).toBe(before + 1);
    const row = await p.prisma.taskAttachment.findFirstOrThrow({ where: { taskId: task!.id } });
    expect(objectsInBucket()).toContain(row.storageKey);
    expect(existsSync(join(p.config.app.dataDir, 'attachments', row.storageKey))).toBe(false);

    const download = await (await p.as(who.communityMediator)).get(attached.body.url).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
  });

  it('throws with the store\'s status when it refuses a write (an unknown key) or has no such object', async () => {
    const store = s3AttachmentStore({ endpoint, bucket: BUCKET, region: 'us-east-1', accessKeyId: 'NOT-A-KEY', secretAccessKey: 'S3RVER' });
    await expect(store.put('probe', Buffer.from('x'))).rejects.toThrow(/附件存储写入失败\(403\)/);
    await expect(s3AttachmentStore({ endpoint, bucket: BUCKET, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }).get('no-such-key')).rejects.toThrow(/附件存储读取失败\(404\)/);
  });

  it('deletes an object (the housekeeping sweep of unnamed photos); a key already gone is no error, a refused delete throws', async () => {
    const store = s3AttachmentStore({ endpoint, bucket: BUCKET, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    await store.put('to-delete', Buffer.from('x'));
    expect(objectsInBucket()).toContain('to-delete');
    await store.delete('to-delete');
    expect(objectsInBucket()).not.toContain('to-delete');
    await expect(store.delete('to-delete')).resolves.toBeUndefined();
    await store.put('kept', Buffer.from('y'));
    await expect(s3AttachmentStore({ endpoint, bucket: BUCKET, region: 'us-east-1', accessKeyId: 'NOT-A-KEY', secretAccessKey: 'S3RVER' }).delete('kept')).rejects.toThrow(/附件存储删除失败\(403\)/);
    expect(objectsInBucket()).toContain('kept');
  });
});
