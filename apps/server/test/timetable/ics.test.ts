import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, firstOccurrence, foldLine } from '../../src/modules/timetable/timetable.ics.js';
import { unescapeText } from './ics-reader.js';

const unfold = (folded: string) => folded.replace(/\r\n /g, '');

describe('ics text helpers', () => {
  it('when any line is folded, every physical line fits 75 octets and unfolding gives it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `SUMMARY:${text}`;
        const folded = foldLine(line);
        expect(unfold(folded)).toBe(line);
        const physical = folded.split('\r\n');
        for (const [i, part] of physical.entries()) {
          expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
          if (i > 0) expect(part.startsWith(' ')).toBe(true);
        }
      }),
    );
  });

  it('when a Hangul line is folded, no syllable is split across lines', () => {
    const folded = foldLine(`SUMMARY:${'가'.repeat(60)}`);
    for (const part of folded.split('\r\n')) expect(part.replace(/^ /, '')).toMatch(/^(SUMMARY:)?가+$/);
  });

  it('when text has backslashes, commas, semicolons and newlines, escaping round-trips', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (text) => {
        const normalized = text.replace(/\r\n|\r/g, '\n');
        expect(unescapeText(escapeText(text))).toBe(normalized);
      }),
    );
  });

  it('when the first occurrence is computed, it is the first matching weekday on or after today in Seoul', () => {
    // 2026-03-01 is a Sunday in Seoul from 2026-02-28T15:00Z.
    const sundayStart = Date.UTC(2026, 1, 28, 15, 0, 0);
    const day = (epochDay: number) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
    expect(day(firstOccurrence(sundayStart, 'MON'))).toBe('2026-03-02');
    expect(day(firstOccurrence(sundayStart, 'SAT'))).toBe('2026-03-07');
    expect(day(firstOccurrence(sundayStart - 1, 'SAT'))).toBe('2026-02-28');
    expect(day(firstOccurrence(sundayStart - 1, 'MON'))).toBe('2026-03-02');
  });
});
