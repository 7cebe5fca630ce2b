// Who a task waits for right now: its assignee (and, while an arrangement
// covers today, their deputy), or every active holder of its role on its unit.
import { proxyCovers } from '../../domain/inbox/rules';
import type { HumanTask, PrismaClient } from '../../prisma/generated/client';

export async function taskHolderIds(prisma: PrismaClient, task: Pick<HumanTask, 'assigneeId' | 'role' | 'unitId'>, now: Date): Promise<string[]> {
  if (task.assigneeId) {
    const proxies = await prisma.outOfOfficeProxy.findMany({ where: { personId: task.assigneeId, cancelledAt: null } });
    const deputies = proxies.filter((p) => proxyCovers({ ...p, cancelled: false }, now)).map((p) => p.deputyId);
    return [task.assigneeId, ...deputies];
  }
  const holders = await prisma.roleAssignment.findMany({
    where: { role: task.role, unitId: task.unitId, person: { active: true } },
    select: { personId: true },
    distinct: ['personId'],
  });
  return holders.map((h) => h.personId);
}
