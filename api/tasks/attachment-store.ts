// Where task attachments live, and the virus-scan hook. Both are interfaces,
// so a deployment can call a real scanner (ClamAV's clamd, a vendor API)
// without touching the use case. Files go to an S3-compatible object store
// when ATTACHMENT_S3_ENDPOINT is set (MinIO or Ceph on the intranet: one
// store for every API process), else under DATA_DIR/attachments; every file
// is accepted unless a scanner says otherwise.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';

export interface AttachmentStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  /** Removes the file; a key with no file is no error (a sweep that died after it runs again). */
  delete(key: string): Promise<void>;
}

export interface VirusScanner {
  /** null when clean, else why the file is refused (zh-CN). */
  scan(file: { fileName: string; contentType: string; bytes: Buffer }): Promise<string | null>;
}

export const noVirusScan: VirusScanner = { scan: async () => null };

/** Files named by their storage key (a uuid) in one folder; written before the row that names them. */
export function fileAttachmentStore(dir: string): AttachmentStore {
  return {
    async put(key, bytes) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(join(dir, key), bytes, { mode: 0o600, flag: 'wx' });
    },
    get: (key) => readFile(join(dir, key)),
    delete: (key) => rm(join(dir, key), { force: true }),
  };
}

export interface S3StoreOptions {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Objects named by their storage key in one bucket of an S3-compatible store,
 * path-style (`<endpoint>/<bucket>/<key>`, what self-hosted stores expect),
 * every request signed with SigV4 (aws4fetch). A failed request throws with
 * the store's status: the use case then answers 5xx and writes no row.
 */
export function s3AttachmentStore(options: S3StoreOptions): AttachmentStore {
  const client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region, service: 's3' });
  const url = (key: string) => `${options.endpoint.replace(/\/+$/, '')}/${options.bucket}/${encodeURIComponent(key)}`;
  const fail = async (what: string, key: string, res: Response) => new Error(`附件存储${what}失败(${res.status}):${options.bucket}/${key} ${(await res.text()).slice(0, 200)}`);
  return {
    async put(key, bytes) {
      const res = await client.fetch(url(key), { method: 'PUT', body: bytes, headers: { 'content-type': 'application/octet-stream' } });
      if (!res.ok) throw await fail('写入', key, res);
    },
    async get(key) {
      const res = await client.fetch(url(key), { method: 'GET' });
      if (!res.ok) throw await fail('读取', key, res);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      // S3 answers 204 for a key it does not have; some stores 404.
      const res = await client.fetch(url(key), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw await fail('删除', key, res);
    },
  };
}

/** The store the configuration names: the S3-compatible one when ATTACHMENT_S3_ENDPOINT is set, else DATA_DIR/attachments. */
interface StoreConfig {
  app: { dataDir: string };
  inbox: { attachmentS3Endpoint?: string; attachmentS3Bucket?: string; attachmentS3Region: string; attachmentS3AccessKeyId?: string; attachmentS3SecretAccessKey?: string };
}

export function configuredAttachmentStore(config: StoreConfig): AttachmentStore {
  const i = config.inbox;
  if (i.attachmentS3Endpoint && i.attachmentS3Bucket && i.attachmentS3AccessKeyId && i.attachmentS3SecretAccessKey) {
    return s3AttachmentStore({ endpoint: i.attachmentS3Endpoint, bucket: i.attachmentS3Bucket, region: i.attachmentS3Region, accessKeyId: i.attachmentS3AccessKeyId, secretAccessKey: i.attachmentS3SecretAccessKey });
  }
  return fileAttachmentStore(join(config.app.dataDir, 'attachments'));
}

/** The store a use case writes to and reads from: the app's (api/app.ts sets it), else the configured one. */
export function attachmentStoreOf(deps: { attachmentStore?: AttachmentStore; config: StoreConfig }): AttachmentStore {
  return deps.attachmentStore ?? configuredAttachmentStore(deps.config);
}

/** Magic numbers of the types whose content can be told apart; text and unknown types pass on the declared type. */
const SIGNATURES: Record<string, number[][]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/webp': [[0x52, 0x49, 0x46, 0x46]],
};

/** Whether the bytes look like the declared type (a renamed executable is not a PDF). */
export function contentMatchesType(contentType: string, bytes: Buffer): boolean {
  const sigs = SIGNATURES[contentType];
  if (!sigs) return !bytes.subarray(0, 2).equals(Buffer.from('MZ')) && !bytes.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  return sigs.some((sig) => sig.every((b, i) => bytes[i] === b));
}
