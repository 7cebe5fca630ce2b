// The start-up check of the PostgreSQL server's settings (db/server-settings.ts):
// a server without autovacuum runs, but its tables bloat and its plans decay
// over a year, so `npm start` says so; one that has it says nothing.
import pg from 'pg';
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
    // What the server itself shows, asked another way.
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const shown = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0][name] as string;
      expect(settings).toEqual({ autovacuum: await shown('autovacuum'), trackCounts: await shown('track_counts') });
    } finally {
      await client.end();
    }
  });
});
