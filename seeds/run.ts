// npm run db:seed — base seeds, then the process seeds, into DATABASE_URL.
import { createPrisma } from '../db/prisma';
import { runSeeds } from './index';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set');
  process.exit(1);
}
const prisma = createPrisma(url, { poolSize: 2 });
try {
  await runSeeds(prisma, { log: (line) => console.log(line) });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
