import './packets.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';

import { useRepositories } from '../../app/data';
import { usePeople } from '../../app/usePeople';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/dates';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { NewPacketDialog } from './NewPacketDialog';

/** Every packet the manager has started, newest first; each opens the builder. */
export default function PacketsPage() {
  const { packets } = useRepositories();
  const drafts = useLiveQuery(() => packets.listRecent(), [packets]);
  const people = usePeople();
  const [creating, setCreating] = useState(false);
  const nameOf = (id: string) => people?.find((p) => p.id === id)?.name ?? 'Someone no longer in Trellis';
  return (
    <Page
      title="Packets"
      subtitle="Promotion packets: evidence mapped to the next level’s criteria, checked before it leaves, exported as PDF, HTML, Markdown or a signed file."
      actions={
        <Button variant="primary" onPress={() => setCreating(true)}>
          New packet…
        </Button>
      }
    >
      {drafts === undefined ? (
        <p className="loading">Loading…</p>
      ) : drafts.length === 0 ? (
        <EmptyState icon="▤" title="No packets yet" action={<Button onPress={() => setCreating(true)}>Start a packet…</Button>}>
          <p>Choose a person and the level you propose; Trellis gathers the evidence it has and maps it to that level’s criteria.</p>
        </EmptyState>
      ) : (
        <ul className="plain-list packet-list" aria-label="Packets">
          {drafts.map((d) => (
            <li key={d.id} className="card packet-list__item">
              <Link href={`/packets/${d.id}`}>
                {nameOf(d.personId)} → {d.levelId}
              </Link>
              <span className="muted">
                {d.ladder.ladderId} {d.ladder.version} · track {d.trackId} · changed {formatDateTime(d.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {creating && <NewPacketDialog onClose={() => setCreating(false)} />}
    </Page>
  );
}
