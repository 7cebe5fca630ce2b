import { z } from 'zod';
import { blankAsUnset, defineSection, envVar } from '../define';
import { parseStepTimeouts } from '../../domain/inbox/timeouts';
import { positiveInt } from './common';

const DEFAULT_TYPES = 'application/pdf,image/jpeg,image/png,image/webp,text/plain';

export const inboxSection = defineSection({
  attachmentMaxBytes: envVar({
    env: 'ATTACHMENT_MAX_BYTES',
    schema: positiveInt(512 * 1024),
    doc: 'Largest file accepted as a task attachment, in bytes (sent base64 in JSON, so HTTP_BODY_LIMIT must allow about 4/3 of it: the default fits the default 1mb). Files are kept under DATA_DIR/attachments.',
    example: String(512 * 1024),
  }),
  attachmentTypes: envVar({
    env: 'ATTACHMENT_TYPES',
    schema: z
      .string()
      .default(DEFAULT_TYPES)
      .transform((s) => s.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)),
    doc: 'Comma-separated MIME types accepted as task attachments; the content must match the type (PDF, JPEG, PNG, WebP signatures are checked).',
    example: DEFAULT_TYPES,
    format: (types) => types.join(','),
  }),
  attachmentS3Endpoint: envVar({
    env: 'ATTACHMENT_S3_ENDPOINT',
    schema: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).optional()),
    doc: 'An S3-compatible object store (MinIO, Ceph RGW, a cloud\'s) for task attachments instead of DATA_DIR/attachments, e.g. http://minio.intranet:9000; requires ATTACHMENT_S3_BUCKET and the two keys. Unset: files under DATA_DIR.',
  }),
  attachmentS3Bucket: envVar({
    env: 'ATTACHMENT_S3_BUCKET',
    schema: z.preprocess(blankAsUnset, z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3–63 lowercase letters, digits, dots, hyphens)').optional()),
    doc: 'The bucket that holds task attachments, e.g. cg-attachments (it must exist); objects are named by a random uuid.',
  }),
  attachmentS3Region: envVar({
    env: 'ATTACHMENT_S3_REGION',
    schema: z.preprocess(blankAsUnset, z.string().min(1).default('us-east-1')),
    doc: 'The region requests are signed for (SigV4); most self-hosted stores accept the default.',
    example: 'us-east-1',
  }),
  attachmentS3AccessKeyId: envVar({
    env: 'ATTACHMENT_S3_ACCESS_KEY_ID',
    schema: z.preprocess(blankAsUnset, z.string().min(1).optional()),
    doc: 'Access key id for ATTACHMENT_S3_ENDPOINT.',
    secret: true,
  }),
  attachmentS3SecretAccessKey: envVar({
    env: 'ATTACHMENT_S3_SECRET_ACCESS_KEY',
    schema: z.preprocess(blankAsUnset, z.string().min(1).optional()),
    doc: 'Secret access key for ATTACHMENT_S3_ENDPOINT.',
    secret: true,
  }),
  stepTimeouts: envVar({
    env: 'INBOX_STEP_TIMEOUTS',
    schema: z
      .string()
      .default('')
      .transform((s, ctx) => {
        try {
          return parseStepTimeouts(s);
        } catch (err) {
          ctx.addIssue({ code: 'custom', message: (err as Error).message });
          return z.NEVER;
        }
      }),
    doc: 'Timeout handling per step, checked every INBOX_SWEEP_SECONDS: "process.action:remindHours/escalateHours[/autoDecideHours]" items, comma-separated, hours after the task\'s due time; "-" never. The holder is reminded once, then the unit above is told once; with autoDecideHours the platform takes the step itself as the system actor (超时自动办理), only for steps the process allows (grid.confirmResult: the reporter\'s silence counts as acceptance) — any other is refused at start. Empty: none (the processes\' own reminders still run).',
    example: 'project.verifyMilestone:0/48,project.releaseFunds:24/-,grid.confirmResult:0/-/72',
    format: (rules) => rules.map((r) => `${r.process}.${r.action}:${r.remindAfterHours}/${r.escalateAfterHours ?? '-'}${r.autoDecideAfterHours != null ? `/${r.autoDecideAfterHours}` : ''}`).join(','),
  }),
  sweepSeconds: envVar({
    env: 'INBOX_SWEEP_SECONDS',
    schema: positiveInt(900),
    doc: 'How often the inbox looks for overdue steps of INBOX_STEP_TIMEOUTS (a BullMQ repeatable job).',
    example: '900',
  }),
  housekeepingSeconds: envVar({
    env: 'HOUSEKEEPING_SECONDS',
    schema: positiveInt(3600),
    doc: 'How often the housekeeping sweep runs (a BullMQ repeatable job in the worker): it deletes Idempotency-Key answers older than IDEMPOTENCY_TTL_HOURS, login sessions ended 30 days ago, and grid photos that no incident names a week after their upload (row and file).',
    example: '3600',
  }),
  proxyMaxDays: envVar({
    env: 'PROXY_MAX_DAYS',
    schema: positiveInt(90),
    doc: 'Longest out-of-office arrangement (代理) a person may name, in calendar days.',
    example: '90',
  }),
});
