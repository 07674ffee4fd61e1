import { useState } from 'react';
import { Form } from 'react-aria-components';

import type { LadderSummary } from '../../../shared/ipc/ladders';
import type { Ladder, LadderProblem, ResolvedCell } from '../../../shared/ladder/model';
import { errorMessage } from '../../app/errors';
import { useMainAction } from '../../app/useMain';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Markdown } from '../../ui/Markdown';
import { useStatus } from '../../ui/Status';
import { TextArea } from '../../ui/TextArea';
import { CriteriaList, linksMarkdown } from './Criteria';
import { cellOwn, expectsLabel } from './model';
import { ProblemList } from './ProblemsPanel';

export interface CellDialogProps {
  cell: ResolvedCell;
  ladder: Ladder;
  title: string;
  /** "L2 Engineer II": the level an inherited cell comes from, in words. */
  inheritedFromLabel: string | null;
  summary: LadderSummary;
  onClose: () => void;
}

/** One cell: its criteria (Markdown), examples and links; a quick edit of the criteria for the user's own ladders. */
export function CellDialog({ cell, ladder, title, inheritedFromLabel, summary, onClose }: CellDialogProps) {
  const [editing, setEditing] = useState(false);
  // The quick edit rewrites one text; criteria with ids, or an expected step, are edited in the YAML editor so nothing is lost.
  const listed =
    cell.status === 'defined' && ((cell.items?.length ?? 0) > 1 || (cell.items ?? []).some((i) => i.idFrom === 'file') || cell.expects !== undefined);
  const canEdit = !summary.readOnly && summary.status === 'valid' && !listed;
  return (
    <Dialog title={title} isOpen onOpenChange={(open) => !open && onClose()}>
      <CellStatusNote cell={cell} inheritedFromLabel={inheritedFromLabel} />
      {editing ? (
        <QuickEdit cell={cell} summary={summary} onDone={onClose} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <CellContent cell={cell} ladder={ladder} />
          <div className="dialog__actions">
            {!summary.readOnly && (
              <Button onPress={() => setEditing(true)} isDisabled={!canEdit}>
                {cell.status === 'defined' ? 'Edit criteria' : `Write criteria for ${cell.levelId}`}
              </Button>
            )}
            <span className="spacer" />
            <Button variant="primary" onPress={onClose}>
              Close
            </Button>
          </div>
          {!summary.readOnly && !canEdit && (
            <p className="muted small">
              {listed
                ? 'This cell lists its criteria one by one or says what step is expected: edit it in Edit YAML, so the ids that assessments point at stay.'
                : `Fix the problems in ${summary.file} before quick edits.`}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

function CellStatusNote({ cell, inheritedFromLabel }: { cell: ResolvedCell; inheritedFromLabel: string | null }) {
  if (cell.status === 'inherited') {
    return (
      <p className="banner">
        Inherited from <strong>{inheritedFromLabel ?? cell.inheritedFromLevelId}</strong>: the file says nothing new for {cell.levelId}, so the criteria of the
        level below apply.
      </p>
    );
  }
  if (cell.status === 'not-applicable') return <p className="banner">Not applicable at this level{cell.reason ? `: ${cell.reason}` : '.'}</p>;
  if (cell.status === 'missing') return <p className="banner banner--warning">Not defined: neither this level nor any level below says what is expected.</p>;
  return null;
}

function CellContent({ cell, ladder }: { cell: ResolvedCell; ladder: Ladder }) {
  const competency = ladder.competencies.find((c) => c.id === cell.competencyId);
  const scale = ladder.scales.find((s) => s.id === competency?.scaleId);
  const step = typeof cell.expects === 'string' ? scale?.steps.find((s) => s.id === cell.expects) : undefined;
  // A cell written as one text reads as before; criteria written one by one are shown as items.
  const items = cell.status === 'not-applicable' ? [] : (cell.items ?? []);
  const listed = items.length > 1 || items.some((i) => i.idFrom === 'file');
  const own = listed ? cellOwn(cell) : { examples: cell.examples, links: cell.links };
  return (
    <div className="cell-content">
      {cell.expects !== undefined && competency && cell.status !== 'not-applicable' && (
        <section aria-label="Expected proficiency" className="cell-content__expects">
          <h3>Expected proficiency</h3>
          <p>
            <strong>{expectsLabel(ladder, competency, cell.expects)}</strong>
            {scale && <span className="muted"> on the {scale.name} scale</span>}
            {step?.description && <span>: {step.description}</span>}
          </p>
        </section>
      )}
      {listed ? (
        <section aria-label="Criteria">
          <h3>Criteria{items.length > 1 ? ` (${items.length})` : ''}</h3>
          <CriteriaList items={items} label="Criteria, one by one" />
        </section>
      ) : (
        cell.criteria && (
          <section aria-label="Criteria">
            <h3>Criteria</h3>
            <Markdown source={cell.criteria} policy="ladder" />
          </section>
        )
      )}
      {own.examples.length > 0 && (
        <section aria-label="Examples">
          <h3>{listed ? 'Examples of the whole cell' : 'Examples'}</h3>
          <ul>
            {own.examples.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </section>
      )}
      {own.links.length > 0 && (
        <section aria-label="Links">
          <h3>{listed ? 'Links for the whole cell' : 'Links'}</h3>
          <Markdown source={linksMarkdown(own.links)} policy="ladder" />
        </section>
      )}
      {cell.source && (
        <p className="muted small">
          {cell.status === 'inherited' ? `Written for ${cell.inheritedFromLevelId} in ` : 'Written in '}
          <code>{`${cell.source.file}:${cell.source.line}:${cell.source.column}`}</code>
        </p>
      )}
    </div>
  );
}

function QuickEdit({ cell, summary, onDone, onCancel }: { cell: ResolvedCell; summary: LadderSummary; onDone: () => void; onCancel: () => void }) {
  const [text, setText] = useState(cell.status === 'not-applicable' ? '' : cell.criteria);
  const [error, setError] = useState<string | undefined>();
  const [problems, setProblems] = useState<LadderProblem[]>([]);
  const editCell = useMainAction('ladders:edit-cell');
  const { announce } = useStatus();
  const save = async () => {
    if (!text.trim()) return setError('Write the criteria, or cancel.');
    try {
      const result = await editCell.run({
        key: summary.key,
        trackId: cell.trackId,
        competencyId: cell.competencyId,
        levelId: cell.levelId,
        criteria: text,
        baseHash: summary.diskHash,
      });
      if (result.saved) {
        announce(`Saved to ${summary.file}`);
        onDone();
      } else {
        setProblems(result.problems);
        setError('Not saved: the ladder would not be valid.');
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Form
      className="quick-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <TextArea
        label="Criteria (Markdown)"
        value={text}
        onChange={(v) => {
          setText(v);
          setError(undefined);
        }}
        error={error}
        rows={8}
        mono
        autoFocus
        description={`Written into ${summary.file}; the rest of the file, comments included, stays as it is.`}
      />
      {problems.length > 0 && <ProblemList problems={problems} />}
      <div className="dialog__actions">
        <Button onPress={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isDisabled={editCell.pending}>
          Save criteria
        </Button>
      </div>
    </Form>
  );
}
