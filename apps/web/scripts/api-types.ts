import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument, errorCodes } from '../../server/src/openapi-document.js';

const BANNER = '// Generated from the server by `npm run generate:api -w @karina/web`. Do not edit.\n';

/** The web app's API types, generated from the server's OpenAPI document (no hand-copied types). */
export async function generateApiSources(): Promise<{ schema: string; errorCodes: string }> {
  const document = await buildOpenApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  const codes = errorCodes();
  return {
    schema: BANNER + astToString(ast),
    errorCodes:
      BANNER +
      `export const ERROR_CODES = [\n${codes.map((c) => `  '${c}',`).join('\n')}\n] as const;\n\n` +
      'export type ErrorCode = (typeof ERROR_CODES)[number];\n',
  };
}
