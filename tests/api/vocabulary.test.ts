// One vocabulary: every action is a camelCase verb, the same string in the
// URL, the OpenAPI document, the inbox and the timeline; the URLs of the
// old names still answer, marked deprecated, and lead to the verb.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRID_ACTIONS } from '../../domain/grid/machine';
import { ACTION_NAMES } from '../../domain/mediation/case-state';
import { PROJECT_ACTIONS } from '../../domain/project/actions';
import { REPORT_ACTION_NAMES } from '../../domain/reporting';
import { startApiHarness, type ApiHarness } from './harness';

const VERB = /^[a-z]+(?:[A-Z][a-z]+)+$/;

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('action names', () => {
  it('are camelCase verbs in every process', () => {
    for (const name of [...PROJECT_ACTIONS, ...ACTION_NAMES, ...REPORT_ACTION_NAMES, ...GRID_ACTIONS]) expect(name).toMatch(VERB);
  });

  it('are the path segments of the OpenAPI document', async () => {
    const doc = (await request(h.app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: Array<{ name: string; schema?: { enum?: string[] } }> }>> };
    const segments = Object.keys(doc.paths).filter((p) => p.includes('/actions/')).map((p) => p.split('/actions/')[1]);
    expect(segments.length).toBeGreaterThan(PROJECT_ACTIONS.length);
    for (const s of segments) expect(s === '{action}' || VERB.test(s), s).toBe(true);
    const param = doc.paths['/api/reporting/{id}/actions/{action}'].post.parameters?.find((x) => x.name === 'action');
    expect(param?.schema?.enum).toEqual(REPORT_ACTION_NAMES);
    const grid = Object.keys(doc.paths).filter((p) => p.startsWith('/api/grid-incidents/{id}/actions/')).map((p) => p.split('/actions/')[1]);
    expect(grid).toEqual(GRID_ACTIONS);
  });

  it('still routes the old kebab-case and noun URLs, marked deprecated', async () => {
    const auth = await h.login('mediator.qindu-renmin-furong');
    const old = await request(h.app).post('/api/mediation-cases/00000000-0000-4000-8000-000000000000/actions/accept-case').set('Authorization', auth).send({});
    expect(old.headers.deprecation).toBe('true');
    expect(old.headers.link).toContain('/actions/acceptCase');
    expect(old.body.code).toBe('NOT_FOUND');
    const noun = await request(h.app).post('/api/reporting/no-such-report/actions/scores').set('Authorization', auth).send({ score: 90 });
    expect(noun.headers.link).toContain('/actions/scoreUpward');
    expect([403, 404]).toContain(noun.status);
  });
});
