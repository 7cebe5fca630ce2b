// The 调解协议 document job: renders the 人民调解协议书 of a case as HTML and
// stores it on MediationAgreement. One job per case (the job id is derived
// from the case id), so a retried activity enqueues nothing new.
import { Queue } from 'bullmq';
import { z } from 'zod';
import { createRedisConnection } from '../queues';

export const MEDIATION_DOCUMENTS_QUEUE = 'mediation-documents';
export const MEDIATION_AGREEMENT_JOB = 'render-mediation-agreement';

export const ZMediationAgreementJob = z.object({ caseId: z.string().min(1).max(100) });
export type TMediationAgreementJob = z.infer<typeof ZMediationAgreementJob>;

/** BullMQ refuses ids containing ":"; case ids are UUIDs. */
export function mediationAgreementJobId(caseId: string): string {
  return `agreement-${caseId}`;
}

export interface MediationDocumentQueue {
  enqueueAgreement(payload: TMediationAgreementJob): Promise<void>;
  close(): Promise<void>;
}

export function createMediationDocumentQueue(redisUrl: string, prefix: string): MediationDocumentQueue {
  const connection = createRedisConnection(redisUrl);
  const queue = new Queue(MEDIATION_DOCUMENTS_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    },
  });
  return {
    async enqueueAgreement(payload) {
      const data = ZMediationAgreementJob.parse(payload);
      await queue.add(MEDIATION_AGREEMENT_JOB, data, { jobId: mediationAgreementJobId(data.caseId) });
    },
    async close() {
      await queue.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
