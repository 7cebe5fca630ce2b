// Where task attachments live, and the virus-scan hook. Both are interfaces
// so a deployment can put files in an S3-compatible store or call a real
// scanner (ClamAV's clamd, a vendor API) without touching the use case; the
// defaults keep files under DATA_DIR/attachments and accept every file.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface AttachmentStore {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
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
  };
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
