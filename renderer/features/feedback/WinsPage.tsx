import './feedback.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';

import { recognitionMessage, type Win, winsByCompetency, winsByQuarter } from '../../../shared/domain/wins';
import { useRepositories } from '../../app/data';
import { requestCapture } from '../../app/quick-capture';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { formatDate } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { Segmented } from '../../ui/Segmented';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { ExportFeedbackButton } from './ExportFeedbackButton';
import { FeedbackTabs } from './FeedbackTabs';
import { PrivateChip } from './PrivateChip';
import { competencyName, useLadderCompetencies } from './useLadderCompetencies';

const EVERYONE = 'everyone';
type View = 'period' | 'competency';

/** Drafts a shout-out for a win the person agreed to celebrate, to copy into chat. */
function RecogniseDialog({ win, personName, names, onClose }: { win: Win; personName: string; names: string[]; onClose: () => void }) {
  const { announce } = useStatus();
  const [text, setText] = useState(() => recognitionMessage(win, personName, names) ?? '');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      announce('Recognition copied');
      onClose();
    } catch {
      announce('Trellis could not use the clipboard: select the text and copy it.', 'error');
    }
  };
  return (
    <Dialog title={`Recognise ${personName}`} isOpen onOpenChange={(open) => !open && onClose()}>
      <div className="person-form">
        <TextArea label="Recognition message" description="Edit it as you like, then copy it into chat or an email." rows={7} value={text} onChange={setText} />
        <div className="dialog__actions">
          <span className="spacer" />
          <Button variant="quiet" onPress={onClose}>
            Cancel
          </Button>
          <Button variant="primary" onPress={() => void copy()}>
            Copy message
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function WinItem({
  win,
  personName,
  competencies,
  onRecognise,
}: {
  win: Win;
  personName: string;
  competencies: { id: string; name: string }[];
  onRecognise: () => void;
}) {
  const canRecognise = recognitionMessage(win, personName) !== null;
  return (
    <li className="win">
      <div className="win__head">
        <span className="muted small nowrap">{formatDate(win.date)}</span>
        <strong>{win.title}</strong>
        {win.visibility === 'private' && <PrivateChip />}
      </div>
      {win.impact && <p className="win__impact">{win.impact}</p>}
      <div className="win__meta muted small">
        {personName}
        {win.competencyIds.length > 0 && ` · ${win.competencyIds.map((id) => competencyName(competencies, id)).join(', ')}`}
        {win.links.map((l) => (
          <a key={l} href={l} className="win__link">
            {l.replace(/^https?:\/\//, '')}
          </a>
        ))}
        {canRecognise ? (
          <Button size="small" onPress={onRecognise} aria-label={`Recognise ${personName}: ${win.title}`}>
            Recognise…
          </Button>
        ) : (
          <span>{win.visibility === 'private' ? ' · private' : ' · not for public celebration'}</span>
        )}
      </div>
    </li>
  );
}

/** The wins log: a person's (or everyone's) wins by quarter or by competency, with a shout-out a click away. */
export default function WinsPage() {
  const { wins } = useRepositories();
  const people = usePeople();
  const [personId, setPersonId] = useState<string>(EVERYONE);
  const [view, setView] = useState<View>('period');
  const [recognising, setRecognising] = useState<Win | null>(null);
  const list = useLiveQuery(() => (personId === EVERYONE ? wins.recent() : wins.forPerson(personId)), [wins, personId]);
  const ladderId = list?.find((w) => w.criteria.length)?.criteria[0]?.ladderId ?? null;
  const { competencies } = useLadderCompetencies(ladderId);
  const selected = personId === EVERYONE ? null : (people?.find((p) => p.id === personId) ?? null);
  const nameOf = (id: string) => people?.find((p) => p.id === id)?.name ?? 'Someone no longer in Trellis';
  const groups =
    list === undefined
      ? []
      : view === 'period'
        ? winsByQuarter(list).map((g) => ({ key: g.quarter, title: g.quarter, wins: g.wins }))
        : winsByCompetency(list).map((g) => ({
            key: g.competencyId ?? 'none',
            title: g.competencyId ? competencyName(competencies, g.competencyId) : 'No competency named',
            wins: g.wins,
          }));
  return (
    <Page
      title="Feedback"
      subtitle="Wins written down the week they happen, so reviews are not about the last month."
      actions={
        <>
          {selected && <ExportFeedbackButton person={selected} competencyName={(id) => competencyName(competencies, id)} />}
          <Button variant="primary" onPress={() => requestCapture({ kind: 'win', ...(personId !== EVERYONE ? { personId } : {}) })}>
            Log a win
          </Button>
        </>
      }
    >
      <FeedbackTabs />
      <div className="feedback-toolbar">
        <ComboBoxField
          label="Person"
          options={[{ id: EVERYONE, label: 'Everyone' }, ...(people ?? []).filter((p) => !p.archived).map((p) => ({ id: p.id, label: p.name }))]}
          value={personId}
          onChange={(id) => setPersonId(id ?? EVERYONE)}
        />
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
      {list === undefined ? (
        <p className="loading">Loading…</p>
      ) : list.length === 0 ? (
        <EmptyState icon="★" title={personId === EVERYONE ? 'No wins yet' : `No wins of ${nameOf(personId)} yet`}>
          <p>Press W on any screen to log a win of the person on it: what happened, what it led to, and the competencies it shows.</p>
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
            <ul className="wins-list" aria-label={`Wins: ${g.title}`}>
              {g.wins.map((w) => (
                <WinItem key={w.id} win={w} personName={nameOf(w.personId)} competencies={competencies} onRecognise={() => setRecognising(w)} />
              ))}
            </ul>
          </section>
        ))
      )}
      {recognising && (
        <RecogniseDialog
          win={recognising}
          personName={nameOf(recognising.personId)}
          names={recognising.competencyIds.map((id) => competencyName(competencies, id))}
          onClose={() => setRecognising(null)}
        />
      )}
    </Page>
  );
}
