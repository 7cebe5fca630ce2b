// The platform acting on its own (超时自动办理): the actor a machine sees
// when the inbox decides an overdue step the machine allows to be decided
// automatically. No person has this id (people's ids are UUIDs), and the API
// only ever acts as a logged-in person, so no request can pose as it.
import type { Actor } from '../access';

export const SYSTEM_ACTOR: Actor = { personId: 'system', displayName: '系统', grants: [] };

export function isSystemActor(actor: Pick<Actor, 'personId'>): boolean {
  return actor.personId === SYSTEM_ACTOR.personId;
}
