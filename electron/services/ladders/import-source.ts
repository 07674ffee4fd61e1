import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { decodeCsvBytes } from '../../../shared/domain/csv-encoding';
import { type ImportSource, MAX_IMPORT_SOURCE_BYTES } from '../../../shared/ipc/ladder-import';
import { AppError } from '../../../shared/ipc/result';
import { errorCode } from '../atomic-write';

/** What a workbook or document looks like from its first bytes: saved as something other than text. */
const binaryKinds: Array<{ magic: number[]; what: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel or Numbers workbook (or another zip file)' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF' },
];

/**
 * The text of a file the user picked in main's open dialog: refused, with the reason, when it is
 * too large, a workbook rather than text, or unreadable. Spreadsheets saved by Excel in a legacy
 * code page or as UTF-16 are decoded as the people import does.
 */
export async function readImportSource(file: string): Promise<ImportSource> {
  const name = path.basename(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new AppError('invalid-input', `${name} is not a file.`);
    if (info.size > MAX_IMPORT_SOURCE_BYTES)
      throw new AppError('invalid-input', `${name} is ${(info.size / 1024 / 1024).toFixed(1)} MB; a ladder to import may be at most 5 MB.`);
    const bytes = new Uint8Array(await readFile(file));
    const binary = binaryKinds.find((k) => k.magic.every((b, i) => bytes[i] === b));
    if (binary) throw new AppError('invalid-input', `${name} is ${binary.what}, not text. Save the sheet as CSV (or TSV) and import that file.`);
    if (bytes.length === 0) throw new AppError('invalid-input', `${name} is empty.`);
    const decoded = decodeCsvBytes(bytes);
    if (decoded.text.includes('\u0000'))
      throw new AppError('invalid-input', `${name} is not a text file. Save the sheet as CSV (or TSV) and import that file.`);
    return {
      name,
      text: decoded.text.replace(/^\uFEFF/, ''),
      encoding: decoded.encoding,
      ...(decoded.garbled ? { warning: `Line ${decoded.garbled.line}: "${decoded.garbled.sample}" looks garbled; the file may not be saved as UTF-8.` } : {}),
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = errorCode(error);
    const why =
      code === 'ENOENT'
        ? 'it is no longer there'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Trellis is not allowed to read it'
          : `it could not be read (${code || 'unknown error'})`;
    throw new AppError('io', `${name} cannot be opened: ${why}.`);
  }
}
