import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

import { isPlainFileName, safeFileName, uniqueNames } from '../../../shared/domain/file-names';
import { meetingSharedMarkdown, notesExportFiles, yamlPair } from '../../../shared/domain/markdown-export';
import { type ActionItem, type Meeting, meetingKinds } from '../../../shared/domain/meetings';

const MARKER = 'PRIVATE-MARKER-7f3a91c2';
const stamp = '2026-01-01T00:00:00Z';

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    personId: 'alex',
    seriesId: 's1',
    kind: 'one-on-one',
    date: '2026-03-02',
    time: '09:30',
    agenda: [
      { id: 'a1', text: 'Project Falcon status', author: 'me', done: true },
      { id: 'a2', text: 'Conference\ntalk idea', author: 'them', done: false },
    ],
    sharedNotes: 'We agreed to **ship** on Friday.',
    privateNotes: `Worried about burnout. ${MARKER}`,
    mood: 4,
    energy: 2,
    tags: ['growth', 'project: falcon'],
    createdAt: stamp,
    updatedAt: stamp,
    ...overrides,
  };
}

const items: ActionItem[] = [
  { id: 'i1', personId: 'alex', meetingId: 'm1', text: 'Send the RFC', owner: 'them', due: '2026-03-06', done: false, createdAt: stamp, updatedAt: stamp },
  { id: 'i2', personId: 'alex', meetingId: 'm1', text: 'Book the offsite', owner: 'me', done: true, createdAt: stamp, updatedAt: stamp },
  { id: 'i3', personId: 'alex', meetingId: 'other', text: 'Not from this meeting', owner: 'me', done: false, createdAt: stamp, updatedAt: stamp },
];
const people = [
  { id: 'alex', name: 'Alex Rivera' },
  { id: 'sam', name: 'Sam Lee' },
];

function frontMatterOf(content: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(content);
  if (!match) throw new Error('no front matter');
  return parse(match[1]!) as Record<string, unknown>;
}

describe('meetingSharedMarkdown', () => {
  it('has the agenda, shared notes and the meeting’s action items (carried ones marked), and never private notes', () => {
    const md = meetingSharedMarkdown(meeting(), people[0]!, items);
    expect(md).toContain('# 1:1 — Alex Rivera, 2026-03-02');
    expect(md).toContain('- [x] Project Falcon status');
    expect(md).toContain('- [ ] Conference talk idea');
    expect(md).toContain('We agreed to **ship** on Friday.');
    expect(md).toContain('- [ ] Alex Rivera: Send the RFC (due 2026-03-06)');
    expect(md).toContain('- [x] Me: Book the offsite');
    expect(md).toContain('- [ ] Me: Not from this meeting (carried over)');
    expect(md).not.toContain(MARKER);
    expect(md).not.toContain('burnout');
  });
});

describe('exports name the user, not "Me"', () => {
  const user = { name: 'Maya Okafor' };
  it('names the user as owner of their action items and as the other person in the meeting', () => {
    const md = meetingSharedMarkdown(meeting(), people[0]!, items, user);
    expect(md).toContain('With Maya Okafor and Alex Rivera');
    expect(md).toContain('- [x] Maya Okafor: Book the offsite');
    expect(md).toContain('- [ ] Alex Rivera: Send the RFC (due 2026-03-06)');
    expect(md).not.toMatch(/\bMe:|\bThem:/);
  });

  it('does so in every exported file, front matter included', () => {
    const files = notesExportFiles({ people, meetings: [meeting()], actionItems: items }, { user });
    expect(files[0]!.content).toContain('- [x] Maya Okafor: Book the offsite');
    expect(frontMatterOf(files[0]!.content)).toMatchObject({ person: 'Alex Rivera', with: 'Maya Okafor' });
    expect(files[0]!.content).not.toMatch(/\bMe:/);
  });

  it('keeps a user name with a line break on one line', () => {
    expect(meetingSharedMarkdown(meeting(), people[0]!, items, { name: 'Maya\nOkafor' })).toContain('- [x] Maya Okafor: Book the offsite');
  });
});

describe('notesExportFiles', () => {
  const input = {
    people,
    meetings: [
      meeting(),
      meeting({ id: 'm2', date: '2026-03-02', privateNotes: `Second ${MARKER}` }),
      meeting({ id: 'm3', personId: 'sam', date: '2026-02-01', mood: undefined, energy: undefined, tags: [] }),
    ],
    actionItems: items,
  };

  it('leaves private notes out: not in bodies, front matter or names', () => {
    const files = notesExportFiles(input);
    expect(files.map((f) => f.name)).toEqual(['2026-02-01-1-1-sam-lee.md', '2026-03-02-1-1-alex-rivera.md', '2026-03-02-1-1-alex-rivera-2.md']);
    for (const f of files) {
      expect(f.content).not.toContain(MARKER);
      expect(f.name).not.toContain(MARKER.toLowerCase());
      expect(f.content).not.toContain('Private notes');
      expect(f.content).not.toContain('Not from this meeting');
    }
  });

  it('writes front matter with person, date, kind, mood, energy and tags', () => {
    const [sam, alex] = notesExportFiles(input);
    expect(frontMatterOf(alex!.content)).toEqual({
      person: 'Alex Rivera',
      date: '2026-03-02',
      kind: '1:1',
      time: '09:30',
      mood: 4,
      energy: 2,
      tags: ['growth', 'project: falcon'],
    });
    expect(frontMatterOf(sam!.content)).toEqual({ person: 'Sam Lee', date: '2026-02-01', kind: '1:1', time: '09:30', tags: [] });
  });

  it('front matter written a pair at a time is what yaml writes for the whole mapping, for any values', () => {
    // Names and tags of any text: quotes, colons, '#', leading dashes, numbers and booleans as text, line breaks, long lines.
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.constantFrom('true', 'null', '~', '007', '1e3', '.inf', '- x', 'a: b', 'a #b', "it's", '"q"', ' lead', 'trail ', 'two\nlines', '@at', '2026-03-02'),
    );
    const record = fc.record(
      {
        person: text,
        date: text,
        kind: text,
        with: text,
        time: text,
        mood: fc.integer({ min: -5, max: 10 }),
        energy: fc.integer({ min: 1, max: 5 }),
        tags: fc.array(text, { maxLength: 4 }),
      },
      { requiredKeys: ['person', 'date', 'kind', 'tags'] },
    );
    fc.assert(
      fc.property(record, fc.boolean(), (data, twice) => {
        const pairs = () =>
          Object.entries(data)
            .map(([k, v]) => yamlPair(k, v))
            .join('');
        // The second time the pairs come from the cache.
        if (twice) pairs();
        expect(pairs()).toBe(stringify(data));
      }),
      { numRuns: 300 },
    );
  });

  it('skips meetings of unknown people instead of guessing', () => {
    expect(notesExportFiles({ ...input, people: [] })).toEqual([]);
  });
});

describe('file names', () => {
  it('are safe and unique', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('CON')).toBe('con-file');
    expect(safeFileName('  ')).toBe('untitled');
    expect(safeFileName('Zoë Ångström')).toBe('zoë-ångström');
    expect(uniqueNames(['a.md', 'A.md', 'a.md'])).toEqual(['a.md', 'A-2.md', 'a-3.md']);
    for (const bad of ['', '.', '..', '../x.md', 'a/b.md', 'a\\b.md', '.hidden', 'nul.txt', 'x:y', 'trail.']) expect(isPlainFileName(bad), bad).toBe(false);
    expect(isPlainFileName('2026-03-02-1-1-alex-rivera.md')).toBe(true);
  });
});

describe('property: private notes never leak by default', () => {
  it('holds for any meeting text, tags, names and kinds', () => {
    const text = fc.string({ maxLength: 80 }).filter((t) => !t.includes(MARKER));
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom(...meetingKinds),
          shared: text,
          agenda: fc.array(
            text.filter((t) => t.trim().length > 0),
            { maxLength: 4 },
          ),
          tags: fc.array(
            text.filter((t) => t.trim().length > 0),
            { maxLength: 3 },
          ),
          name: text.filter((t) => t.trim().length > 0),
          before: fc.string({ maxLength: 40 }),
          after: fc.string({ maxLength: 40 }),
        }),
        (r) => {
          const m = meeting({
            kind: r.kind,
            sharedNotes: r.shared,
            privateNotes: `${r.before}${MARKER}${r.after}`,
            agenda: r.agenda.map((t, i) => ({ id: `a${i}`, text: t, author: 'me' as const, done: false })),
            tags: r.tags,
          });
          const input = { people: [{ id: 'alex', name: r.name }], meetings: [m], actionItems: items };
          for (const f of notesExportFiles(input)) {
            expect(f.content).not.toContain(MARKER);
            expect(f.name).not.toContain(MARKER.toLowerCase());
          }
          expect(meetingSharedMarkdown(m, { name: r.name }, items)).not.toContain(MARKER);
        },
      ),
      { numRuns: 200 },
    );
  });
});
