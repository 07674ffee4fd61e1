import type { Browser } from '@playwright/test';

import type { PrintPdf } from '../../electron/ipc/packets';
import { type PrintTarget, printToPdf } from '../../electron/services/pdf-print';

/**
 * The browser suite's stand-in for Electron's hidden print window: the same print service
 * (printToPdf: load, wait for fonts and the ready flag, print) over a Playwright page in its own
 * context, which aborts and records every request the page makes.
 */
export function playwrightPrinter(browser: Browser, requests: string[] = []): PrintPdf {
  return (html) =>
    printToPdf(async (): Promise<PrintTarget> => {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      return {
        load: (text) => page.setContent(text, { waitUntil: 'load' }),
        evaluate: (script) => page.evaluate(script),
        printToPDF: async (o) =>
          new Uint8Array(
            await page.pdf({
              format: o.pageSize,
              printBackground: o.printBackground,
              preferCSSPageSize: o.preferCSSPageSize,
              displayHeaderFooter: o.displayHeaderFooter,
              headerTemplate: o.headerTemplate,
              footerTemplate: o.footerTemplate,
              margin: { top: `${o.margins.top}in`, bottom: `${o.margins.bottom}in`, left: `${o.margins.left}in`, right: `${o.margins.right}in` },
            }),
          ),
        close: () => void context.close(),
      };
    }, html);
}
