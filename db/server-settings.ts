// What the platform needs of the PostgreSQL server it is given, checked at
// start: settings a district's DBA may have turned off, which nothing fails
// on at once but which the platform degrades without over months.
import pg from 'pg';

export interface ServerSettings {
  autovacuum: string;
  trackCounts: string;
}

/**
 * Why each setting matters, as a line for the operator; none when all is
 * well. Without autovacuum (or the counts it runs on) no table is ever
 * vacuumed or analyzed: dead rows pile up in the task, case and
 * notification tables and their indexes, and the planner keeps the
 * estimates of an empty database. Over a full-scale simulated year without
 * it, the inbox's lookup of a workflow's open tasks read every open task of
 * the district (0.36 ms a call against 0.19 with statistics, and closing a
 * step's tasks 0.61 against 0.24). The year itself ran faster without it:
 * autovacuum's work for a year of changes, done within ten minutes on two
 * cores, cost more than the plans gained (docs/performance-log.md, "Notices
 * by index; a server without autovacuum"); a server that lives the year
 * spreads that work over it.
 */
export function serverSettingWarnings(settings: ServerSettings): string[] {
  const warnings: string[] = [];
  if (settings.autovacuum !== 'on') {
    warnings.push('autovacuum is off: tables are never vacuumed or analyzed, so they bloat and query plans degrade as records accumulate. Set autovacuum = on in postgresql.conf.');
  }
  if (settings.trackCounts !== 'on') {
    warnings.push('track_counts is off: autovacuum cannot tell which tables need it. Set track_counts = on in postgresql.conf.');
  }
  return warnings;
}

/** The server's settings that serverSettingWarnings reads. */
export async function readServerSettings(databaseUrl: string): Promise<ServerSettings> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ autovacuum: string; track_counts: string }>(
      "SELECT current_setting('autovacuum') AS autovacuum, current_setting('track_counts') AS track_counts",
    );
    return { autovacuum: rows[0]!.autovacuum, trackCounts: rows[0]!.track_counts };
  } finally {
    await client.end();
  }
}
