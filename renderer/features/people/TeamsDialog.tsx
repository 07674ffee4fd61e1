import { useState } from 'react';

import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { useTeams } from '../../app/usePeople';
import { ValidationError } from '../../db/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useStatus } from '../../ui/Status';
import { TextField } from '../../ui/TextField';

/** Add, rename and delete teams. Deleting a team keeps its people, without a team. */
export function TeamsDialog({ onClose }: { onClose: () => void }) {
  const { teams } = useRepositories();
  const { announce } = useStatus();
  const list = useTeams();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = async () => {
    try {
      const team = await teams.create(name);
      announce(`Added team ${team.name}`);
      setName('');
      setError(undefined);
    } catch (e) {
      setError(e instanceof ValidationError ? (e.fieldErrors.name ?? e.message) : errorMessage(e));
    }
  };
  return (
    <Dialog title="Teams" isOpen onOpenChange={(open) => !open && onClose()}>
      {list && list.length > 0 ? (
        <ul className="plain-list" aria-label="Teams">
          {list.map((t) => (
            <li key={t.id}>
              <span className="agenda-item__text">{t.name}</span>
              <Button
                size="small"
                variant="quiet"
                aria-label={`Delete team ${t.name}`}
                onPress={() =>
                  void teams.remove(t.id).then(
                    () => announce(`Deleted team ${t.name}`),
                    (e: unknown) => setError(errorMessage(e)),
                  )
                }
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No teams yet.</p>
      )}
      <AppForm className="inline-form" onSubmit={() => add()}>
        <TextField
          label="New team"
          value={name}
          onChange={(v) => {
            setName(v);
            setError(undefined);
          }}
          error={error}
          autoFocus
        />
        <Button type="submit">Add team</Button>
      </AppForm>
      <div className="dialog__actions">
        <Button variant="primary" onPress={onClose}>
          Done
        </Button>
      </div>
    </Dialog>
  );
}
