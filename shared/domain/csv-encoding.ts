/**
 * The text of a CSV file from its bytes, as spreadsheets and HR tools write them: UTF-8 with or
 * without a byte order mark, UTF-16 with a BOM (Excel's "Unicode text"), or a legacy Windows
 * code page (Excel's plain "CSV" on Windows, Mac Roman on old Macs). Legacy code pages cannot be
 * told apart by their bytes alone, so every candidate is decoded and the first whose text reads
 * like names and titles wins; when none does, the result says where the text looks garbled,
 * so the import never offers mojibake ("JosÃ©", "£ukasz") as if it were a name.
 */

export const csvEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'windows-1250', 'windows-1251', 'macintosh'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export const csvEncodingLabels: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE (Excel “Unicode text”)',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252 (Western European)',
  'windows-1250': 'Windows-1250 (Central European)',
  'windows-1251': 'Windows-1251 (Cyrillic)',
  macintosh: 'Mac Roman',
};

/** Legacy code pages in the order they are tried: Excel's default on Western Windows first. */
const legacyCandidates: CsvEncoding[] = ['windows-1252', 'windows-1250', 'windows-1251', 'macintosh'];
const singleByte = new Set<CsvEncoding>(legacyCandidates);

export interface GarbledText {
  /** 1-based line of the file where the first odd text is. */
  line: number;
  /** The word that looks wrong, as decoded. */
  sample: string;
}

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** How the encoding was chosen: the file's byte order mark, a guess from its bytes, or the user. */
  source: 'bom' | 'detected' | 'chosen';
  /** Where the decoded text does not look like text, or null when it reads cleanly. */
  garbled: GarbledText | null;
}

function bomOf(bytes: Uint8Array): CsvEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  // FF FE 00 00 would be UTF-32 LE, which no spreadsheet writes; it reads as broken UTF-16.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Mostly-ASCII UTF-16 without a BOM has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: CsvEncoding): string | null {
  try {
    // The decoder drops a BOM that matches its encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Windows-1252's 0x80–0x9F as the WHATWG Encoding Standard maps them (the five unassigned bytes
 * stay C1 controls). Node 20's TextDecoder decodes windows-1252 as Latin-1 instead; with this
 * table the result is the same in the renderer, in tests and in main.
 */
const WINDOWS_1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

function decodeLoose(bytes: Uint8Array, encoding: CsvEncoding): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

// Control characters other than tab, CR and LF (C0, DEL, C1), and the replacement character.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;
// UTF-8 read as a Western code page: a lead byte (Â..ß, or â for three bytes) then continuation bytes.
const CONTINUATION =
  '\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122';
const DOUBLE_ENCODED = new RegExp(`[\\u00C2-\\u00DF][${CONTINUATION}]|\\u00E2[${CONTINUATION}]{2}`);
// Symbols that a legacy code page puts where another code page had a letter (ł → ³, Ł → £, ą → ¹).
const SYMBOLS = '¢£¤¥¦§¨ª¬¯°±²³´µ¶·¸¹º¼½¾ƒ†‡ˆ‰‹›˜•„‚©®™¡¿«»';
const SYMBOL_INSIDE_WORD = new RegExp(`\\p{L}[${SYMBOLS}]\\p{L}`, 'u');
const SYMBOL_STARTS_WORD = new RegExp(`(?:^|[^\\p{L}\\p{N}])[${SYMBOLS.replace(/[¡¿«»]/g, '')}]\\p{L}`, 'u');
const SYMBOL_ENDS_WORD = /\p{L}{2}[¹²³¨´¸¦¤¬¯±¶·¼½¾](?![\p{L}\p{N}])/u;
// A capital accented letter between lowercase letters ("JosŽ" is Mac Roman é read as Windows-1252).
const CAPITAL_INSIDE_WORD = /\p{Ll}[\u00C0-\u00DE\u0152\u0160\u0178\u017D](?!\p{Lu})/u;
// Cyrillic read as a Latin code page is a run of accented letters ("Èâàí" or "Čâŕí" for Иван).
const ACCENTED_RUN = /[\u00C0-\u00FF\u0100-\u024F]{3,}/;
// Latin and Cyrillic letters inside one word ("Josи" is Windows-1252 read as Windows-1251).
const MIXED_SCRIPTS = /[A-Za-z\u00C0-\u024F][\u0400-\u04FF]|[\u0400-\u04FF][A-Za-z\u00C0-\u024F]/;

/** The first place where `text` does not read like names and titles, or null. */
export function findGarbled(text: string, legacy: boolean): GarbledText | null {
  const patterns = legacy
    ? [CONTROL, DOUBLE_ENCODED, SYMBOL_INSIDE_WORD, SYMBOL_STARTS_WORD, SYMBOL_ENDS_WORD, CAPITAL_INSIDE_WORD, ACCENTED_RUN, MIXED_SCRIPTS]
    : [CONTROL, DOUBLE_ENCODED];
  let best: { index: number; length: number } | null = null;
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index)) best = { index: match.index, length: match[0].length };
  }
  if (!best) return null;
  const line = text.slice(0, best.index).split(/\r\n|\r|\n/).length;
  // The whole word around the match, so the user recognises it.
  const start = text.slice(0, best.index + 1).search(/[^\s,;\t"]*$/);
  const rest = text.slice(best.index + best.length).search(/[\s,;\t"]|$/);
  const sample = text
    .slice(start, best.index + best.length + rest)
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '�')
    .slice(0, 40);
  return { line, sample };
}

/**
 * Decodes a CSV file. With `chosen`, that encoding is used as it is (the user picked it);
 * otherwise a BOM decides, then valid UTF-8, then the first legacy code page that reads cleanly.
 */
export function decodeCsvBytes(bytes: Uint8Array, chosen?: CsvEncoding): DecodedCsv {
  if (chosen) {
    const text = stripBom(decodeLoose(bytes, chosen));
    return { text, encoding: chosen, source: 'chosen', garbled: findGarbled(text, singleByte.has(chosen)) };
  }
  const bom = bomOf(bytes);
  if (bom) {
    const text = decodeStrict(bytes, bom) ?? decodeLoose(bytes, bom);
    return { text: stripBom(text), encoding: bom, source: 'bom', garbled: findGarbled(text, false) };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = decodeStrict(bytes, utf16) ?? decodeLoose(bytes, utf16);
    return { text, encoding: utf16, source: 'detected', garbled: findGarbled(text, false) };
  }
  const utf8 = decodeStrict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: 'detected', garbled: findGarbled(utf8, false) };
  let first: DecodedCsv | null = null;
  for (const encoding of legacyCandidates) {
    const text = decodeLoose(bytes, encoding);
    const garbled = findGarbled(text, true);
    if (!garbled) return { text, encoding, source: 'detected', garbled };
    first ??= { text, encoding, source: 'detected', garbled };
  }
  return first!;
}

const stripBom = (text: string) => text.replace(/^\uFEFF/, '');

/** Bytes of `text` in a legacy code page, for tests and fixtures: a small table built by decoding. */
export function encodeSingleByte(text: string, encoding: CsvEncoding): Uint8Array {
  if (!singleByte.has(encoding)) throw new Error(`${encoding} is not a single-byte encoding`);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decodeLoose(new Uint8Array([b]), encoding), b);
  return Uint8Array.from(Array.from(text), (char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`${encoding} has no byte for ${char}`);
    return byte;
  });
}
