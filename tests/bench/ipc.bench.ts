import { createTestMain } from '../support/main-context';
import { type BenchResult, medianMs } from './harness';

/** The validation layer must cost little next to the handler it guards. */
export default async function ipcBench(): Promise<BenchResult[]> {
  const main = await createTestMain();
  try {
    const n = 2000;
    const dispatchTime = await medianMs(
      async () => {
        for (let i = 0; i < n; i++) await main.dispatch('settings:get', undefined);
      },
      10,
      2,
    );
    const perCall = (dispatchTime / n) * 1000;
    return [{ name: 'ipc dispatch settings:get (validated)', value: perCall, unit: 'µs', target: 'per call, informational' }];
  } finally {
    await main.dispose();
  }
}
