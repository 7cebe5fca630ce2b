// GET /api/me/proxies/candidates — the people picker of 我的代理: whom the
// caller may name as deputy (a holder of one of the caller's roles,
// domain/inbox/candidates.ts), found by name, with the qualifying grants.
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
  const people = await searchPeople({ prisma: deps.prisma, linePaths: null, roles: [...new Set(actor.grants.map((g) => g.role))], q, exclude: [actor.personId] });
  return { items: presentCandidates(people, (g) => deputyCandidateGrant(actor.grants, g), limit) };
}
