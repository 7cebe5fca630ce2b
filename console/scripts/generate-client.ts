// Generates console/src/api/schema.d.ts (the types of the console's API
// client) from the API's OpenAPI document, built in-process exactly as
// GET /api/openapi.json serves it. `npm run generate:console-client`;
// tests/console/client.test.ts fails when the committed file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../../api/http/openapi';
import { ROUTE_MODULES } from '../../api/routes';

export const CLIENT_SCHEMA_FILE = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));

const HEADER = '// Generated from the API\'s OpenAPI document by console/scripts/generate-client.ts. Do not edit.\n// Regenerate: npm run generate:console-client\n\n';

/** The text schema.d.ts must hold for the current API. */
export async function renderClientSchema(): Promise<string> {
  const document = buildOpenApiDocument(ROUTE_MODULES, { version: '0.1.0' });
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)));
  return HEADER + astToString(ast);
}

export async function isClientSchemaCurrent(): Promise<boolean> {
  const current = await readFile(CLIENT_SCHEMA_FILE, 'utf8').catch(() => '');
  return current === (await renderClientSchema());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(CLIENT_SCHEMA_FILE, await renderClientSchema());
  console.log(`wrote ${CLIENT_SCHEMA_FILE}`);
}
