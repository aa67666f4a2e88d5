import { readFileSync } from 'node:fs';

/** The server package's version: src/platform and dist/platform are both two folders below it. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
