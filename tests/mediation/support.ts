// Shared pieces of the mediation suites: the test platform (whose queue
// workers include the agreement renderer), HTTP helpers acting as demo people,
// and a case factory with sensible defaults and unique values.
import { expect } from 'vitest';
import { shanghaiDate } from '../../domain/mediation/dates';
import { usernameFor } from '../../seeds/demo-org';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from '../helpers/platform';

export const DAY = 86_400_000;

export const U = {
  district: 'qindu',
  street: 'qindu-renmin',
  otherStreet: 'qindu-xilan',
  community: 'qindu-renmin-furong',
  grid: 'qindu-renmin-furong-g1',
} as const;

export const who = {
  communityMediator: usernameFor('mediator', U.community),
  streetMediator: usernameFor('mediator', U.street),
  districtMediator: usernameFor('mediator', U.district),
  otherStreetMediator: usernameFor('mediator', U.otherStreet),
  communityStaff: usernameFor('community', U.community),
  gridWorker: usernameFor('grid_worker', U.grid),
  auditor: usernameFor('auditor', U.district),
} as const;

export interface MediationPlatform extends TestPlatform {
  get(username: string, path: string): Promise<{ status: number; body: any; text: string }>;
  post(username: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  act(username: string, caseId: string, action: string, body?: unknown): Promise<{ status: number; body: any }>;
  register(body?: Partial<RegisterBody>, username?: string): Promise<string>;
  /** Waits until the case's read model satisfies `check`; returns the case as `username` sees it. */
  caseWhen(caseId: string, check: (c: any) => boolean, username?: string): Promise<any>;
  today(): string;
  close(): Promise<void>;
}

export interface RegisterBody {
  channel: string;
  disputeType: string;
  title: string;
  description: string;
  risk: string;
  complexity: string;
  amountFen: number | null;
  placeUnitId: string;
  parties: Array<{ role: string; name: string; phone?: string | null; idNumber?: string | null; address?: string | null }>;
  alreadyInLitigation?: boolean;
  notSuitableReason?: string | null;
}

let n = 0;
export function caseBody(over: Partial<RegisterBody> = {}): RegisterBody {
  n += 1;
  return {
    channel: 'walk_in',
    disputeType: 'water_leak',
    title: `3号楼${n}01室卫生间漏水致楼下天花板受损`,
    description: '楼上卫生间防水层老化,多次漏水,楼下住户要求赔偿维修费用,双方多次协商未果。',
    risk: 'low',
    complexity: 'ordinary',
    amountFen: 480_000,
    placeUnitId: U.grid,
    parties: [
      { role: 'applicant', name: '张建国', phone: '13812345678', idNumber: '610402197801011234', address: '芙蓉社区3号楼101室' },
      { role: 'respondent', name: '李秀兰', phone: '13987654321', idNumber: '610402198203044321', address: '芙蓉社区3号楼201室' },
    ],
    ...over,
  };
}

export async function startMediationPlatform(options: TestPlatformOptions = {}): Promise<MediationPlatform> {
  const p = await startTestPlatform(options);
  const get: MediationPlatform['get'] = async (username, path) => {
    const res = await (await p.as(username)).get(path);
    return { status: res.status, body: res.body, text: res.text };
  };
  const post: MediationPlatform['post'] = async (username, path, body, headers = {}) => {
    const res = await (await p.as(username)).post(path).set(headers).send(body ?? {});
    return { status: res.status, body: res.body };
  };
  const act: MediationPlatform['act'] = (username, caseId, action, body) => post(username, `/api/mediation-cases/${caseId}/actions/${action}`, body);
  const register: MediationPlatform['register'] = async (over = {}, username = who.gridWorker) => {
    const res = await post(username, '/api/mediation-cases', caseBody({ channel: username === who.gridWorker ? 'grid_worker' : 'walk_in', ...over }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.caseId as string;
  };
  const caseWhen: MediationPlatform['caseWhen'] = (caseId, check, username = who.auditor) =>
    p.waitFor(async () => {
      const res = await get(username, `/api/mediation-cases/${caseId}`);
      return res.status === 200 && check(res.body) ? res.body : false;
    });
  return Object.assign(p, {
    get,
    post,
    act,
    register,
    caseWhen,
    today: () => shanghaiDate(p.now()),
  });
}

/** The current round of a case body from GET /api/mediation-cases/{id}. */
export const round = (c: any) => (c.state.rounds as any[]).at(-1);

/** Accepts the current round, records one session and ends the round with `end`. */
export async function mediateRound(p: MediationPlatform, caseId: string, mediator: string, end: 'agreement' | 'failure') {
  expect((await p.act(mediator, caseId, 'acceptCase', {})).status).toBe(200);
  const s = await p.act(mediator, caseId, 'recordSession', { heldOn: p.today(), participants: ['张建国', '李秀兰'], place: '调解室', summary: '听取双方陈述,释法明理' });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const r =
    end === 'agreement'
      ? await p.act(mediator, caseId, 'recordAgreement', {
          terms: '一、李秀兰于十日内修复卫生间防水层;\n二、李秀兰赔偿张建国天花板维修费人民币4000元。',
          performance: '银行转账一次性支付',
          amountFen: 400_000,
          performBy: null,
        })
      : await p.act(mediator, caseId, 'recordFailure', { reason: '双方对赔偿金额分歧较大' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
