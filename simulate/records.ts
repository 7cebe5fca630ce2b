// Every record's timeline as text, one line per event, named by what the
// plan gave it (a title, a community) rather than by its random id. Two runs
// of a seed that should give the same summary but do not are told apart by
// diffing these files: the first differing line names the record and the
// day where they part. Dates only: the virtual clock runs with wall time
// between skips, so the hour of an action is not the year's to decide.
import type { PrismaClient } from '../prisma/generated/client';
import { toLocalDate } from '../domain/calendar';

interface Row {
  kind: string;
  label: string;
  seq: number;
  action: string;
  at: Date;
}

export async function recordLines(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT 'mediation' AS kind, c.title AS label, e.seq, e.action, e.at
      FROM "MediationEvent" e JOIN "MediationCase" c ON c.id = e."caseId"
    UNION ALL
    SELECT 'project', p.title, e.seq, e.action, e.at
      FROM "ProjectEvent" e JOIN "Project" p ON p.id = e."projectId"
    UNION ALL
    SELECT 'grid', g.title, e.seq, e.action, e.at
      FROM "GridIncidentEvent" e JOIN "GridIncident" g ON g.id = e."incidentId"
    UNION ALL
    SELECT 'reporting', r."communityId" || ' ' || r.year, e.seq, e.action, e.at
      FROM "ReportingTimelineEntry" e JOIN "ReportingReport" r ON r.id = e."reportId"`;
  // Sorted as text: titles repeat across kinds and the database's collation is not the point.
  return rows.map((r) => `${r.kind}\t${r.label}\t${String(r.seq).padStart(3, '0')}\t${toLocalDate(r.at)}\t${r.action}`).sort();
}

/** The first line where two runs' records part, with its neighbours, or null when they are the same. */
export function firstDifference(a: readonly string[], b: readonly string[]): string | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) continue;
    const around = (x: readonly string[]) => x.slice(Math.max(0, i - 2), i + 3).map((l) => `    ${l}`).join('\n');
    return `line ${i + 1}:\n  one run:\n${around(a)}\n  the other:\n${around(b)}`;
  }
  return null;
}
