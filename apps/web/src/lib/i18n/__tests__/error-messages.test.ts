import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { ERROR_CODES } from '../../api/error-codes';
import { ERROR_MESSAGES, errorMessage } from '../error-messages';
import { LOCALES } from '../i18n';

describe('error-code messages', () => {
  it.each(LOCALES)('every code the server has gets its own sentence in %s', (locale) => {
    for (const code of ERROR_CODES) {
      const message = ERROR_MESSAGES[locale][code];
      expect(message, `${code} in ${locale}`).toBeTruthy();
      expect(message.trim().length, `${code} in ${locale}`).toBeGreaterThan(10);
      expect(message, `${code} in ${locale}`).not.toContain(code);
    }
  });

  it('the Korean and English catalogs cover exactly the same codes', () => {
    expect(Object.keys(ERROR_MESSAGES.en).sort()).toEqual(Object.keys(ERROR_MESSAGES.ko).sort());
  });

  it('TIME_CONFLICT names the conflicting section from the error details, in both languages', () => {
    const error = new ApiError(409, 'TIME_CONFLICT', 'x', {
      sectionId: 7,
      subjectCode: 'CS101',
      subjectName: '자료구조',
      sectionNumber: 2,
    });
    expect(errorMessage(error, 'ko')).toContain('자료구조 2분반');
    expect(errorMessage(error, 'en')).toContain('자료구조 section 2');
  });

  it('RATE_LIMITED says how long to wait, from Retry-After', () => {
    const error = new ApiError(429, 'RATE_LIMITED', 'x', {}, 12);
    expect(errorMessage(error, 'ko')).toContain('12초');
    expect(errorMessage(error, 'en')).toContain('12 s');
  });

  it('an unknown code or a thrown non-API value still gets a sentence, never the raw text', () => {
    const odd = new ApiError(418, 'SOMETHING_NEW' as never, 'raw server text');
    expect(errorMessage(odd, 'en')).toBe(ERROR_MESSAGES.en.UNKNOWN_ERROR);
    expect(errorMessage(new TypeError('boom'), 'ko')).toBe(ERROR_MESSAGES.ko.UNKNOWN_ERROR);
  });
});
