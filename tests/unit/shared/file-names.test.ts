import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  isPlainFileName,
  isWindowsReservedName,
  MAX_FILE_NAME_BYTES,
  MAX_SLUG_BYTES,
  safeFileName,
  truncateUtf8,
  utf8Length,
  withExtension,
} from '../../../shared/domain/file-names';
import { meetingFileStem } from '../../../shared/domain/markdown-export';

describe('Windows reserved names', () => {
  it.each(['CON', 'con', 'nul.md', 'NUL.tar.gz', 'aux .md', 'com1', 'LPT9.csv', 'COM¹', 'com².md', 'LPT³.ics', 'CONIN$', 'conout$.txt'])(
    '%s is a device name on Windows',
    (name) => {
      expect(isWindowsReservedName(name)).toBe(true);
      expect(isPlainFileName(name)).toBe(false);
    },
  );

  it.each(['console.md', 'com10.md', 'nully.md', 'lpt.md', 'com⁴.md', 'auxiliary'])('%s is an ordinary name', (name) => {
    expect(isWindowsReservedName(name)).toBe(false);
  });

  it('never makes a reserved name from user text, superscripts included', () => {
    expect(safeFileName('COM¹')).toBe('com¹-file');
    expect(safeFileName('Lpt²')).toBe('lpt²-file');
    expect(safeFileName('nul')).toBe('nul-file');
  });
});

describe('lengths are counted in UTF-8 bytes', () => {
  it('cuts by bytes without splitting a character', () => {
    expect(truncateUtf8('日本語', 7)).toBe('日本');
    expect(truncateUtf8('a😀b', 4)).toBe('a');
    expect(truncateUtf8('a😀b', 5)).toBe('a😀');
  });

  it('cuts where encoding each character would (lone surrogates count as U+FFFD)', () => {
    const encoder = new TextEncoder();
    const byEncoding = (text: string, maxBytes: number) => {
      let bytes = 0;
      let out = '';
      for (const char of text) {
        const size = encoder.encode(char).length;
        if (bytes + size > maxBytes) break;
        bytes += size;
        out += char;
      }
      return out;
    };
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', 'é', '山', '😀', '\ud800', '\udc00') }));
    fc.assert(
      fc.property(text, fc.nat(80), (t, max) => {
        expect(truncateUtf8(t, max)).toBe(byEncoding(t, max));
      }),
    );
  });

  it('a long name in a multi-byte script becomes a slug the file system accepts', () => {
    const slug = safeFileName('山'.repeat(200));
    expect(utf8Length(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slug).toBe('山'.repeat(40));
  });

  it('keeps combining marks (Devanagari, decomposed accents) inside words', () => {
    expect(safeFileName('प्रिया शर्मा')).toBe('प्रिया-शर्मा');
  });

  it('an exported meeting named after anyone fits in 255 bytes with room for "-2"', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (name) => {
        const file = `${meetingFileStem({ kind: 'one-on-one', date: '2026-03-02' }, { name })}.md`;
        expect(utf8Length(file)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES - 4);
        expect(isPlainFileName(file)).toBe(true);
      }),
    );
  });

  it('refuses names longer than a file system takes, in bytes not characters', () => {
    expect(isPlainFileName(`${'山'.repeat(79)}.md`)).toBe(true);
    expect(isPlainFileName(`${'山'.repeat(80)}.md`)).toBe(false);
  });
});

describe('the extension always matches the kind', () => {
  it.each([
    ['notes.md', 'md', 'notes.md'],
    ['notes.MD', 'md', 'notes.md'],
    ['notes', 'md', 'notes.md'],
    ['people.csv', 'md', 'people.csv.md'],
    ['run.bat', 'csv', 'run.bat.csv'],
    ['trail. ', 'ics', 'trail.ics'],
  ])('%s as %s is %s', (name, ext, expected) => {
    expect(withExtension(name, ext)).toBe(expected);
  });
});
