import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';

import { defaultTimeZone, weekdayLabels } from '../../../shared/domain/cadence';
import { isoWeekday, todayIso } from '../../../shared/domain/dates';
import { type Cadence, cadenceLabels, cadences, type MeetingKind, meetingKindLabels, meetingKinds, type Series } from '../../../shared/domain/meetings';
import type { FieldErrors, Person } from '../../../shared/domain/person';
import { overlappingSeries, proposeSlot } from '../../../shared/domain/slots';
import { defaultWorkingHours } from '../../../shared/settings';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useMainQuery } from '../../app/useMain';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { DateField } from '../../ui/DateField';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';
import { TimeZoneField } from '../../ui/TimeZoneField';

interface Draft {
  personId: string;
  kind: MeetingKind;
  cadence: Cadence;
  weekday: string;
  time: string;
  duration: string;
  startDate: string;
  timeZone: string;
}

function draftOf(series: Series | null, personId: string | undefined): Draft {
  const today = todayIso();
  return {
    personId: series?.personId ?? personId ?? '',
    kind: series?.kind ?? 'one-on-one',
    cadence: series?.cadence ?? 'weekly',
    weekday: String(series?.weekday ?? isoWeekday(today)),
    time: series?.time ?? '10:00',
    duration: String(series?.durationMinutes ?? 30),
    startDate: series?.startDate ?? today,
    timeZone: series?.timeZone ?? defaultTimeZone(),
  };
}

export interface SeriesDialogProps {
  series: Series | null;
  people: Person[];
  /** Preselects the person when creating from their page. */
  personId?: string;
  onClose: (saved?: Series) => void;
}

/** The slot the form shows, and what it overlaps: a proposal until the user picks a weekday or time. */
function useSlot(draft: Draft, series: Series | null, people: Person[], proposing: boolean) {
  const repos = useRepositories();
  const settings = useMainQuery('settings:get', undefined, { refreshOn: ['settings:changed'] });
  const hours = settings.value?.workingHours ?? defaultWorkingHours;
  // Series are one per person and kind, a short list: the dialog compares against all active ones.
  const others = useLiveQuery(async () => (await repos.series.list()).filter((s) => !s.archived && s.id !== series?.id), [repos, series?.id]);
  return useMemo(() => {
    const today = todayIso();
    const duration = Math.round(Number(draft.duration));
    const valid = others !== undefined && Number.isFinite(duration) && duration >= 5 && /^\d\d:\d\d$/.test(draft.time) && draft.startDate !== '';
    if (!valid) return { weekday: draft.weekday, time: draft.time, overlaps: [] as string[], proposed: false, checked: false };
    const wanted = { cadence: draft.cadence, durationMinutes: duration, startDate: draft.startDate, timeZone: draft.timeZone };
    const proposal = proposing
      ? proposeSlot(wanted, others, {
          from: today,
          weekday: Number(draft.weekday),
          time: draft.time,
          dayStart: hours.start,
          dayEnd: hours.end,
          weekdays: hours.days,
        })
      : null;
    const weekday = proposal ? String(proposal.weekday) : draft.weekday;
    const time = proposal?.time ?? draft.time;
    const from = draft.startDate > today ? draft.startDate : today;
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const overlaps = overlappingSeries({ ...wanted, weekday: Number(weekday), time }, others, from).map(
      (s) => `${meetingKindLabels[s.kind]} with ${nameOf.get(s.personId) ?? 'someone'} (${weekdayLabels[s.weekday - 1]} ${s.time})`,
    );
    return { weekday, time, overlaps, proposed: proposal !== null, checked: true };
  }, [draft, others, people, proposing, hours]);
}

export function SeriesDialog({ series, people, personId, onClose }: SeriesDialogProps) {
  const repos = useRepositories();
  const { announce } = useStatus();
  const [draft, setDraft] = useState<Draft>(() => draftOf(series, personId));
  // A new series proposes a free slot until the user picks the weekday or time themselves.
  const [proposing, setProposing] = useState(series === null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const slot = useSlot(draft, series, people, proposing);
  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) => {
      if (field === 'weekday' || field === 'time') {
        // Whatever the form showed (perhaps a proposal) becomes the user's, with their change on top.
        setDraft((d) => ({ ...d, weekday: slot.weekday, time: slot.time, [field]: value }));
        setProposing(false);
      } else setDraft((d) => ({ ...d, [field]: value }));
      setErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
    };
  const findFreeSlot = () => {
    setDraft((d) => ({ ...d, weekday: slot.weekday, time: slot.time }));
    setProposing(true);
  };
  // Always a note: react-aria links a field's description only if it is there from the first render.
  const slotNote =
    slot.overlaps.length > 0
      ? 'Overlaps another series (see below)'
      : slot.proposed
        ? 'A free slot: no other series meets then'
        : slot.checked
          ? 'No other series meets then'
          : 'Compared with your other series';

  const save = async () => {
    const duration = Number(draft.duration);
    const input = {
      ...draft,
      weekday: Number(slot.weekday),
      time: slot.time,
      durationMinutes: Number.isFinite(duration) ? Math.round(duration) : NaN,
    };
    try {
      const saved = series ? await repos.series.update(series.id, input) : await repos.series.create(input);
      const name = people.find((p) => p.id === saved.personId)?.name ?? 'them';
      announce(series ? `Saved the series with ${name}` : `Created a ${meetingKindLabels[saved.kind]} series with ${name}`);
      onClose(saved);
    } catch (error) {
      if (error instanceof ValidationError) setErrors({ ...error.fieldErrors, duration: error.fieldErrors.durationMinutes });
      else setErrors({ form: errorMessage(error) });
    }
  };

  // Archiving keeps the meetings and notes; the series just stops being planned and flagged.
  const archive = async (s: Series) => {
    try {
      await repos.series.setArchived(s.id, true);
      announce('Archived the series; its meetings and notes are kept');
      onClose();
    } catch (error) {
      setErrors({ form: errorMessage(error) });
    }
  };

  return (
    <Dialog title={series ? 'Edit series' : 'New 1:1 series'} isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm className="person-form" onSubmit={() => save()} formError={errors.form}>
        <div className="form-grid">
          <SelectField
            label="Person"
            value={draft.personId || null}
            onChange={set('personId')}
            placeholder="Choose a person"
            options={people.filter((p) => !p.archived).map((p) => ({ id: p.id, label: p.name }))}
            error={errors.personId}
          />
          <SelectField
            label="Kind"
            value={draft.kind}
            onChange={set('kind')}
            options={meetingKinds.map((k) => ({ id: k, label: meetingKindLabels[k] }))}
            error={errors.kind}
          />
          <SelectField
            label="Cadence"
            value={draft.cadence}
            onChange={set('cadence')}
            options={cadences.map((c) => ({ id: c, label: cadenceLabels[c] }))}
            error={errors.cadence}
          />
          <SelectField
            label="Weekday"
            value={slot.weekday}
            onChange={set('weekday')}
            options={weekdayLabels.map((label, i) => ({ id: String(i + 1), label }))}
            error={errors.weekday}
            description={draft.cadence === 'monthly' ? 'Monthly series keep the same week of the month as the first meeting' : undefined}
          />
          <TextField label="Time" type="time" value={slot.time} onChange={set('time')} error={errors.time} description={slotNote} />
          <TextField label="Duration (minutes)" type="number" value={draft.duration} onChange={set('duration')} error={errors.duration} />
          <DateField label="First meeting on or after" value={draft.startDate} onChange={set('startDate')} error={errors.startDate} />
          <TimeZoneField value={draft.timeZone} onChange={set('timeZone')} error={errors.timeZone} description="Used when exporting to a calendar" />
        </div>
        {slot.overlaps.length > 0 && (
          <p className="banner banner--warning banner--action" role="status">
            <span>This time overlaps your {slot.overlaps.join(', ')}.</span>
            <Button size="small" onPress={findFreeSlot}>
              Find a free slot
            </Button>
          </p>
        )}
        <FormActions submitLabel={series ? 'Save series' : 'Create series'} onCancel={onClose}>
          {series && (
            <Button variant="danger" onPress={() => void archive(series)}>
              Archive series
            </Button>
          )}
        </FormActions>
      </AppForm>
    </Dialog>
  );
}
