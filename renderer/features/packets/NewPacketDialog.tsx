import { useState } from 'react';
import { useLocation } from 'wouter';

import { monthsBeforeIso, todayIso } from '../../../shared/domain/dates';
import type { Person } from '../../../shared/domain/person';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { usePeople } from '../../app/usePeople';
import { AppForm } from '../../ui/AppForm';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { LadderLevelFields, useLadderLevel } from '../growth';

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
  const choice = useLadderLevel(person, 'next');
  const { track, level, currentLevel } = choice;
  const [period, setPeriod] = useState(() => ({ from: monthsBeforeIso(todayIso(), 12), to: todayIso() }));
  const [errors, setErrors] = useState<Partial<Record<'person' | 'level' | 'period' | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const next: typeof errors = {};
    if (!person) next.person = 'Choose whose packet this is';
    if (!level) next.level = 'Choose the level the packet proposes';
    if (!period.from || !period.to || period.from > period.to) next.period = 'The period must end on or after its start';
    if (!choice.frozen) next.form = choice.ladderError ?? 'Choose a ladder that can be read';
    setErrors(next);
    if (Object.keys(next).length > 0 || !person || !choice.frozen || !track || !level) return;
    setBusy(true);
    try {
      const created = await packets.create(
        {
          personId: person.id,
          ladder: choice.frozen,
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
        <LadderLevelFields
          value={choice}
          person={{ people, value: personId, onChange: setPersonId, error: errors.person }}
          levelLabel="Target level"
          levelError={errors.level}
          levelDescription={currentLevel ? `Now at ${currentLevel.title}; the next level is suggested.` : 'The level the packet proposes.'}
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
