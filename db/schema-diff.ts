// Migration SQL from the schema folder, computed by Prisma 6.19's WebAssembly
// schema engine (the `prisma-diff` alias), because Prisma 7's `migrate diff`
// needs a native engine. Two traps handled here:
//  - Prisma 6 insists on `url` in the datasource block, Prisma 7 forbids it:
//    the schema folder is copied to a temp dir and the url added there.
//  - The JS engine reaches the database through a driver adapter even for a
//    schema-to-schema diff, so a reachable database URL is always needed
//    (nothing is written to it).
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SCHEMA_DIR = join(root, 'prisma/schema');
export const MIGRATIONS_DIR = join(root, 'prisma/migrations');
const DIFF_CONFIG = join(root, 'prisma/diff.config.ts');
const PRISMA6_CLI = join(root, 'node_modules/prisma-diff/build/index.js');

export interface SchemaDiffOptions {
  /**
   * 'empty': SQL creating the whole schema; 'migrations': SQL taking the
   * schema that `migrationsDir` builds to the schema folder.
   */
  from: 'empty' | 'migrations';
  /**
   * A database the engine may connect to (it writes nothing there). With
   * from: 'migrations' the engine creates and drops a scratch "shadow"
   * database beside it, so the user needs CREATEDB.
   */
  databaseUrl: string;
  migrationsDir?: string;
  schemaDir?: string;
}

async function prismaFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.prisma')) out.push(join(e.parentPath, e.name));
  }
  return out;
}

/** Copies the schema folder, giving its datasource block the `url` Prisma 6 requires. */
async function prisma6SchemaCopy(schemaDir: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cg-schema-'));
  await cp(schemaDir, dir, { recursive: true });
  let found = false;
  for (const file of await prismaFiles(dir)) {
    const text = await readFile(file, 'utf8');
    const patched = text.replace(/(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"[^"]+")/, (m) => {
      found = true;
      return `${m}\n  url      = env("DATABASE_URL")`;
    });
    if (patched !== text) await writeFile(file, patched);
  }
  if (!found) throw new Error(`no datasource block found in ${schemaDir}`);
  return dir;
}

/** SQL script (possibly empty) that brings `from` to the schema folder. */
export async function schemaDiffSql(options: SchemaDiffOptions): Promise<string> {
  const schemaCopy = await prisma6SchemaCopy(options.schemaDir ?? SCHEMA_DIR);
  try {
    // --from-url and --from-schema-datasource are refused with a driver
    // adapter; --from-migrations works: the engine replays them in a shadow
    // database the adapter creates (see prisma/diff.config.ts).
    const fromArgs =
      options.from === 'empty' ? ['--from-empty'] : ['--from-migrations', options.migrationsDir ?? MIGRATIONS_DIR];
    const { stdout } = await run(
      process.execPath,
      [PRISMA6_CLI, 'migrate', 'diff', '--config', DIFF_CONFIG, ...fromArgs, '--to-schema-datamodel', schemaCopy, '--script'],
      {
        cwd: root,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          DATABASE_URL: options.databaseUrl,
          // Prisma 6 checks that native engines exist before running, though
          // the JS engine never loads them; any existing file satisfies it.
          PRISMA_SCHEMA_ENGINE_BINARY: PRISMA6_CLI,
          PRISMA_QUERY_ENGINE_LIBRARY: PRISMA6_CLI,
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
      },
    );
    return normalise(stdout);
  } finally {
    await rm(schemaCopy, { recursive: true, force: true });
  }
}

/** Strips the "empty migration" comment Prisma prints when nothing differs. */
function normalise(sql: string): string {
  const trimmed = sql.trim();
  if (trimmed === '' || /^-- This is an empty migration\.?$/.test(trimmed)) return '';
  return `${trimmed}\n`;
}
