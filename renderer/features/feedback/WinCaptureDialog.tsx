import './feedback.css';

import { useState } from 'react';

import { todayIso } from '../../../shared/domain/dates';
import { parseLinks } from '../../../shared/domain/wins';
import { useRepositories } from '../../app/data';
import { usePeople } from '../../app/usePeople';
import { useStatus } from '../../ui/Status';
import { CaptureDialog, useFormSave, useScreenPerson } from './CaptureParts';
import { WinFields, type WinForm, winFormOf } from './WinFields';

/**
 * A win in a few seconds, over any screen (W, or "Log a win" in the palette): who, when, what
 * happened and what it led to, links, the competencies it shows, and whether the person agreed
 * to a public shout-out. Ctrl/⌘+Enter saves from any field.
 */
export default function WinCaptureDialog({ screen, personId, onClose }: { screen: string; personId?: string | undefined; onClose: () => void }) {
  const repos = useRepositories();
  const people = usePeople()?.filter((p) => !p.archived);
  const { announce } = useStatus();
  const [form, setForm] = useState<WinForm>(() =>
    winFormOf({ personId: personId ?? '', date: todayIso(), visibility: 'shareable', criteria: [], title: '', impact: '', links: [], celebrate: false }),
  );
  const prefilled = useScreenPerson(screen, personId, (id) => setForm((f) => (f.draft.personId ? f : { ...f, draft: { ...f.draft, personId: id } })));
  const { errors, setErrors, busy, run } = useFormSave();

  const submit = async () => {
    if (!form.draft.personId) return setErrors({ personId: 'Choose whose win it is' });
    await run(async () => {
      const win = await repos.wins.create({ ...form.draft, links: parseLinks(form.links) });
      announce(`Win of ${people?.find((p) => p.id === win.personId)?.name ?? 'them'} saved`);
      onClose();
    });
  };

  if (!people || prefilled === null) return null;
  return (
    <CaptureDialog title="Log a win" submitLabel="Save win" onSubmit={submit} onClose={onClose} busy={busy} formError={errors.form}>
      <WinFields value={form} onChange={setForm} people={people} errors={errors} autoFocus={prefilled} />
    </CaptureDialog>
  );
}
