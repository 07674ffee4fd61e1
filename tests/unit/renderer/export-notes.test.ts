import 'fake-indexeddb/auto';

import { beforeAll, describe, expect, it } from 'vitest';

import { createRepositories, type Repositories } from '../../../renderer/app/data';
import { TrellisDatabase } from '../../../renderer/db/database';
import { loadSample } from '../../../renderer/db/sample';
import { EXPORT_CHUNK_LIMITS, ExportCancelled, streamNotesExport } from '../../../renderer/features/one-on-ones/export-notes';
import { ChunkBuffer } from '../../../shared/domain/export-chunks';
import { type ExportFile, notesExportFiles } from '../../../shared/domain/markdown-export';
import { MAX_EXPORT_CHUNK_CHARS, MAX_EXPORT_CHUNK_FILES } from '../../../shared/ipc/files';
import { generateSample, type SampleData } from '../../../shared/sample';
import { canariesIn, canary } from '../../support/canary';

const TODAY = '2026-11-18';
let sample: SampleData;
let repos: Repositories;
let db: TrellisDatabase;

beforeAll(async () => {
  sample = generateSample({ size: 'small', seed: 'export', today: TODAY });
  // Every private note carries the canary: no exported byte may hold it unless the user confirmed.
  for (const m of sample.tables.meetings) m.privateNotes = `${m.privateNotes ?? ''} ${canary('privateNotes')}`;
  db = new TrellisDatabase(`export-${crypto.randomUUID()}`);
  repos = createRepositories(db, () => new Date(`${TODAY}T12:00:00Z`));
  await loadSample(db, sample);
}, 120_000);

const sorted = (files: ExportFile[]) => files.map((f) => f.content).sort();

describe('ChunkBuffer', () => {
  it('never holds more than the limits, and loses or reorders nothing', () => {
    const buffer = new ChunkBuffer({ maxFiles: 3, maxChars: 10 });
    const sizes = [4, 4, 1, 9, 10, 1, 1, 1, 1, 0, 2];
    const chunks: ExportFile[][] = [];
    for (const [i, n] of sizes.entries()) {
      const full = buffer.add({ name: `${i}`, content: 'x'.repeat(n) });
      if (full) chunks.push(full);
    }
    chunks.push(buffer.take()!);
    expect(buffer.take()).toBeNull();
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(3);
      expect(chunk.reduce((s, f) => s + f.content.length, 0)).toBeLessThanOrEqual(10);
    }
    expect(chunks.flat().map((f) => f.name)).toEqual(sizes.map((_, i) => `${i}`));
    expect(() => buffer.add({ name: 'huge', content: 'x'.repeat(11) })).toThrow(RangeError);
  });
});

describe('streaming the notes export', () => {
  it('sends the same files as the whole-table export, in bounded chunks, with progress up to the total', async () => {
    const chunks: ExportFile[][] = [];
    const progress: number[] = [];
    const sent = await streamNotesExport({
      repos,
      person: null,
      send: async (files) => void chunks.push(files),
      onProgress: ({ done, total }) => {
        expect(total).toBe(sample.tables.meetings.length);
        progress.push(done);
      },
      limits: { maxFiles: 7, maxChars: 20_000 },
    });
    const all = chunks.flat();
    expect(sent).toBe(sample.tables.meetings.length);
    expect(all).toHaveLength(sent);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(7);
      expect(chunk.reduce((s, f) => s + f.content.length, 0)).toBeLessThanOrEqual(20_000);
    }
    expect(new Set(all.map((f) => f.name.toLowerCase())).size).toBe(all.length);
    // What the export built before it streamed: every meeting and item in memory at once.
    const items = (await Promise.all(sample.tables.people.map((p) => repos.actionItems.forPerson(p.id)))).flat();
    const whole = notesExportFiles({ people: sample.tables.people, meetings: await db.meetings.toArray(), actionItems: items });
    expect(sorted(all)).toEqual(sorted(whole));
    expect(progress.at(-1)).toBe(sent);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('leaves every private note out', async () => {
    const files: ExportFile[] = [];
    await streamNotesExport({ repos, person: null, send: async (chunk) => void files.push(...chunk) });
    expect(files.length).toBeGreaterThan(0);
    expect(canariesIn(files.map((f) => `${f.name}\n${f.content}`).join('\n'))).toEqual([]);
  });

  it('one person: only their meetings', async () => {
    const person = sample.tables.people.find((p) => sample.tables.meetings.some((m) => m.personId === p.id))!;
    const files: ExportFile[] = [];
    await streamNotesExport({ repos, person, send: async (chunk) => void files.push(...chunk) });
    expect(files).toHaveLength(sample.tables.meetings.filter((m) => m.personId === person.id).length);
    for (const f of files) expect(f.content).toContain(`person: ${person.name}`);
  });

  it('stops at a cancel: no chunk is sent after it', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const run = streamNotesExport({
      repos,
      person: null,
      signal: controller.signal,
      limits: { maxFiles: 5, maxChars: 1_000_000 },
      send: async () => {
        chunks += 1;
        if (chunks === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelled);
    expect(chunks).toBe(2);
  });

  it('a chunk main refuses stops the export with main’s error', async () => {
    const refused = new Error('The disk is full');
    let chunks = 0;
    const run = streamNotesExport({
      repos,
      person: null,
      limits: { maxFiles: 5, maxChars: 1_000_000 },
      send: async () => {
        chunks += 1;
        if (chunks === 1) throw refused;
      },
    });
    await expect(run).rejects.toBe(refused);
    // One chunk may have been built while the refused one was in flight; no more are sent.
    expect(chunks).toBe(1);
  });
});

describe('the renderer’s chunk size', () => {
  it('is inside what main accepts', () => {
    expect(EXPORT_CHUNK_LIMITS.maxFiles).toBeLessThanOrEqual(MAX_EXPORT_CHUNK_FILES);
    expect(EXPORT_CHUNK_LIMITS.maxChars).toBeLessThanOrEqual(MAX_EXPORT_CHUNK_CHARS);
  });
});

describe('reading a person’s meetings a page at a time', () => {
  const pagesOf = async (personId: string, size: number) => {
    const pages = [];
    for await (const page of repos.meetings.pagesForPerson(personId, size)) pages.push(page);
    return pages;
  };

  it('gives every meeting once, oldest first as forPerson reversed, no day split between pages', async () => {
    const person = [...sample.tables.people].sort(
      (a, b) => sample.tables.meetings.filter((m) => m.personId === b.id).length - sample.tables.meetings.filter((m) => m.personId === a.id).length,
    )[0]!;
    const whole = (await repos.meetings.forPerson(person.id)).reverse();
    expect(whole.length).toBeGreaterThan(6);
    const pages = await pagesOf(person.id, 4);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat().map((m) => m.id)).toEqual(whole.map((m) => m.id));
    for (const [i, page] of pages.entries()) {
      expect(page.length).toBeGreaterThan(0);
      const later = new Set(pages.slice(i + 1).flatMap((p) => p.map((m) => m.date)));
      for (const m of page) expect(later.has(m.date)).toBe(false);
    }
  });

  it('takes a day with more meetings than a page whole', async () => {
    const personId = sample.tables.people[0]!.id;
    const template = sample.tables.meetings.find((m) => m.personId === personId) ?? { ...sample.tables.meetings[0]!, personId };
    const day = '1999-01-01';
    const ids = Array.from({ length: 7 }, (_, i) => `paging-${i}`);
    await db.meetings.bulkAdd(ids.map((id, i) => ({ ...template, id, date: day, createdAt: `1999-01-01T0${i}:00:00.000Z` })));
    try {
      const pages = await pagesOf(personId, 3);
      expect(pages[0]!.map((m) => m.id)).toEqual(ids);
      expect(pages.flat().map((m) => m.id)).toEqual((await repos.meetings.forPerson(personId)).reverse().map((m) => m.id));
    } finally {
      await db.meetings.bulkDelete(ids);
    }
  });

  it('hands each meeting its own action items, in the order forPerson gives them', async () => {
    const person = sample.tables.people.find((p) => sample.tables.actionItems.some((a) => a.personId === p.id))!;
    const all = await repos.actionItems.forPerson(person.id);
    const meetingIds = [...new Set(all.map((a) => a.meetingId))];
    const byMeeting = await repos.actionItems.byMeeting(meetingIds);
    for (const id of meetingIds) expect(byMeeting.get(id)).toEqual(all.filter((a) => a.meetingId === id));
    expect(await repos.actionItems.byMeeting([])).toEqual(new Map());
  });
});
