import 'fake-indexeddb/auto';

import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  leaveSampleTeam,
  openSampleTeam,
  readSampleSession,
  removeLeftoverSample,
  SAMPLE_DATABASE_NAME,
  sampleEngineer,
} from '../../../renderer/app/sample-session';
import { sectionsFor } from '../../../renderer/app/sections';
import { DATABASE_NAME, TrellisDatabase } from '../../../renderer/db/database';

/** Storage as localStorage behaves, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

const stamp = '2026-01-01T00:00:00Z';

async function ownData() {
  const db = new TrellisDatabase(DATABASE_NAME);
  await db.people.add({ id: 'own-1', name: 'Jordan Own', managerId: null, archived: false, createdAt: stamp, updatedAt: stamp });
  return db;
}

afterEach(async () => {
  await Dexie.delete(SAMPLE_DATABASE_NAME);
  await Dexie.delete(DATABASE_NAME);
});

describe('the sample team', () => {
  it('is built in a database of its own; the user’s data is not read or changed', async () => {
    const own = await ownData();
    const storage = new MemoryStorage();
    const restart = vi.fn();
    const session = await openSampleTeam('manager', { storage, restart });
    expect(restart).toHaveBeenCalledOnce();
    expect(readSampleSession(storage)).toEqual(session);

    const sample = new TrellisDatabase(SAMPLE_DATABASE_NAME);
    const people = await sample.people.toArray();
    expect(people).toHaveLength(7);
    // The manager is "me": the one person nobody manages, the others report to them.
    const me = people.find((p) => p.id === session.meId)!;
    expect(me.managerId).toBeNull();
    expect(people.filter((p) => p.managerId === me.id)).toHaveLength(6);
    expect(await sample.meetings.count()).toBeGreaterThan(0);
    expect(await sample.people.get('own-1')).toBeUndefined();
    sample.close();

    expect(await own.people.toArray()).toEqual([{ id: 'own-1', name: 'Jordan Own', managerId: null, archived: false, createdAt: stamp, updatedAt: stamp }]);
    own.close();
  });

  it('is tried by an engineer as one of the team, by the others as its manager', async () => {
    const storage = new MemoryStorage();
    const engineer = await openSampleTeam('engineer', { storage, restart: () => {} });
    const manager = await openSampleTeam('committee', { storage, restart: () => {} });
    const sample = new TrellisDatabase(SAMPLE_DATABASE_NAME);
    expect((await sample.people.get(engineer.meId))?.managerId).toBe(manager.meId);
    expect(manager.role).toBe('committee');
    // Opened again: rebuilt from scratch, not added twice.
    expect(await sample.people.count()).toBe(7);
    sample.close();
  });

  it('makes an engineer one of the team’s engineers, whatever the day the sample is made for', async () => {
    const { generateSample } = await import('../../../shared/sample');
    for (let d = 0; d < 40; d++) {
      const today = new Date(Date.UTC(2026, 10, 20 + d)).toISOString().slice(0, 10);
      const sample = generateSample({ size: 'small', seed: 'trellis-sample', today, timeZone: 'Europe/Berlin' });
      const me = sample.tables.people.find((p) => p.id === sampleEngineer(sample));
      expect(me, today).toMatchObject({ managerId: sample.meId, track: 'engineering' });
    }
  });

  it('leaves nothing behind: the session ends, kept typing is dropped, the database is deleted at the next start', async () => {
    const own = await ownData();
    own.close();
    const storage = new MemoryStorage();
    await openSampleTeam('manager', { storage, restart: () => {} });
    storage.setItem('trellis.unsaved:meeting:x', JSON.stringify({ kind: 'meetingNotes', key: 'x', args: [] }));
    // While the session is open, start-up keeps the sample.
    await removeLeftoverSample(storage);
    expect(await Dexie.getDatabaseNames()).toContain(SAMPLE_DATABASE_NAME);

    const restart = vi.fn();
    await leaveSampleTeam({ storage, restart });
    expect(restart).toHaveBeenCalledOnce();
    expect(readSampleSession(storage)).toBeNull();
    expect(storage.length).toBe(0);
    await removeLeftoverSample(storage);
    expect(await Dexie.getDatabaseNames()).not.toContain(SAMPLE_DATABASE_NAME);
    const again = new TrellisDatabase(DATABASE_NAME);
    expect(await again.people.count()).toBe(1);
    again.close();
  });

  it('counts a damaged session entry as none', () => {
    const storage = new MemoryStorage();
    for (const bad of ['{', 'null', '{"meId":"../x","role":"manager","openedOn":"2026-01-01"}', '{"meId":"a","role":"boss","openedOn":"2026-01-01"}']) {
      storage.setItem('trellis.sample-session', bad);
      expect(readSampleSession(storage), bad).toBeNull();
    }
  });
});

describe('the navigation for each kind of user', () => {
  const paths = (role: Parameters<typeof sectionsFor>[0]) => sectionsFor(role).map((s) => s.path);
  it('keeps the manager’s order, and puts an engineer’s and a committee member’s own work first', () => {
    expect(paths('manager')).toEqual(['/', '/people', '/one-on-ones', '/ladders', '/growth', '/feedback', '/packets', '/calibration']);
    expect(paths(null)).toEqual(paths('manager'));
    expect(paths('engineer')).toEqual(['/', '/growth', '/feedback', '/ladders', '/people', '/one-on-ones', '/packets', '/calibration']);
    expect(paths('committee')).toEqual(['/', '/packets', '/calibration', '/ladders', '/people', '/one-on-ones', '/growth', '/feedback']);
  });
});
