import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';

import { todayIso } from '../../../shared/domain/dates';
import { type Win, type WinPeriodId, winPeriods, winsByCompetency, winsByQuarter, winTitle } from '../../../shared/domain/wins';
import { quarterLabel } from '../../../shared/evidence/coverage';
import type { CriterionRef } from '../../../shared/evidence/refs';
import { useRepositories } from '../../app/data';
import { requestCapture } from '../../app/quick-capture';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { Segmented } from '../../ui/Segmented';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { ConfirmDelete } from './EditParts';
import { ExportFeedbackButton } from './ExportFeedbackButton';
import { FeedbackTabs } from './FeedbackTabs';
import { EVERYONE, PersonFilter } from './PersonFilter';
import { PrivateChip } from './PrivateChip';
import { canRecognise, knownCompetencyNames, RecogniseDialog } from './RecogniseDialog';
import { type CompetencyNamer, useCompetencyNames } from './useLadderCompetencies';

type View = 'period' | 'competency';

function WinItem({
  win,
  personName,
  name,
  onRecognise,
  onDelete,
}: {
  win: Win;
  personName: string;
  name: CompetencyNamer;
  onRecognise: () => void;
  onDelete: () => void;
}) {
  const title = winTitle(win, 60);
  return (
    <li className="win">
      <div className="win__head">
        <span className="muted small nowrap">{formatDate(win.date)}</span>
        <Link href={`/feedback/wins/${win.id}`} className="win__title">
          {win.title}
        </Link>
        {win.visibility === 'private' && <PrivateChip />}
      </div>
      {win.impact && <p className="win__impact">{win.impact}</p>}
      <div className="win__meta muted small">
        {personName}
        {win.criteria.length > 0 && ` · ${[...new Set(win.criteria.map((r) => name(r)))].join(', ')}`}
        {win.links.map((l) => (
          <a key={l} href={l} className="win__link">
            {l.replace(/^https?:\/\//, '')}
          </a>
        ))}
        {canRecognise(win) ? (
          <Button size="small" onPress={onRecognise} aria-label={`Recognise ${personName}: ${win.title}`}>
            Recognise…
          </Button>
        ) : (
          <span>{win.visibility === 'private' ? '· private' : '· not for public celebration'}</span>
        )}
        <span className="spacer" />
        <Button size="small" variant="quiet" onPress={onDelete} aria-label={`Delete win: ${title}`}>
          Delete…
        </Button>
      </div>
    </li>
  );
}

/** The first reference among `wins` to each competency id: where its name is read from. */
function refsById(wins: readonly Win[]): Map<string, CriterionRef> {
  const refs = new Map<string, CriterionRef>();
  for (const w of wins) for (const r of w.criteria) if (!refs.has(r.competencyId)) refs.set(r.competencyId, r);
  return refs;
}

/**
 * The wins log: a person's (or everyone's) wins in a period (the last four quarters unless
 * another is chosen, as the coverage heatmap counts them), by quarter or by competency, each
 * opening on its own page; a shout-out and a delete a click away.
 */
export default function WinsPage() {
  const { wins } = useRepositories();
  const people = usePeople();
  const { announce } = useStatus();
  const today = todayIso();
  const periods = useMemo(() => winPeriods(today), [today]);
  const [personId, setPersonId] = useState<string>(EVERYONE);
  const [periodId, setPeriodId] = useState<WinPeriodId>('last-4');
  const [view, setView] = useState<View>('period');
  const [recognising, setRecognising] = useState<Win | null>(null);
  const [deleting, setDeleting] = useState<Win | null>(null);
  const period = periods.find((p) => p.id === periodId)!;
  const list = useLiveQuery(
    () => (personId === EVERYONE ? wins.between(period.from, period.to) : wins.forPerson(personId, period.from, period.to)),
    [wins, personId, period.from, period.to],
  );
  const refs = useMemo(() => refsById(list ?? []), [list]);
  const name = useCompetencyNames([...refs.values()]);
  const selected = personId === EVERYONE ? null : (people?.find((p) => p.id === personId) ?? null);
  const nameById = (id: string) => name(refs.get(id) ?? { ladderId: selected?.placement?.ladderId ?? '', competencyId: id });
  const nameOf = (id: string) => people?.find((p) => p.id === id)?.name ?? 'Someone no longer in Trellis';
  const groups =
    list === undefined
      ? []
      : view === 'period'
        ? winsByQuarter(list, period.quarters).map((g) => ({ key: g.quarter, title: quarterLabel(g.quarter), wins: g.wins }))
        : winsByCompetency(list).map((g) => ({
            key: g.competencyId ?? 'none',
            title: g.competencyId ? nameById(g.competencyId) : 'No competency named',
            wins: g.wins,
          }));
  const span = period.quarters
    ? `${quarterLabel(period.quarters.at(-1)!)} – ${quarterLabel(period.quarters[0]!)}${period.id === 'last-4' ? ', the quarters “Evidence this year” counts' : ''}`
    : 'Every win logged, newest first';
  const whose = personId === EVERYONE ? 'No wins' : `No wins of ${nameOf(personId)}`;
  return (
    <Page
      title="Feedback"
      subtitle="Wins written down the week they happen, so reviews are not about the last month."
      actions={
        <>
          {selected && <ExportFeedbackButton person={selected} competencyName={nameById} />}
          <Button variant="primary" onPress={() => requestCapture({ kind: 'win', ...(personId !== EVERYONE ? { personId } : {}) })}>
            Log a win
          </Button>
        </>
      }
    >
      <FeedbackTabs />
      <div className="feedback-toolbar">
        <PersonFilter value={personId} onChange={setPersonId} />
        <SelectField<WinPeriodId> label="Period" options={periods} value={periodId} onChange={setPeriodId} />
        <Segmented<View>
          label="Group wins"
          options={[
            { id: 'period', label: 'By quarter' },
            { id: 'competency', label: 'By competency' },
          ]}
          value={view}
          onChange={setView}
        />
      </div>
      <p className="muted small wins-span">{span}</p>
      {list === undefined ? (
        <p className="loading">Loading…</p>
      ) : list.length === 0 ? (
        <EmptyState icon="★" title={period.quarters ? `${whose} in ${period.label.toLowerCase()}` : `${whose} yet`}>
          <p>Press W on any screen to log a win of the person on it: what happened, what it led to, and the competencies it shows.</p>
          {period.id !== 'all' && <p>Choose another period to see older wins.</p>}
        </EmptyState>
      ) : (
        groups.map((g) => (
          <section key={g.key} className="card section-card" aria-labelledby={`wins-${g.key}`}>
            <div className="section-card__header">
              <h2 id={`wins-${g.key}`}>{g.title}</h2>
              <span className="muted small">
                {g.wins.length} {g.wins.length === 1 ? 'win' : 'wins'}
              </span>
            </div>
            {g.wins.length === 0 ? (
              <p className="muted">No wins logged in {g.title}.</p>
            ) : (
              <ul className="wins-list" aria-label={`Wins: ${g.title}`}>
                {g.wins.map((w) => (
                  <WinItem
                    key={w.id}
                    win={w}
                    personName={nameOf(w.personId)}
                    name={name}
                    onRecognise={() => setRecognising(w)}
                    onDelete={() => setDeleting(w)}
                  />
                ))}
              </ul>
            )}
          </section>
        ))
      )}
      {recognising && (
        <RecogniseDialog
          win={recognising}
          personName={nameOf(recognising.personId)}
          names={knownCompetencyNames(recognising, name)}
          onClose={() => setRecognising(null)}
        />
      )}
      {deleting && (
        <ConfirmDelete
          title="Delete this win?"
          confirmLabel="Delete win"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await wins.remove(deleting.id);
            announce(`Win of ${nameOf(deleting.personId)} deleted`);
            setDeleting(null);
          }}
        >
          <p>
            “{winTitle(deleting, 80)}” is deleted from {nameOf(deleting.personId)}’s wins, their timeline and search. This cannot be undone (a backup still has
            it).
          </p>
        </ConfirmDelete>
      )}
    </Page>
  );
}
