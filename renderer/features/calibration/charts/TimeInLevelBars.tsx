import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Candidates per band of time in their current level (recharts: loaded only with this chart). */
export default function TimeInLevelBars({ bands }: { bands: readonly { label: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={[...bands]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
        <YAxis allowDecimals={false} stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} width={40} />
        <Tooltip
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
          cursor={{ fill: 'var(--surface-2)' }}
        />
        <Bar dataKey="count" name="Candidates" fill="var(--chart-promote)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
