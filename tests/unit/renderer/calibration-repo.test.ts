import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import type { OpenedFile } from '../../../renderer/db/calibration';
import { TrellisDatabase } from '../../../renderer/db/database';
import { candidatesOf, DecisionReasonRequiredError } from '../../../shared/calibration';
import { createDatabaseAt } from '../../support/schema-history';

type Fixture = Record<string, { id: string }[]>;
const read = (file: string) => JSON.parse(readFileSync(new URL(`../../fixtures/db/${file}`, import.meta.url), 'utf8')) as Fixture;
const oneTeam = read('v2-one-team.json');
const { _comment, ...v8Rows } = read('v8-packets.json') as Fixture & { _comment: unknown };
void _comment;
const fixture: Fixture = { ...oneTeam, ...v8Rows };

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('Dexie version 9: calibration sessions', () => {
  it('opens a version 8 database with every row kept and the five new tables empty and indexed', async () => {
    const name = `v9-${crypto.randomUUID()}`;
    await createDatabaseAt(name, [1, 2, 3, 4, 5, 6, 7, 8], fixture);
    const db = new TrellisDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(9);
    for (const [table, rows] of Object.entries(fixture)) expect(byId(await db.table(table).toArray()), table).toEqual(byId(rows));
    for (const t of [db.calibrationSessions, db.sessionPackets, db.decisions, db.sessionLog, db.knownKeys]) expect(await t.count(), t.name).toBe(0);
    expect(db.sessionLog.schema.indexes.map((i) => i.name)).toEqual(['[sessionId+at]']);
    expect(db.knownKeys.schema.primKey.name).toBe('id');
    // The v8 data still works beside the new tables.
    const repos = createRepositories(db);
    expect((await repos.packets.listRecent()).map((p) => p.id)).toEqual(['8d1f2c3a-0b4e-4c6d-9e7f-1a2b3c4d5e6f', '9e2a3b4c-1c5f-4d7e-8f90-2b3c4d5e6f70']);
    const session = await repos.calibration.createSession({ name: 'Senior engineers', scope: '' });
    expect((await repos.calibration.listSessions()).map((s) => s.id)).toEqual([session.id]);
    db.close();
  });
});

const file = (fileName: string, fingerprint: string | null, flags: OpenedFile['flags'] = []): OpenedFile => ({
  fileName,
  text: JSON.stringify({ content: null }),
  fingerprint,
  flags,
});

describe('CalibrationRepository', () => {
  const setup = () => {
    let t = 0;
    const db = new TrellisDatabase(`calibration-${crypto.randomUUID()}`);
    return { db, repos: createRepositories(db, () => new Date(Date.UTC(2026, 11, 1, 10, 0, t++))) };
  };

  it('keeps opened packets with a decision each, flags keys not met before once, and logs the opening', async () => {
    const { repos } = setup();
    const session = await repos.calibration.createSession({ name: ' H2 seniors ', scope: 'Support' });
    expect(session.name).toBe('H2 seniors');
    const a = 'a'.repeat(64);
    const first = await repos.calibration.addPackets(session.id, [
      file('one.json', a),
      file('two.json', a),
      file('three.json', null, [{ flag: 'unsigned', message: 'Not signed' }]),
    ]);
    expect(first.map((p) => p.flags.map((f) => f.flag))).toEqual([['new-key'], ['new-key'], ['unsigned']]);
    expect(first.map((p) => p.position)).toEqual([0, 1, 2]);
    const again = await repos.calibration.addPackets(session.id, [file('four.json', a)]);
    expect(again[0]!.flags).toEqual([]);
    expect(again[0]!.position).toBe(3);
    // These test files hold no packet content: they are named by their file, not numbered.
    expect(candidatesOf(await repos.calibration.packets(session.id)).map((c) => c.pseudonym)).toEqual(['one.json', 'two.json', 'three.json', 'four.json']);
    expect((await repos.calibration.decisions(session.id)).every((d) => d.outcome === null)).toBe(true);
    expect((await repos.calibration.logOf(session.id)).map((e) => e.kind)).toEqual(['created', 'opened', 'opened']);
    const [key] = await repos.calibration.knownKeys([a]);
    expect(key).toMatchObject({ trusted: 0, firstFileName: 'one.json' });
    await expect(repos.calibration.trustKey(session.id, a, ' ')).rejects.toThrow(/whose key/);
    await repos.calibration.trustKey(session.id, a, 'Morgan Lee');
    expect((await repos.calibration.knownKeys([a]))[0]).toMatchObject({ trusted: 1, label: 'Morgan Lee', firstFileName: 'one.json' });
    // The time of the trust is kept with the key: the checks found at opening stay, and the screen and exports say both.
    const trustedAt = (await repos.calibration.knownKeys([a]))[0]!.trustedAt!;
    expect(trustedAt).toMatch(/^2026-12-01T10:00:\d\d\.000Z$/);
    expect((await repos.calibration.packets(session.id))[0]!.flags.map((f) => f.flag)).toEqual(['new-key']);
    await expect(repos.calibration.addPackets('gone', [file('x.json', null)])).rejects.toThrow(/not found/);
  });

  it('records a decision, refuses a change without a reason (nothing written), logs a change with its reason, and never touches the packet', async () => {
    const { repos } = setup();
    const session = await repos.calibration.createSession({ name: 'Seniors', scope: '' });
    const [packet] = await repos.calibration.addPackets(session.id, [file('one.json', null)]);
    const id = packet!.id;
    await repos.calibration.saveDecisionText(id, { rationale: 'Strong design work', openQuestions: 'Scope beyond the team?' });
    const decided = await repos.calibration.setOutcome(id, 'promote');
    expect(decided).toMatchObject({ outcome: 'promote', rationale: 'Strong design work' });
    await expect(repos.calibration.setOutcome(id, 'not-yet', '  ')).rejects.toBeInstanceOf(DecisionReasonRequiredError);
    expect((await repos.calibration.decisions(session.id))[0]!.outcome).toBe('promote');
    await repos.calibration.setOutcome(id, 'promote', '');
    await repos.calibration.setOutcome(id, 'not-yet', 'Scope not shown yet', { rationale: 'Needs org-wide scope', openQuestions: '' });
    await repos.calibration.recordReveal(session.id, id);
    const log = await repos.calibration.logOf(session.id);
    expect(log.map((e) => e.kind)).toEqual(['created', 'opened', 'decided', 'changed', 'revealed']);
    expect(log[2]).toMatchObject({ to: 'promote', rationale: 'Strong design work', packetId: id });
    expect(log[3]).toMatchObject({ from: 'promote', to: 'not-yet', reason: 'Scope not shown yet', rationale: 'Needs org-wide scope' });
    expect((await repos.calibration.packets(session.id))[0]).toEqual(packet);
    await repos.calibration.removeSession(session.id);
    expect(await repos.calibration.packets(session.id)).toEqual([]);
    expect(await repos.calibration.logOf(session.id)).toEqual([]);
  });
});

describe('renaming and deleting a session', () => {
  const setup = () => {
    let t = 0;
    const db = new TrellisDatabase(`calibration-${crypto.randomUUID()}`);
    return { db, repos: createRepositories(db, () => new Date(Date.UTC(2026, 11, 1, 10, 0, t++))) };
  };

  it('renames with a log line that keeps the old name, refuses an empty name and changes nothing for the same name', async () => {
    const { repos } = setup();
    const session = await repos.calibration.createSession({ name: 'H2 seniors', scope: '' });
    const renamed = await repos.calibration.renameSession(session.id, '  H2 senior engineers ');
    expect(renamed.name).toBe('H2 senior engineers');
    expect((await repos.calibration.getSession(session.id))!.name).toBe('H2 senior engineers');
    await expect(repos.calibration.renameSession(session.id, '   ')).rejects.toThrow(/Name the session/);
    await repos.calibration.renameSession(session.id, 'H2 senior engineers');
    const log = await repos.calibration.logOf(session.id);
    expect(log.map((e) => e.kind)).toEqual(['created', 'renamed']);
    expect(log[1]!.detail).toBe('H2 seniors → H2 senior engineers');
    expect((await repos.calibration.getSession(session.id))!.name).toBe('H2 senior engineers');
    await expect(repos.calibration.renameSession('gone', 'X')).rejects.toThrow(/not found/);
  });

  it('says what a deletion takes, then takes exactly that: packets, decisions and log of that session, not the keys met nor other sessions', async () => {
    const { db, repos } = setup();
    const a = 'b'.repeat(64);
    const doomed = await repos.calibration.createSession({ name: 'Doomed', scope: '' });
    const kept = await repos.calibration.createSession({ name: 'Kept', scope: '' });
    const packets = await repos.calibration.addPackets(doomed.id, [file('one.json', a), file('two.json', null), file('three.json', null)]);
    await repos.calibration.addPackets(kept.id, [file('other.json', null)]);
    await repos.calibration.setOutcome(packets[0]!.id, 'promote');
    expect(await repos.calibration.sessionSize(doomed.id)).toEqual({ packets: 3, decided: 1, logEntries: 3 });
    await repos.calibration.removeSession(doomed.id);
    expect(await repos.calibration.getSession(doomed.id)).toBeUndefined();
    expect(await repos.calibration.sessionSize(doomed.id)).toEqual({ packets: 0, decided: 0, logEntries: 0 });
    expect(await db.decisions.where('sessionId').equals(doomed.id).count()).toBe(0);
    expect(await repos.calibration.sessionSize(kept.id)).toEqual({ packets: 1, decided: 0, logEntries: 2 });
    expect((await repos.calibration.knownKeys([a]))[0]).toMatchObject({ id: a });
  });
});
