import { Ajv } from 'ajv';
import type { Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import type { FastifyInstance, FastifySchema, FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const wrapped = addFormatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = wrapped.default ?? wrapped;

const common: Options = {
  // Unknown fields are refused (400), never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  strict: false,
};

/**
 * Two validators: querystrings, params and headers arrive as text and are coerced to the schema's
 * types; JSON bodies already carry types, so they are not coerced — `null` stays null (it would
 * become "" under coercion) and `"5"` for an integer is a 400, as a typed contract should be.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const body = new Ajv({ ...common, coerceTypes: false });
  const text = new Ajv({ ...common, coerceTypes: 'array' });
  addFormats(body);
  addFormats(text);
  return ({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema as object);
}

/**
 * Every API route validates its querystring: a route that declares none gets an empty closed
 * one, so `?bogus=1` is a 400 everywhere instead of being silently ignored on some routes.
 */
export function closeUndeclaredQuerystrings(
  app: FastifyInstance,
  needsSchema: (url: string) => boolean,
): void {
  app.addHook('onRoute', (route) => {
    if (!needsSchema(route.url) || route.schema?.querystring) return;
    route.schema = {
      ...route.schema,
      querystring: { type: 'object', properties: {}, additionalProperties: false },
    };
  });
}
