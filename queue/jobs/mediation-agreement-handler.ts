// Handler of MEDIATION_AGREEMENT_JOB. Rendering is pure and the write is an
// update of one row, so a retry rewrites the same document. A case without an
// agreement yet is retried (the workflow's save may still be in flight); a
// case that does not exist is not.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { renderAgreementDocument } from '../../domain/mediation/agreement-document';
import { toLocalDate } from '../../domain/calendar';
import type { DisputeType, MediationLevel, PartyRole } from '../../domain/mediation/types';
import type { PrismaClient } from '../../prisma/generated/client';
import { createRedisConnection } from '../queues';
import { MEDIATION_DOCUMENTS_QUEUE, ZMediationAgreementJob, type TMediationAgreementJob } from './mediation-agreement-job';

export async function renderMediationAgreement(prisma: PrismaClient, payload: TMediationAgreementJob, now: Date = new Date()): Promise<{ bytes: number }> {
  const c = await prisma.mediationCase.findUnique({
    where: { id: payload.caseId },
    include: { agreement: true, parties: { orderBy: { seq: 'asc' } } },
  });
  if (!c) throw new UnrecoverableError(`mediation case ${payload.caseId} does not exist`);
  const a = c.agreement;
  if (!a) throw new Error(`mediation case ${payload.caseId} has no agreement yet`);
  const snapshot = c.snapshot as { agreement?: { unit?: { name?: string }; mediatorName?: string } };
  const html = renderAgreementDocument({
    caseNo: c.caseNo,
    title: c.title,
    disputeType: c.disputeType as DisputeType,
    level: a.level as MediationLevel,
    committeeName: `${snapshot.agreement?.unit?.name ?? ''}人民调解委员会`,
    mediatorName: snapshot.agreement?.mediatorName ?? '',
    parties: c.parties.map((p) => ({ role: p.role as PartyRole, name: p.name, idNumber: p.idNumber, address: p.address })),
    facts: c.description,
    terms: a.terms,
    performance: a.performance,
    amountFen: a.amountFen,
    performBy: a.performBy,
    effectiveDate: toLocalDate(a.effectiveAt),
    confirmationDeadlineDate: toLocalDate(a.confirmationDeadline),
  });
  await prisma.mediationAgreement.update({ where: { caseId: a.caseId }, data: { documentHtml: html, documentRenderedAt: now } });
  return { bytes: html.length };
}

export interface MediationAgreementWorkerOptions {
  redisUrl: string;
  prefix: string;
  prisma: PrismaClient;
  logger: Logger;
}

/** Starts the consumer of the mediation document queue; close it on shutdown. */
export async function startMediationAgreementWorker(options: MediationAgreementWorkerOptions): Promise<Worker> {
  const connection = createRedisConnection(options.redisUrl);
  const log = options.logger.child({ queue: MEDIATION_DOCUMENTS_QUEUE });
  const worker = new Worker(
    MEDIATION_DOCUMENTS_QUEUE,
    async (job: Job) => {
      const parsed = ZMediationAgreementJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('invalid mediation agreement payload');
      return renderMediationAgreement(options.prisma, parsed.data);
    },
    { connection, prefix: options.prefix, concurrency: 2 },
  );
  worker.on('failed', (job, err) => log.warn({ jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'agreement document failed'));
  worker.on('closed', () => void connection.quit().catch(() => connection.disconnect()));
  await worker.waitUntilReady();
  return worker;
}
