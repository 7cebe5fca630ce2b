// Issue 10, point 3: visibility through the real client. List/Count/Scan
// with the List Filter language over built-in and custom search attributes of
// every type, paging, the older ListOpen/ListClosed calls, and the operator
// service's search-attribute registry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { startHarness, uid, type EngineHarness } from './harness';

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

const District = defineSearchAttributeKey('District', SearchAttributeType.KEYWORD);
const Summary = defineSearchAttributeKey('Summary', SearchAttributeType.TEXT);
const Households = defineSearchAttributeKey('Households', SearchAttributeType.INT);
const Budget = defineSearchAttributeKey('Budget', SearchAttributeType.DOUBLE);
const Urgent = defineSearchAttributeKey('Urgent', SearchAttributeType.BOOL);
const Due = defineSearchAttributeKey('Due', SearchAttributeType.DATETIME);
const Tags = defineSearchAttributeKey('Tags', SearchAttributeType.KEYWORD_LIST);

let h: EngineHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('visibility (10.3)', () => {
  it('lists and counts by every operator over built-in and custom attributes, with paging', async () => {
    await h.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: {
        District: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
        Summary: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
        Households: IndexedValueType.INDEXED_VALUE_TYPE_INT,
        Budget: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
        Urgent: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
        Due: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
        Tags: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
      },
    });
    const listed = await h.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    expect(listed.customAttributes.Households).toBe(IndexedValueType.INDEXED_VALUE_TYPE_INT);
    expect(listed.systemAttributes.WorkflowId).toBe(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);

    const taskQueue = uid('vis');
    const worker = await h.worker({ taskQueue });
    const cases = [
      { id: uid('a'), district: 'qindu', summary: 'roof repair for block 3', households: 12, budget: 1500.5, urgent: true, due: '2026-03-01T00:00:00Z', tags: ['roof', 'elderly'] },
      { id: uid('b'), district: 'qindu', summary: 'garden', households: 40, budget: 300, urgent: false, due: '2026-06-01T00:00:00Z', tags: ['green'] },
      { id: uid('c'), district: 'yanta', summary: 'lift installation', households: 25, budget: 90000, urgent: true, due: '2026-09-01T00:00:00Z', tags: ['lift', 'elderly'] },
    ];
    await worker.runUntil(async () => {
      for (const c of cases) {
        await h.client.workflow.start('waitForever', {
          taskQueue,
          workflowId: c.id,
          typedSearchAttributes: [
            { key: District, value: c.district },
            { key: Summary, value: c.summary },
            { key: Households, value: c.households },
            { key: Budget, value: c.budget },
            { key: Urgent, value: c.urgent },
            { key: Due, value: new Date(c.due) },
            { key: Tags, value: c.tags },
          ],
        });
      }
      // One closed run without custom attributes.
      await h.client.workflow.execute('greet', { taskQueue, workflowId: uid('closed'), args: ['x'] });
    });

    const scope = `TaskQueue = '${taskQueue}'`;
    const ids = async (filter: string) => {
      const out: string[] = [];
      for await (const info of h.client.workflow.list({ query: `${scope} AND (${filter})` })) out.push(info.workflowId);
      return out.sort();
    };
    const [a, b, c] = cases.map((x) => x.id) as [string, string, string];
    expect(await ids(`District = 'qindu'`)).toEqual([a, b].sort());
    expect(await ids(`District != 'qindu'`)).toEqual([c]);
    expect(await ids(`Households > 12`)).toEqual([b, c].sort());
    expect(await ids(`Households >= 12 AND Households < 40`)).toEqual([a, c].sort());
    expect(await ids(`Households <= 25`)).toEqual([a, c].sort());
    expect(await ids(`Budget BETWEEN 1000 AND 100000`)).toEqual([a, c].sort());
    expect(await ids(`District IN ('yanta', 'nowhere')`)).toEqual([c]);
    expect(await ids(`WorkflowId STARTS_WITH '${a.slice(0, 4)}'`)).toContain(a);
    expect(await ids(`Urgent = true AND (District = 'yanta' OR Households = 12)`)).toEqual([a, c].sort());
    expect(await ids(`Due > '2026-05-01T00:00:00Z'`)).toEqual([b, c].sort());
    expect(await ids(`Tags = 'elderly'`)).toEqual([a, c].sort());
    expect(await ids(`Summary = 'lift'`)).toEqual([c]);
    expect(await ids(`District IS NULL`)).toHaveLength(1);
    expect(await ids(`District IS NOT NULL AND ExecutionStatus = 'Running'`)).toEqual([a, b, c].sort());
    expect(await ids(`WorkflowType = 'greet' AND ExecutionStatus = 'Completed' AND CloseTime IS NOT NULL`)).toHaveLength(1);
    expect(await ids(`StartTime > '2000-01-01T00:00:00Z'`)).toHaveLength(4);

    // ORDER BY and paging tokens through the raw service.
    const pages: string[][] = [];
    let token: Uint8Array | undefined;
    do {
      const page = await h.client.workflowService.listWorkflowExecutions({
        namespace: 'default',
        query: `${scope} AND District IS NOT NULL ORDER BY Households DESC`,
        pageSize: 2,
        nextPageToken: token,
      });
      pages.push(page.executions.map((e) => e.execution!.workflowId!));
      token = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (token);
    expect(pages).toEqual([[b, c], [a]]);

    const counted = await h.client.workflow.count(`${scope} GROUP BY ExecutionStatus`);
    expect(counted.count).toBe(4);
    expect(counted.groups.map((g) => [String(g.groupValues[0]), g.count]).sort()).toEqual([
      ['Completed', 1],
      ['Running', 3],
    ]);
    expect((await h.client.workflow.count(`${scope} AND Urgent = false`)).count).toBe(1);

    const open = await h.client.workflowService.listOpenWorkflowExecutions({ namespace: 'default', maximumPageSize: 100, typeFilter: { name: 'waitForever' } });
    expect(open.executions.map((e) => e.execution!.workflowId)).toEqual(expect.arrayContaining([a, b, c]));
    const closed = await h.client.workflowService.listClosedWorkflowExecutions({ namespace: 'default', maximumPageSize: 100, typeFilter: { name: 'greet' } });
    expect(closed.executions.length).toBeGreaterThanOrEqual(1);
    expect(closed.executions.every((e) => e.status === temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED)).toBe(true);

    for (const id of [a, b, c]) await h.client.workflow.getHandle(id).terminate();
  });

  it('pages through many runs in the same order as one page holding them all, open runs first, and by an ORDER BY', async () => {
    // Enough runs that a small page is taken off a heap rather than a full sort (engine/list-filter.ts firstInOrder).
    const taskQueue = uid('vis-pages');
    const worker = await h.worker({ taskQueue });
    const started: string[] = [];
    await worker.runUntil(async () => {
      for (let i = 0; i < 24; i++) {
        const workflowId = uid(`p${i}`);
        started.push(workflowId);
        const households = [{ key: Households, value: (i * 7) % 5 }];
        if (i % 3 === 0) await h.client.workflow.start('waitForever', { taskQueue, workflowId, typedSearchAttributes: households });
        else await h.client.workflow.execute('greet', { taskQueue, workflowId, args: [String(i)], typedSearchAttributes: households });
      }
    });
    const all = async (query: string, pageSize: number) => {
      const pages: string[][] = [];
      let token: Uint8Array | undefined;
      do {
        const page = await h.client.workflowService.listWorkflowExecutions({ namespace: 'default', query, pageSize, nextPageToken: token });
        pages.push(page.executions.map((e) => `${e.execution!.workflowId}:${e.status}`));
        token = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (token);
      return pages;
    };
    const scope = `TaskQueue = '${taskQueue}'`;
    for (const query of [scope, `${scope} ORDER BY Households DESC`, `${scope} ORDER BY Households, StartTime`]) {
      const [whole] = await all(query, 100);
      expect(whole).toHaveLength(24);
      const paged = await all(query, 5);
      expect(paged.map((p) => p.length)).toEqual([5, 5, 5, 5, 4]);
      expect(paged.flat()).toEqual(whole);
    }
    // Without ORDER BY: the 8 open runs first, newest start first; then the closed ones, newest close first.
    const [byDefault] = await all(scope, 100);
    const openIds = started.filter((_, i) => i % 3 === 0).reverse();
    expect(byDefault!.slice(0, 8)).toEqual(openIds.map((id) => `${id}:${temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING}`));
    expect(byDefault!.slice(8).map((e) => e.split(':')[0])).toEqual(started.filter((_, i) => i % 3 !== 0).reverse());
    // ORDER BY an attribute: its values in order, a tie broken by the newest run.
    const [byHouseholds] = await all(`${scope} ORDER BY Households DESC`, 100);
    const expected = started.map((id, i) => ({ id, households: (i * 7) % 5, i })).sort((x, y) => y.households - x.households || y.i - x.i);
    expect(byHouseholds!.map((e) => e.split(':')[0])).toEqual(expected.map((x) => x.id));
    for (const id of openIds) await h.client.workflow.getHandle(id).terminate();
  });

  it('refuses malformed queries with INVALID_ARGUMENT naming the position, and forgets removed attributes', async () => {
    const refusal = async (query: string) => {
      const error: any = await h.client.workflowService.listWorkflowExecutions({ namespace: 'default', query }).catch((e: unknown) => e);
      expect(error.code).toBe(3); // INVALID_ARGUMENT
      return String(error.details ?? error.message);
    };
    expect(await refusal(`WorkflowType = 'x' AND`)).toMatch(/position 23/);
    expect(await refusal(`WorkflowType == 'x'`)).toMatch(/position 15/);
    expect(await refusal(`NoSuchField = 1`)).toMatch(/unknown search attribute NoSuchField at position 1/);
    expect(await refusal(`StartTime > 'yesterday'`)).toMatch(/invalid Datetime/);

    await h.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: { Ephemeral: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD },
    });
    expect((await h.client.workflow.count(`Ephemeral = 'x'`)).count).toBe(0);
    await h.connection.operatorService.removeSearchAttributes({ namespace: 'default', searchAttributes: ['Ephemeral'] });
    expect(await refusal(`Ephemeral = 'x'`)).toMatch(/unknown search attribute Ephemeral/);
  });

  it('refuses a start naming an unregistered search attribute, and changes nothing', async () => {
    const Unregistered = defineSearchAttributeKey(uid('Unregistered').replace(/-/g, ''), SearchAttributeType.KEYWORD);
    const taskQueue = uid('sa-refused');
    const workflowId = uid('sa-refused');
    const refused = async (p: Promise<unknown>) => {
      const error: any = await p.then(() => undefined, (e: unknown) => e);
      expect(error?.cause?.code ?? error?.code).toBe(3); // INVALID_ARGUMENT
      expect(String(error?.cause?.details ?? error?.message)).toMatch(new RegExp(`search attribute ${Unregistered.name} is not defined`));
    };
    const typedSearchAttributes = [{ key: Unregistered, value: 'x' }];
    await refused(h.client.workflow.start('waitForever', { taskQueue, workflowId, typedSearchAttributes }));
    await refused(h.client.workflow.signalWithStart('waitForever', { taskQueue, workflowId, typedSearchAttributes, signal: 'nothing' }));
    await expect(h.client.workflow.getHandle(workflowId).describe()).rejects.toThrow(/not found/i);
    const scheduleId = uid('sa-refused');
    await refused(
      h.client.schedule.create({
        scheduleId,
        spec: { intervals: [{ every: '1d' }] },
        action: { type: 'startWorkflow', workflowType: 'waitForever', taskQueue, typedSearchAttributes },
      }),
    );
    await expect(h.client.schedule.getHandle(scheduleId).describe()).rejects.toThrow(/not found/i);
    // A system attribute is not the caller's to set.
    const error: any = await h.client.workflowService
      .startWorkflowExecution({
        namespace: 'default',
        workflowId,
        workflowType: { name: 'waitForever' },
        taskQueue: { name: taskQueue },
        requestId: uid('req'),
        searchAttributes: { indexedFields: { WorkflowType: { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('"x"') } } },
      })
      .catch((e: unknown) => e);
    expect(error.code).toBe(3);
    expect(String(error.details)).toMatch(/WorkflowType is reserved/);

    // Once registered, the same start goes through and is found by it.
    await h.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: { [Unregistered.name]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD },
    });
    const handle = await h.client.workflow.start('waitForever', { taskQueue, workflowId, typedSearchAttributes });
    const found = [];
    for await (const wf of h.client.workflow.list({ query: `${Unregistered.name} = 'x'` })) found.push(wf.workflowId);
    expect(found).toEqual([workflowId]);
    await handle.terminate();
  });
});
