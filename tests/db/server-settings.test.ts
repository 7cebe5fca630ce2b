// The start-up check of the PostgreSQL server's settings (db/server-settings.ts):
// a server without autovacuum runs, but its tables bloat and its plans decay
// over a year, so `npm start` says so; one that has it says nothing.
import { describe, expect, it } from 'vitest';
import { readServerSettings, serverSettingWarnings } from '../../db/server-settings';
import { testDatabaseUrl } from '../helpers/db';

describe('the PostgreSQL server settings checked at start', () => {
  it('warns about autovacuum or track_counts off, and is silent when both are on', () => {
    expect(serverSettingWarnings({ autovacuum: 'on', trackCounts: 'on' })).toEqual([]);
    const off = serverSettingWarnings({ autovacuum: 'off', trackCounts: 'on' });
    expect(off).toHaveLength(1);
    expect(off[0]).toMatch(/autovacuum is off.*autovacuum = on/);
    expect(serverSettingWarnings({ autovacuum: 'off', trackCounts: 'off' })).toHaveLength(2);
  });

  it('reads the settings of the server it is given', async () => {
    const settings = await readServerSettings(testDatabaseUrl());
    expect(['on', 'off']).toContain(settings.autovacuum);
    expect(['on', 'off']).toContain(settings.trackCounts);
  });
});
