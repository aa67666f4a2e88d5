// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiSources } from './api-types.js';

const dir = new URL('../src/lib/api/', import.meta.url);

describe('the web app’s API types', () => {
  it('match the server’s OpenAPI document and error catalog (run `npm run generate:api -w @karina/web` when this fails)', async () => {
    const fresh = await generateApiSources();
    expect(readFileSync(new URL('schema.d.ts', dir), 'utf8')).toBe(fresh.schema);
    expect(readFileSync(new URL('error-codes.ts', dir), 'utf8')).toBe(fresh.errorCodes);
  });
});
