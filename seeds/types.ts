import type { Client } from '@temporalio/client';
import type { ProcessRules } from '../config/rules';
import type { AttachmentStore } from '../api/tasks/attachment-store';
import type { PrismaClient } from '../prisma/generated/client';

export interface SeedContext {
  prisma: PrismaClient;
  log: (line: string) => void;
  /** Process seeds start real workflows; without a client they skip (base seeds need none). */
  temporal?: Client;
  taskQueue?: string;
  /** The configured process rules; the defaults of shared/DOMAIN.md when absent. */
  rules?: ProcessRules;
  /**
   * CLOCK=virtual only: advances the engine's clock and resolves once the
   * work it caused was processed, so the demo can carry processes through
   * every stage at first start.
   */
  advance?: (ms: number) => Promise<void>;
  /** The platform's time (the engine's under CLOCK=virtual); default the wall clock. */
  now?: () => Date;
  /** Where the demo incidents' photos go (the platform's attachment store); without one they have none. */
  attachmentStore?: AttachmentStore;
}

/** The platform's time now, as a seed dates what it creates. */
export function seedNow(ctx: Pick<SeedContext, 'now'>): Date {
  return ctx.now ? ctx.now() : new Date();
}

/** A seed step. It must be idempotent: running it twice changes nothing. */
export interface Seed {
  name: string;
  run: (ctx: SeedContext) => Promise<void>;
}
