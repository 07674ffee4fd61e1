import './today.css';

import { Link } from 'wouter';

import { type Person, trackLabels } from '../../../shared/domain/person';

function Links({ label, links }: { label: string; links: { href: string; title: string; text: string }[] }) {
  return (
    <ul className="role-first__links" aria-label={label}>
      {links.map((l) => (
        <li key={l.href}>
          <Link href={l.href}>{l.title}</Link>
          <span className="muted">{l.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** Today for an engineer: their own growth and evidence first. */
export function GrowthFirst({ me }: { me: Person | null }) {
  const where = me && [me.title, me.level && `level ${me.level}`, me.track && trackLabels[me.track]].filter(Boolean).join(' · ');
  return (
    <section className="card section-card role-first" aria-labelledby="today-growth">
      <h2 id="today-growth">Your growth</h2>
      {me ? (
        <p>
          {me.name}
          {where ? ` · ${where}` : ''}
          {!me.level && (
            <>
              {' '}
              · <Link href={`/people/${me.id}`}>Set your level</Link> to see what the next one asks.
            </>
          )}
        </p>
      ) : (
        <p>
          Choose which person is you in <Link href="/settings">Settings</Link> to see your own growth here.
        </p>
      )}
      <Links
        label="Your growth"
        links={[
          ...(me ? [{ href: `/people/${me.id}`, title: 'Your page', text: 'Your level, your 1:1s and everything you noted' }] : []),
          { href: '/ladders', title: 'Your ladder', text: 'What your level asks, and the gaps to the next one' },
          { href: '/growth', title: 'Growth plan and evidence', text: 'Goals tied to the ladder, and evidence of your work all year' },
          { href: '/feedback', title: 'Feedback', text: 'Feedback you gave and received, with follow-ups' },
        ]}
      />
    </section>
  );
}

/** Today for a calibration committee member: packets and decisions first. */
export function CalibrationFirst() {
  return (
    <section className="card section-card role-first" aria-labelledby="today-calibration">
      <h2 id="today-calibration">Calibration</h2>
      <Links
        label="Calibration"
        links={[
          { href: '/packets', title: 'Promotion packets', text: 'The packets to review, with their evidence mapped to the ladder' },
          { href: '/calibration', title: 'Calibration decisions', text: 'Review each packet against the criteria and record the decision' },
          { href: '/ladders', title: 'The ladders', text: 'The criteria every packet is judged against, level by level' },
        ]}
      />
    </section>
  );
}
