import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../../prisma/generated/client';
import type { RedisPing } from '../deps';

export interface CheckReadinessOptions {
  prisma: PrismaClient;
  temporal: Client;
  redis?: RedisPing;
  timeoutMs: number;
}

export interface DependencyStatus {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface Readiness {
  ready: boolean;
  checks: { postgres: DependencyStatus; redis: DependencyStatus; temporal: DependencyStatus };
}

async function probe(timeoutMs: number, run: () => Promise<unknown>): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    // Only the message: a stack or connection string does not belong in a public probe.
    const message = err instanceof Error ? err.message.split('\n')[0].slice(0, 200) : String(err);
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: message };
  } finally {
    clearTimeout(timer);
  }
}

/** Probes PostgreSQL, Redis and Temporal in parallel, each within `timeoutMs`. */
export async function checkReadiness({ prisma, temporal, redis, timeoutMs }: CheckReadinessOptions): Promise<Readiness> {
  const [postgres, redisStatus, temporalStatus] = await Promise.all([
    probe(timeoutMs, () => prisma.$queryRaw`SELECT 1`),
    redis
      ? probe(timeoutMs, async () => {
          const pong = await redis.ping();
          if (pong !== 'PONG') throw new Error(`unexpected PING reply ${pong}`);
        })
      : Promise.resolve<DependencyStatus>({ ok: false, latencyMs: 0, error: 'not configured' }),
    probe(timeoutMs, () =>
      temporal.connection.withDeadline(Date.now() + timeoutMs, () => temporal.workflowService.getSystemInfo({})),
    ),
  ]);
  const checks = { postgres, redis: redisStatus, temporal: temporalStatus };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
