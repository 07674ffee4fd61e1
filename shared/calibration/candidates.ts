import { type PacketContent, packetContentSchema } from '../packets/model';
import type { Decision, SessionPacket } from './model';
import { neutraliseNarrative } from './pronouns';

/**
 * A session packet as the workspace reads it: the proposal (the packet's content, parsed from the
 * stored text, never edited) and the facts the filters and views group by.
 */
export interface Candidate {
  packet: SessionPacket;
  /** null when the file could not be read or was changed after export: nothing in it is shown. */
  content: PacketContent | null;
  /** "Candidate 3": readable packets by order of opening, the same in every view and export of the session (the file name for the others). */
  pseudonym: string;
}

/** The packet's content from its stored text. The text was checked (hash, schema) when it was opened. */
export function contentOf(packet: SessionPacket): PacketContent | null {
  if (packet.text === null || packet.flags.some((f) => f.flag === 'changed' || f.flag === 'unreadable')) return null;
  try {
    const envelope = JSON.parse(packet.text) as { content?: unknown };
    const parsed = packetContentSchema.safeParse(envelope.content);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** `read` gives a packet's content (a cache of contentOf, so a screen parses each stored packet once). */
export function candidatesOf(packets: readonly SessionPacket[], read: (packet: SessionPacket) => PacketContent | null = contentOf): Candidate[] {
  let n = 0;
  return [...packets]
    .sort((a, b) => a.position - b.position)
    .map((packet) => {
      const content = read(packet);
      return { packet, content, pseudonym: content ? `Candidate ${++n}` : packet.fileName };
    });
}

/** Pseudonyms for teams and managers in anonymised views: "Team A", "Manager B", in order of first appearance. */
export function pseudonymsFor(values: readonly (string | null | undefined)[], label: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) if (v && !out.has(v)) out.set(v, `${label} ${letters(out.size)}`);
  return out;
}

function letters(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A narrative as an anonymised reader sees it: the candidate's and their manager's names (whole
 * name, then each part of two letters or more) replaced by their pseudonyms, then pronouns made
 * neutral. Other names in the text (a sponsor, a teammate) are not known to Trellis and stay.
 */
export function anonymiseText(text: string, names: readonly { name: string; as: string }[]): string {
  let out = text;
  for (const { name, as } of names) {
    const parts = [
      name.trim(),
      ...name
        .trim()
        .split(/\s+/)
        .filter((p) => p.length >= 2),
    ].filter(Boolean);
    for (const part of parts) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, 'giu'), as);
  }
  return neutraliseNarrative(out);
}

export interface CandidateFacts {
  id: string;
  level: string;
  track: string;
  team: string | null;
  manager: string | null;
  outcome: Decision['outcome'];
  /** Whole months in the current level at the end of the packet's period, when known. */
  monthsInLevel: number | null;
}

/** Months from an ISO day to another, whole months only. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/**
 * Time in level from the packet: the person's level-since day when the packet carries it, else
 * a plain "2 years", "18 months" or "1.5 yrs" in the summary's time-in-level field.
 */
export function monthsInLevel(content: PacketContent): number | null {
  if (content.target.levelSince) return monthsBetween(content.target.levelSince, content.period.to);
  const text = content.summary.timeInLevel.toLowerCase();
  const years = /(\d+(?:[.,]\d+)?)\s*(?:years?|yrs?)\b/.exec(text);
  const months = /(\d+)\s*(?:months?|mos?)\b/.exec(text);
  if (!years && !months) return null;
  return Math.round((years ? Number(years[1]!.replace(',', '.')) * 12 : 0) + (months ? Number(months[1]) : 0));
}

export function factsOf(candidate: Candidate, decision: Decision | undefined): CandidateFacts | null {
  const c = candidate.content;
  if (!c) return null;
  return {
    id: candidate.packet.id,
    level: c.target.levelTitle,
    track: c.target.trackName,
    team: c.person.team ?? null,
    manager: c.preparedBy?.name ?? null,
    outcome: decision?.outcome ?? null,
    monthsInLevel: monthsInLevel(c),
  };
}
