import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ProgressionSeries {
  key: string;
  name: string;
  colour: string;
}

/** One person's assessments over time, a line per kind (recharts: loaded only with this chart). */
export default function ProgressionLines({ rows, series }: { rows: readonly Record<string, string | number | null>[]; series: readonly ProgressionSeries[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={[...rows]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="label" stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} />
        <YAxis domain={[0, 100]} unit="%" stroke="var(--text-muted)" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} width={48} />
        <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} formatter={(v) => `${String(v)}%`} />
        <Legend wrapperStyle={{ color: 'var(--text)' }} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.colour}
            strokeWidth={2}
            dot={{ r: 4, fill: s.colour }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
