/**
 * Polls until `check` passes (file watching and debounced reloads are asynchronous by nature);
 * rethrows its last failure after `tries` attempts 25 ms apart.
 */
export async function eventually(check: () => Promise<void> | void, tries = 200): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await check();
      return;
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
