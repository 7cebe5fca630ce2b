// No process can be wedged by data (issue 13), through the API with the real
// worker and engine. The database is made to refuse one project's read-model
// writes by a trigger the test installs (on a title unique to this run), the
// way PostgreSQL refuses a lone surrogate (22021 invalid byte sequence):
//  - the project's own first save opens an incident for `admin`;
//  - a person's action on it is refused at once (422 DATA_REJECTED) and
//    rolled back (the budget reservation is put back), never retried forever;
//  - other projects go on, and later actions answer promptly;
//  - once the data can be stored, the same action goes through.
// And a process that is busy answers 503 PROCESS_BUSY with Retry-After
// within PROCESS_ANSWER_TIMEOUT_MS instead of holding the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../activities';
import { dataRejection } from '../../activities/failures';
import { uniqueSuffix } from '../helpers/db';
import { act, apply, ok, project, U } from './fixtures';
import { startProjectPlatform, waitFor, type ProjectPlatform } from './support';

const ADMIN = 'admin.qindu';
/** Long enough for any prompt answer on a loaded machine; the busy case waits on a gate, not on time. */
const ANSWER_TIMEOUT_MS = 4000;

/** Workflow ids whose read-model save waits until released (a process kept busy on purpose). */
const held = new Map<string, { release: () => void; released: Promise<void> }>();
function hold(projectId: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  held.set(`project-${projectId}`, { release, released });
  return () => {
    release();
    held.delete(`project-${projectId}`);
  };
}

let p: ProjectPlatform;
const marker = `拒绝写入-${uniqueSuffix()}`;
const trigger = `refuse_${uniqueSuffix().replace(/\W/g, '_')}`;

beforeAll(async () => {
  p = await startProjectPlatform({
    env: { PROCESS_ANSWER_TIMEOUT_MS: String(ANSWER_TIMEOUT_MS) },
    activities: (a) => {
      const base = a as Activities;
      return {
        ...base,
        async syncProjectStep(input: Parameters<Activities['syncProjectStep']>[0]) {
          const gate = held.get(input.workflowId);
          if (gate) await gate.released;
          return base.syncProjectStep(input);
        },
      };
    },
  });
  // The database refuses to store this run's marker title in the project read model (an UPDATE: the API's
  // INSERT at submission passes, every save of the workflow fails), as it refuses an invalid byte sequence.
  await p.prisma.$executeRawUnsafe(`
    CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.title = '${marker}' THEN
        RAISE EXCEPTION 'invalid byte sequence for encoding "UTF8" (test)' USING ERRCODE = '22021';
      END IF;
      RETURN NEW;
    END $$`);
  await p.prisma.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE UPDATE ON "Project" FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
});

afterAll(async () => {
  for (const gate of held.values()) gate.release();
  await p?.prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${trigger} ON "Project"`);
  await p?.prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${trigger}()`);
  await p?.stop();
});

async function incidentsOf(id: string) {
  const res = await p.get(ADMIN, `/api/tasks?process=project&action=incident&status=open&limit=100`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as { subjectId: string; title: string; role: string }[]).filter((t) => t.subjectId === id);
}

async function reservedFen(id: string): Promise<number> {
  const row = await p.prisma.project.findUniqueOrThrow({ where: { id }, select: { communityId: true, year: true } });
  const fund = await p.prisma.projectFundYear.findUnique({ where: { communityId_year: { communityId: row.communityId, year: row.year } } });
  return fund?.reservedFen ?? 0;
}

describe('a write the database refuses', () => {
  it('opens an incident, refuses and rolls back the action, and lets other projects go on', async () => {
    const wedged = await apply(p, { title: marker });

    // The first save of the process was refused: an incident for admin, in the inbox, without the refused data.
    const [incident] = await waitFor(async () => {
      const found = await incidentsOf(wedged);
      return found.length > 0 ? found : null;
    });
    expect(incident.role).toBe('admin');
    expect(incident.title).toContain(wedged);
    expect(incident.title).not.toContain(marker);

    // The street's review is refused at once and changes nothing (the reservation made on the way is put back).
    const reservedBefore = await reservedFen(wedged);
    const review = await act(p, U.street, wedged, 'reviewApplication', { decision: 'approve', comment: '同意' });
    expect([review.status, review.body.code], JSON.stringify(review.body)).toEqual([422, 'DATA_REJECTED']);
    expect(review.headers['content-type']).toContain('application/problem+json');
    expect(review.body.detail).toMatch(/数据库拒绝/);
    expect(await reservedFen(wedged)).toBe(reservedBefore);

    // Other projects go on.
    const other = await apply(p);
    await waitFor(async () => (await project(p, other)).state.version >= 1);
    await ok(p, U.street, other, 'reviewApplication', { decision: 'approve', comment: '同意' });
    expect((await project(p, other)).stage).toBe('notice');

    // The wedged project keeps answering: the same action again is refused the same way, not "busy".
    const again = await act(p, U.street, wedged, 'reviewApplication', { decision: 'approve', comment: '同意' });
    expect([again.status, again.body.code]).toEqual([422, 'DATA_REJECTED']);

    // Once the database takes the data again, the action goes through and the read model catches up.
    await p.prisma.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "Project"`);
    await ok(p, U.street, wedged, 'reviewApplication', { decision: 'approve', comment: '同意' });
    const after = await project(p, wedged);
    expect(after.stage).toBe('notice');
    expect(after.title).toBe(marker);
    expect(after.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['submitApplication', 'reviewApplication', 'startNotice']));
  });
});

describe('a busy process', () => {
  it('answers 503 PROCESS_BUSY with Retry-After instead of holding the request, and the next action answers promptly', async () => {
    const id = await apply(p);
    await waitFor(async () => (await project(p, id)).state.version >= 1);
    const release = hold(id);

    // The review is accepted, but its save cannot finish: the API answers within the timeout.
    const slow = await act(p, U.street, id, 'reviewApplication', { decision: 'approve', comment: '同意' });
    expect([slow.status, slow.body.code], JSON.stringify(slow.body)).toEqual([503, 'PROCESS_BUSY']);
    expect(slow.headers['retry-after']).toMatch(/^\d+$/);
    expect(slow.headers['content-type']).toContain('application/problem+json');
    expect(slow.body.detail).toMatch(/秒后再提交/);

    // Any further action while it is busy: 503 as well (the process says so itself), never a hang or a 409.
    const meanwhile = await act(p, U.community, id, 'withdrawApplication', { reason: '不再需要' });
    expect([meanwhile.status, meanwhile.body.code]).toEqual([503, 'PROCESS_BUSY']);
    expect(meanwhile.headers['retry-after']).toMatch(/^\d+$/);

    // The save finishes: the accepted review took effect once, and the next action answers at once.
    release();
    await waitFor(async () => (await project(p, id)).stage === 'notice');
    const next = await act(p, U.street, id, 'suspendProject', { reason: '核查' });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    const reviews = (await project(p, id)).timeline.filter((e: { action: string }) => e.action === 'reviewApplication');
    expect(reviews).toHaveLength(1);
  });
});

describe('the activity failure classifier', () => {
  it('treats encoding and constraint errors from PostgreSQL as incurable, and a serialisation failure as worth a retry', async () => {
    const raise = (code: string) => p.prisma.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'test' USING ERRCODE = '${code}'; END $$`).then(
      () => null,
      (err: unknown) => err,
    );
    expect(dataRejection(await raise('22021'))?.reason).toBe('SQLSTATE 22021');
    expect(dataRejection(await raise('23514'))?.reason).toBe('SQLSTATE 23514');
    expect(dataRejection(await raise('40001'))).toBeNull();
    expect(dataRejection(await raise('08006'))).toBeNull();
  });
});
