import { Link } from 'wouter';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { usePeople } from '../people/usePeople';

function greeting(now: Date) {
  const h = now.getHours();
  return h < 12 ? 'Good morning' : h < 18 ? 'Good afternoon' : 'Good evening';
}

export default function TodayPage() {
  const people = usePeople();
  const now = new Date();
  const date = now.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
  if (people === undefined) return <p className="loading">Loading…</p>;
  const active = people.filter((p) => !p.archived);
  return (
    <Page title="Today" subtitle={`${greeting(now)} · ${date}`}>
      {active.length === 0 ? (
        <EmptyState icon="☀" title="Welcome to Trellis">
          <p>Trellis keeps your 1:1s, career ladders and promotion evidence on this computer. Nothing leaves it unless you export it.</p>
          <p>
            Start by adding the people you work with on the <Link href="/people">People</Link> page.
          </p>
        </EmptyState>
      ) : (
        <section className="card today-summary" aria-label="Your people">
          <h2>Your people</h2>
          <p>
            You have {active.length} active {active.length === 1 ? 'person' : 'people'} in Trellis. 1:1s due today and this week will appear here.
          </p>
          <p>
            <Link href="/people">Open People</Link>
          </p>
        </section>
      )}
    </Page>
  );
}
