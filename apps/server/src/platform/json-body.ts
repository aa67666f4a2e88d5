import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** Deeper than any request Karina accepts (a section's meetings are 3 levels); deep input only costs CPU. */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const loneSurrogate = /\p{Cs}/u;

/**
 * Bracket depth outside strings, scanned before JSON.parse so a 64 KiB "[[[[..." costs one linear
 * pass and no recursion. Returns true as soon as the cap is passed.
 */
export function exceedsJsonDepth(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped, even a quote
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** A "\ud800" escape decodes to half a character; stored, it becomes U+FFFD in MariaDB and a broken name. */
export function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return loneSurrogate.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, v]) => loneSurrogate.test(key) || hasLoneSurrogate(v));
  }
  return false;
}

const invalidText = (what: string, cause?: unknown) =>
  new AppError(
    'INVALID_TEXT',
    `요청 본문의 글자가 올바르지 않습니다 / Request body is not valid text: ${what}`,
    undefined,
    { cause },
  );

/**
 * Replaces Fastify's JSON parser: the body arrives as bytes and must be strict UTF-8 (Node would
 * turn bad bytes into U+FFFD silently), nested at most MAX_JSON_DEPTH deep and free of lone
 * surrogates. Prototype-poisoning protection stays Fastify's own.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  // Fastify's own parser is the callback form; its type is a union with the async form.
  const parseJson = app.getDefaultJsonParser('error', 'error') as (
    request: FastifyRequest,
    body: string,
    done: (error: Error | null, value?: unknown) => void,
  ) => void;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch (error) {
      done(invalidText('UTF-8이 아닌 바이트 / bytes that are not UTF-8', error), undefined);
      return;
    }
    if (exceedsJsonDepth(text)) {
      done(
        new AppError(
          'JSON_TOO_DEEP',
          `JSON은 ${MAX_JSON_DEPTH}단계까지 중첩할 수 있습니다 / JSON may nest at most ${MAX_JSON_DEPTH} levels`,
        ),
        undefined,
      );
      return;
    }
    parseJson(request, text, (error, value: unknown) => {
      if (error) done(error, undefined);
      else if (hasLoneSurrogate(value)) done(invalidText('짝 없는 서로게이트 / a lone surrogate'), undefined);
      else done(null, value);
    });
  });
}
