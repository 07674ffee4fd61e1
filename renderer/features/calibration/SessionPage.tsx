import './calibration.css';

import { useLiveQuery } from 'dexie-react-hooks';
import { memo, startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';

import { type CalibrationSession, type Candidate, factsOf, type KeyTrust, trustOf } from '../../../shared/calibration';
import { useRepositories } from '../../app/data';
import { errorMessage } from '../../app/errors';
import { afterNextFrame } from '../../ui/after-frame';
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

const STAGES = 4;

/*
 * Each stage, each step of the checking and each answer of the live queries renders the Workspace
 * again. The sections already drawn render again only when their own props change: otherwise
 * every later stage's commit also rebuilt the filters' and the comparison's select collections
 * (46 candidates to add), which react-aria does in a synchronous render.
 */
const StablePacketList = memo(PacketList);
const StableFilters = memo(CandidateFilters);
const StableCompare = memo(Compare);
const StableDecisions = memo(Decisions);
const StableDistribution = memo(Distribution);

/**
 * The parts of the session appear one after another, each drawn in its own task: the packet
 * list, then the decisions, then the filters, then the comparison, then distribution, log and
 * export. Drawn at once they were one long task (and one long layout) that froze the window;
 * the filters' selects and the first cards' radio groups in one commit still made a 25–35 ms
 * task (react-aria builds a select's collection in a synchronous render after the commit). Each part
 * waits for the frame that draws the one before, so that the layout of one part and the commit
 * of the next are not piled into the same stretch before a frame.
 */
function useStages(ready: boolean): number {
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (!ready || stage >= STAGES) return;
    return afterNextFrame(() => startTransition(() => setStage((s) => s + 1)));
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
  const factList = useMemo(() => [...facts.values()], [facts]);
  const filtered = useMemo(() => readable.filter((c) => passes(facts.get(c.packet.id)!, filters)), [readable, facts, filters]);
  const trust = useMemo(() => {
    const byId = new Map((keys ?? []).flatMap((k) => (k ? [[k.id, k] as const] : [])));
    return (fingerprint: string): KeyTrust | null => trustOf(byId.get(fingerprint), log ?? []);
  }, [keys, log]);

  const reveal = useCallback(
    async (targets: readonly Candidate[]) => {
      const fresh = targets.filter((c) => !revealed.has(c.packet.id));
      if (fresh.length === 0) return;
      setRevealed((r) => new Set([...r, ...fresh.map((c) => c.packet.id)]));
      try {
        for (const c of fresh) await calibration.recordReveal(session.id, c.packet.id);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [revealed, calibration, session.id],
  );
  const revealAll = useCallback(() => void reveal(readable), [reveal, readable]);
  const revealOne = useCallback((c: Candidate) => void reveal([c]), [reveal]);

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
          <StablePacketList
            sessionId={session.id}
            candidates={all}
            readable={readable}
            reading={reading}
            trust={trust}
            allShown={allShown}
            onRevealAll={revealAll}
          />
          {stage >= 2 && readable.length > 0 && (
            <StableFilters facts={factList} filters={filters} onChange={setFilters} shown={filtered.length} reading={reading} />
          )}
          {stage >= 3 && filtered.length > 0 && <StableCompare candidates={filtered} reading={reading} />}
          {stage >= 1 && filtered.length > 0 && <StableDecisions candidates={filtered} decisions={decisions} reading={reading} onReveal={revealOne} />}
          {stage >= 4 && readable.length > 0 && <StableDistribution facts={factList} reading={reading} />}
        </>
      )}
      {stage >= 4 && log && log.length > 0 && <SessionLog entries={log} candidates={all} reading={reading} />}
      {stage >= 4 && readable.length > 0 && <ExportDecisions session={session} readable={readable} decisions={decisions} log={log ?? []} trust={trust} />}
      {dialog === 'rename' && <RenameSessionDialog session={session} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteSessionDialog session={session} onClose={() => setDialog(null)} />}
    </Page>
  );
}
