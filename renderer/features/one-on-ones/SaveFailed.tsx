import { errorMessage } from '../../app/errors';
import { Button } from '../../ui/Button';
import type { SaveState } from './useAutosave';

/** What an autosave that failed says (a full disk, say), with the way to try again; nothing otherwise. */
export function SaveFailed({ state, retry }: { state: SaveState; retry: () => unknown }) {
  if (state.kind !== 'error') return null;
  return (
    <div className="banner banner--error" role="alert">
      <p>{errorMessage(state.error)}</p>
      <Button size="small" onPress={() => void retry()}>
        Try saving again
      </Button>
    </div>
  );
}
