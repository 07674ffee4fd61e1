import type { KnownKey, SessionFlag, SessionLogEntry, SessionPacket } from './model';

/** What each check found, as the packet list and the exports name it. */
export const flagLabels: Record<SessionFlag, string> = {
  changed: 'Changed after export',
  unreadable: 'Cannot be read',
  unsigned: 'Unsigned',
  'bad-signature': 'Signature does not match',
  'other-ladder-version': 'Other ladder version',
  'unknown-ladder': 'Unknown ladder',
  'new-key': 'Key not seen before',
};

/** Flags that mean the file must not be relied on at all (the others ask the committee to check something). */
export const dangerFlags: ReadonlySet<SessionFlag> = new Set<SessionFlag>(['changed', 'bad-signature', 'unreadable']);

/** A key the committee marked trusted: whose they checked it to be, and when (null when not known). */
export interface KeyTrust {
  owner: string;
  trustedAt: string | null;
}

/**
 * Whether a packet's key is trusted now. The time comes from the key itself, or, for a key
 * trusted before Trellis kept it there, from the session's log line that recorded the trust.
 */
export function trustOf(key: KnownKey | undefined, log: readonly SessionLogEntry[] = []): KeyTrust | null {
  if (!key || key.trusted !== 1) return null;
  const logged = log.findLast((e) => e.kind === 'key-trusted' && e.detail?.endsWith(`(${key.id})`));
  return { owner: key.label, trustedAt: key.trustedAt ?? logged?.at ?? null };
}

/**
 * What one check says now. The checks are kept exactly as they were when the file was opened; a
 * key trusted since then does not make "not seen before" untrue, so both moments are said:
 * "Key not seen before when opened; trusted on 2 December 2026 as Morgan Lee."
 */
export function checkText(
  flag: SessionPacket['flags'][number],
  trust: KeyTrust | null,
  formatDay: (iso: string) => string = (iso) => iso.slice(0, 10),
): { label: string; message: string } {
  if (flag.flag !== 'new-key' || !trust) return { label: flagLabels[flag.flag], message: flag.message };
  const when = trust.trustedAt ? ` on ${formatDay(trust.trustedAt)}` : '';
  return { label: `${flagLabels['new-key']} when opened`, message: `Trusted${when} as ${trust.owner}.` };
}

/** A packet's checks in one sentence, for the decisions export. */
export function checksSentence(packet: SessionPacket, trust: KeyTrust | null, formatDay?: (iso: string) => string): string {
  if (packet.flags.length === 0) return 'Verified';
  return packet.flags
    .map((f) => {
      const { label, message } = checkText(f, trust, formatDay);
      return f.flag === 'new-key' && trust ? `${label}; ${message.charAt(0).toLowerCase()}${message.slice(1)}` : message;
    })
    .join(' ');
}
