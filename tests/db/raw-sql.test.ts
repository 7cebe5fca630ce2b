// The statements a step's save runs on the pool beneath Prisma (db/raw-sql.ts):
// what they read back must be what Prisma's $queryRaw reads, a transaction
// must commit or roll back as a whole, and a value the database refuses must
// still reach the activity as the SQLSTATE that makes it a non-retryable
// DATA_REJECTED failure (one bad character must not wedge a process).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataRejection } from '../../activities/failures';
import { createPrisma } from '../../db';
import { columnsOf, rawDb, rawTransaction } from '../../db/raw-sql';
import { Prisma } from '../../prisma/generated/client';
import { writeNotices, type NotifyInput } from '../../activities/notify';
import { createLogChannel, immediateNotices } from '../../queue';
import pino from 'pino';
import { testDatabaseUrl, uniqueSuffix } from '../helpers/db';

const prisma = createPrisma(testDatabaseUrl(), { poolSize: 2 });
const table = Prisma.raw(`"raw_sql_test_${uniqueSuffix()}"`);

beforeAll(async () => {
  await prisma.$executeRaw`CREATE TABLE ${table} (id text PRIMARY KEY, at timestamp(3), big int8, amount numeric(12, 2), doc jsonb, day date, tags text[])`;
});

afterAll(async () => {
  await prisma.$executeRaw`DROP TABLE IF EXISTS ${table}`;
  await prisma.$disconnect();
});

const count = async () => Number((await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM ${table}`)[0]!.n);

describe('statements on the pool beneath Prisma', () => {
  it('write instants as UTC and read every column back as Prisma does', async () => {
    const at = new Date('2026-12-02T01:02:03.456Z');
    await rawDb(prisma).$executeRaw`
      INSERT INTO ${table} (id, at, big, amount, doc, day, tags)
      VALUES ('a', ${at}, ${9007199254740993n}, ${new Prisma.Decimal('1234.50')}, ${{ 名称: '调解', n: 1 }}::jsonb, '2026-12-02', ${['甲', '乙']})`;
    const viaPool = await rawDb(prisma).$queryRaw<Record<string, unknown>[]>`SELECT * FROM ${table} WHERE id = 'a'`;
    const viaPrisma = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM ${table} WHERE id = 'a'`;
    expect(viaPool).toEqual(viaPrisma);
    expect(viaPool[0]).toMatchObject({ at, big: 9007199254740993n, doc: { 名称: '调解', n: 1 }, day: new Date('2026-12-02T00:00:00Z'), tags: ['甲', '乙'] });
    expect(String(viaPool[0]!.amount)).toBe('1234.5');
    // The stored wall time is UTC's, whatever the zone of the process or the session.
    const [{ text }] = await prisma.$queryRaw<{ text: string }[]>`SELECT to_char(at, 'YYYY-MM-DD HH24:MI:SS.MS') AS text FROM ${table} WHERE id = 'a'`;
    expect(text).toBe('2026-12-02 01:02:03.456');
  });

  it('commit a transaction as a whole, and roll all of it back when a step throws', async () => {
    const before = await count();
    await expect(
      rawTransaction(prisma, async (tx) => {
        await tx.$executeRaw`INSERT INTO ${table} (id) VALUES ('b1')`;
        await tx.$executeRaw`INSERT INTO ${table} (id) VALUES ('b2')`;
        throw new Error('the step failed after two statements');
      }),
    ).rejects.toThrow('the step failed');
    expect(await count()).toBe(before);

    const written = await rawTransaction(prisma, async (tx) => {
      await tx.$executeRaw`INSERT INTO ${table} (id) VALUES ('c1')`;
      return tx.$executeRaw`INSERT INTO ${table} (id) VALUES ('c2'), ('c3')`;
    });
    expect(written).toBe(2);
    expect(await count()).toBe(before + 3);
  });

  it('end a transaction whose statement waits past the bound, with an error a retry may cure, and free its connection', async () => {
    const slow = await rawTransaction(
      prisma,
      async (tx) => {
        await tx.$executeRaw`INSERT INTO ${table} (id) VALUES ('slow')`;
        return tx.$queryRaw`SELECT pg_sleep(5)`;
      },
      { timeoutMs: 300 },
    ).catch((err: unknown) => err);
    expect(slow).toMatchObject({ code: '57014' }); // query_canceled: statement timeout
    expect(dataRejection(slow)).toBeNull();
    expect(await rawDb(prisma).$queryRaw`SELECT id FROM ${table} WHERE id = 'slow'`).toEqual([]);
    // Both connections of the pool still serve, without the bound of that transaction.
    const [{ timeout }] = await rawTransaction(prisma, (tx) => tx.$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`);
    expect(timeout).toBe('20s');
    expect(await Promise.all([1, 2, 3].map(() => rawTransaction(prisma, (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`)))).toEqual([[{ one: 1 }], [{ one: 1 }], [{ one: 1 }]]);
    expect((await rawDb(prisma).$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`)[0]!.timeout).toBe('0');
  });

  it('hand a refused value to the activity as the SQLSTATE that fails it without retries, and keep the pool usable', async () => {
    const failures: unknown[] = [];
    // More failed transactions than the pool has connections: each gives its connection back.
    for (let i = 0; i < 5; i++) {
      failures.push(
        await rawTransaction(prisma, async (tx) => {
          await tx.$executeRaw`INSERT INTO ${table} (id) VALUES (${`nul-${i}`})`;
          await tx.$executeRaw`INSERT INTO ${table} (id, doc) VALUES (${`bad-${i}`}, ${'{"text": "a\\u0000b"}'}::jsonb)`;
        }).catch((err: unknown) => err),
      );
    }
    for (const err of failures) expect(dataRejection(err)).toMatchObject({ reason: expect.stringMatching(/^SQLSTATE 22/) });
    expect(await rawDb(prisma).$queryRaw`SELECT id FROM ${table} WHERE id LIKE 'nul-%'`).toEqual([]);
    // A duplicate key: class 23, refused for good as well.
    const duplicate = await rawTransaction(prisma, (tx) => tx.$executeRaw`INSERT INTO ${table} (id) VALUES ('a')`).catch((err: unknown) => err);
    expect(dataRejection(duplicate)).toMatchObject({ reason: 'SQLSTATE 23505' });
  });

  it('prepare each statement once per connection, except behind a pooler that shares sessions', async () => {
    // Inside one transaction: the same connection runs the statement and then lists what it holds prepared.
    const prepared = (client: typeof prisma) =>
      rawTransaction(client, async (tx) => {
        await tx.$queryRaw`SELECT id FROM ${table} WHERE id = ${'a'}`;
        await tx.$queryRaw`SELECT id FROM ${table} WHERE id = ${'b'}`;
        return tx.$queryRaw<{ statement: string }[]>`SELECT statement FROM pg_prepared_statements`;
      });
    const text = `SELECT id FROM ${table.text} WHERE id = $1`;
    const texts = (rows: { statement: string }[]) => rows.map((r) => r.statement).filter((t) => t === text);
    // Two calls, one statement prepared.
    expect(texts(await prepared(prisma))).toEqual([text]);
    const shared = createPrisma(`${testDatabaseUrl()}${testDatabaseUrl().includes('?') ? '&' : '?'}pgbouncer=true`, { poolSize: 1 });
    try {
      expect(texts(await prepared(shared))).toEqual([]);
    } finally {
      await shared.$disconnect();
    }
  });

  it('prepare a step\'s notices and their delivery on the log channel by name, and plan the notices once per connection', async () => {
    // One connection, so that the statements run and the list of what it holds prepared are the same session's.
    const single = createPrisma(testDatabaseUrl(), { poolSize: 1 });
    try {
      const at = new Date('2026-12-07T02:00:00Z');
      const logger = pino({ level: 'silent' });
      const unit = (await single.unit.findFirstOrThrow({ where: { level: 'community' } })).id;
      // A step's notices as the processes send them: a role over a unit, a role on the unit alone, named people.
      for (let n = 0; n < 8; n++) {
        const nobody = randomUUID();
        const workflowId = `wf-${nobody}`;
        await writeNotices(
          rawDb(single),
          (
            [
              { workflowId, event: 'a', to: { role: 'street_office', unitId: unit }, kind: 'k', title: 't', body: '' },
              { workflowId, event: 'b', to: { role: 'mediator', unitId: unit, reach: 'unit' }, kind: 'k', title: 't', body: '', link: '/x' },
              { workflowId, event: 'c', to: { personIds: [nobody] }, kind: 'k', title: 't', body: '' },
            ] satisfies NotifyInput[]
          ).slice(0, 1 + (n % 3)),
          at,
        );
        await immediateNotices({ prisma: single, channel: createLogChannel(logger), logger }).enqueueNotifications([
          { idempotencyKey: `${workflowId}|c|${nobody}`, recipientId: nobody, kind: 'k', title: 't', body: '', at: at.toISOString() },
        ]);
      }
      const held = await rawDb(single).$queryRaw<{ statement: string; generic_plans: bigint; custom_plans: bigint }[]>`
        SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements`;
      // Unnamed (a `SELECT *` of their parameter rows), each was parsed and planned again on every call.
      const notices = held.filter((r) => r.statement.includes('WITH covering AS MATERIALIZED'));
      expect(notices).toHaveLength(1);
      expect(held.filter((r) => r.statement.includes('INSERT INTO "Notification"') && r.statement.includes('ORDER BY n.i'))).toHaveLength(1);
      // Past its first five calls the connection runs its one generic plan. With its targets as arrays, whose
      // length PostgreSQL reads from each call's values, every call was planned anew: 0.6 ms a step.
      expect(Number(notices[0]!.generic_plans)).toBeGreaterThanOrEqual(3);
    } finally {
      await single.$disconnect();
    }
  });

  it('keep reading a table that gains a column while the process runs', async () => {
    // Each a few times on both connections, so that each connection has planned them before the column comes.
    const star = () => rawDb(prisma).$queryRaw<Record<string, unknown>[]>`SELECT t.* FROM ${table} t WHERE t.id = 'a'`;
    const named = () => rawDb(prisma).$queryRaw<Record<string, unknown>[]>`SELECT ${columnsOf({ id: 'id', day: 'day' }, 't')} FROM ${table} t WHERE t.id = 'a'`;
    for (let i = 0; i < 6; i++) await Promise.all([star(), named(), star(), named()]);
    await prisma.$executeRaw`ALTER TABLE ${table} ADD COLUMN added text DEFAULT '新列'`;
    for (let i = 0; i < 3; i++) {
      const [[a], [b]] = await Promise.all([star(), named()]);
      expect(a).toMatchObject({ id: 'a', added: '新列' });
      expect(b).toEqual({ id: 'a', day: new Date('2026-12-02T00:00:00Z') });
    }
  });
});
