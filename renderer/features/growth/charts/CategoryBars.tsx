import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

import type { CategoryPoint } from '../../../../shared/domain/growth-charts';

/** Self, manager and the expectation per category, as bars (recharts: loaded only with this chart). Colours are the design system's. */
export default function CategoryBars({ points, expectedLabel }: { points: readonly CategoryPoint[]; expectedLabel: string }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="category" stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
        <YAxis domain={[0, 100]} unit="%" stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} width={48} />
        <Tooltip
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
          cursor={{ fill: 'var(--surface-2)' }}
          formatter={(v) => `${String(v)}%`}
        />
        <Legend wrapperStyle={{ color: 'var(--text)' }} />
        <Bar dataKey="self" name="Self" fill="var(--chart-self)" isAnimationActive={false} />
        <Bar dataKey="manager" name="Manager" fill="var(--chart-manager)" isAnimationActive={false} />
        <Bar dataKey="expected" name={expectedLabel} fill="var(--chart-expected)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
