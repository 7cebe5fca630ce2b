// The run's database (created by tests/setup/global-setup.ts) for test files.
import { inject } from 'vitest';
import { createPrisma, type PrismaClient } from '../../db';

let shared: PrismaClient | undefined;

export function testDatabaseUrl(): string {
  const url = inject('databaseUrl') ?? process.env.DATABASE_URL;
  if (!url) throw new Error('no test database: run through vitest (tests/setup/global-setup.ts)');
  return url;
}

/**
 * One client per test file (worker process) for the run's database. Do not
 * $disconnect it in a test; it closes when the worker exits.
 */
export function testPrisma(): PrismaClient {
  shared ??= createPrisma(testDatabaseUrl(), { poolSize: 3 });
  return shared;
}

/** Suffix that makes ids, usernames and keys unique across tests and runs. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}
