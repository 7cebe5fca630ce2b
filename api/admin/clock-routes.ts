import { defineRoute } from '../http/define-route';
import { advanceClock, getClock, ZAdvanceClock, ZClockState } from './clock';
import { businessTime } from '../deps';

export const getClockRoute = defineRoute({
  method: 'get',
  path: '/api/admin/clock',
  summary: 'The platform clock: its mode, the current time and (virtual) the next pending deadline',
  roles: ['admin'],
  response: { schema: ZClockState },
  handler: ({ deps }) => getClock({ prisma: deps.prisma, virtualClock: deps.virtualClock, now: businessTime(deps) }),
});

export const advanceClockRoute = defineRoute({
  method: 'post',
  path: '/api/admin/clock/advance',
  summary: 'Advance the virtual clock (CLOCK=virtual only) by days/hours or to the next deadline; answers once the processes have acted on it',
  roles: ['admin'],
  request: { body: ZAdvanceClock },
  response: { schema: ZClockState },
  errors: ['CONFLICT'],
  handler: ({ deps, actor, body, requestId }) => advanceClock({ prisma: deps.prisma, virtualClock: deps.virtualClock, actor, advance: body, requestId }),
});
