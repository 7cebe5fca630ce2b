// The one way to get a PrismaClient: Prisma 7 with the pg driver adapter, so
// no native query engine is needed anywhere (see ../shared ENVIRONMENT.md).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../prisma/generated/client';

export interface CreatePrismaOptions {
  /** Connections in the pool. Default 5; PGlite serves only one, so pass 1 there. */
  poolSize?: number;
  /** Log queries to stdout (development aid). Default false. */
  logQueries?: boolean;
}

export function createPrisma(databaseUrl: string, options: CreatePrismaOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 5 });
  return new PrismaClient({ adapter, log: options.logQueries ? ['query', 'warn', 'error'] : ['warn', 'error'] });
}
