/**
 * File names built from user text (people's names, meeting kinds) that are safe on Windows,
 * macOS and Linux: letters, marks and digits of any script, joined by hyphens; no separators,
 * no dots to climb folders, no reserved device names, bounded length in bytes (file systems
 * count bytes, and one CJK letter is three of them in UTF-8).
 */

/**
 * Device names Windows reserves whatever the extension ("nul.md" is the null device), including
 * the superscript-digit forms COM¹ COM² COM³ LPT¹ LPT² LPT³ that Windows also treats as ports.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/iu;

/** The longest slug safeFileName makes: leaves room for a date, a "-2" and an extension. */
export const MAX_SLUG_BYTES = 120;
/** The longest name main writes; most file systems allow 255 bytes, and "-NNN" may be added. */
export const MAX_FILE_NAME_BYTES = 240;

const encoder = new TextEncoder();
export const utf8Length = (text: string): number => encoder.encode(text).length;

/** UTF-8 bytes of one code point (a lone surrogate is written as U+FFFD: three bytes). */
const utf8Size = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Cuts `text` to at most `maxBytes` of UTF-8 without splitting a character. Counted from code
 * points, with no encoding: an export names tens of thousands of files through here.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  // No character takes more than 3 bytes per UTF-16 unit.
  if (text.length * 3 <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8Size(char.codePointAt(0)!);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/** True when Windows would open a device instead of a file with this name (extension or not). */
export function isWindowsReservedName(name: string): boolean {
  // Windows ignores what follows the first dot, and trailing spaces and dots of what precedes it.
  const stem = (name.split('.')[0] ?? '').replace(/[ .]+$/, '');
  return WINDOWS_RESERVED.test(stem.normalize('NFC'));
}

export function safeFileName(text: string, fallback = 'untitled'): string {
  const slug = truncateUtf8(
    text
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
    MAX_SLUG_BYTES,
  ).replace(/-+$/, '');
  if (!slug) return fallback;
  return isWindowsReservedName(slug) ? `${slug}-file` : slug;
}

/**
 * Is `name` a plain file name (no folders, nothing hidden, nothing a file system refuses)?
 * Main checks every name a renderer asks it to write with this.
 */
export function isPlainFileName(name: string): boolean {
  if (name.length === 0 || utf8Length(name) > MAX_FILE_NAME_BYTES) return false;
  if (name === '.' || name === '..' || name.startsWith('.')) return false;
  if (/[/\\:*?"<>|\p{Cc}\u2028\u2029]/u.test(name)) return false;
  if (/[ .]$/.test(name)) return false;
  return !isWindowsReservedName(name);
}

/**
 * `name` with exactly the extension `ext` ("md", "ics", "csv") at the end: kept when it is
 * there already, appended otherwise, so a file never lands with an extension its kind does not
 * have (a renderer cannot make Trellis write "notes.exe" or "run.bat").
 */
export function withExtension(name: string, ext: string): string {
  const suffix = `.${ext}`;
  if (name.toLowerCase().endsWith(suffix.toLowerCase())) return `${name.slice(0, -suffix.length)}${suffix}`;
  return `${name.replace(/[ .]+$/, '')}${suffix}`;
}

/** Makes names unique as they come, over a whole export sent in parts: "a.md", "a-2.md"… (case-insensitive). */
export function uniqueNamer(): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem}-${n}${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}

/** Makes names unique within one batch: "a.md", "a-2.md", "a-3.md"… (case-insensitive). */
export function uniqueNames(names: string[]): string[] {
  return names.map(uniqueNamer());
}
