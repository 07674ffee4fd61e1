import { describe, expect, it } from 'vitest';

import {
  type Candidate,
  checksSentence,
  checkText,
  decisionRows,
  type KnownKey,
  type SessionLogEntry,
  type SessionPacket,
  trustOf,
} from '../../../shared/calibration';
import type { PacketContent } from '../../../shared/packets';

const fingerprint = 'c'.repeat(64);
const newKey = { flag: 'new-key' as const, message: 'Signed with a key this Trellis has not seen before: check with the sender whose it is.' };
const packet = (flags: SessionPacket['flags']): SessionPacket => ({
  id: 'p1',
  sessionId: 's',
  fileName: 'alex.json',
  text: null,
  openedAt: '2026-11-20T09:00:00.000Z',
  position: 0,
  fingerprint,
  flags,
});
const key = (over: Partial<KnownKey> = {}): KnownKey => ({
  id: fingerprint,
  firstSeenAt: '2026-11-20T09:00:00.000Z',
  firstFileName: 'alex.json',
  trusted: 0,
  label: '',
  ...over,
});
const logLine = (over: Partial<SessionLogEntry>): SessionLogEntry => ({
  id: crypto.randomUUID(),
  sessionId: 's',
  at: '2026-11-21T10:00:00.000Z',
  kind: 'opened',
  ...over,
});

describe('checks of opened packets, then and now', () => {
  it('says a key was not seen when opened, and when and as whose it was trusted since', () => {
    const trust = trustOf(key({ trusted: 1, label: 'Morgan Lee', trustedAt: '2026-12-02T08:30:00.000Z' }));
    expect(trust).toEqual({ owner: 'Morgan Lee', trustedAt: '2026-12-02T08:30:00.000Z' });
    expect(checkText(newKey, trust)).toEqual({ label: 'Key not seen before when opened', message: 'Trusted on 2026-12-02 as Morgan Lee.' });
    expect(checksSentence(packet([newKey]), trust, (iso) => `day ${iso.slice(0, 10)}`)).toBe(
      'Key not seen before when opened; trusted on day 2026-12-02 as Morgan Lee.',
    );
  });

  it('keeps the message found at opening for a key not trusted, and for every other check', () => {
    expect(trustOf(key())).toBeNull();
    expect(trustOf(undefined)).toBeNull();
    expect(checkText(newKey, null)).toEqual({ label: 'Key not seen before', message: newKey.message });
    const unsigned = { flag: 'unsigned' as const, message: 'Not signed: nothing shows who sent it.' };
    const trust = { owner: 'Morgan Lee', trustedAt: null };
    expect(checkText(unsigned, trust)).toEqual({ label: 'Unsigned', message: unsigned.message });
    expect(checksSentence(packet([]), trust)).toBe('Verified');
    expect(checksSentence(packet([newKey]), null)).toBe(newKey.message);
  });

  it('finds when an older key was trusted in the session log, and says no date when nothing knows it', () => {
    const older = key({ trusted: 1, label: 'Morgan Lee' });
    const log = [
      logLine({ kind: 'key-trusted', at: '2026-11-22T11:00:00.000Z', detail: `Someone else (${'d'.repeat(64)})` }),
      logLine({ kind: 'key-trusted', at: '2026-11-23T12:00:00.000Z', detail: `Morgan Lee (${fingerprint})` }),
    ];
    expect(trustOf(older, log)).toEqual({ owner: 'Morgan Lee', trustedAt: '2026-11-23T12:00:00.000Z' });
    expect(checkText(newKey, trustOf(older, []))).toEqual({ label: 'Key not seen before when opened', message: 'Trusted as Morgan Lee.' });
  });

  it('writes both moments into the decisions export rows', () => {
    const content = {
      person: { name: 'Alex Rivera' },
      preparedBy: { name: 'Morgan Lee' },
      target: { trackName: 'IC', levelTitle: 'Senior', levelId: 'S2' },
    } as unknown as PacketContent;
    const candidate: Candidate = { packet: packet([newKey]), content, pseudonym: 'Candidate 1' };
    const before = decisionRows([candidate], new Map(), []);
    expect(before[0]!.checks).toBe(newKey.message);
    const after = decisionRows([candidate], new Map(), [], {
      trust: (f) => (f === fingerprint ? { owner: 'Morgan Lee', trustedAt: '2026-12-02T08:30:00.000Z' } : null),
      formatDay: () => '2 December 2026',
    });
    expect(after[0]!.checks).toBe('Key not seen before when opened; trusted on 2 December 2026 as Morgan Lee.');
  });
});
