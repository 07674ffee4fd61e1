import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { describeProblem, detectMapping, type ImportOptions, type ImportPlan, planImport } from '../../../shared/domain/people-csv';
import { parseCsv } from '../../../shared/domain/people-csv-file';
import type { Person } from '../../../shared/domain/person';

const stamp = '2026-01-01T00:00:00Z';
const maya: Person = { id: 'me-1', name: 'Maya Okafor', email: 'maya@example.com', managerId: null, archived: false, createdAt: stamp, updatedAt: stamp };
const mayaNoEmail: Person = { ...maya, email: undefined };

function plan(text: string, existing: Person[], options: ImportOptions = {}): ImportPlan {
  const table = parseCsv(text);
  let n = 0;
  return planImport(table, detectMapping(table.headers), existing, () => `new-${++n}`, options);
}
const managers = (p: ImportPlan) => Object.fromEntries(p.people.map((x) => [x.fields.name, x.fields.managerId]));

const team = (manager: string) =>
  `Name,Email,Manager\nAlex Kim,alex@example.com,${manager}\nSam Lee,sam@example.com,${manager}\nRia Das,ria@example.com,${manager}\n`;

describe('an import that names the user as everyone’s manager', () => {
  it('maps the user’s email to their person', () => {
    const p = plan(team('maya@example.com'), [maya], { me: maya });
    expect(p.problems).toEqual([]);
    expect(managers(p)).toEqual({ 'Alex Kim': 'me-1', 'Sam Lee': 'me-1', 'Ria Das': 'me-1' });
  });

  it('maps the user’s email even when their person has another case, and "me" or "Myself"', () => {
    expect(managers(plan(team('Maya@Example.COM'), [maya], { me: maya }))['Sam Lee']).toBe('me-1');
    expect(managers(plan(team('me'), [mayaNoEmail], { me: mayaNoEmail }))['Alex Kim']).toBe('me-1');
    expect(managers(plan(team('Myself'), [mayaNoEmail], { me: mayaNoEmail }))['Ria Das']).toBe('me-1');
  });

  it('without the user, "me" names nobody and is a problem of every row', () => {
    const p = plan(team('me'), [maya]);
    expect(p.people).toEqual([]);
    expect(p.problems.map(describeProblem)).toEqual([
      "Row 2, column 'Manager': no person is called me",
      "Row 3, column 'Manager': no person is called me",
      "Row 4, column 'Manager': no person is called me",
    ]);
  });

  it('lists a manager nobody has, with its rows, so the user can say it is them', () => {
    const p = plan(`${team('maya.okafor@hr.example')}Jo Park,jo@example.com,alex@example.com\n`, [mayaNoEmail], { me: mayaNoEmail });
    expect(p.unknownManagers).toEqual([{ text: 'maya.okafor@hr.example', key: 'maya.okafor@hr.example', rows: [2, 3, 4] }]);
    const confirmed = plan(`${team('Maya.Okafor@HR.example')}Jo Park,jo@example.com,alex@example.com\n`, [mayaNoEmail], {
      me: mayaNoEmail,
      meAliases: ['maya.okafor@hr.example'],
    });
    expect(confirmed.problems).toEqual([]);
    expect(confirmed.unknownManagers).toEqual([]);
    expect(managers(confirmed)).toEqual({ 'Alex Kim': 'me-1', 'Sam Lee': 'me-1', 'Ria Das': 'me-1', 'Jo Park': 'new-1' });
  });

  it('does not offer a manager whose own row is in the file with problems', () => {
    const p = plan('Name,Email,Manager\nBoss,boss@example.com,\nAlex Kim,alex@example.com,boss\n,nobody@example.com,\n', [], {});
    expect(p.unknownManagers).toEqual([]);
  });

  it('puts the user at the top: a loop through the user is still refused', () => {
    // Maya's own row says she reports to Alex, while the file says Alex reports to her.
    const p = plan('Name,Email,Manager\nMaya Okafor,maya@example.com,alex@example.com\nAlex Kim,alex@example.com,me\n', [maya], { me: maya });
    expect(p.problems.map(describeProblem).some((m) => m.includes('manager loop'))).toBe(true);
  });

  it('never maps anyone else’s email or name to the user (property)', () => {
    const local = fc.stringMatching(/^[a-z]{1,8}$/).filter((s) => s !== 'maya' && !['me', 'self', 'myself'].includes(s));
    fc.assert(
      fc.property(local, (name) => {
        const p = plan(`Name,Email,Manager\nBoss ${name},${name}@corp.example,\nAlex Kim,alex@example.com,${name}@corp.example\n`, [maya], { me: maya });
        expect(p.problems).toEqual([]);
        expect(managers(p)['Alex Kim']).toBe('new-1');
      }),
    );
  });
});
