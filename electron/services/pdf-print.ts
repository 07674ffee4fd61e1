import { AppError } from '../../shared/ipc/result';

/**
 * Printing a print page (self-contained HTML, no script) to PDF in a hidden window: load it,
 * wait until its fonts are loaded and the whole document is there (the page ends with the
 * `#print-ready` flag), then print with an explicit page size and page numbers in the footer.
 * The window itself is Electron's (electron/print-window.ts); this part runs anywhere.
 */

/** The options this module prints with; a subset of Electron's `PrintToPDFOptions`. */
export interface PdfOptions {
  pageSize: 'A4';
  printBackground: boolean;
  preferCSSPageSize: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  /** Inches, as Electron takes them. */
  margins: { top: number; bottom: number; left: number; right: number };
}

export interface PrintTarget {
  /** Loads the HTML as the window's only document. */
  load(html: string): Promise<void>;
  /** Runs a script in the page and answers its (awaited) result. */
  evaluate(script: string): Promise<unknown>;
  printToPDF(options: PdfOptions): Promise<Uint8Array>;
  close(): void;
}

export const pdfOptions: PdfOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  footerTemplate:
    '<div style="width:100%;font:8pt system-ui,sans-serif;color:#556070;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
  margins: { top: 0.7, bottom: 0.8, left: 0.6, right: 0.6 },
};

/** True once every font is loaded and the document was parsed to its end (its ready flag). */
export const READY_SCRIPT = `document.fonts.ready.then(() => document.readyState === 'complete' && document.getElementById('print-ready') !== null)`;

/** At most 20 MB of HTML: what one exported file may be. */
const MAX_HTML = 20_000_000;

export async function printToPdf(open: () => Promise<PrintTarget> | PrintTarget, html: string): Promise<Uint8Array> {
  if (html.length > MAX_HTML) throw new AppError('invalid-input', 'This page is too large to print.');
  const target = await open();
  try {
    await target.load(html);
    const ready = await target.evaluate(READY_SCRIPT);
    if (ready !== true) throw new AppError('internal', 'The print page did not finish loading, so no PDF was made.');
    const pdf = await target.printToPDF(pdfOptions);
    if (pdf.byteLength < 5 || String.fromCharCode(...pdf.subarray(0, 5)) !== '%PDF-') throw new AppError('internal', 'Printing did not produce a PDF.');
    return pdf;
  } finally {
    target.close();
  }
}
