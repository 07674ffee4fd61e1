import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { describeProblem, detectMapping, type ImportPlan, planImport } from '../../../shared/domain/people-csv';
import { parseCsv, peopleToCsv } from '../../../shared/domain/people-csv-file';
import { type Person, tracks } from '../../../shared/domain/person';

const stamp = '2026-01-01T00:00:00Z';
const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

function plan(text: string, existing: Person[] = []): ImportPlan {
  const table = parseCsv(text);
  return planImport(table, detectMapping(table.headers), existing, counter());
}

const messages = (p: ImportPlan) => p.problems.map(describeProblem);

/** Applies a plan the way the repository does, for re-import tests. */
function apply(existing: Person[], p: ImportPlan): Person[] {
  const out = new Map(existing.map((x) => [x.id, x]));
  for (const planned of p.people) {
    const before = out.get(planned.id);
    out.set(planned.id, { archived: false, createdAt: stamp, ...before, ...planned.fields, id: planned.id, updatedAt: stamp } as Person);
  }
  return [...out.values()];
}

const header = 'Name,Email,Manager email,Title,Track,Level,Start date,Level since';

describe('CSV import of people', () => {
  it('numbers rows as the spreadsheet does, blank lines included', () => {
    const p = plan('name,email\nAlex,alex@example.com\n\n  ,  \nSam,not-an-email\n');
    expect(messages(p)).toEqual(["Row 5, column 'email': enter a valid email address, like alex@example.com"]);
    expect(plan('name,email\n\n\n').problems.map((x) => x.message)).toEqual(['The file has a header row but no people.']);
  });

  it('reads semicolon-separated files as spreadsheets in some locales write them', () => {
    expect(plan('Name;Email\nAlex;alex@example.com\n')).toMatchObject({ problems: [], created: 1 });
  });

  it('maps headers, resolves managers defined later in the file, and plans creations', () => {
    const p = plan(
      `${header}\nAlex Rivera,alex@example.com,MAYA@example.com,Senior Engineer,engineering,L5,2022-03-01,2024-01-01\nMaya Okafor,maya@example.com,,Engineering Manager,Engineering management,M2,,\n`,
    );
    expect(p.problems).toEqual([]);
    expect(p.created).toBe(2);
    const [alex, maya] = p.people;
    expect(alex!.fields).toMatchObject({ name: 'Alex Rivera', email: 'alex@example.com', track: 'engineering', level: 'L5', managerId: maya!.id });
    expect(maya!.fields).toMatchObject({ track: 'management', managerId: null });
  });

  it('reports every problem by row and column, and plans nothing', () => {
    const text = [
      header,
      'Maya Okafor,maya@example.com,,,,,,',
      'Alex Rivera,not-an-email,,,,,,',
      'Sam Lee,sam@example.com,nobody@example.com,,,,,',
      'Kim Nguyen,MAYA@example.com,,,,,,',
      'Jo Park,jo@example.com,,,wizardry,,,',
      'Lee Chen,lee@example.com,,,,,2024-02-30,',
      'Ana Costa,ana@example.com,ben@example.com,,,,,',
      'Ben Costa,ben@example.com,ana@example.com,,,,,',
      ',noname@example.com,,,,,,',
      'Ola Berg,ola@example.com,,,,,2024-05-01,2023-01-01',
    ].join('\n');
    const p = plan(text);
    expect(p.people).toEqual([]);
    expect(messages(p)).toEqual([
      "Row 3, column 'Email': enter a valid email address, like alex@example.com",
      "Row 4, column 'Manager email': no person has the email nobody@example.com",
      "Row 5, column 'Email': maya@example.com is already used in row 2",
      "Row 6, column 'Track': 'wizardry' is not a track; use one of engineering, management, product, design, other",
      "Row 7, column 'Start date': '2024-02-30' is not a real day",
      "Row 8, column 'Manager email': manager loop: Ben Costa already reports, directly or not, to Ana Costa",
      "Row 9, column 'Manager email': manager loop: Ana Costa already reports, directly or not, to Ben Costa",
      "Row 10, column 'Name': enter a name",
      "Row 11, column 'Level since': level since cannot be before the start date",
    ]);
  });

  it('a manager loop through people already stored is refused', () => {
    const maya: Person = { id: 'maya', name: 'Maya', email: 'maya@example.com', managerId: 'alex', archived: false, createdAt: stamp, updatedAt: stamp };
    const alex: Person = { id: 'alex', name: 'Alex', email: 'alex@example.com', managerId: null, archived: false, createdAt: stamp, updatedAt: stamp };
    const p = plan('name,email,manager\nAlex,alex@example.com,maya@example.com\n', [maya, alex]);
    expect(messages(p)).toEqual(["Row 2, column 'manager': manager loop: Maya already reports, directly or not, to Alex"]);
  });

  it('re-import updates by email (any case), keeps unmapped fields, and counts unchanged rows', () => {
    const first = plan(`${header}\nAlex Rivera,alex@example.com,,Engineer,,L4,,\n`);
    const stored = apply([], first);
    const again = plan('name,EMAIL,level\nAlex Rivera,ALEX@Example.com,L5\n', stored);
    expect(again.problems).toEqual([]);
    expect(again).toMatchObject({ created: 0, updated: 1 });
    expect(again.people[0]).toMatchObject({ id: stored[0]!.id, isNew: false, fields: { level: 'L5', title: 'Engineer' } });
    const same = plan('name,email,level\nAlex Rivera,alex@example.com,L5\n', apply(stored, again));
    expect(same).toMatchObject({ created: 0, updated: 0, unchanged: 1, people: [] });
  });

  it('explains a missing mapping, an empty file and bad quoting', () => {
    expect(messages(plan('full name,phone\nAlex,123\n'))).toEqual(["Choose the column that holds each person's email."]);
    expect(messages(plan('phone\n1\n'))).toEqual(["Choose the column that holds each person's name.", "Choose the column that holds each person's email."]);
    expect(messages(plan(''))).toEqual(['The file is empty: it needs a header row and one row per person.']);
    expect(messages(plan('name,email\n'))).toEqual(['The file has a header row but no people.']);
    expect(plan('name,email\n"Alex,alex@example.com\n').problems[0]?.message).toMatch(/could not be read/);
  });

  const arbitraryPeople = fc
    .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), { minLength: 1, maxLength: 25 })
    .chain((locals) =>
      fc.tuple(
        ...locals.map((local, i) =>
          fc.record({
            id: fc.constant(`p${i}`),
            name: fc
              .string({ minLength: 1, maxLength: 40 })
              .map((s) => s.trim())
              .filter((s) => s.length > 0),
            email: fc.constant(`${local}@example.com`),
            managerIndex: i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
            title: fc.option(
              fc
                .string({ maxLength: 30 })
                .map((s) => s.trim())
                .filter((s) => s.length > 0),
              { nil: undefined },
            ),
            track: fc.option(fc.constantFrom(...tracks), { nil: undefined }),
            level: fc.option(fc.stringMatching(/^[A-Z]\d$/), { nil: undefined }),
            start: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
            since: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
          }),
        ),
      ),
    )
    .map((rows) =>
      rows.map((r): Person => {
        const startDate = r.start === undefined ? undefined : new Date(Date.UTC(2010, 0, 1) + r.start * 86_400_000).toISOString().slice(0, 10);
        const levelSince = startDate && r.since !== undefined ? new Date(Date.parse(startDate) + r.since * 86_400_000).toISOString().slice(0, 10) : undefined;
        return {
          id: r.id,
          name: r.name,
          email: r.email,
          title: r.title,
          track: r.track,
          level: r.level,
          managerId: r.managerIndex >= 0 ? `p${r.managerIndex}` : null,
          startDate,
          levelSince,
          archived: false,
          createdAt: stamp,
          updatedAt: stamp,
        };
      }),
    );

  it('property: an exported CSV of valid people (in any order) imports back to the same people', () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.func(fc.integer()), (people, order) => {
        const shuffled = [...people].sort((a, b) => order(a.id) - order(b.id));
        const p = plan(peopleToCsv(shuffled));
        expect(p.problems).toEqual([]);
        expect(p.created).toBe(people.length);
        const emailOfNewId = new Map(p.people.map((x) => [x.id, x.fields.email]));
        const emailOfOldId = new Map(people.map((x) => [x.id, x.email]));
        const got = p.people.map((x) => ({ ...x.fields, managerId: x.fields.managerId ? emailOfNewId.get(x.fields.managerId) : null }));
        const want = shuffled.map((x) => ({
          name: x.name,
          email: x.email,
          title: x.title,
          track: x.track,
          level: x.level,
          startDate: x.startDate,
          levelSince: x.levelSince,
          managerId: x.managerId ? emailOfOldId.get(x.managerId) : null,
        }));
        expect(got).toEqual(want);
        // Importing the same file over what it created changes nothing.
        expect(plan(peopleToCsv(shuffled), apply([], p))).toMatchObject({ created: 0, updated: 0, unchanged: people.length });
      }),
      { numRuns: 150 },
    );
  });

  it('property: random text never throws; it either plans valid people or says what is wrong', () => {
    const garbage = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 9 }), { maxLength: 12 }).map((rows) => Papa.unparse(rows)),
      fc.array(fc.array(fc.string({ maxLength: 20 }), { minLength: 8, maxLength: 8 }), { maxLength: 12 }).map((rows) => `${header}\n${Papa.unparse(rows)}`),
    );
    fc.assert(
      fc.property(garbage, (text) => {
        const p = plan(text);
        if (p.problems.length === 0) {
          expect(p.people.length).toBeGreaterThan(0);
          for (const x of p.people) expect(x.fields.email).toMatch(/@/);
        } else {
          expect(p.people).toEqual([]);
          for (const problem of p.problems) expect(describeProblem(problem).length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: one bad cell in a valid file is reported on its row and column', () => {
    const bad = fc.constantFrom(
      ['Email', 'nope'],
      ['Track', 'astronaut'],
      ['Start date', '15/15/2024'],
      ['Level since', '2024-13-01'],
      ['Manager email', 'ghost@example.com'],
    );
    fc.assert(
      fc.property(arbitraryPeople, fc.nat(), bad, (people, pick, [column, value]) => {
        const table = Papa.parse<string[]>(peopleToCsv(people), { delimiter: ',' }).data;
        const rowIndex = 1 + (pick % people.length);
        const col = ['name', 'email', 'manager email', 'title', 'track', 'level', 'start date', 'level since'].indexOf(column.toLowerCase());
        table[rowIndex]![col] = value;
        const p = plan(Papa.unparse(table));
        expect(p.people).toEqual([]);
        expect(p.problems.some((x) => x.row === rowIndex + 1 && x.column === column.toLowerCase())).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
