// A file a person sends (base64 in JSON), checked and stored: a task's
// attachment (comment-task.ts) and a grid incident's photo (../grid/photos.ts)
// pass the same type, size, content and virus checks before the store sees it.
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors';
import type { AppDeps } from '../deps';
import { attachmentStoreOf, contentMatchesType, noVirusScan, type AttachmentStore, type VirusScanner } from './attachment-store';

export interface SentFile {
  fileName: string;
  contentType: string;
  contentBase64: string;
}

export interface AcceptFileOptions {
  /** The types accepted here (lower case); ATTACHMENT_TYPES by default. */
  types?: readonly string[];
  store?: AttachmentStore;
  scanner?: VirusScanner;
}

/**
 * Refuses a file of a type not in `types`, empty or not base64, larger than ATTACHMENT_MAX_BYTES, whose content is
 * not of its declared type, or that the scanner refuses; else writes it to the store under a new key. The file is
 * written before the caller's row that names it: a crash between leaves an unnamed file, never a row without its file.
 */
export async function acceptFile(deps: AppDeps, file: SentFile, options: AcceptFileOptions = {}) {
  const { attachmentMaxBytes } = deps.config.inbox;
  const types = options.types ?? deps.config.inbox.attachmentTypes;
  const contentType = file.contentType.toLowerCase();
  if (!types.includes(contentType)) throw new AppError('ATTACHMENT_TYPE_REFUSED', `不支持的附件类型:${file.contentType}。可上传:${types.join('、')}。`);
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '附件内容为空或不是有效的 base64。', { details: [{ in: 'body', field: 'contentBase64', code: 'invalid_base64', message: '请上传文件内容的 base64 编码' }] });
  if (bytes.length > attachmentMaxBytes) throw new AppError('ATTACHMENT_TOO_LARGE', `附件大小${bytes.length}字节,超过上限${attachmentMaxBytes}字节。`);
  if (!contentMatchesType(contentType, bytes)) throw new AppError('ATTACHMENT_TYPE_REFUSED', `附件内容与声明的类型${contentType}不符。`);
  const verdict = await (options.scanner ?? deps.virusScanner ?? noVirusScan).scan({ fileName: file.fileName, contentType, bytes });
  if (verdict) throw new AppError('ATTACHMENT_REJECTED', `附件未通过安全检查:${verdict}`);
  return storeFile(options.store ?? attachmentStoreOf(deps), { fileName: file.fileName, contentType, bytes });
}

/**
 * Writes checked bytes under a new key and answers the facts of the row that will name them (a file our own code made,
 * such as a demo picture, comes straight here).
 */
export async function storeFile(store: AttachmentStore, file: { fileName: string; contentType: string; bytes: Buffer }) {
  const storageKey = randomUUID();
  await store.put(storageKey, file.bytes);
  return { fileName: file.fileName, contentType: file.contentType, sizeBytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'), storageKey };
}
