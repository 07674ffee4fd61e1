import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import { cycleHealth, formatRate } from '../../../shared/domain/cycles';
import { todayIso } from '../../../shared/domain/dates';
import { useRepositories } from '../../app/data';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { FeedbackTabs } from './FeedbackTabs';
import { PlanCycleDialog } from './PlanCycleDialog';

/** Every feedback cycle, newest first, with how much came back and how much was followed up. */
export default function CyclesPage() {
  const { cycles } = useRepositories();
  const today = todayIso();
  const rows = useLiveQuery(async () => {
    const list = await cycles.list();
    return Promise.all(list.map(async (c) => ({ cycle: c, health: cycleHealth(await cycles.requests(c.id), await cycles.responses(c.id), today) })));
  }, [cycles, today]);
  const [planning, setPlanning] = useState(false);
  return (
    <Page
      title="Feedback"
      subtitle="Structured rounds of peer feedback, and whether the loop was closed."
      actions={
        <Button variant="primary" onPress={() => setPlanning(true)}>
          Plan a cycle
        </Button>
      }
    >
      <FeedbackTabs />
      {rows === undefined ? (
        <p className="loading">Loading…</p>
      ) : rows.length === 0 ? (
        <EmptyState icon="↻" title="No feedback cycles yet">
          <p>Plan a cycle: who it is about, the competencies to ask peers about, and when responses are due.</p>
        </EmptyState>
      ) : (
        <DataTable label="Feedback cycles" columns={['Cycle', 'Period', 'Due', 'Requested', 'Received', 'Closed the loop']}>
          {rows.map(({ cycle, health }) => (
            <tr key={cycle.id}>
              <td>
                <Link href={`/feedback/cycles/${cycle.id}`}>{cycle.name}</Link>
              </td>
              <td className="nowrap">
                {formatDate(cycle.from)} – {formatDate(cycle.to)}
              </td>
              <td className="nowrap">{formatDate(cycle.due)}</td>
              <td>{health.requested}</td>
              <td>{health.received}</td>
              <td>{formatRate(health.closedLoopRate)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {planning && <PlanCycleDialog onClose={() => setPlanning(false)} />}
    </Page>
  );
}
