import type { PrismaClient } from '../prisma/generated/client';

export interface SeedContext {
  prisma: PrismaClient;
  log: (line: string) => void;
}

/** A seed step. It must be idempotent: running it twice changes nothing. */
export interface Seed {
  name: string;
  run: (ctx: SeedContext) => Promise<void>;
}
