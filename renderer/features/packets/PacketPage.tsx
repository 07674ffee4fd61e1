import './packets.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';

import { shareable } from '../../../shared/evidence/privacy';
import { levelTitle, type PacketDraft } from '../../../shared/packets';
import { useRepositories } from '../../app/data';
import { useFrozenLadder } from '../../app/useLadders';
import { usePerson } from '../../app/usePeople';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { Builder } from './Builder';

export default function PacketPage({ id }: { id: string }) {
  const { packets } = useRepositories();
  const draft = useLiveQuery(async () => (await packets.get(id)) ?? null, [packets, id]);
  if (draft === undefined) return <p className="loading">Loading…</p>;
  if (draft === null)
    return (
      <Page title="Packet not found">
        <EmptyState icon="?" title="This packet does not exist">
          <p>
            It may have been deleted in another window. <Link href="/packets">All packets</Link>
          </p>
        </EmptyState>
      </Page>
    );
  return <PacketLoader draft={draft} />;
}

function PacketLoader({ draft }: { draft: PacketDraft }) {
  const person = usePerson(draft.personId);
  const { db } = useRepositories();
  const team = useLiveQuery(async () => (person?.teamId ? ((await db.teams.get(person.teamId)) ?? null) : null), [db, person?.teamId]);
  const frozen = useFrozenLadder(draft.ladder.ladderId, draft.ladder.hash);
  if (person === undefined || team === undefined || frozen.status === 'loading') return <p className="loading">Loading…</p>;
  if (frozen.status === 'error')
    return (
      <Page title="Packet">
        <p className="banner banner--error" role="alert">
          The ladder version this packet is judged against cannot be read: {frozen.error}
        </p>
      </Page>
    );
  if (!person)
    return (
      <Page title="Packet">
        <p className="banner banner--error" role="alert">
          The person of this packet is no longer in Trellis.
        </p>
      </Page>
    );
  const shared = shareable('people', person);
  if (!shared) return null;
  const ladder = frozen.value.ladder;
  const placement = person.placement;
  // Where they are now, when they are placed on the same ladder and track.
  const currentLevelTitle =
    placement && placement.ladderId === ladder.id && placement.trackId === draft.trackId ? levelTitle(ladder, draft.trackId, placement.levelId) : undefined;
  const sharedTeam = team ? shareable('teams', team) : null;
  return (
    <Builder
      key={draft.id}
      draft={draft}
      person={{ name: shared.name, title: shared.title, team: sharedTeam?.name }}
      currentLevelTitle={currentLevelTitle}
      levelSince={currentLevelTitle ? shared.levelSince : undefined}
      ladder={ladder}
    />
  );
}
