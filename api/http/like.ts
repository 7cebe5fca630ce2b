// Text typed into a search box, matched as typed. Prisma's `contains` and a
// raw ILIKE both read % and _ as wildcards, and Prisma escapes neither
// (prisma/prisma#19506): unescaped, "%" would match every row.

/** `text` as the literal part of a LIKE pattern (PostgreSQL's default escape, the backslash). */
export const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A Prisma string filter: contains `text`, case-insensitive, its % and _ taken as characters. */
export const containsText = (text: string) => ({ contains: likeEscape(text), mode: 'insensitive' as const });
