import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateApiSources } from './api-types.js';

const dir = fileURLToPath(new URL('../src/lib/api/', import.meta.url));
const sources = await generateApiSources();
writeFileSync(`${dir}schema.d.ts`, sources.schema);
writeFileSync(`${dir}error-codes.ts`, sources.errorCodes);
console.log(`wrote ${dir}schema.d.ts and ${dir}error-codes.ts`);
