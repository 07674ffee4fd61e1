import { useState } from 'react';
import { Form, Label, Radio, RadioGroup, Text } from 'react-aria-components';

import { todayIso } from '../../../shared/domain/dates';
import { type CriterionIdChange, criterionIdChanges } from '../../../shared/ladder/criteria-ids';
import type { Ladder } from '../../../shared/ladder/model';
import { type Bump, bumpMeaning, bumps, nextVersions, proposeRelease, writeRelease } from '../../../shared/ladder/release';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';

export interface SaveVersionDialogProps {
  file: string;
  /** The version in use before this edit (null when the file had none that was valid). */
  before: Ladder | null;
  /** The edited text, checked: what would be saved. */
  after: Ladder;
  text: string;
  pending: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
}

const bumpLabel: Record<Bump, string> = { patch: 'Patch', minor: 'Minor', major: 'Major' };

const changeWhere = (c: CriterionIdChange) => (c.levelId !== undefined ? `${c.competencyId} · ${c.levelId}` : `${c.competencyId} · rank ${String(c.rank)}`);

/**
 * Saving an edit is releasing a version: Trellis proposes the next one (patch, minor or major,
 * with what each means), writes it and a changelog entry into the file, and warns first when
 * criteria that assessments and evidence point at lose their ids.
 */
export function SaveVersionDialog({ file, before, after, text, pending, onSave, onCancel }: SaveVersionDialogProps) {
  const proposal = proposeRelease(before, after);
  const numbered = after.versionFrom !== 'content';
  // The author raised the version in the text already: keep theirs.
  const ownVersion = numbered && before !== null && before.version !== after.version ? after.version : null;
  const next = numbered && !ownVersion ? nextVersions(after.version) : null;
  const hasEntry = after.changelog.some((e) => e.version === after.version);
  const [bump, setBump] = useState<Bump>(proposal.bump);
  const [typed, setTyped] = useState('');
  const [summary, setSummary] = useState(proposal.reasons.length > 0 ? `${proposal.reasons.join('; ')}.` : '');
  const [accepted, setAccepted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changes = before ? criterionIdChanges(before, after) : [];
  const dropped = changes.filter((c) => c.kind === 'dropped');
  const moved = changes.filter((c) => c.kind === 'moved');

  const version = ownVersion ?? (next ? next[bump] : numbered ? typed.trim() : null);
  const known = new Set([...(before ? [before.version] : []), ...after.changelog.map((e) => e.version)]);
  const versionError =
    numbered && !ownVersion && !next && typed.trim() && known.has(typed.trim())
      ? `Version ${typed.trim()} is already in the changelog: choose a new one.`
      : undefined;
  const needsEntry = version !== null && !(ownVersion && hasEntry);
  const blocked = pending || (changes.length > 0 && !accepted) || (needsEntry && (!version || !summary.trim())) || Boolean(versionError);

  const save = () => {
    if (blocked) return;
    if (!needsEntry || !version) return onSave(text);
    const written = writeRelease(text, { version, date: todayIso(), summary });
    if (!written.ok) return setError(written.message);
    onSave(written.text);
  };

  return (
    <Dialog title={`Save ${file}`} isOpen onOpenChange={(open) => !open && onCancel()} size="wide">
      <Form
        className="save-version"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {changes.length > 0 && (
          <section className="banner banner--warning save-version__ids" aria-labelledby="save-ids-heading" role="alert">
            <h3 id="save-ids-heading">
              {changes.length} criteri{changes.length === 1 ? 'on changes its id' : 'a change their ids'}
            </h3>
            <p>
              Assessments, evidence and promotion packets point at criteria by id. After this save they will show{' '}
              {dropped.length > 0 ? 'these criteria as removed' : 'these criteria under another position'}. Keep an <code>id:</code> on a criterion you reword
              or move to keep what points at it.
            </p>
            <ul>
              {dropped.map((c) => (
                <li key={c.id}>
                  <strong>No longer in the ladder</strong> ({changeWhere(c)}): {c.text}
                </li>
              ))}
              {moved.map((c) => (
                <li key={c.id}>
                  <strong>Moved</strong> ({changeWhere(c)}): {c.text}
                </li>
              ))}
            </ul>
            <Checkbox isSelected={accepted} onChange={setAccepted}>
              Save anyway: I know what points at these criteria will change
            </Checkbox>
          </section>
        )}
        {!numbered && (
          <p className="muted">
            This ladder has no version number: its version is its content, so every saved change is a new version. Add <code>version:</code> to the file to
            number them.
          </p>
        )}
        {ownVersion && (
          <p>
            You changed the version to <strong>{ownVersion}</strong> in the file{hasEntry ? ', and its changelog has an entry for it.' : '.'}
          </p>
        )}
        {next && (
          <RadioGroup className="radio-group version-choice" value={bump} onChange={(v) => setBump(v as Bump)}>
            <Label className="field__label">New version (now {after.version})</Label>
            <Text slot="description" className="field__description">
              Proposed: {bumpLabel[proposal.bump].toLowerCase()}
              {proposal.reasons.length > 0 ? `, because: ${proposal.reasons.join('; ')}` : ''}.
            </Text>
            <div className="version-choice__options">
              {bumps.map((b) => (
                <Radio key={b} value={b} className="radio version-choice__option">
                  <span className="radio__mark" aria-hidden="true" />
                  <span>
                    <strong>
                      {bumpLabel[b]} · {next[b]}
                    </strong>
                    {b === proposal.bump && <span className="badge badge--accent">Proposed</span>}
                    <span className="version-choice__meaning">{bumpMeaning[b]}</span>
                  </span>
                </Radio>
              ))}
            </div>
          </RadioGroup>
        )}
        {numbered && !ownVersion && !next && (
          <TextField
            label="New version"
            value={typed}
            onChange={setTyped}
            error={versionError}
            description={`Now ${after.version}. It is not numbered like 1.2.0, so write the next one yourself.`}
            autoFocus
          />
        )}
        {needsEntry && (
          <TextField
            label="What changed (changelog entry)"
            value={summary}
            onChange={setSummary}
            description={`Added at the top of the changelog in ${file}, with today's date.`}
            error={error ?? undefined}
            autoFocus={Boolean(next || ownVersion)}
          />
        )}
        <div className="dialog__actions">
          <Button onPress={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" isDisabled={blocked}>
            {version && numbered ? `Save as ${version}` : 'Save'}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
