import { Link } from 'wouter';

import type { UserRole } from '../../../shared/settings';
import { useCurrentUser, useMe } from '../../app/current-user';
import { errorMessage } from '../../app/errors';
import { roleNames, roleOptions } from '../../app/roles';
import { LeaveSampleButton, TrySampleTeamButton } from '../../app/SampleTeam';
import { useMainAction } from '../../app/useMain';
import { usePeople } from '../../app/usePeople';
import { ComboBoxField } from '../../ui/ComboBoxField';
import { SelectField } from '../../ui/SelectField';
import { useStatus } from '../../ui/Status';

/** Where the user's email comes from now: their own person. */
function YourEmail() {
  const me = useMe();
  if (!me) return null;
  return me.email ? (
    <p className="muted">
      Calendar files name you, {me.email}, as organizer. Change your email on <Link href={`/people/${me.id}`}>your page</Link>.
    </p>
  ) : (
    <p className="muted">
      Add your email on <Link href={`/people/${me.id}`}>your page</Link> and calendar files name you as organizer.
    </p>
  );
}

/** "You": the role Trellis is used in and which person is "me"; each saved as soon as it is chosen. */
export function YouSection() {
  const { role, meId, sample, reload } = useCurrentUser();
  const everyone = usePeople();
  const me = useMe();
  const save = useMainAction('settings:set');
  const { announce } = useStatus();

  if (sample) {
    return (
      <section className="card settings-section" aria-labelledby="you-heading">
        <h2 id="you-heading">You</h2>
        <p>
          You are trying the sample team as {roleNames[sample.role]}
          {me ? `, ${me.name}` : ''}. Leave the sample to change who you are.
        </p>
      </section>
    );
  }

  const change = async (patch: { userRole?: UserRole; mePersonId?: string | null }, done: string) => {
    try {
      await save.run(patch);
      reload();
      announce(done);
    } catch (e) {
      announce(errorMessage(e), 'error');
    }
  };
  // Archived people stay choosable only when they are already "me" (the list shows who is chosen).
  const options = (everyone ?? [])
    .filter((p) => !p.archived || p.id === meId)
    .map((p) => ({ id: p.id, label: p.name, description: [p.title, p.email].filter(Boolean).join(' · ') || undefined }));

  return (
    <section className="card settings-section" aria-labelledby="you-heading">
      <h2 id="you-heading">You</h2>
      <SelectField
        label="You use Trellis as"
        value={role}
        options={roleOptions.map(({ id, label }) => ({ id, label }))}
        onChange={(userRole) => void change({ userRole }, `Saved: you use Trellis as ${roleNames[userRole]}`)}
        description="Puts your own work first in the navigation and on Today"
      />
      {everyone && (
        <ComboBoxField
          label="This is me"
          options={options}
          value={meId && options.some((o) => o.id === meId) ? meId : null}
          onChange={(id) => {
            if (!id || id === meId) return;
            const name = options.find((o) => o.id === id)?.label ?? 'them';
            void change({ mePersonId: id }, `Saved: you are ${name}`);
          }}
          placeholder="Choose yourself"
          description="The notes and calendar files you share name this person as you"
          emptyText="Nobody matches. Add yourself on the People page."
        />
      )}
      <YourEmail />
    </section>
  );
}

/** "Sample team": look around with made-up data, kept apart from the user's own. */
export function SampleTeamSection() {
  const { role, sample } = useCurrentUser();
  return (
    <section className="card settings-section" aria-labelledby="sample-heading">
      <h2 id="sample-heading">Sample team</h2>
      {sample ? (
        <p>The sample team is open. Leaving removes it and everything you changed in it; your own data comes back as you left it.</p>
      ) : (
        <p className="muted">
          See Trellis with a made-up team of six and a few months of 1:1s. The sample is kept apart from your own data, which it never reads or changes, and
          leaving it removes it completely.
        </p>
      )}
      <div className="settings-actions">{sample ? <LeaveSampleButton /> : <TrySampleTeamButton role={role ?? 'manager'} />}</div>
    </section>
  );
}
