import { startTransition, useEffect, useMemo, useState } from 'react';

import { type Candidate, candidatesOf, contentOf, type SessionPacket } from '../../../shared/calibration';
import type { PacketContent } from '../../../shared/packets';

/**
 * Each stored packet's content, parsed once: a session's packets are stored as opened and never
 * written again, and their ids are never reused, so what a packet's text parses to never changes.
 */
const parsed = new Map<string, PacketContent | null>();
const PARSED_KEPT = 2_000;

/** How long one turn of parsing may run before the window gets a turn (input, paint). */
const SLICE_MS = 8;
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The session's candidates from its stored packets. Parsing 50 packets (JSON and schema) at once
 * would be one long task, so it runs in slices of a few milliseconds, and what it found reaches
 * the screen in a transition, which React renders in slices too. Packets opened into a session
 * already on screen join it once read; until then the screen keeps what it shows and says how
 * far the reading is. `candidates` is null only while nothing has been read yet.
 */
export function useCandidates(packets: readonly SessionPacket[] | undefined): {
  candidates: Candidate[] | null;
  reading: { read: number; total: number } | null;
} {
  const [turn, setTurn] = useState(0);
  const [read, setRead] = useState(0);

  useEffect(() => {
    if (!packets) return;
    let todo = packets.filter((p) => !parsed.has(p.id));
    if (todo.length === 0) return;
    if (parsed.size + todo.length > PARSED_KEPT) {
      parsed.clear();
      todo = [...packets];
    }
    let cancelled = false;
    void (async () => {
      let sliceStarted = performance.now();
      for (const packet of todo) {
        if (cancelled) return;
        if (!parsed.has(packet.id)) parsed.set(packet.id, contentOf(packet));
        if (performance.now() - sliceStarted > SLICE_MS) {
          const done = packets.filter((p) => parsed.has(p.id)).length;
          startTransition(() => setRead(done));
          await nextTurn();
          sliceStarted = performance.now();
        }
      }
      if (!cancelled) startTransition(() => setTurn((t) => t + 1));
    })();
    return () => {
      cancelled = true;
    };
  }, [packets]);

  // Only packets already read; they keep their pseudonyms when more join (those come later in the order).
  const candidates = useMemo(
    () =>
      packets
        ? candidatesOf(
            packets.filter((p) => parsed.has(p.id)),
            (p) => parsed.get(p.id) ?? null,
          )
        : null,
    // `turn` says the cache has more parsed packets than at the last render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [packets, turn],
  );
  const total = packets?.length ?? 0;
  const ready = candidates !== null && candidates.length === total;
  return {
    candidates: candidates && (candidates.length > 0 || total === 0) ? candidates : null,
    reading: packets && !ready ? { read: Math.max(read, candidates?.length ?? 0), total } : null,
  };
}
