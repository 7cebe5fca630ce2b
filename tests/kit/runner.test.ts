// The runner's choice of what to wait for next (workflows/kit/runner.ts):
// the deadline due first, compared as instants, ties to the first declared.
// Pure; the runner's timers and updates are exercised through the processes'
// own suites on the real engine (tests/grid/process.test.ts).
import { describe, expect, it } from 'vitest';
import { earliestDeadline } from '../../workflows/kit/runner';

const d = (key: string, at: string) => ({ key, at, action: 'remindOverdue' as const });

describe('earliestDeadline', () => {
  it('is null when nothing waits', () => {
    expect(earliestDeadline([])).toBeNull();
  });

  it('picks the deadline due first, wherever it is declared', () => {
    const list = [d('handle-1:escalate', '2026-12-08T15:59:59.999Z'), d('handle-1:remind', '2026-12-04T15:59:59.999Z'), d('rating', '2026-12-20T15:59:59.999Z')];
    expect(earliestDeadline(list)?.key).toBe('handle-1:remind');
  });

  it('compares instants, not strings: a Beijing-offset time earlier than a UTC one that sorts before it', () => {
    // 2026-12-04 08:00 +08:00 is 00:00 UTC, before 2026-12-04 01:00 UTC, though "2026-12-04T08" sorts after "2026-12-04T01".
    const list = [d('utc', '2026-12-04T01:00:00.000Z'), d('beijing', '2026-12-04T08:00:00+08:00')];
    expect(earliestDeadline(list)?.key).toBe('beijing');
  });

  it('breaks a tie in favour of the first declared, so the order of a machine\'s deadlines decides', () => {
    const list = [d('triage:remind', '2026-12-02T15:59:59.999Z'), d('triage:escalate', '2026-12-02T15:59:59.999Z')];
    expect(earliestDeadline(list)?.key).toBe('triage:remind');
    expect(earliestDeadline([...list].reverse())?.key).toBe('triage:escalate');
  });
});
