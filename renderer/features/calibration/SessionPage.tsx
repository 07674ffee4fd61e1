import './calibration.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';

import { type CalibrationSession, type Candidate, factsOf, type KeyTrust, trustOf } from '../../../shared/calibration';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { Page } from '../../ui/Page';
import { Compare } from './Compare';
import { Decisions } from './Decisions';
import { Distribution } from './Distribution';
import { ExportDecisions } from './ExportDecisions';
import { CandidateFilters, type Filters, noFilters, passes } from './Filters';
import { PacketList } from './PacketList';
import { useReading } from './reading';
import { DeleteSessionDialog, RenameSessionDialog } from './SessionDialogs';
import { SessionLog } from './SessionLog';
import { useCandidates } from './useCandidates';
import { useOpenPackets } from './useOpenPackets';

export default function SessionPage({ id }: { id: string }) {
  const { calibration } = useRepositories();
  const session = useLiveQuery(async () => (await calibration.getSession(id)) ?? null, [calibration, id]);
  if (session === undefined) return <p className="loading">Loading…</p>;
  if (session === null)
    return (
      <Page title="Session not found">
        <EmptyState icon="?" title="This calibration session does not exist">
          <p>
            It may have been deleted in another window. <Link href="/calibration">All sessions</Link>
          </p>
        </EmptyState>
      </Page>
    );
  return <Workspace key={session.id} session={session} />;
}

const STAGES = 3;

/**
 * The parts of the session appear one after another, each drawn in its own task: the packet
 * list, then the decisions (and filters), then the comparison, then distribution, log and export.
 * Drawn at once they were one long task (and one long layout) that froze the window.
 */
function useStages(ready: boolean): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (!ready || stage >= STAGES) return;
    const timer = setTimeout(() => startTransition(() => setStage((s) => s + 1)), 0);
    return () => clearTimeout(timer);
  }, [ready, stage]);
  return stage;
}

/** One session: the header and its actions, then each part of the work in its own module. */
function Workspace({ session }: { session: CalibrationSession }) {
  const { calibration } = useRepositories();
  const packets = useLiveQuery(() => calibration.packets(session.id), [calibration, session.id]);
  const decisionList = useLiveQuery(() => calibration.decisions(session.id), [calibration, session.id]);
  const log = useLiveQuery(() => calibration.logOf(session.id), [calibration, session.id]);
  const fingerprints = useMemo(() => [...new Set((packets ?? []).flatMap((p) => (p.fingerprint ? [p.fingerprint] : [])))], [packets]);
  const keys = useLiveQuery(() => calibration.knownKeys(fingerprints), [calibration, fingerprints]);
  const opening = useOpenPackets(session);
  const { candidates, reading: progress } = useCandidates(packets);
  const [error, setError] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [dialog, setDialog] = useState<'rename' | 'delete' | null>(null);

  const stage = useStages(candidates !== null);
  const all = useMemo(() => candidates ?? [], [candidates]);
  const readable = useMemo(() => all.filter((c) => c.content), [all]);
  const reading = useReading(readable, revealed);
  const allShown = readable.length > 0 && readable.every((c) => revealed.has(c.packet.id));
  const decisions = useMemo(() => new Map((decisionList ?? []).map((d) => [d.id, d])), [decisionList]);
  const facts = useMemo(
    () =>
      new Map(
        readable.flatMap((c) => {
          const f = factsOf(c, decisions.get(c.packet.id));
          return f ? [[c.packet.id, f] as const] : [];
        }),
      ),
    [readable, decisions],
  );
  const filtered = useMemo(() => readable.filter((c) => passes(facts.get(c.packet.id)!, filters)), [readable, facts, filters]);
  const trust = useMemo(() => {
    const byId = new Map((keys ?? []).flatMap((k) => (k ? [[k.id, k] as const] : [])));
    return (fingerprint: string): KeyTrust | null => trustOf(byId.get(fingerprint), log ?? []);
  }, [keys, log]);

  const reveal = async (targets: readonly Candidate[]) => {
    const fresh = targets.filter((c) => !revealed.has(c.packet.id));
    if (fresh.length === 0) return;
    setRevealed((r) => new Set([...r, ...fresh.map((c) => c.packet.id)]));
    try {
      for (const c of fresh) await calibration.recordReveal(session.id, c.packet.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const shownError = error ?? opening.error;
  return (
    <Page
      title={session.name}
      subtitle={
        <>
          {session.scope && <>{session.scope} · </>}
          <Link href="/calibration">All sessions</Link>
        </>
      }
      actions={
        <div className="toolbar">
          <Button onPress={() => setDialog('rename')}>Rename…</Button>
          <Button variant="danger" onPress={() => setDialog('delete')}>
            Delete…
          </Button>
          <Button variant="primary" onPress={() => void opening.open()} isDisabled={opening.checking !== null}>
            Open packets…
          </Button>
        </div>
      }
    >
      {shownError && (
        <p className="banner banner--error" role="alert">
          {shownError}
        </p>
      )}
      {(opening.checking ?? progress) && (
        <p className="banner" role="status">
          {opening.checking
            ? `Checking the files: ${opening.checking.checked} of ${opening.checking.total}…`
            : `Reading the packets: ${progress!.read} of ${progress!.total}…`}
        </p>
      )}
      {packets === undefined ? (
        <p className="loading">Loading…</p>
      ) : packets.length === 0 ? (
        <EmptyState icon="⚖" title="No packets open">
          <p>Open the packet files (JSON) to review; you can pick many at once. Each is checked (hash, schema, signature, ladder version) before it is read.</p>
        </EmptyState>
      ) : candidates === null ? null : (
        <>
          <PacketList
            sessionId={session.id}
            candidates={all}
            readable={readable}
            reading={reading}
            trust={trust}
            allShown={allShown}
            onRevealAll={() => void reveal(readable)}
          />
          {stage >= 1 && readable.length > 0 && (
            <CandidateFilters facts={[...facts.values()]} filters={filters} onChange={setFilters} shown={filtered.length} reading={reading} />
          )}
          {stage >= 2 && filtered.length > 0 && <Compare candidates={filtered} reading={reading} />}
          {stage >= 1 && filtered.length > 0 && <Decisions candidates={filtered} decisions={decisions} reading={reading} onReveal={(c) => void reveal([c])} />}
          {stage >= 3 && readable.length > 0 && <Distribution facts={[...facts.values()]} reading={reading} />}
        </>
      )}
      {stage >= 3 && log && log.length > 0 && <SessionLog entries={log} candidates={all} reading={reading} />}
      {stage >= 3 && readable.length > 0 && <ExportDecisions session={session} readable={readable} decisions={decisions} log={log ?? []} trust={trust} />}
      {dialog === 'rename' && <RenameSessionDialog session={session} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteSessionDialog session={session} onClose={() => setDialog(null)} />}
    </Page>
  );
}
