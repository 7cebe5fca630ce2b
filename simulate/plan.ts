// The year, drawn in full from the seed before the first request: which
// cases arrive when, by which channel, and how each round would end; which
// projects are applied for, how they are judged and scored; how each
// representative votes. Probabilities are calibrated so the year lands near
// seed 004 (≈80% of mediated cases end in agreement, ≈20% of agreements
// judicially confirmed) and seed 002 (155 projects funded with 249万元).
import type { Channel, Complexity, DisputeType, MediationLevel, PerformanceResult, RiskLevel } from '../domain/mediation/types';
import type { VoteChoice } from '../domain/reporting';
import type { IncidentType, Satisfaction, Urgency } from '../domain/grid/types';
import { addDaysLocal, isWorkingDay } from '../domain/calendar';
import type { Rng } from './rng';
import type { SimOrg } from './org';

/** The seeds' figures for a full district-year. */
export const SEED_FIGURES = {
  /** seed 004: 成功调解1949件 at 80% success. */
  mediatedCases: 1949,
  successRate: 0.8,
  judicialConfirmations: 391,
  /** seed 002: 155 projects, 249万元. */
  projects: 155,
  projectFundsFen: 249_000_000,
} as const;

export const CASES_FULL = Math.round(SEED_FIGURES.mediatedCases / SEED_FIGURES.successRate);

export type RoundEnd = 'agreement' | 'failure' | 'withdrawn' | 'late';

export interface LevelPlan {
  acceptDelay: number;
  concludeDelay: number;
  end: RoundEnd;
}

export interface CasePlan {
  n: number;
  arrival: string;
  channel: Channel;
  disputeType: DisputeType;
  risk: RiskLevel;
  complexity: Complexity;
  communityId: string;
  gridId: string;
  amountFen: number | null;
  levels: Record<MediationLevel, LevelPlan>;
  judicial: { apply: boolean; applyDelay: number; acceptDelay: number; accepted: boolean; decideDelay: number; confirmed: boolean };
  followUp: { delay: number; result: PerformanceResult };
}

export interface ProjectPlan {
  n: number;
  arrival: string;
  communityId: string;
  streetId: string;
  category: 'party_education' | 'community_service' | 'grid_governance' | 'culture' | 'volunteer';
  title: string;
  milestoneFen: number[];
  finalFen: number;
  dueDates: string[];
  /** Street review: approve or reject. */
  approve: boolean;
  /** Working days each step waits before its holder acts. */
  /** Working days a step waits before its holder acts: a pure function of the step, so a retried day draws the same. */
  delay: (step: string) => number;
  /** Acceptance scores of the first inspection, and of the re-inspection after 整改. */
  scores: [number, number];
}

export interface IncidentPlan {
  n: number;
  arrival: string;
  channel: 'grid_worker' | 'hotline_12345';
  type: IncidentType;
  urgency: Urgency;
  communityId: string;
  gridId: string;
  /** Settled on the spot, dispatched to the community, or escalated to the street. */
  route: 'spot' | 'community' | 'street';
  handleDelay: number;
  reopen: boolean;
  satisfaction: Satisfaction;
}

export interface ReportingPlan {
  start: string;
  scores: Map<string, number>;
  askQuestion: Map<string, boolean>;
  votes: Map<string, (VoteChoice | null)[]>;
  rectificationDelay: number;
}

export interface YearPlan {
  year: number;
  cases: CasePlan[];
  projects: ProjectPlan[];
  incidents: IncidentPlan[];
  reporting: ReportingPlan;
}

/** 网格事件 per grid and year: no seed reports a figure; two keeps the year's load near the mediation wing's. */
export const INCIDENTS_PER_GRID = 2;

const CHANNEL_WEIGHTS: [Channel, number][] = [
  ['grid_worker', 30],
  ['hotline_12345', 25],
  ['walk_in', 20],
  ['online', 10],
  ['court_referral', 8],
  ['police_referral', 7],
];
const TYPE_WEIGHTS: [DisputeType, number][] = [
  ['neighbour', 25],
  ['property_management', 15],
  ['marriage_family', 12],
  ['water_leak', 10],
  ['labour', 8],
  ['noise', 8],
  ['civil_commercial_contract', 7],
  ['heating', 5],
  ['other', 5],
  ['land_contract', 3],
  ['criminal', 1],
  ['administrative', 1],
];
/** Round ends per level: the community settles most; what fails there climbs. */
const ROUND_END_WEIGHTS: Record<MediationLevel, [RoundEnd, number][]> = {
  community: [['agreement', 56], ['failure', 35], ['withdrawn', 4], ['late', 5]],
  street: [['agreement', 47], ['failure', 43], ['withdrawn', 4], ['late', 6]],
  district: [['agreement', 42], ['failure', 53], ['withdrawn', 5]],
};

const w = <T>(rng: Rng, pairs: [T, number][]): T => rng.weighted(pairs.map((p) => p[0]), pairs.map((p) => p[1]));

export function workingDays(year: number, from = `${year}-01-01`, to = `${year}-12-31`): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDaysLocal(d, 1)) if (isWorkingDay(d)) days.push(d);
  return days;
}

export function planYear(rng: Rng, org: SimOrg, year: number, scale: number): YearPlan {
  const caseRng = rng.fork('cases');
  const days = workingDays(year, `${year}-01-04`, `${year}-12-10`);
  const cases: CasePlan[] = [];
  const caseCount = Math.max(1, Math.round(CASES_FULL * scale));
  for (let n = 0; n < caseCount; n++) {
    const r = caseRng;
    const community = r.pick(org.communities);
    const grids = org.gridsOf.get(community.id)!;
    const complexity = w<Complexity>(r, [['simple', 30], ['ordinary', 60], ['complex', 10]]);
    const limit = { simple: 1, ordinary: 7, complex: 20 }[complexity];
    const level = (lv: MediationLevel): LevelPlan => ({
      acceptDelay: complexity === 'simple' ? 0 : r.int(0, 1),
      concludeDelay: r.int(complexity === 'simple' ? 0 : 1, Math.max(1, limit - 1)),
      end: w(r, ROUND_END_WEIGHTS[lv]),
    });
    const disputeType = w(r, TYPE_WEIGHTS);
    cases.push({
      n,
      arrival: r.pick(days),
      channel: w(r, CHANNEL_WEIGHTS),
      disputeType,
      risk: w<RiskLevel>(r, [['low', 75], ['medium', 20], ['high', 5]]),
      complexity,
      communityId: community.id,
      gridId: r.pick(grids).id,
      amountFen: r.chance(0.6) ? r.int(5, 800) * 10_000 : null,
      levels: { community: level('community'), street: level('street'), district: level('district') },
      judicial: { apply: r.chance(0.22), applyDelay: r.int(1, 20), acceptDelay: r.int(0, 2), accepted: r.chance(0.97), decideDelay: r.int(2, 10), confirmed: r.chance(0.96) },
      followUp: { delay: r.int(0, 3), result: w<PerformanceResult>(r, [['fulfilled', 85], ['in_progress', 8], ['partially', 5], ['not_fulfilled', 2]]) },
    });
  }

  const projectRng = rng.fork('projects');
  const projectCount = Math.max(1, Math.round(SEED_FIGURES.projects * 1.12 * scale));
  const applyDays = workingDays(year, `${year}-01-04`, `${year}-03-31`);
  const TITLES = ['红色物业·楼院微治理', '党员先锋岗·加装电梯协调', '社区书院·党员教育', '网格党支部·邻里互助', '一老一小·党群服务', '红色议事厅', '党员志愿服务队', '清洁家园·党员示范'];
  const CATEGORIES = ['party_education', 'community_service', 'grid_governance', 'culture', 'volunteer'] as const;
  const projects: ProjectPlan[] = [];
  for (let n = 0; n < projectCount; n++) {
    const r = projectRng.fork(`p${n}`);
    const community = r.pick(org.communities);
    // Mean budget ≈ 249万元 / 155 ≈ 1.6万元.
    const budgetFen = r.int(80, 240) * 10_000;
    const finalFen = Math.round((budgetFen * r.int(15, 25)) / 100 / 100) * 100;
    const parts = r.chance(0.5) ? 2 : 1;
    const first = Math.floor((budgetFen - finalFen) / parts / 100) * 100;
    const milestoneFen = parts === 2 ? [first, budgetFen - finalFen - first] : [budgetFen - finalFen];
    const dueDates = parts === 2 ? [`${year}-0${r.int(5, 6)}-30`, `${year}-0${r.int(8, 9)}-30`] : [`${year}-0${r.int(6, 8)}-30`];
    const good = r.chance(0.93);
    const delays = r.fork('delays');
    projects.push({
      n,
      arrival: r.pick(applyDays),
      communityId: community.id,
      streetId: community.parentId!,
      category: r.pick(CATEGORIES),
      title: `${r.pick(TITLES)}(${n + 1})`,
      milestoneFen,
      finalFen,
      dueDates,
      approve: r.chance(0.89),
      delay: (step: string) => delays.fork(step).int(0, 4),
      scores: good ? [r.int(72, 98), r.int(72, 98)] : [r.int(40, 58), r.int(50, 85)],
    });
  }

  const gridRng = rng.fork('incidents');
  const incidents: IncidentPlan[] = [];
  const incidentCount = Math.max(1, Math.round(org.grids.length * INCIDENTS_PER_GRID));
  for (let n = 0; n < incidentCount; n++) {
    const r = gridRng;
    const grid = r.pick(org.grids);
    incidents.push({
      n,
      arrival: r.pick(days),
      channel: r.chance(0.8) ? 'grid_worker' : 'hotline_12345',
      type: w<IncidentType>(r, [['environment', 30], ['public_facility', 25], ['safety_hazard', 15], ['property_management', 15], ['illegal_construction', 5], ['other', 10]]),
      urgency: w<Urgency>(r, [['urgent', 10], ['ordinary', 70], ['minor', 20]]),
      communityId: grid.parentId!,
      gridId: grid.id,
      route: w(r, [['spot', 35], ['community', 55], ['street', 10]] as ['spot' | 'community' | 'street', number][]),
      handleDelay: r.int(0, 3),
      reopen: r.chance(0.05),
      satisfaction: w<Satisfaction>(r, [['satisfied', 75], ['basically_satisfied', 20], ['dissatisfied', 5]]),
    });
  }

  const repRng = rng.fork('reporting');
  const votes = new Map<string, (VoteChoice | null)[]>();
  const scores = new Map<string, number>();
  const askQuestion = new Map<string, boolean>();
  for (const c of org.communities) {
    const mood = repRng.next();
    scores.set(c.id, repRng.int(70, 96));
    askQuestion.set(c.id, repRng.chance(0.3));
    votes.set(
      c.id,
      Array.from({ length: 7 }, () =>
        repRng.chance(0.08) ? null : w<VoteChoice>(repRng, [['satisfied', 40 + 40 * mood], ['basically_satisfied', 30], ['dissatisfied', 25 - 20 * mood]]),
      ),
    );
  }
  return { year, cases, projects, incidents, reporting: { start: `${year}-10-12`, scores, askQuestion, votes, rectificationDelay: repRng.int(2, 8) } };
}
