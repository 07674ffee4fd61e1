import type { PacketCheck } from '../../../shared/packets';
import { Button } from '../../ui/Button';
import { type SaveState, saveStateLabel } from '../one-on-ones';
import type { PacketFormat } from './usePacketExport';

/** The packet's autosave state, in the page header. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span
      className={state.kind === 'error' ? 'save-state save-state--error' : 'save-state'}
      role="status"
      aria-live="polite"
      aria-label={`Packet: ${saveStateLabel(state)}`}
    >
      <span aria-hidden="true">{state.kind === 'saved' ? '✓' : state.kind === 'error' ? '!' : '…'}</span>
      {saveStateLabel(state)}
    </span>
  );
}

/** Every finding of the checks before export, each with its suggestion. */
export function PacketChecks({ checks }: { checks: readonly PacketCheck[] }) {
  return (
    <section className="card section-card" aria-labelledby="packet-checks">
      <h2 id="packet-checks">Checks before export</h2>
      {checks.length === 0 ? (
        <p>No findings: every criterion has evidence, the examples span the period, and no flagged wording was found.</p>
      ) : (
        <ul className="plain-list packet-checks" aria-label="Findings">
          {checks.map((c, i) => (
            <li key={i} className={`packet-check packet-check--${c.code}`}>
              <strong>{c.message}</strong>
              <span className="muted">{c.suggestion}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="small muted">
        Wording checks use a short documented list (shared/packets/bias-words.ts): words that describe personality instead of behaviour, gendered words, and
        vague praise without an example.
      </p>
    </section>
  );
}

/** What leaves the machine, the preview and one button per format. */
export function PacketExport({
  exportError,
  canExport,
  onPreview,
  onExport,
}: {
  exportError: string | null;
  canExport: boolean;
  onPreview: () => void;
  onExport: (format: PacketFormat) => void;
}) {
  return (
    <section className="card section-card" aria-labelledby="packet-export">
      <h2 id="packet-export">Export</h2>
      <p>
        Only what the preview shows leaves this machine: private notes and records marked private are never in a packet. The JSON file is signed with this
        Trellis’s key, so the committee can see who sent it.
      </p>
      {exportError && (
        <p className="banner banner--error" role="alert">
          {exportError}
        </p>
      )}
      <div className="toolbar">
        <Button onPress={onPreview} isDisabled={!canExport}>
          Preview what leaves…
        </Button>
        <span className="spacer" />
        <Button onPress={() => onExport('pdf')} isDisabled={!canExport}>
          Export PDF…
        </Button>
        <Button onPress={() => onExport('html')} isDisabled={!canExport}>
          Export HTML…
        </Button>
        <Button onPress={() => onExport('markdown')} isDisabled={!canExport}>
          Export Markdown…
        </Button>
        <Button variant="primary" onPress={() => onExport('json')} isDisabled={!canExport}>
          Export signed JSON…
        </Button>
      </div>
    </section>
  );
}
