import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { detectDateOrder, readDate } from '../../../shared/domain/csv-dates';
import { decodeCsvBytes, encodeSingleByte, findGarbled } from '../../../shared/domain/csv-encoding';
import {
  describeProblem,
  detectMapping,
  escapeFormula,
  importFieldLabels,
  type ImportOptions,
  type ImportPlan,
  planImport,
  unescapeFormula,
} from '../../../shared/domain/people-csv';
import { parseCsv, peopleToCsv } from '../../../shared/domain/people-csv-file';
import { type Person, tracks } from '../../../shared/domain/person';
import type { Team } from '../../../shared/domain/team';

const stamp = '2026-01-01T00:00:00Z';
const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

function plan(text: string, existing: Person[] = [], options: ImportOptions = {}): ImportPlan {
  const table = parseCsv(text);
  return planImport(table, detectMapping(table.headers), existing, counter(), options);
}
const messages = (p: ImportPlan) => p.problems.map(describeProblem);

const utf16 = (text: string, endian: 'le' | 'be') => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2] = endian === 'le' ? code & 0xff : code >> 8;
    out[3 + i * 2] = endian === 'le' ? code >> 8 : code & 0xff;
  }
  return out;
};

const names = 'Name,Email\nJosé Müller,jose@example.com\nZoë Ångström,zoe@example.com\nFrançois Œuvre,francois@example.com\n';

describe('CSV encodings as spreadsheets write them', () => {
  it('reads Windows-1252 (Excel "CSV"), UTF-8 with and without BOM, and UTF-16 LE/BE with BOM', () => {
    const legacy = decodeCsvBytes(encodeSingleByte(names, 'windows-1252'));
    expect(legacy).toMatchObject({ encoding: 'windows-1252', source: 'detected', garbled: null, text: names });
    expect(decodeCsvBytes(new TextEncoder().encode(names))).toMatchObject({ encoding: 'utf-8', text: names, garbled: null });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(names)]);
    expect(decodeCsvBytes(bom)).toMatchObject({ encoding: 'utf-8', source: 'bom', text: names });
    const tabbed = names.replace(/,/g, '\t');
    expect(decodeCsvBytes(utf16(tabbed, 'le'))).toMatchObject({ encoding: 'utf-16le', source: 'bom', text: tabbed });
    expect(decodeCsvBytes(utf16(tabbed, 'be'))).toMatchObject({ encoding: 'utf-16be', source: 'bom', text: tabbed });
    // Excel's "Unicode text" is tab-separated: the parser finds the tabs.
    expect(plan(decodeCsvBytes(utf16(tabbed, 'le')).text).people.map((p) => p.fields.name)).toEqual(['José Müller', 'Zoë Ångström', 'François Œuvre']);
  });

  it('finds the Central European and Cyrillic code pages when Windows-1252 would give mojibake', () => {
    const polish = 'Name,Email\nMichał Wójcik,michal@example.com\nŁucja Dąbrowska,lucja@example.com\n';
    expect(decodeCsvBytes(encodeSingleByte(polish, 'windows-1250'))).toMatchObject({ encoding: 'windows-1250', text: polish, garbled: null });
    const russian = 'Name,Email\nИван Петров,ivan@example.com\n';
    expect(decodeCsvBytes(encodeSingleByte(russian, 'windows-1251'))).toMatchObject({ encoding: 'windows-1251', text: russian, garbled: null });
  });

  it('says where the text looks garbled instead of offering mojibake', () => {
    // UTF-8 that was once read as Windows-1252 and saved again.
    expect(decodeCsvBytes(new TextEncoder().encode('Name,Email\nJosÃ© MÃ¼ller,jose@example.com\n')).garbled).toEqual({ line: 2, sample: 'JosÃ©' });
    // A UTF-8 file forced through Windows-1252 by the user's choice.
    const forced = decodeCsvBytes(new TextEncoder().encode(names), 'windows-1252');
    expect(forced).toMatchObject({ encoding: 'windows-1252', source: 'chosen', garbled: { line: 2 } });
    expect(findGarbled('Name\nO’Brien\nNº 5\n£50 bonus\nMüller', true)).toBeNull();
    expect(findGarbled('a\u0081b', false)).toMatchObject({ line: 1 });
  });

  it('property: names in Western European letters survive Windows-1252 and every Unicode encoding', () => {
    // Words as Western European names are: syllables of plain consonants and vowels that may carry accents.
    const syllable = fc
      .tuple(fc.constantFrom(...'bcdfghjklmnprstvwz', 'ch', 'st', 'ss'), fc.constantFrom(...'aeiouyáéíóúàèìòùâêîôûäëïöüøåæœ', 'aë', 'oï'))
      .map(([c, v]) => c + v);
    const western = fc
      .tuple(fc.array(syllable, { minLength: 1, maxLength: 4 }), fc.constantFrom('', 'n', 'r', 'ç', 'ñ', 'ß'))
      .map(([syllables, end]) => syllables.join('') + end);
    fc.assert(
      fc.property(fc.array(fc.tuple(western, western), { minLength: 1, maxLength: 10 }), (rows) => {
        const text = `Name,Email\n${rows.map(([first, last], i) => `${first[0]!.toUpperCase()}${first.slice(1)} ${last},p${i}@example.com`).join('\n')}\n`;
        expect(decodeCsvBytes(encodeSingleByte(text, 'windows-1252'))).toMatchObject({ text, garbled: null });
        expect(decodeCsvBytes(new TextEncoder().encode(text))).toMatchObject({ text, encoding: 'utf-8' });
        expect(decodeCsvBytes(utf16(text, 'le')).text).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('dates as HR tools write them', () => {
  it('reads ISO, US, European and month-name forms', () => {
    expect(readDate('2021-03-15', null)).toEqual({ ok: true, iso: '2021-03-15' });
    expect(readDate('2021-03-15T00:00:00Z', null)).toEqual({ ok: true, iso: '2021-03-15' });
    expect(readDate('03/15/2021', 'mdy')).toEqual({ ok: true, iso: '2021-03-15' });
    expect(readDate('15/03/2021', 'dmy')).toEqual({ ok: true, iso: '2021-03-15' });
    expect(readDate('15.03.2021', null)).toEqual({ ok: true, iso: '2021-03-15' });
    expect(readDate('3/5/21', 'mdy')).toEqual({ ok: true, iso: '2021-03-05' });
    expect(readDate('15-Mar-2021', null)).toEqual({ ok: true, iso: '2021-03-15' });
    expect(readDate('March 15, 2021', null)).toEqual({ ok: true, iso: '2021-03-15' });
    expect(readDate('04/05/2021', null)).toEqual({ ok: false, reason: 'ambiguous' });
    expect(readDate('2021-02-30', null)).toEqual({ ok: false, reason: 'invalid' });
    expect(readDate('soon', null)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('decides the order from the whole file, and calls a file where every day is 12 or less ambiguous', () => {
    expect(detectDateOrder(['03/04/2021', '03/15/2021'])).toMatchObject({ order: 'mdy', ambiguous: false });
    expect(detectDateOrder(['03/04/2021', '15/03/2021'])).toMatchObject({ order: 'dmy', ambiguous: false });
    expect(detectDateOrder(['03.04.2021'])).toMatchObject({ order: 'dmy', ambiguous: false });
    expect(detectDateOrder(['03/04/2021', '01/02/2020', ''])).toMatchObject({ order: null, ambiguous: true, example: '03/04/2021' });
    expect(detectDateOrder(['2021-03-04'])).toMatchObject({ order: null, ambiguous: false, forms: ['iso'] });
  });

  it('an ambiguous file asks, and reads the dates the way the user chose', () => {
    const text = 'name,email,start date\nAlex,alex@example.com,03/04/2021\nSam,sam@example.com,01/02/2020\n';
    expect(messages(plan(text))).toEqual(['Dates such as 03/04/2021 can be read month first or day first: choose how the file writes dates.']);
    expect(plan(text, [], { dateOrder: 'mdy' }).people.map((p) => p.fields.startDate)).toEqual(['2021-03-04', '2020-01-02']);
    expect(plan(text, [], { dateOrder: 'dmy' }).people.map((p) => p.fields.startDate)).toEqual(['2021-04-03', '2020-02-01']);
    // The file decides when it can: the user's choice does not override what the file shows.
    const us = plan(`${text}Kim,kim@example.com,12/31/2022\n`, [], { dateOrder: 'dmy' });
    expect(us.dates).toMatchObject({ order: 'mdy', readAs: 'mdy' });
    expect(us.people.map((p) => p.fields.startDate)).toEqual(['2021-03-04', '2020-01-02', '2022-12-31']);
  });

  it('a date that fits only the other order is a problem on its row', () => {
    const p = plan('name,email,hire date\nAlex,alex@example.com,03/15/2021\nSam,sam@example.com,04/16/2021\nKim,kim@example.com,13/01/2021\n');
    expect(messages(p)).toEqual(["Row 4, column 'hire date': '13/01/2021' is not a real day when read month first like the file's other dates"]);
  });

  it('property: any date written in any supported form reads back as the same day', () => {
    const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2029-12-31'), noInvalidDate: true }), fc.integer({ min: 0, max: 4 }), (d, form) => {
        const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        const p2 = (n: number) => String(n).padStart(2, '0');
        const written = [
          `${y}-${p2(m)}-${p2(day)}`,
          `${p2(m)}/${p2(day)}/${y}`,
          `${p2(day)}/${p2(m)}/${y}`,
          `${day}.${m}.${y}`,
          `${day} ${monthNames[m - 1]} ${y}`,
        ][form]!;
        const order = form === 1 ? 'mdy' : 'dmy';
        expect(readDate(written, order)).toEqual({ ok: true, iso: d.toISOString().slice(0, 10) });
      }),
      { numRuns: 300 },
    );
  });
});

const bamboo = [
  'Employee #,First Name,Last Name,Preferred Name,Work Email,Job Title,Department,Division,Location,Hire Date,Reporting to',
  '1,Maya,Okafor,,maya@example.com,Engineering Manager,Platform,Engineering,Berlin,09/01/2019,',
  '2,Alex,Rivera,,alex@example.com,Senior Engineer,Platform,Engineering,Remote,03/15/2022,"Okafor, Maya"',
].join('\n');

describe('headers and columns from HR tools', () => {
  it('recognises BambooHR, Workday, HiBob, Personio, Rippling and Google Workspace headers', () => {
    const labels = (headers: string) => {
      const table = parseCsv(`${headers}\n`);
      const mapping = detectMapping(table.headers);
      return Object.fromEntries(
        Object.entries(mapping)
          .filter(([, i]) => i !== null)
          .map(([f, i]) => [importFieldLabels[f as keyof typeof mapping], table.headers[i!]]),
      );
    };
    expect(labels(bamboo.split('\n')[0]!)).toEqual({
      'First name': 'First Name',
      'Last name': 'Last Name',
      Email: 'Work Email',
      'Manager (email or name)': 'Reporting to',
      Title: 'Job Title',
      'Department (team)': 'Department',
      Location: 'Location',
      'Start date': 'Hire Date',
    });
    expect(labels('Worker,Primary Work Email,Business Title,Manager,Supervisory Organization,Location,Hire Date,Management Level')).toMatchObject({
      Name: 'Worker',
      Email: 'Primary Work Email',
      Title: 'Business Title',
      'Manager (email or name)': 'Manager',
      'Department (team)': 'Supervisory Organization',
      Location: 'Location',
      'Start date': 'Hire Date',
    });
    expect(labels('Display name,Email,Job title,Department,Site,Reports to,Start date')).toMatchObject({
      Name: 'Display name',
      Location: 'Site',
      'Manager (email or name)': 'Reports to',
    });
    expect(labels('Vorname,Nachname,E-Mail,Position,Abteilung,Standort,Vorgesetzte:r,Eintrittsdatum')).toEqual({
      'First name': 'Vorname',
      'Last name': 'Nachname',
      Email: 'E-Mail',
      Title: 'Position',
      'Department (team)': 'Abteilung',
      Location: 'Standort',
      'Manager (email or name)': 'Vorgesetzte:r',
      'Start date': 'Eintrittsdatum',
    });
    expect(labels('Legal first name,Legal last name,Work email,Title,Department,Work location,Manager - Work email,Start date')).toMatchObject({
      'First name': 'Legal first name',
      Email: 'Work email',
      'Manager (email or name)': 'Manager - Work email',
      Location: 'Work location',
    });
    expect(labels('First Name [Required],Last Name [Required],Email Address [Required],Employee Title,Manager Email,Department')).toMatchObject({
      'First name': 'First Name [Required]',
      Email: 'Email Address [Required]',
      Title: 'Employee Title',
      'Manager (email or name)': 'Manager Email',
      'Department (team)': 'Department',
    });
  });

  it('joins first and last names, resolves a manager by name, maps Department to a team and keeps Location', () => {
    const p = plan(bamboo);
    expect(p.problems).toEqual([]);
    const [maya, alex] = p.people;
    expect(maya!.fields).toMatchObject({ name: 'Maya Okafor', location: 'Berlin', startDate: '2019-09-01' });
    expect(alex!.fields).toMatchObject({ name: 'Alex Rivera', managerId: maya!.id, location: 'Remote', startDate: '2022-03-15' });
    expect(p.teams).toEqual([{ id: alex!.fields.teamId, name: 'Platform' }]);
    expect(maya!.fields.teamId).toBe(alex!.fields.teamId);
    // An existing team is matched by name in any case, not created twice.
    const platform: Team = { id: 'team-platform', name: 'platform', createdAt: stamp, updatedAt: stamp };
    const again = plan(bamboo, [], { teams: [platform] });
    expect(again.teams).toEqual([]);
    expect(again.people.map((x) => x.fields.teamId)).toEqual(['team-platform', 'team-platform']);
  });

  it('lists every problem of a row, not only the first', () => {
    const p = plan('name,email,manager email,track,start date\nAlex Rivera,alex@,ghost@example.com,wizard,2021-02-30\n');
    expect(messages(p)).toEqual([
      "Row 2, column 'track': 'wizard' is not a track; use one of engineering, management, product, design, other",
      "Row 2, column 'start date': '2021-02-30' is not a real day",
      "Row 2, column 'email': enter a valid email address, like alex@example.com",
      "Row 2, column 'manager email': no person has the email ghost@example.com",
    ]);
    expect(
      messages(
        plan('name,email,reports to\nAlex,alex@example.com,Nobody Here\nSam,sam@example.com,Alex\nSam Two,sam2@example.com,Alex\nAlex,alex2@example.com,\n'),
      ),
    ).toEqual([
      "Row 2, column 'reports to': no person is called Nobody Here",
      "Row 3, column 'reports to': more than one person is called Alex; use the manager's email instead",
      "Row 4, column 'reports to': more than one person is called Alex; use the manager's email instead",
    ]);
  });
});

describe('CSV formula escaping (OWASP CSV injection)', () => {
  it('escapes = + - @ tab and CR at the start of a cell, and the import removes exactly that', () => {
    for (const v of ['=1+1', '+49 30 1234', '-5', '@SUM(A1)', '\tx', '\rx', "'=x", "''@y"]) {
      expect(escapeFormula(v)).toBe(`'${v}`);
      expect(unescapeFormula(escapeFormula(v))).toBe(v);
    }
    for (const v of ['Alex', "'quoted", 'a=b', '']) expect(escapeFormula(v)).toBe(v);
  });

  const formulaStart = fc.constantFrom('=', '+', '-', '@', "'=", "''+", "'", '');
  const text = (max: number) =>
    fc
      .tuple(formulaStart, fc.string({ maxLength: max }))
      .map(([start, rest]) => (start + rest).trim())
      .filter((s) => s.length > 0 && s.length <= max);
  const arbitraryPeople = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), { minLength: 1, maxLength: 15 }).chain((locals) =>
    fc.tuple(
      ...locals.map((local, i) =>
        fc.record({
          name: text(40),
          email: fc.constant(`${local}@example.com`),
          managerIndex: i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
          title: fc.option(text(30), { nil: undefined }),
          track: fc.option(fc.constantFrom(...tracks), { nil: undefined }),
          level: fc.option(text(10), { nil: undefined }),
          team: fc.option(fc.constantFrom('Platform', '=Growth', '@Core', '-Infra'), { nil: undefined }),
          location: fc.option(text(30), { nil: undefined }),
        }),
      ),
    ),
  );

  it('property: random people → export → import gives the same people, names starting with formula characters included', () => {
    fc.assert(
      fc.property(arbitraryPeople, (rows) => {
        const teams: Team[] = ['Platform', '=Growth', '@Core', '-Infra'].map((name, i) => ({ id: `t${i}`, name, createdAt: stamp, updatedAt: stamp }));
        const people: Person[] = rows.map((r, i) => ({
          id: `p${i}`,
          name: r.name,
          email: r.email,
          title: r.title,
          track: r.track,
          level: r.level,
          location: r.location,
          teamId: r.team ? teams.find((t) => t.name === r.team)!.id : undefined,
          managerId: r.managerIndex >= 0 ? `p${r.managerIndex}` : null,
          archived: false,
          createdAt: stamp,
          updatedAt: stamp,
        }));
        const csv = peopleToCsv(people, teams);
        // Opens safely: no cell the spreadsheet reads starts a formula.
        for (const cells of Papa.parse<string[]>(csv, { delimiter: ',' }).data) for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        const p = plan(csv, [], { teams });
        expect(p.problems).toEqual([]);
        const emailOf = new Map(p.people.map((x) => [x.id, x.fields.email]));
        const got = p.people.map((x) => ({ ...x.fields, managerId: x.fields.managerId ? emailOf.get(x.fields.managerId) : null }));
        const want = people.map((x) => ({
          name: x.name,
          email: x.email,
          title: x.title,
          track: x.track,
          level: x.level,
          location: x.location,
          teamId: x.teamId,
          startDate: undefined,
          levelSince: undefined,
          managerId: x.managerId ? people.find((m) => m.id === x.managerId)!.email : null,
        }));
        expect(got).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the date example shown in the preview', () => {
  it('is always a real day', () => {
    expect(detectDateOrder(['2021-02-30', '2021-02-01']).example).toBe('2021-02-01');
    expect(detectDateOrder(['31.02.2021', '01.02.2021']).example).toBe('01.02.2021');
    expect(detectDateOrder(['2021-02-30']).example).toBeNull();
  });
});
