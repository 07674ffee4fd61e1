/**
 * Work that is not for the first screen — the search index, the other screens' code — waits until
 * the first screen is drawn with its data and the page is idle, so it never competes with what the
 * user is waiting for. An idle callback alone comes too early: the page is idle between the
 * IndexedDB reads of the first screen.
 */

/** The first screen is drawn: the main region has its heading and no loading placeholder (ui's `.loading`). */
function firstScreenDrawn(): boolean {
  const main = document.querySelector('main');
  return main !== null && main.querySelector('h1') !== null && main.querySelector('.loading') === null;
}

/** Checked this often; a timer rather than animation frames, which stop in a hidden window. */
const CHECK_MS = 50;
/** A screen that never settles (an unlock form, an error) does not hold the work back for ever. */
const MAX_WAIT_MS = 10_000;
const IDLE_TIMEOUT_MS = 2_000;

let shown: Promise<void> | null = null;

/** Resolves once, after the first screen has been drawn and the page has had an idle moment. */
export function afterFirstScreen(): Promise<void> {
  shown ??= new Promise<void>((resolve) => {
    const started = performance.now();
    const check = () => {
      if (firstScreenDrawn() || performance.now() - started > MAX_WAIT_MS) requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
      else setTimeout(check, CHECK_MS);
    };
    check();
  });
  return shown;
}

/** The next idle period of the page (or at most two seconds from now). */
export function idleMoment(): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS }));
}
