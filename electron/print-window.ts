import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';

import type { PrintTarget } from './services/pdf-print';

/**
 * The hidden window a print page is printed in: sandboxed, no preload, its own in-memory session
 * that cancels every request but the page itself (a data: URL), so printing cannot reach anything.
 */
export interface PrintWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
    webContents: Pick<BrowserWindow['webContents'], 'executeJavaScript' | 'printToPDF' | 'setWindowOpenHandler'>;
  };
  fromPartition: (partition: string) => Pick<Session, 'webRequest' | 'setPermissionRequestHandler'>;
}

export const PRINT_PARTITION = 'trellis-print';

export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      partition: PRINT_PARTITION,
      spellcheck: false,
      // Only main's own READY_SCRIPT runs: the print page has no script, and its CSP forbids one.
      javascript: true,
      webgl: false,
    },
  };
}

let sessionReady = false;

export function createPrintTarget(deps: PrintWindowDeps): PrintTarget {
  const session = deps.fromPartition(PRINT_PARTITION);
  if (!sessionReady) {
    session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
    session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    sessionReady = true;
  }
  const window = new deps.BrowserWindow(printWindowOptions());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  return {
    load: (html) => window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`),
    evaluate: (script) => window.webContents.executeJavaScript(script),
    printToPDF: async (options) => new Uint8Array(await window.webContents.printToPDF(options)),
    close: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

/** Forget the session set-up (tests build several fakes). */
export function resetPrintSession(): void {
  sessionReady = false;
}
