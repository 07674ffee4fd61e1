import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { isPlainFileName, withExtension } from '../../shared/domain/file-names';
import { MAX_OPENED_PACKETS, MAX_PACKET_FILE_BYTES, type packetsContract } from '../../shared/ipc/packets';
import { AppError } from '../../shared/ipc/result';
import type { FileWriter } from '../services/file-writer';
import type { ChooseOpenPaths, ChooseSavePath } from './dialogs';
import type { DomainHandlers } from './dispatch';

/** Turns a print page into PDF bytes (electron/print-window.ts in the app; Playwright's page.pdf in the browser suite). */
export type PrintPdf = (html: string) => Promise<Uint8Array>;

/** Pages in a PDF, from its page objects (for the answer's "n pages"). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** One picked file's text, or why it cannot be read (too large, not UTF-8 text, gone). */
async function readPacketFile(file: string): Promise<{ name: string; text?: string; error?: string }> {
  const name = path.basename(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { name, error: 'This is not a file.' };
    if (info.size > MAX_PACKET_FILE_BYTES) return { name, error: `This file is ${Math.round(info.size / 1_000_000)} MB; a packet is at most 5 MB.` };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
    return { name, text };
  } catch (error) {
    if (error instanceof TypeError) return { name, error: 'This file is not UTF-8 text, so it is not a packet.' };
    return { name, error: 'Trellis could not read this file.' };
  }
}

export function createPacketsHandlers(deps: {
  printPdf: PrintPdf | null;
  writer: FileWriter;
  chooseSavePath: ChooseSavePath;
  chooseOpenPaths: ChooseOpenPaths | null;
}): DomainHandlers<typeof packetsContract> {
  return {
    // Only files the user picked in main's dialog are read.
    'packets:open-files': async () => {
      if (!deps.chooseOpenPaths) throw new AppError('internal', 'Opening files is not available in this window.');
      const chosen = await deps.chooseOpenPaths({ title: 'Open promotion packets', filters: [{ name: 'Trellis packet', extensions: ['json'] }] });
      if (chosen.length > MAX_OPENED_PACKETS) throw new AppError('invalid-input', `Open at most ${MAX_OPENED_PACKETS} packets at once.`);
      return { files: await Promise.all(chosen.map(readPacketFile)) };
    },
    'packets:save-pdf': async ({ suggestedName, html, title }) => {
      if (!deps.printPdf) throw new AppError('internal', 'Printing to PDF is not available in this window.');
      const defaultName = withExtension(suggestedName.normalize('NFC'), 'pdf');
      if (!isPlainFileName(defaultName)) throw new AppError('invalid-input', `"${suggestedName}" is not a plain file name.`);
      // Print first: a failure then never leaves the user with a chosen but empty file.
      const pdf = await deps.printPdf(html);
      const chosen = await deps.chooseSavePath({ title, defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (!chosen) return { saved: false };
      const target = withExtension(chosen, 'pdf');
      const path = target === chosen ? await deps.writer.saveText(target, pdf) : await deps.writer.saveTextBeside(target, pdf);
      return { saved: true, path, pages: pdfPageCount(pdf) };
    },
  };
}
