// Seeds: the base seeds (the demo district) and then each process's demo
// seeds. Process helpers register theirs by appending to `processSeeds`;
// every seed must be idempotent (running twice changes nothing) and may rely
// on the demo district from `./demo-org`.
import type { ProcessRules } from '../config/rules';
import type { Client } from '@temporalio/client';
import type { AttachmentStore } from '../api/tasks/attachment-store';
import type { PrismaClient } from '../prisma/generated/client';
import { baseSeeds } from './base';
import { seedReportingDemo } from './reporting';
import type { Seed } from './types';
import { seedProjectDemos, seedProjectThroughEveryStage } from './project';
import { seedMediationDemos, seedMediationThroughEveryStage } from './mediation';
import { seedReportingThroughResults } from './reporting';
import { seedGridDemos } from './grid';

export type { Seed, SeedContext } from './types';
export * from './demo-org';
export { seedDemoOrg } from './base';

export const processSeeds: Seed[] = [
  // CLOCK=virtual only, and first: they advance the clock by about a month,
  // and every step of the demos below then starts at the clock's new time
  // (they read it through SeedContext.now), so a newcomer's inbox opens
  // with work due ahead, not weeks overdue.
  { name: 'project-every-stage', run: seedProjectThroughEveryStage },
  { name: 'mediation-every-stage', run: seedMediationThroughEveryStage },
  { name: 'reporting-through-results', run: seedReportingThroughResults },
  { name: 'project-demo', run: seedProjectDemos },
  { name: 'reporting-demo', run: seedReportingDemo },
  { name: 'mediation-demo', run: seedMediationDemos },
  { name: 'grid-demo', run: seedGridDemos },
];

export interface RunSeedsOptions {
  /** Also run `processSeeds`. Default true; the test global setup runs the base seeds only. */
  includeProcessSeeds?: boolean;
  log?: (line: string) => void;
  temporal?: Client;
  taskQueue?: string;
  rules?: ProcessRules;
  /** See SeedContext.advance. */
  advance?: (ms: number) => Promise<void>;
  /** See SeedContext.now. */
  now?: () => Date;
  /** See SeedContext.attachmentStore. */
  attachmentStore?: AttachmentStore;
}

export async function runSeeds(prisma: PrismaClient, options: RunSeedsOptions = {}): Promise<void> {
  const log = options.log ?? (() => {});
  const seeds = [...baseSeeds, ...(options.includeProcessSeeds === false ? [] : processSeeds)];
  for (const seed of seeds) {
    log(`seed ${seed.name}`);
    await seed.run({ prisma, log, temporal: options.temporal, taskQueue: options.taskQueue, rules: options.rules, advance: options.advance, now: options.now, attachmentStore: options.attachmentStore });
  }
}
