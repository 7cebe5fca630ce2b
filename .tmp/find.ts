import { buildCases } from '../tests/fuzz/api-fuzz';
const cases = buildCases({ seed: 13, count: 6000, marker: 'fz13q' });
for (const c of cases) if (c.what.startsWith('raw body (application/json)') && (c.route.includes('schedules') || c.route.includes('raiseObjection')) && c.as && (c.as.startsWith('district_org') || c.as.startsWith('grid_worker'))) {
  const raw = (c.body as any).raw; console.log(c.route, c.as, Buffer.isBuffer(raw) ? 'BUF' : JSON.stringify(raw.slice(0, 40)), raw.length);
}
