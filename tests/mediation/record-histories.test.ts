// Records the histories that tests/mediation/replay.test.ts replays: cases
// driven through the API by the workflow code of the day, saved with their
// payloads decrypted. Run only on purpose — the fixtures must come from the
// code whose running workflows a new version has to keep serving:
//   RECORD_MEDIATION_HISTORIES=legacy     → histories/ (the workflow before the kit's runMachine)
//   RECORD_MEDIATION_HISTORIES=kit-runner → histories/kit-runner/ (on runMachine)
//   RECORD_MEDIATION_HISTORIES=local-first → histories/local-first/ (its save and periods as local activities)
//   RECORD_MEDIATION_HISTORIES=save-carries-notices → histories/save-carries-notices/ (a step's notices sent by its save)
//   RECORD_MEDIATION_HISTORIES=working-days-in-workflow → histories/working-days-in-workflow/ (periods computed on the case's calendar snapshot)
//   npx vitest run tests/mediation/record-histories.test.ts
// Never re-record a folder whose shape running cases still have.
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { recordHistory } from '../helpers/histories';
import { mediateRound, round, startMediationPlatform, who, type MediationPlatform } from './support';

const MODE = process.env.RECORD_MEDIATION_HISTORIES;
const FOLDERS = ['kit-runner', 'local-first', 'save-carries-notices', 'working-days-in-workflow'];
const HISTORIES = path.join(import.meta.dirname, 'histories', MODE && FOLDERS.includes(MODE) ? MODE : '');

let p: MediationPlatform;

describe.runIf(MODE === 'legacy' || (MODE !== undefined && FOLDERS.includes(MODE)))('recording mediation histories for the replay test', () => {
  beforeAll(async () => {
    p = await startMediationPlatform();
  });
  afterAll(() => p?.close());

  const untilAfter = async (iso: string) => {
    const ms = Date.parse(iso) - p.now().getTime() + 60_000;
    if (ms > 0) await p.advanceTime(ms);
  };

  it('drives cases through every clock of the process and saves their histories', async () => {
    const overdue = await p.register({ complexity: 'simple' });
    const court = await p.register({ channel: 'court_referral', disputeType: 'civil_commercial_contract', complexity: 'complex', description: '人民法院诉前委派:装修工程款结算纠纷。' });
    const agreed = await p.register();
    const referred = await p.register({ notSuitableReason: '当事人已申请劳动仲裁' });
    await p.caseWhen(referred, (c) => c.stage === 'closed');

    // Agreement, 司法确认 applied, the court's acceptance overdue then recorded, confirmed, 回访, closed.
    await p.caseWhen(agreed, (c) => c.stage === 'in_round');
    await mediateRound(p, agreed, who.communityMediator, 'agreement');
    await p.caseWhen(agreed, (c) => c.stage === 'agreement');
    await p.act(who.communityMediator, agreed, 'applyJudicialConfirmation', { applicants: ['张建国', '李秀兰'], court: '咸阳市秦都区人民法院' });

    // The simple round is reminded, then escalated to the street.
    const c0 = await p.caseWhen(overdue, (c) => c.stage === 'in_round');
    await untilAfter(round(c0).dueAt);
    const c1 = await p.caseWhen(overdue, (c) => round(c).remindedAt !== null);
    await untilAfter(round(c1).escalateAt);
    await p.caseWhen(overdue, (c) => c.currentLevel === 'street');

    const a1 = await p.caseWhen(agreed, (c) => c.state.judicial.acceptanceDueAt !== null);
    await untilAfter(a1.state.judicial.acceptanceDueAt);
    await p.caseWhen(agreed, (c) => c.timeline.some((e: any) => e.action === 'remindCourtAcceptance'));
    await p.act(who.communityMediator, agreed, 'recordCourtAcceptance', { accepted: true, courtCaseNumber: '(2026)陕0402民特1号' });
    await p.act(who.communityMediator, agreed, 'recordCourtDecision', { confirmed: true, rulingNo: '(2026)陕0402民特1号' });
    const a2 = await p.caseWhen(agreed, (c) => c.state.followUp !== null);
    await untilAfter(a2.state.followUp.opensAt);
    await p.caseWhen(agreed, (c) => c.pendingActions.some((x: any) => x.action === 'recordFollowUp'));
    await p.act(who.communityMediator, agreed, 'recordFollowUp', { result: 'fulfilled', note: '维修已完成,赔偿款已支付' });
    await p.caseWhen(agreed, (c) => c.stage === 'closed');

    // The 诉前调解 term runs out: back to the court. By then the overdue case has run through every level.
    const k0 = await p.caseWhen(court, (c) => c.stage === 'in_round');
    await untilAfter(k0.state.preLitigation.deadline);
    await p.caseWhen(court, (c) => c.stage === 'closed');
    await p.caseWhen(overdue, (c) => c.stage === 'closed');

    // Left running: a round accepted, one session recorded.
    const running = await p.register();
    await p.caseWhen(running, (c) => c.stage === 'in_round');
    await p.act(who.communityMediator, running, 'acceptCase', {});
    await p.act(who.communityMediator, running, 'recordSession', { heldOn: p.today(), participants: ['张建国', '李秀兰'], place: '调解室', summary: '听取双方陈述' });
    await p.caseWhen(running, (c) => c.state.rounds[0].sessions.length === 1);

    const cases = { 'overdue-not-mediated': overdue, 'pre-litigation-returned': court, 'agreement-closed': agreed, 'referred-out': referred, 'in-round': running };
    for (const [name, id] of Object.entries(cases)) {
      await recordHistory(p.client, p.payloadKeys, `mediation-${id}`, path.join(HISTORIES, `${name}.json`));
    }
  });
});
