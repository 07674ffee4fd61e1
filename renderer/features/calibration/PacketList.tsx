import { useState } from 'react';

import { type Candidate, checkText, dangerFlags, type KeyTrust } from '../../../shared/calibration';
import { shortFingerprint } from '../../../shared/packets';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { AppForm } from '../../ui/AppForm';
import { Button } from '../../ui/Button';
import { formatDate } from '../../ui/dates';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { TextField } from '../../ui/TextField';
import { VirtualTable } from '../../ui/VirtualTable';
import type { Reading } from './reading';

const day = (iso: string) => formatDate(iso.slice(0, 10), 'medium');

/** The opened files and what their checks found (then, and what the committee did since: a key trusted). */
export function PacketList({
  sessionId,
  candidates,
  readable,
  reading,
  trust,
  allShown,
  onRevealAll,
}: {
  sessionId: string;
  candidates: readonly Candidate[];
  readable: readonly Candidate[];
  reading: Reading;
  trust: (fingerprint: string) => KeyTrust | null;
  allShown: boolean;
  onRevealAll: () => void;
}) {
  const [trusting, setTrusting] = useState<string | null>(null);
  return (
    <section aria-labelledby="calibration-files">
      <div className="section-card__header calibration-heading">
        <h2 id="calibration-files">Packets</h2>
        <span className="spacer" />
        {readable.length > 0 &&
          (allShown ? (
            <span className="badge">Names shown</span>
          ) : (
            <Button size="small" onPress={onRevealAll}>
              Show all names
            </Button>
          ))}
      </div>
      <p className="muted small">
        Anonymised reading: names, managers and teams are hidden and pronouns in narratives made neutral. Showing a name is recorded in the session log.
      </p>
      <VirtualTable
        label="Opened packets"
        columns={['File', 'Candidate', 'Proposed level', 'Signed with', 'Checks']}
        rows={candidates}
        rowKey={(c) => c.packet.id}
        estimateRowHeight={96}
        overscan={3}
        renderRow={(c) => {
          const trusted = c.packet.fingerprint ? trust(c.packet.fingerprint) : null;
          return (
            <>
              <td className="calibration-file">{c.packet.fileName}</td>
              <td>{c.content ? reading.name(c) : '—'}</td>
              <td>{c.content ? c.content.target.levelTitle : '—'}</td>
              <td>
                {c.packet.fingerprint ? (
                  <span className="calibration-key">
                    <span className="calibration-fingerprint" title={c.packet.fingerprint}>
                      {shortFingerprint(c.packet.fingerprint).slice(0, 19)}…
                    </span>{' '}
                    {trusted ? (
                      <>
                        <span className="badge badge--accent">Trusted</span> <span className="muted">{trusted.owner}</span>
                      </>
                    ) : (
                      <Button
                        size="small"
                        variant="quiet"
                        aria-label={`Trust the key of ${c.packet.fileName}`}
                        onPress={() => setTrusting(c.packet.fingerprint)}
                      >
                        Trust key…
                      </Button>
                    )}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td>
                {c.packet.flags.length === 0 ? (
                  <span className="badge badge--accent">Verified</span>
                ) : (
                  <ul className="plain-list calibration-flags">
                    {c.packet.flags.map((f) => {
                      const { label, message } = checkText(f, trusted, day);
                      return (
                        <li key={f.flag}>
                          <span className={dangerFlags.has(f.flag) ? 'badge badge--danger' : 'badge badge--warning'}>{label}</span>{' '}
                          <span className="muted">{message}</span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
            </>
          );
        }}
      />
      {trusting && <TrustKeyDialog sessionId={sessionId} fingerprint={trusting} onClose={() => setTrusting(null)} />}
    </section>
  );
}

function TrustKeyDialog({ sessionId, fingerprint, onClose }: { sessionId: string; fingerprint: string; onClose: () => void }) {
  const { calibration } = useRepositories();
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<{ label?: string; form?: string }>({});
  const submit = async () => {
    if (!label.trim()) return setErrors({ label: 'Say whose key this is' });
    try {
      await calibration.trustKey(sessionId, fingerprint, label);
      onClose();
    } catch (e) {
      setErrors({ form: errorMessage(e) });
    }
  };
  return (
    <Dialog title="Trust this signing key" isOpen onOpenChange={(open) => !open && onClose()}>
      <AppForm onSubmit={submit} formError={errors.form} aria-label="Trust this signing key">
        <p>Compare the fingerprint with its owner (in person or by phone) before trusting it:</p>
        <p className="calibration-fingerprint calibration-fingerprint--full">{shortFingerprint(fingerprint)}</p>
        <TextField label="Whose key it is" value={label} onChange={setLabel} error={errors.label} isRequired autoFocus />
        <FormActions submitLabel="Trust key" onCancel={onClose} />
      </AppForm>
    </Dialog>
  );
}
