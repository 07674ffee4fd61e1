import { useState } from 'react';
import { useLocation } from 'wouter';

import { monthsBeforeIso, todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { placementOptions } from '../../../shared/ladder';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usableLadders, useCurrentLadder, useLadderList } from '../../app/useLadders';
import { usePeople } from '../../app/usePeople';
import { AppForm } from '../../ui/AppForm';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';

/** The level just above `levelId` on a track's list (lowest first), or the same one at the top. */
function nextLevel(levels: readonly { id: string }[], levelId: string | undefined): string | null {
  const at = levels.findIndex((l) => l.id === levelId);
  if (at < 0) return null;
  return levels[Math.min(at + 1, levels.length - 1)]!.id;
}

/**
 * Starts a packet: the person, then ladder, track and target level — preselected from where the
 * person is placed (the next level up) — and the period evidence comes from (the last year).
 */
export function NewPacketDialog({ onClose, personId: initialPerson }: { onClose: () => void; personId?: string }) {
  const { packets } = useRepositories();
  const [, navigate] = useLocation();
  const people = (usePeople() ?? []).filter((p) => !p.archived);
  const [personId, setPersonId] = useState<string | null>(initialPerson ?? null);
  const person: Person | undefined = people.find((p) => p.id === personId);
  const placement = person?.placement;
  const list = useLadderList();
  const ladders = usableLadders(list.status === 'ready' ? list.value : undefined);
  const [ladderChoice, setLadderChoice] = useState<string | null>(null);
  const ladderId = ladderChoice ?? placement?.ladderId ?? ladders[0]?.id ?? null;
  const current = useCurrentLadder(ladderId);
  const summary = current.summary;
  const options = current.ladder ? placementOptions(current.ladder) : [];
  const [trackChoice, setTrackChoice] = useState<string | null>(null);
  const track = options.find((o) => o.trackId === (trackChoice ?? placement?.trackId)) ?? options[0];
  const [levelChoice, setLevelChoice] = useState<string | null>(null);
  const suggested = placement && track?.trackId === placement.trackId ? nextLevel(track.levels, placement.levelId) : null;
  const level = track?.levels.find((l) => l.id === (levelChoice ?? suggested)) ?? null;
  const currentLevel = placement && track?.trackId === placement.trackId ? track.levels.find((l) => l.id === placement.levelId) : undefined;
  const [period, setPeriod] = useState(() => ({ from: monthsBeforeIso(todayIso(), 12), to: todayIso() }));
  const [errors, setErrors] = useState<Partial<Record<'person' | 'level' | 'period' | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const next: typeof errors = {};
    if (!person) next.person = 'Choose whose packet this is';
    if (!level) next.level = 'Choose the level the packet proposes';
    if (!period.from || !period.to || period.from > period.to) next.period = 'The period must end on or after its start';
    if (!current.ladder || !summary?.hash) next.form = current.error ?? 'Choose a ladder that can be read';
    setErrors(next);
    if (Object.keys(next).length > 0 || !person || !current.ladder || !summary?.hash || !track || !level) return;
    setBusy(true);
    try {
      const created = await packets.create(
        {
          personId: person.id,
          ladder: { ladderId: current.ladder.id, version: current.ladder.version, hash: summary.hash },
          trackId: track.trackId,
          levelId: level.id,
          period,
        },
        { role: person.title ?? '', timeInLevel: person.levelSince ? `At ${currentLevel?.title ?? 'this level'} since ${person.levelSince}` : '' },
      );
      onClose();
      navigate(`/packets/${created.id}`);
    } catch (e) {
      setErrors({ form: errorMessage(e) });
      setBusy(false);
    }
  };

  return (
    <Dialog title="New promotion packet" isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={submit} formError={errors.form} aria-label="New promotion packet">
        <SelectField
          label="Person"
          options={people.map((p) => ({ id: p.id, label: p.name }))}
          value={personId}
          onChange={(id) => {
            setPersonId(id);
            setLadderChoice(null);
            setTrackChoice(null);
            setLevelChoice(null);
          }}
          placeholder="Choose a person"
          error={errors.person}
        />
        {list.status === 'error' ? (
          <p className="banner banner--error" role="alert">
            {list.error}
          </p>
        ) : (
          <SelectField
            label="Ladder"
            options={ladders.map((l) => ({ id: l.id!, label: `${l.name ?? l.id} ${l.version ?? ''}`.trim() }))}
            value={ladderId}
            onChange={(id) => {
              setLadderChoice(id);
              setTrackChoice(null);
              setLevelChoice(null);
            }}
            placeholder={list.status === 'loading' ? 'Loading ladders…' : 'No ladder can be read'}
          />
        )}
        <SelectField
          label="Track"
          options={options.map((o) => ({ id: o.trackId, label: o.trackName }))}
          value={track?.trackId ?? null}
          onChange={(id) => {
            setTrackChoice(id);
            setLevelChoice(null);
          }}
          placeholder={current.loading ? 'Loading…' : 'Choose a track'}
        />
        <SelectField
          label="Target level"
          options={(track?.levels ?? []).map((l) => ({ id: l.id, label: l.title === l.id ? l.id : `${l.id} ${l.title}` }))}
          value={level?.id ?? null}
          onChange={setLevelChoice}
          placeholder="Choose a level"
          error={errors.level}
          description={currentLevel ? `Now at ${currentLevel.title}; the next level is suggested.` : 'The level the packet proposes.'}
        />
        <div className="form-grid">
          <DateField label="Evidence from" value={period.from} onChange={(from) => setPeriod((p) => ({ ...p, from }))} isRequired />
          <DateField label="Evidence to" value={period.to} onChange={(to) => setPeriod((p) => ({ ...p, to }))} isRequired error={errors.period} />
        </div>
        <FormActions submitLabel="Start packet" onCancel={onClose} isSubmitting={busy} />
      </AppForm>
    </Dialog>
  );
}
