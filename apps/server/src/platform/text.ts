/**
 * What a person can type and another can read. Names end up in rosters, CSV exports, audit
 * entries and other people's screens, so they refuse what would corrupt or disguise them there:
 * control characters (a NUL, an ESC sequence for a terminal, a line break inside a CSV cell),
 * bidirectional overrides that reorder how a name displays, and names made only of characters
 * that draw nothing (U+3164 Hangul filler, zero-width spaces), which look like "no name" on screen.
 */

/** Every C0/C1 control, DEL, line/paragraph separators, bidi embeddings, overrides and isolates. */
const NAME_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** Multi-line text keeps tab and line breaks. */
const TEXT_FORBIDDEN = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069]/u;
/** Draws nothing: spaces, format characters, fillers (Default_Ignorable covers U+115F, U+1160, U+3164, U+FFA0), braille blank. */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]*$/u;
const LONE_SURROGATE = /\p{Cs}/u;

const WHITESPACE_ONLY = /^\p{White_Space}*$/u;

/**
 * Empty and whitespace-only strings are left to minLength and the services, which trim and answer
 * VALIDATION_FAILED "blank" as they always have; this catches what trim() cannot see.
 */
const invisibleOnly = (value: string) => INVISIBLE_ONLY.test(value) && !WHITESPACE_ONLY.test(value);

export function isCleanName(value: string): boolean {
  return !NAME_FORBIDDEN.test(value) && !LONE_SURROGATE.test(value) && !invisibleOnly(value);
}

export function isCleanText(value: string): boolean {
  return !TEXT_FORBIDDEN.test(value) && !LONE_SURROGATE.test(value) && !invisibleOnly(value);
}

export const NAME_FORMAT = 'karina-name';
export const TEXT_FORMAT = 'karina-text';

/** Ajv formats; a failed one is answered as INVALID_TEXT rather than a bare pattern message. */
export const TEXT_FORMATS: Record<string, (value: string) => boolean> = {
  [NAME_FORMAT]: isCleanName,
  [TEXT_FORMAT]: isCleanText,
};
