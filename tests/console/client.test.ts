// The console's API client is generated from the API's OpenAPI document:
// this fails when console/src/api/schema.d.ts is stale
// (fix: npm run generate:console-client).
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { CLIENT_SCHEMA_FILE, renderClientSchema } from '../../console/scripts/generate-client';

it('the generated API client matches the current OpenAPI document', async () => {
  const committed = await readFile(CLIENT_SCHEMA_FILE, 'utf8');
  const current = await renderClientSchema();
  expect(committed === current, 'console/src/api/schema.d.ts is stale: run `npm run generate:console-client`').toBe(true);
});
