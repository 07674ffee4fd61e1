import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** One summarised group's outcomes (groups under the minimum never reach a chart). */
export interface OutcomePoint {
  group: string;
  promote: number;
  notYet: number;
  defer: number;
  undecided: number;
}

/** Proposed and decided per group, stacked (recharts: loaded only with this chart). Colours are the design system's. */
export default function OutcomeBars({ points }: { points: readonly OutcomePoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={[...points]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="group" stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
        <YAxis allowDecimals={false} stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} width={40} />
        <Tooltip
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
          cursor={{ fill: 'var(--surface-2)' }}
        />
        <Legend wrapperStyle={{ color: 'var(--text)' }} />
        <Bar dataKey="promote" name="Promote" stackId="outcome" fill="var(--chart-promote)" isAnimationActive={false} />
        <Bar dataKey="notYet" name="Not yet" stackId="outcome" fill="var(--chart-not-yet)" isAnimationActive={false} />
        <Bar dataKey="defer" name="Defer" stackId="outcome" fill="var(--chart-defer)" isAnimationActive={false} />
        <Bar dataKey="undecided" name="Undecided" stackId="outcome" fill="var(--chart-undecided)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
