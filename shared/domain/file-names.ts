/**
 * File names built from user text (people's names, meeting kinds) that are safe on Windows,
 * macOS and Linux: letters and digits of any script, joined by hyphens; no separators,
 * no dots to climb folders, no reserved device names, bounded length.
 */

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_LENGTH = 80;

export function safeFileName(text: string, fallback = 'untitled'): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  if (!slug) return fallback;
  return WINDOWS_RESERVED.test(slug) ? `${slug}-file` : slug;
}

/**
 * Is `name` a plain file name (no folders, nothing hidden, nothing a file system refuses)?
 * Main checks every name a renderer asks it to write with this.
 */
export function isPlainFileName(name: string): boolean {
  if (name.length === 0 || name.length > 200) return false;
  if (name === '.' || name === '..' || name.startsWith('.')) return false;
  if (/[/\\:*?"<>|\p{Cc}]/u.test(name)) return false;
  if (/[ .]$/.test(name)) return false;
  return !WINDOWS_RESERVED.test(name.split('.')[0] ?? '');
}

/** Makes names unique within one batch: "a.md", "a-2.md", "a-3.md"… (case-insensitive). */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem}-${n}${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
