// Process seeds act through the real use cases (as people would), so every
// demo instance has its workflow and can be acted on.
import type { Client } from '@temporalio/client';
import type { AppDeps } from '../api/deps';
import { resolveActor } from '../api/auth/resolve-actor';
import type { Actor } from '../domain/access';
import { DEFAULT_PROCESS_RULES } from '../config/rules';
import { TASK_QUEUE } from '../workflows/task-queue';
import type { SeedContext } from './types';

/** What the process use cases read from AppDeps; a seed has no HTTP server, queues or full config. */
export function useCaseDeps(ctx: SeedContext, temporal: Client): AppDeps {
  return {
    prisma: ctx.prisma,
    temporal,
    // A seed runs at first start while the worker is still warming up: it may
    // wait longer for a process to answer than a person at the API would.
    config: { temporal: { taskQueue: ctx.taskQueue ?? TASK_QUEUE }, server: { processAnswerTimeoutMs: 120_000 }, rules: ctx.rules ?? DEFAULT_PROCESS_RULES },
    // The platform's clock, as the API's: under CLOCK=virtual a demo case or
    // incident is registered, numbered and dated at the engine's time, like
    // the steps its workflow then takes.
    ...(ctx.now ? { now: ctx.now } : {}),
  } as unknown as AppDeps;
}

/** The demo person with that username, as the API would resolve them. */
export async function demoActor(ctx: SeedContext, username: string): Promise<Actor> {
  const person = await ctx.prisma.person.findUnique({ where: { username }, select: { id: true } });
  if (!person) throw new Error(`demo person ${username} missing: run the base seeds first`);
  const actor = await resolveActor({ prisma: ctx.prisma, personId: person.id });
  if (!actor) throw new Error(`demo person ${username} inactive`);
  return actor;
}
