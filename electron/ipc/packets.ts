import { isPlainFileName, withExtension } from '../../shared/domain/file-names';
import type { packetsContract } from '../../shared/ipc/packets';
import { AppError } from '../../shared/ipc/result';
import type { FileWriter } from '../services/file-writer';
import type { ChooseSavePath } from './dialogs';
import type { DomainHandlers } from './dispatch';

/** Turns a print page into PDF bytes (electron/print-window.ts in the app; Playwright's page.pdf in the browser suite). */
export type PrintPdf = (html: string) => Promise<Uint8Array>;

/** Pages in a PDF, from its page objects (for the answer's "n pages"). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export function createPacketsHandlers(deps: {
  printPdf: PrintPdf | null;
  writer: FileWriter;
  chooseSavePath: ChooseSavePath;
}): DomainHandlers<typeof packetsContract> {
  return {
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
