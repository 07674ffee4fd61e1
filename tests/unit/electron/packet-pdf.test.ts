import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type * as Electron from 'electron';
import { afterEach, describe, expect, it } from 'vitest';

import { pdfPageCount } from '../../../electron/ipc/packets';
import { createPrintTarget, PRINT_PARTITION, type PrintWindowDeps, resetPrintSession } from '../../../electron/print-window';
import { pdfOptions, printToPdf, READY_SCRIPT } from '../../../electron/services/pdf-print';
import { call, createTestMain, type TestMain } from '../../support/main-context';

const fakePdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Pages >> endobj\n%%EOF');

/** A recording stand-in for the hidden window, typed by Electron's definitions. */
function fakeElectron(options: { ready?: unknown } = {}) {
  const calls: string[] = [];
  let requestFilter: ((details: Electron.OnBeforeRequestListenerDetails, callback: (response: Electron.CallbackResponse) => void) => void) | null = null;
  let permissions: Parameters<Electron.Session['setPermissionRequestHandler']>[0] = null;
  const windows: { options: Electron.BrowserWindowConstructorOptions; url?: string; destroyed: boolean; printed?: Electron.PrintToPDFOptions }[] = [];
  const webRequest = {
    onBeforeRequest: ((listener: typeof requestFilter) => {
      calls.push('onBeforeRequest');
      requestFilter = listener;
    }) as Electron.WebRequest['onBeforeRequest'],
  } as Electron.WebRequest;
  const deps: PrintWindowDeps = {
    fromPartition: (partition) => {
      calls.push(`fromPartition ${partition}`);
      return {
        webRequest,
        setPermissionRequestHandler: (handler) => {
          permissions = handler;
        },
      };
    },
    BrowserWindow: class {
      readonly record: (typeof windows)[number];
      constructor(opts: Electron.BrowserWindowConstructorOptions) {
        this.record = { options: opts, destroyed: false };
        windows.push(this.record);
        calls.push('new BrowserWindow');
      }
      loadURL: Electron.BrowserWindow['loadURL'] = async (url) => {
        calls.push('loadURL');
        this.record.url = url;
      };
      destroy: Electron.BrowserWindow['destroy'] = () => {
        calls.push('destroy');
        this.record.destroyed = true;
      };
      isDestroyed: Electron.BrowserWindow['isDestroyed'] = () => this.record.destroyed;
      webContents = {
        executeJavaScript: (async (code: string) => {
          calls.push(`executeJavaScript ${code === READY_SCRIPT ? 'READY' : code}`);
          return 'ready' in options ? options.ready : true;
        }) as Electron.WebContents['executeJavaScript'],
        printToPDF: (async (o: Electron.PrintToPDFOptions) => {
          calls.push('printToPDF');
          this.record.printed = o;
          return fakePdf;
        }) as Electron.WebContents['printToPDF'],
        setWindowOpenHandler: (() => calls.push('setWindowOpenHandler')) as Electron.WebContents['setWindowOpenHandler'],
      };
    },
  };
  return { deps, calls, windows, filter: () => requestFilter, permissions: () => permissions };
}

afterEach(() => resetPrintSession());

describe('printing a packet to PDF in a hidden window', () => {
  it('loads the page as data, waits for fonts and the ready flag, prints A4 with page numbers, and closes', async () => {
    const fake = fakeElectron();
    const html = '<!doctype html><p>Packet</p><div id="print-ready" hidden></div>';
    const pdf = await printToPdf(() => createPrintTarget(fake.deps), html);
    expect(Buffer.from(pdf).toString('latin1')).toContain('%PDF-');
    expect(fake.calls).toEqual([
      `fromPartition ${PRINT_PARTITION}`,
      'onBeforeRequest',
      'new BrowserWindow',
      'setWindowOpenHandler',
      'loadURL',
      'executeJavaScript READY',
      'printToPDF',
      'destroy',
    ]);
    const [window] = fake.windows;
    expect(window!.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, partition: PRINT_PARTITION },
    });
    expect(window!.options.webPreferences?.preload).toBeUndefined();
    expect(Buffer.from(window!.url!.split(',')[1]!, 'base64').toString('utf8')).toBe(html);
    expect(window!.printed).toEqual(pdfOptions);
    expect(window!.printed).toMatchObject({ pageSize: 'A4', printBackground: true, displayHeaderFooter: true });
    expect(window!.printed!.footerTemplate).toContain('pageNumber');
  });

  it('cancels every request but the page itself, and denies permissions', async () => {
    const fake = fakeElectron();
    await printToPdf(() => createPrintTarget(fake.deps), '<div id="print-ready"></div>');
    const answers: boolean[] = [];
    for (const url of ['data:text/html,x', 'https://example.com/font.woff2', 'http://localhost/x', 'file:///etc/passwd', 'app://trellis/index.html']) {
      fake.filter()!({ url } as Electron.OnBeforeRequestListenerDetails, (r) => answers.push(Boolean(r.cancel)));
    }
    expect(answers).toEqual([false, true, true, true, true]);
    let granted: boolean | null = null;
    fake.permissions()!({} as Electron.WebContents, 'media', (g) => (granted = g), {} as Electron.PermissionRequest);
    expect(granted).toBe(false);
  });

  it('refuses to print a page that never became ready, and still closes the window', async () => {
    const fake = fakeElectron({ ready: false });
    await expect(printToPdf(() => createPrintTarget(fake.deps), '<p>half')).rejects.toThrow(/did not finish loading/);
    expect(fake.calls.at(-1)).toBe('destroy');
    expect(fake.calls).not.toContain('printToPDF');
  });
});

describe('packets:save-pdf', () => {
  let main: TestMain | undefined;
  afterEach(async () => main?.dispose());

  it('prints, asks where, and writes the PDF there', async () => {
    const printed: string[] = [];
    main = await createTestMain({
      printPdf: async (html) => {
        printed.push(html);
        return new Uint8Array(fakePdf);
      },
    });
    const answer = await call(main, 'packets:save-pdf', { suggestedName: 'Alex packet', html: '<p>x</p>', title: 'Save the packet as PDF' });
    expect(answer).toEqual({ ok: true, value: { saved: true, path: main.savePaths[0], pages: 2 } });
    expect(main.savePaths[0]).toMatch(/Alex packet\.pdf$/);
    expect(await readFile(main.savePaths[0]!)).toEqual(fakePdf);
    expect(printed).toEqual(['<p>x</p>']);
    expect(pdfPageCount(fakePdf)).toBe(2);
  });

  it('refuses a name with a folder in it, and says so where printing is not available', async () => {
    main = await createTestMain({ printPdf: async () => new Uint8Array(fakePdf) });
    const bad = await call(main, 'packets:save-pdf', { suggestedName: '../evil', html: '<p>x</p>', title: 'Save' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const none = await createTestMain();
    const unavailable = await call(none, 'packets:save-pdf', { suggestedName: 'a', html: '<p>x</p>', title: 'Save' });
    expect(unavailable).toMatchObject({ ok: false, error: { message: /not available/ } });
    await none.dispose();
  });
});

describe('packets:open-files', () => {
  let main: TestMain | undefined;
  afterEach(async () => main?.dispose());

  it('reads only the files picked in main’s dialog, each with its text or the reason it cannot be read', async () => {
    main = await createTestMain();
    const good = path.join(main.dataDir, 'a.json');
    const binary = path.join(main.dataDir, 'b.json');
    await writeFile(good, '{"format":"trellis.packet"}');
    await writeFile(binary, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    main.chooseOpenPathsAnswers.push([good, binary, path.join(main.dataDir, 'gone.json')]);
    const answer = await call(main, 'packets:open-files');
    expect(answer).toEqual({
      ok: true,
      value: {
        files: [
          { name: 'a.json', text: '{"format":"trellis.packet"}' },
          { name: 'b.json', error: 'This file is not UTF-8 text, so it is not a packet.' },
          { name: 'gone.json', error: 'Trellis could not read this file.' },
        ],
      },
    });
    expect(main.dialogs).toEqual(['Open promotion packets']);
    // Cancelled: nothing read.
    expect(await call(main, 'packets:open-files')).toEqual({ ok: true, value: { files: [] } });
  });
});
