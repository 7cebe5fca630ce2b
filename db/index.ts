// The database layer's public surface: the client factory, the generated
// model types and enums, migrations, passwords and the business calendar store.
export { createPrisma, type CreatePrismaOptions } from './prisma';
export { migrate, readMigrations, type MigrateOptions, type MigrateResult } from './migrate';
export { hashPassword, verifyPassword } from './passwords';
export { loadCalendar, saveCalendarYear, type SaveCalendarYearOptions } from './calendar-store';
export * from '../prisma/generated/client';
