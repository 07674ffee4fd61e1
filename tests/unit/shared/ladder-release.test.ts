import { readFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

import { checkLadder, type Ladder, type LadderSource } from '../../../shared/ladder';
import { nextVersions, proposeRelease, writeRelease } from '../../../shared/ladder/release';

const appDir = path.resolve(__dirname, '../../fixtures/ladders/app');
const team = readFileSync(path.join(appDir, 'team.yaml'), 'utf8');
const readInclude = (_from: string, include: string): LadderSource | null => {
  try {
    return { path: include, text: readFileSync(path.join(appDir, include), 'utf8') };
  } catch {
    return null;
  }
};
const ladderOf = (text: string): Ladder => {
  const check = checkLadder({ path: 'team.yaml', text }, readInclude);
  if (!check.ladder) throw new Error(check.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return check.ladder;
};
const release = { version: '1.3.0', date: '2026-12-01', summary: 'Clearer planning criteria.' };

describe('nextVersions', () => {
  it('proposes patch, minor and major from a numbered version', () => {
    expect(nextVersions('1.2.0')).toEqual({ patch: '1.2.1', minor: '1.3.0', major: '2.0.0' });
    expect(nextVersions('v2.9.14')).toEqual({ patch: 'v2.9.15', minor: 'v2.10.0', major: 'v3.0.0' });
    expect(nextVersions('3')).toEqual({ patch: '3.0.1', minor: '3.1.0', major: '4.0.0' });
    expect(nextVersions('1.4')).toEqual({ patch: '1.4.1', minor: '1.5.0', major: '2.0.0' });
  });
  it('has nothing to propose for versions that are not numbers', () => {
    expect(nextVersions('spring-2026')).toBeNull();
    expect(nextVersions('1.2.0-beta')).toBeNull();
    expect(nextVersions('')).toBeNull();
  });
});

describe('writeRelease', () => {
  it('sets the version and adds the entry on top of the changelog, every other byte as it was', () => {
    const result = writeRelease(team, release);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const expected = team
      .replace('version: "1.2.0"\n', 'version: "1.3.0"\n')
      .replace('changelog:\n', 'changelog:\n  - version: "1.3.0"\n    date: "2026-12-01"\n    summary: Clearer planning criteria.\n');
    expect(result.text).toBe(expected);
    expect(result.text).toContain('# Comments like this one must survive a quick edit untouched.');
    const ladder = ladderOf(result.text);
    expect(ladder.version).toBe('1.3.0');
    expect(ladder.changelog[0]).toEqual({ version: '1.3.0', date: '2026-12-01', summary: 'Clearer planning criteria.' });
    expect(ladder.changelog).toHaveLength(3);
  });

  it('follows the style of the entries already there: plain values, flow entries, a flow list', () => {
    const plain = 'id: a\nname: A\nversion: 1.0.0\nchangelog:\n- version: 1.0.0\n  summary: First.\n';
    expect(writeRelease(plain, { ...release, version: '1.0.1' })).toEqual({
      ok: true,
      text: 'id: a\nname: A\nversion: 1.0.1\nchangelog:\n- version: 1.0.1\n  date: 2026-12-01\n  summary: Clearer planning criteria.\n- version: 1.0.0\n  summary: First.\n',
    });
    const flowEntries = "id: a\nname: A\nversion: '2.0.0' # kept in step\nchangelog:\n  - { version: '2.0.0', summary: Split. }\n";
    expect(writeRelease(flowEntries, { ...release, version: '2.1.0' })).toEqual({
      ok: true,
      text: "id: a\nname: A\nversion: '2.1.0' # kept in step\nchangelog:\n  - { version: '2.1.0', date: 2026-12-01, summary: Clearer planning criteria. }\n  - { version: '2.0.0', summary: Split. }\n",
    });
    const flowList = 'id: a\nname: A\nversion: 1.0.0\nchangelog: [{ version: 1.0.0, summary: First. }]\n';
    const written = writeRelease(flowList, { ...release, version: '1.1.0' });
    expect(written.ok && parseDocument(written.text).toJS()).toEqual({
      id: 'a',
      name: 'A',
      version: '1.1.0',
      changelog: [
        { version: '1.1.0', date: '2026-12-01', summary: 'Clearer planning criteria.' },
        { version: '1.0.0', summary: 'First.' },
      ],
    });
  });

  it('adds a version and a changelog to a ladder that had neither, after its name', () => {
    const text = '# A team ladder\nid: a\nname: A # shown in the app\n\ntracks: [{ id: t, name: T }]\nlevels: [{ id: L1 }]\n';
    const result = writeRelease(text, { version: '1.0.0', date: '2026-12-01', summary: 'First: numbered from now on.' });
    expect(result).toEqual({
      ok: true,
      text: '# A team ladder\nid: a\nname: A # shown in the app\nversion: 1.0.0\nchangelog:\n  - version: 1.0.0\n    date: 2026-12-01\n    summary: "First: numbered from now on."\n\ntracks: [{ id: t, name: T }]\nlevels: [{ id: L1 }]\n',
    });
  });

  it('quotes what YAML would otherwise misread, and refuses what it cannot write safely', () => {
    const result = writeRelease(team, { ...release, summary: '- starts like a list: and has # a hash' });
    expect(result.ok && ladderOf(result.text).changelog[0]?.summary).toBe('- starts like a list: and has # a hash');
    expect(writeRelease(team, { ...release, summary: '   ' })).toEqual({ ok: false, message: 'Say in a few words what changed.' });
    expect(writeRelease('id: [', release).ok).toBe(false);
    expect(writeRelease('- a\n- b\n', release).ok).toBe(false);
  });

  it('round-trips any summary text: the entry says exactly it, and nothing else changes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (summary) => {
        // eslint-disable-next-line no-control-regex -- texts with control characters are quoted differently; not what this property is about
        fc.pre(summary.trim().length > 0 && !/[\r\n\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(summary));
        const result = writeRelease(team, { ...release, summary });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const ladder = ladderOf(result.text);
        expect(ladder.changelog[0]?.summary).toBe(summary.trim());
        expect(result.text.replace(/^ {2}- version: "1\.3\.0"\n(?: {4}.*\n)+/m, '').replace('"1.3.0"', '"1.2.0"')).toBe(team);
      }),
      { numRuns: 60 },
    );
  });
});

describe('proposeRelease', () => {
  const before = ladderOf(team);
  it('a typo fix is a patch', () => {
    const after = ladderOf(team.replace('Breaks a task into steps and says when it is blocked.', 'Breaks a task into steps and says when its blocked.'));
    expect(proposeRelease(before, after)).toEqual({ bump: 'patch', reasons: ['Wording fixed in Planning'] });
    expect(proposeRelease(before, ladderOf(`${team}# only a comment\n`)).bump).toBe('patch');
  });
  it('a clarified criterion or a new example is minor', () => {
    const reworded = ladderOf(
      team.replace(
        'Breaks a task into steps and says when it is blocked.',
        'Splits a task into small steps, each one reviewable, and flags blockers the same day.',
      ),
    );
    expect(proposeRelease(before, reworded).bump).toBe('minor');
    const example = ladderOf(
      team.replace(
        '          - Adds a regression test with every bug fix.\n',
        '          - Adds a regression test with every bug fix.\n          - Writes a failing test before fixing a bug.\n',
      ),
    );
    expect(proposeRelease(before, example)).toMatchObject({ bump: 'minor', reasons: ['Examples or links changed in Code quality'] });
  });
  it('asking something new at a level is major', () => {
    const asked = ladderOf(
      team.replace(
        '      L3:\n        criteria: Writes design documents',
        '      L2:\n        criteria: Proposes designs for features in their area.\n      L3:\n        criteria: Writes design documents',
      ),
    );
    const proposal = proposeRelease(before, asked);
    expect(proposal.bump).toBe('major');
    expect(proposal.reasons[0]).toMatch(/System design at L2/);
  });
  it('a criterion that only lost its id asks nothing new', () => {
    const scored = readFileSync(path.join(appDir, 'scored.yaml'), 'utf8');
    const check = (text: string) => checkLadder({ path: 'scored.yaml', text }).ladder!;
    const proposal = proposeRelease(check(scored), check(scored.replace('          - id: rel-slo\n            text: Sets', '          - text: Sets')));
    expect(proposal.bump).toBe('minor');
    expect(proposal.reasons).toContain('Criterion ids changed in Reliability');
  });
  it('removing a criterion is minor, as the FT counts it: nobody has to do more', () => {
    const removed = ladderOf(team.replace(/ {6}L4:\n {8}criteria: \|\n {10}Sets code quality[\s\S]*?tracks defects after\.\n/, ''));
    expect(proposeRelease(before, removed).bump).toBe('minor');
  });
});
