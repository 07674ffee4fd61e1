import type { BenchResult } from '../../harness';
import { type ChromiumFigure, median } from '../figure';

const ROWS = 100_000;

const figure: ChromiumFigure = {
  title: 'import of 100,000 action items vs a bare bulkAdd',
  async run(session) {
    const scratch = await session.scratch('import');
    try {
      const { app, bare } = await scratch.helper.importRates(ROWS, 2);
      const ratio = median(app) / median(bare);
      const results: BenchResult[] = [
        { name: 'import 100,000 action items (app path: chunked bulkAdd)', value: median(app), unit: 'rows/s', target: 'informational' },
        { name: 'bare Dexie bulkAdd of the same 100,000 rows', value: median(bare), unit: 'rows/s', target: 'baseline' },
        { name: 'import rate / bare bulkAdd rate', value: ratio, unit: '×', target: '≥ 0.7×', pass: ratio >= 0.7 },
      ];
      return results;
    } finally {
      await scratch.close();
    }
  },
};

export default figure;
