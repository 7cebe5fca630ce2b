// GET /api/me/proxies/candidates — the people picker of 我的代理: colleagues the
// caller may name as deputy, found by name, with the role and unit that make
// them a colleague (a role on the line of a unit where the caller holds one).
import type { Actor } from '../../domain/access';
import { deputyCandidateGrant } from '../../domain/inbox/candidates';
import type { AppDeps } from '../deps';
import type { TPersonCandidate } from '../tasks/schemas';
import { presentCandidates, searchPeople } from '../tasks/search-people';

export interface ListDeputyCandidatesOptions {
  deps: AppDeps;
  actor: Actor;
  q: string;
  limit: number;
}

export async function listDeputyCandidates({ deps, actor, q, limit }: ListDeputyCandidatesOptions): Promise<{ items: TPersonCandidate[] }> {
  const people = await searchPeople({ prisma: deps.prisma, linePaths: [...new Set(actor.grants.map((g) => g.unitPath))], q, exclude: [actor.personId] });
  return { items: presentCandidates(people, (g) => deputyCandidateGrant(actor.grants, g), limit) };
}
