// Schedule specs without a server (engine/schedules/spec.ts): the times a
// spec names, as Temporal's server computes them.
import { describe, expect, it } from 'vitest';
import { CompiledSpec, SpecError, canonicalSpec, parseCronString } from '../../engine/schedules/spec';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function times(spec: ConstructorParameters<typeof CompiledSpec>[0], from: string, n: number): string[] {
  const compiled = new CompiledSpec(spec, 'sched');
  const out: string[] = [];
  let t = Date.parse(from);
  for (let i = 0; i < n; i++) {
    const next = compiled.next(t);
    if (!next) break;
    out.push(iso(next.actual)!);
    t = next.nominal;
  }
  return out;
}

describe('schedule specs (10.4)', () => {
  it('reads cron strings the way Temporal does: 5, 6 and 7 fields, names, steps, @-forms, time zone prefix', () => {
    expect(times({ cronString: ['*/20 9-10 * * MON-FRI'] }, '2027-03-05T09:30:00Z', 4)).toEqual([
      '2027-03-05T09:40:00.000Z',
      '2027-03-05T10:00:00.000Z',
      '2027-03-05T10:20:00.000Z',
      '2027-03-05T10:40:00.000Z',
    ]);
    // 6 fields: the last is the year.
    expect(times({ cronString: ['0 12 1 JAN * 2029'] }, '2027-01-01T00:00:00Z', 2)).toEqual(['2029-01-01T12:00:00.000Z']);
    // 7 fields: seconds first.
    expect(times({ cronString: ['30 0 0 * * * *'] }, '2027-01-01T00:00:00Z', 1)).toEqual(['2027-01-01T00:00:30.000Z']);
    expect(times({ cronString: ['@weekly'] }, '2027-03-03T00:00:00Z', 1)).toEqual(['2027-03-07T00:00:00.000Z']);
    expect(times({ cronString: ['@every 90m'] }, '2027-01-01T00:00:00Z', 2)).toEqual(['2027-01-01T01:30:00.000Z', '2027-01-01T03:00:00.000Z']);
    expect(parseCronString('CRON_TZ=Asia/Shanghai 0 9 * * * # 上班').timezone).toBe('Asia/Shanghai');
    expect(times({ cronString: ['CRON_TZ=Asia/Shanghai 0 9 * * *'] }, '2027-01-01T00:00:00Z', 1)).toEqual(['2027-01-01T01:00:00.000Z']);
    expect(() => parseCronString('0 24 * * *')).toThrow(SpecError);
    expect(() => parseCronString('* * *')).toThrow(/5, 6 or 7 fields/);
  });

  it('converts cron and calendar strings to structured calendars for Describe', () => {
    const canonical = canonicalSpec({ cronString: ['0 9 * * 1-5'], calendar: [{ hour: '18', dayOfWeek: 'SAT' }] });
    expect(canonical.cronString).toBeUndefined();
    expect(canonical.structuredCalendar).toHaveLength(2);
    expect(canonical.structuredCalendar?.[0]).toMatchObject({ hour: [{ start: 9, end: 9, step: 1 }], dayOfWeek: [{ start: 1, end: 5, step: 1 }] });
    expect(canonical.structuredCalendar?.[1]).toMatchObject({ hour: [{ start: 18, end: 18, step: 1 }], dayOfWeek: [{ start: 6, end: 6, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] });
  });

  it('keeps local wall-clock times across a daylight-saving change, and 09:00 in Shanghai is 01:00 UTC all year', () => {
    const newYork = { structuredCalendar: [{ hour: [{ start: 9 }] }], timezoneName: 'America/New_York' };
    // DST starts 2027-03-14: 09:00 local moves from 14:00 to 13:00 UTC.
    expect(times(newYork, '2027-03-13T00:00:00Z', 2)).toEqual(['2027-03-13T14:00:00.000Z', '2027-03-14T13:00:00.000Z']);
    const shanghai = { structuredCalendar: [{ hour: [{ start: 9 }] }], timezoneName: 'Asia/Shanghai' };
    expect(times(shanghai, '2027-07-01T00:00:00Z', 1)).toEqual(['2027-07-01T01:00:00.000Z']);
    expect(() => new CompiledSpec({ timezoneName: 'Mars/Olympus' }, 's')).toThrow(/unknown time zone/);
  });

  it('applies intervals with phase, exclusions, start and end time', () => {
    const spec = {
      interval: [{ interval: { seconds: 3600 }, phase: { seconds: 900 } }],
      excludeStructuredCalendar: [{ hour: [{ start: 2 }], minute: [{ start: 15 }] }],
      startTime: { seconds: Date.parse('2027-01-01T01:00:00Z') / 1000 },
      endTime: { seconds: Date.parse('2027-01-01T04:00:00Z') / 1000 },
    };
    expect(times(spec, '2026-12-31T00:00:00Z', 10)).toEqual(['2027-01-01T01:15:00.000Z', '2027-01-01T03:15:00.000Z']);
  });

  it('jitters deterministically, never past the following action', () => {
    const spec = { interval: [{ interval: { seconds: 60 } }], jitter: { seconds: 3600 } };
    const a = times(spec, '2027-01-01T00:00:00Z', 5);
    expect(times(spec, '2027-01-01T00:00:00Z', 5)).toEqual(a);
    a.forEach((t, i) => {
      const nominal = Date.parse('2027-01-01T00:01:00Z') + i * 60_000;
      expect(Date.parse(t) - nominal).toBeGreaterThanOrEqual(0);
      expect(Date.parse(t) - nominal).toBeLessThan(60_000);
    });
    expect(new Set(a.map((t) => Date.parse(t) % 60_000)).size).toBeGreaterThan(1);
  });
});
