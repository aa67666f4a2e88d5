import { Ajv } from 'ajv';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import type { FastifyInstance, FastifySchema, FastifySchemaCompiler } from 'fastify';
import { TEXT_FORMATS } from './text.js';

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

/** Plain digits: Ajv's coercion is Number(), which also takes "0x10", "1e3", "+1", " 1" and "01". */
export const DECIMAL_INTEGER = /^(0|-?[1-9][0-9]*)$/;

interface PropertySchema {
  type?: string | string[];
  items?: PropertySchema;
}

function isIntegerSchema(schema: PropertySchema | undefined): boolean {
  const type = schema?.type;
  return type === 'integer' || (Array.isArray(type) && type.includes('integer'));
}

/** Top-level properties of a querystring/params/headers schema that are integers, or arrays of them. */
function integerProperties(schema: object): string[] {
  const properties = (schema as { properties?: Record<string, PropertySchema> }).properties ?? {};
  return Object.entries(properties)
    .filter(([, p]) => isIntegerSchema(p) || (p.type === 'array' && isIntegerSchema(p.items)))
    .map(([name]) => name);
}

function notDecimal(name: string): ErrorObject {
  return {
    keyword: 'decimal',
    instancePath: `/${name}`,
    schemaPath: '#/decimal',
    params: {},
    message: 'must be a whole number in plain digits (no +, spaces, leading zeros, hex or exponent)',
  };
}

/**
 * Checks the raw text of integer fields before Ajv coerces it, so "/sections/0x10" is a 400 rather
 * than section 16. The result keeps Ajv's shape (a function with .errors) for Fastify.
 */
function strictIntegers(validate: ValidateFunction, names: string[]): ValidateFunction {
  const wrapped = ((data: unknown, context?: unknown) => {
    if (data !== null && typeof data === 'object') {
      for (const name of names) {
        const raw = (data as Record<string, unknown>)[name];
        const values = Array.isArray(raw) ? (raw as unknown[]) : [raw];
        if (values.some((v) => typeof v === 'string' && !DECIMAL_INTEGER.test(v))) {
          wrapped.errors = [notDecimal(name)];
          return false;
        }
      }
    }
    const ok = validate(data, context as never);
    wrapped.errors = validate.errors;
    return ok;
  }) as ValidateFunction;
  wrapped.schema = validate.schema;
  wrapped.schemaEnv = validate.schemaEnv;
  return wrapped;
}

/**
 * Two validators: querystrings, params and headers arrive as text and are coerced to the schema's
 * types; JSON bodies already carry types, so they are not coerced — `null` stays null (it would
 * become "" under coercion) and `"5"` for an integer is a 400, as a typed contract should be.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const body = new Ajv({ ...common, coerceTypes: false });
  const text = new Ajv({ ...common, coerceTypes: 'array' });
  for (const ajv of [body, text]) {
    addFormats(ajv);
    for (const [name, validate] of Object.entries(TEXT_FORMATS))
      ajv.addFormat(name, { type: 'string', validate });
  }
  return ({ schema, httpPart }) => {
    if (httpPart === 'body') return body.compile(schema as object);
    const validate = text.compile(schema as object);
    const names = integerProperties(schema);
    return names.length === 0 ? validate : strictIntegers(validate, names);
  };
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
