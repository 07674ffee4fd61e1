import 'fake-indexeddb/auto';

import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { createRepositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { openPacketFile, type PacketContent, packetFileText } from '../../../shared/packets';
import { createDatabaseAt } from '../../support/schema-history';

type Fixture = Record<string, { id: string }[]>;
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db/v2-one-team.json', import.meta.url), 'utf8')) as Fixture;

const frozen = { ladderId: 'support', version: '1.0.0', hash: 'a'.repeat(64) };

/** The schema as main had it before packets (versions 1, 2, 3 and 6), with the one-team fixture in it. */
const createV6Database = (name: string) => createDatabaseAt(name, [1, 2, 3, 6], fixture);

describe('Dexie version 8: packets and the signing key', () => {
  it('opens a version 6 database with every row kept and the two new tables empty', async () => {
    const name = `v8-${crypto.randomUUID()}`;
    await createV6Database(name);
    const db = new TrellisDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(8);
    for (const [table, rows] of Object.entries(fixture)) {
      const stored = await db.table(table).toArray();
      expect(stored.length, table).toBe(rows.length);
      for (const row of rows)
        expect(
          stored.find((s: { id: string }) => s.id === row.id),
          `${table} ${row.id}`,
        ).toMatchObject(row);
    }
    expect(await db.packets.count()).toBe(0);
    expect(await db.signingKeys.count()).toBe(0);
    expect(db.packets.schema.indexes.map((i) => i.name).sort()).toEqual(['personId', 'updatedAt']);
    db.close();
  });

  it('creates, saves and lists drafts; refuses an invalid patch and keeps the stored draft', async () => {
    let t = 0;
    const db = new TrellisDatabase(`packets-${crypto.randomUUID()}`);
    const repos = createRepositories(db, () => new Date(Date.UTC(2026, 10, 1, 10, 0, t++)));
    const alex = await repos.people.create({ name: 'Alex' });
    const a = await repos.packets.create({ personId: alex.id, ladder: frozen, trackId: 'ic', levelId: 'S2', period: { from: '2025-12-01', to: '2026-11-30' } });
    const b = await repos.packets.create({ personId: alex.id, ladder: frozen, trackId: 'ic', levelId: 'S1', period: { from: '2025-12-01', to: '2026-11-30' } });
    const saved = await repos.packets.save(a.id, {
      period: a.period,
      summary: { ...a.summary, role: 'Backend' },
      criteria: [{ criterionId: 'code-s2-a', narrative: 'Led it', evidence: [{ kind: 'assessment', id: 'x', note: '' }] }],
    });
    expect(saved.summary.role).toBe('Backend');
    expect((await repos.packets.listRecent()).map((p) => p.id)).toEqual([a.id, b.id]);
    await expect(repos.packets.save(a.id, { ...saved, period: { from: 'soon', to: '2026-11-30' } })).rejects.toThrow();
    expect((await repos.packets.get(a.id))?.summary.role).toBe('Backend');
    await expect(repos.packets.save('gone', saved)).rejects.toThrow(/not found/);
    db.close();
  });

  it('makes the signing key once and signs with it', async () => {
    const db = new TrellisDatabase(`keys-${crypto.randomUUID()}`);
    const repos = createRepositories(db);
    expect(await repos.packets.signingFingerprint()).toBeNull();
    const [k1, k2] = await Promise.all([repos.packets.signingKey(), repos.packets.signingKey()]);
    expect(k1.fingerprint).toBe(k2.fingerprint);
    expect(await db.signingKeys.count()).toBe(1);
    const content: PacketContent = {
      person: { name: 'Alex' },
      preparedBy: null,
      ladderName: 'Support',
      target: { trackId: 'ic', trackName: 'IC', levelId: 'S2', levelTitle: 'Senior' },
      period: { from: '2025-12-01', to: '2026-11-30' },
      summary: { role: '', timeInLevel: '', scope: '', keyProjects: '', mentoring: '', advocates: '', gaps: '' },
      criteria: [],
    };
    const opened = await openPacketFile(await packetFileText(content, { exporterVersion: '0.1.0', exportedAt: 'now', ladder: frozen }, k1));
    expect(opened.ok && opened.signature).toEqual({ status: 'valid', fingerprint: k1.fingerprint });
    db.close();
  });
});
