import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Evidence per month across the packet's period: everything shareable Trellis has, and what the
 * packet links. A packet whose linked bars sit at the right end argues from recent work only.
 * Loaded lazily with the builder (recharts is large); a table gives the same numbers in words.
 */
export default function EvidenceChart({ months }: { months: { month: string; picked: number; available: number }[] }) {
  return (
    <figure className="packet-chart">
      <div className="packet-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={180}>
          <BarChart accessibilityLayer={false} data={months} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="month" tick={{ fill: 'var(--text-muted)', fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fill: 'var(--text-muted)', fontSize: 11 }} />
            <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
            <Legend />
            <Bar dataKey="available" name="Evidence in Trellis" fill="var(--chart-muted, #9aa5b4)" isAnimationActive={false} />
            <Bar dataKey="picked" name="Linked in the packet" fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <details>
          <summary>Evidence per month as a table</summary>
          <table className="data-table packet-chart__table">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">In Trellis</th>
                <th scope="col">Linked</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <td>{m.available}</td>
                  <td>{m.picked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
