import { detectMapping, planImport } from '../../shared/domain/people-csv';
import { parseCsv } from '../../shared/domain/people-csv-file';
import { type BenchResult, medianMs } from './harness';

/**
 * The import preview re-plans the whole file whenever a column mapping changes, so planning a
 * large org must stay well under a frame budget's worth of waiting.
 */
export default async function csvImportBench(): Promise<BenchResult[]> {
  const lines = ['name,email,manager email,title,track,level,start date,level since'];
  for (let i = 0; i < 5000; i++) {
    const manager = i === 0 ? '' : `p${Math.floor((i - 1) / 8)}@example.com`;
    lines.push(`Person ${i},p${i}@example.com,${manager},Engineer,engineering,L${(i % 6) + 1},2020-01-0${(i % 9) + 1},2023-02-0${(i % 9) + 1}`);
  }
  const text = lines.join('\n');
  const table = parseCsv(text);
  const mapping = detectMapping(table.headers);
  const parse = await medianMs(() => parseCsv(text), 10, 2);
  const plan = await medianMs(
    () => {
      let n = 0;
      return planImport(table, mapping, [], () => `id-${n++}`);
    },
    10,
    2,
  );
  return [
    { name: 'csv parse, 5,000 people', value: parse, unit: 'ms', target: 'informational' },
    { name: 'csv plan (validate + managers + loops), 5,000 people', value: plan, unit: 'ms', target: '< 250 ms', pass: plan < 250 },
  ];
}
