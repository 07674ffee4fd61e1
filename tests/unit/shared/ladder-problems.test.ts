import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkLadder, type LadderCheck, limits } from '../../../shared/ladder';
import { mapReader } from '../../support/ladder-reader';

const base = readFileSync(path.join(import.meta.dirname, '../../fixtures/ladders/valid-small.yaml'), 'utf8');

function edit(find: string, replace: string): string {
  if (!base.includes(find)) throw new Error(`the base fixture has no ${JSON.stringify(find)}`);
  return base.replace(find, replace);
}

const lines = (check: LadderCheck) => check.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
const check = (text: string) => checkLadder({ path: 'l.yaml', text });

describe('checkLadder problems', () => {
  it('reports an extends cycle once, without follow-on noise', () => {
    const result = check(edit('competencies:\n', 'competencies:\n  - { id: a, extends: b }\n  - { id: b, extends: a }\n'));
    expect(lines(result)).toEqual(['30:23 error extends-cycle "extends" cycle: a → b → a (a competency cannot extend itself, directly or through others)']);
  });

  it('reports a fork after an unknown level, and after a level that is not on the trunk', () => {
    expect(lines(check(edit('    name: Individual contributor\n', '    name: Individual contributor\n    forksAfter: L7\n')))).toEqual([
      '16:17 error unknown-reference unknown level "L7" (did you mean "L1"?)',
    ]);
    const twoTracks = edit(
      '    name: Individual contributor\n',
      '    name: Individual contributor\n    forksAfter: L2\n  - { id: mgr, name: Manager, forksAfter: L3 }\n',
    )
      .replace('levels:\n', 'levels:\n')
      .replace('categories:', '  - { id: L3, title: Senior, summary: Leads., rank: 3, track: ic }\ncategories:');
    expect(lines(check(twoTracks))).toEqual([
      '17:43 error invalid-fork track "mgr" forks after "L3", which is not a trunk level (forksAfter names the last shared (trunk) level before the track\'s own levels)',
    ]);
  });

  it('reports a track level listed before the trunk level it follows', () => {
    const text = edit('levels:\n', 'levels:\n  - { id: S1, title: Senior, summary: Leads., track: ic }\n');
    expect(lines(check(text))).toEqual([
      '17:11 error level-order level "S1" of track "ic" is listed before trunk level "L2" (list levels lowest first: the shared trunk, then each track\'s own levels)',
    ]);
  });

  it('reports a cell with both criteria and notApplicable', () => {
    expect(
      lines(check(edit('        criteria: Writes tested code alone.\n', '        criteria: Writes tested code alone.\n        notApplicable: true\n'))),
    ).toEqual([
      '39:9 error conflicting-keys level "L2" in competency "code" has both "criteria" and "notApplicable" (a cell either has criteria or is marked notApplicable: true)',
    ]);
  });

  it('reads a misspelt top-level list as meant, so its contents are not reported as unknown', () => {
    expect(lines(check(edit('categories:', 'categoris:')))).toEqual([
      '25:1 error unknown-key unknown key "categoris" (did you mean "categories"? Allowed here: id, name, version, description, status, supersedes, changelog, progression, include, defaultScale, scales, scoring, tracks, levels, categories, competencies, and x-… keys for your own data)',
    ]);
  });

  it('reports scales that are neither steps nor a valid range', () => {
    expect(lines(check(edit('    steps:\n      - { id: no, label: Not yet }\n      - { id: yes, label: Meets }\n', '    min: 5\n    max: 1\n')))).toEqual([
      '10:10 error scale-shape numeric scale "simple" needs "min" lower than "max"',
    ]);
  });

  it('reports titles for an unknown track, duplicate sub-level ids, and a competency for a missing scale', () => {
    const text = edit('    title: Engineer I\n', '    title: Engineer I\n    titles: { icc: Junior }\n    subLevels: [{ id: L2 }]\n').replace(
      '    category: craft\n',
      '    category: craft\n    scale: five\n',
    );
    expect(lines(check(text))).toEqual([
      '19:15 error unknown-reference unknown track "icc" (did you mean "ic"?)',
      '20:23 error duplicate-id duplicate level id "L2" (first defined at line 23, column 9; sub-levels share ids with levels)',
      '34:12 error unknown-reference unknown scale "five" (known scales: simple)',
    ]);
  });

  it('warns about a missing lowest cell, a cell on a track the competency skips, and a version without changelog', () => {
    const text = edit('version: "1.0"', 'version: "1.1"')
      .replace('    name: Individual contributor\n', '    name: Individual contributor\n  - { id: mgr, name: Manager }\n')
      .replace('    category: craft\n', '    category: craft\n    tracks: [ic]\n')
      .replace('categories:', '  - { id: M1, track: mgr, title: Manager, summary: Manages. }\ncategories:')
      .replace('      L1:\n', '      M1:\n        notApplicable: true\n      L0:\n');
    const result = check(
      text.replace('      L0:\n        criteria: Writes tested code with guidance.\n        examples:\n          - Adds a test for a bug fix.\n', ''),
    );
    expect(lines(result)).toEqual([
      '3:10 warning changelog-version version "1.1" has no changelog entry (add a changelog entry saying what changed in this version)',
      '31:9 warning missing-cell competency "code" has no criteria at level "L1" or below on track "ic" (add criteria for the lowest level, or mark it notApplicable: true)',
      '36:7 warning unused-cell level "M1" is on track "mgr", which competency "code" does not apply to (add the track to "tracks", or remove this cell)',
    ]);
    expect(result.ladder).not.toBeNull();
  });

  it('explains files that are not ladders at all', () => {
    expect(lines(check(''))).toEqual([
      '1:1 error empty-file the file is empty (a ladder starts with id, name, version and changelog: see docs/ladder-format.md)',
    ]);
    expect(lines(check('just text'))).toEqual(['1:1 error wrong-type the file should be a mapping of keys to values, not text']);
    expect(lines(check(`${base}---\nid: x\n`))).toEqual([
      '41:1 error yaml-syntax the file holds more than one YAML document (a ladder file holds one document: remove the "---" separator)',
    ]);
    expect(lines(check(edit('    name: Craft', '\tname: Craft')))[0]).toBe(
      '27:1 error yaml-syntax this line is indented with a tab (YAML only allows spaces for indentation: replace each tab with spaces (2 per level is usual))',
    );
  });

  it('says criteria are per level when a cell names a sub-level, and that merge keys are not supported', () => {
    const text = edit('    title: Engineer II\n', '    title: Engineer II\n    subLevels: [{ id: L2.1 }]\n')
      .replace('      L2:\n', '      L2.1:\n')
      .replace('    category: craft\n', '    category: craft\n    <<: { weight: 2 }\n');
    expect(lines(check(text))).toEqual([
      '33:5 error unknown-key unknown key "<<" in competency "code" (YAML merge keys are not supported: write the keys out, or share competencies with include and extends. Allowed here: id, name, description, category, extends, abstract, tracks, scale, weight, points, levels, ranks, and x-… keys for your own data)',
      '39:7 error unknown-reference "L2.1" is a sub-level of "L2"; criteria are written per level (use "L2" as the key)',
    ]);
  });

  it('suggests quotes for a version YAML reads as a number', () => {
    expect(lines(check(edit('version: "1.0"', 'version: 1.10')))).toEqual([
      '3:10 error wrong-type "version" should be text, not a number (put it in quotes: "1.10")',
    ]);
  });

  it('accepts a byte order mark', () => {
    expect(check(`\ufeff${base}`).problems).toEqual([]);
  });

  it('stops at the size, depth and alias limits with a problem, not a crash', () => {
    expect(lines(check(`# ${'x'.repeat(limits.maxBytes)}\n${base}`))).toEqual([
      `1:1 error too-large file is too large (${limits.maxBytes + 3 + base.length} characters; the limit is ${limits.maxBytes}) (split it into files joined with "include")`,
    ]);
    expect(check(`${'['.repeat(5000)}${']'.repeat(5000)}`).problems[0]).toMatchObject({ code: 'too-deep', line: 1, column: 1 });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(check(bomb).problems[0]).toMatchObject({ code: 'alias-limit', message: 'anchors and aliases expand to too much data' });
  });
});

describe('includes', () => {
  const shared = 'categories:\n  - { id: people, name: People }\n';
  it('reads a file included twice (a diamond) once, and treats a throwing reader as unreadable', () => {
    const entry = edit('scales:', 'include: [a.yaml, b.yaml]\nscales:');
    const result = checkLadder(
      { path: '/x/l.yaml', text: entry },
      mapReader({ '/x/a.yaml': 'include: [c.yaml]\n', '/x/b.yaml': 'include: [c.yaml]\n', '/x/c.yaml': shared }),
    );
    expect(result.problems).toEqual([]);
    expect(result.files).toEqual(['/x/l.yaml', '/x/c.yaml', '/x/a.yaml', '/x/b.yaml']);
    expect(result.ladder?.categories.map((c) => c.id)).toEqual(['people', 'craft']);

    const throwing = checkLadder({ path: '/x/l.yaml', text: entry }, () => {
      throw new Error('disk on fire');
    });
    expect(throwing.problems.map((p) => `${p.line}:${p.column} ${p.code}`)).toEqual(['7:11 include-unreadable', '7:19 include-unreadable']);
  });

  it('explains that a ladder cannot be included', () => {
    const entry = edit('scales:', 'include: [other.yaml]\nscales:');
    const result = checkLadder({ path: '/x/l.yaml', text: entry }, mapReader({ '/x/other.yaml': 'id: other\nname: Other\n' }));
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} (${p.hint})`)).toEqual([
      '/x/other.yaml:2:1 unknown key "name" (this file is included by another, so it holds only scales, categories and competencies: a ladder cannot be included. Allowed here: id, description, include, scales, categories, competencies, and x-… keys for your own data)',
    ]);
  });

  it('warns (not fails) when a shared file has cells for levels this ladder does not have', () => {
    const entry = edit('scales:', 'include: [shared.yaml]\nscales:').replace('competencies:\n', 'competencies:\n  - { id: talk, extends: base }\n');
    const shared =
      'competencies:\n  - id: base\n    abstract: true\n    name: Talking\n    category: craft\n    levels:\n      L1: { criteria: Talks., examples: [Talks.] }\n      L9: { criteria: Talks a lot., examples: [Talks a lot.] }\n';
    const result = checkLadder({ path: '/x/l.yaml', text: entry }, mapReader({ '/x/shared.yaml': shared }));
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message}`)).toEqual([
      '/x/shared.yaml:8:7 warning level "L9" is not in ladder "broken-example", so this cell is not used there',
    ]);
    expect(result.ladder?.cells.filter((c) => c.competencyId === 'talk').map((c) => c.levelId)).toEqual(['L1', 'L2']);
  });

  it('reports problems in an included file at its own line and column, and duplicates across files', () => {
    const entry = edit('scales:', 'include: [shared.yaml]\nscales:');
    const result = checkLadder(
      { path: '/x/l.yaml', text: entry },
      mapReader({ '/x/shared.yaml': '# shared\ncategories:\n  - { id: craft, name: Craft, colour: red }\n' }),
    );
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}${p.hint ? ` (${p.hint})` : ''}`)).toEqual([
      '/x/l.yaml:27:9 duplicate category id "craft" (first defined at shared.yaml:3:11)',
      '/x/shared.yaml:3:31 unknown key "colour" in category "craft" (allowed here: id, name, description, and x-… keys for your own data)',
    ]);
  });
});

describe('many problems', () => {
  it('keeps errors over warnings when it has to leave some out, and a ladder with only warnings stays usable', () => {
    const competencies = Array.from({ length: limits.maxProblems + 20 }, (_, i) => `  - { id: c${i}, name: C, category: craft }\n`).join('');
    const warningsOnly = check(edit('competencies:\n', `competencies:\n${competencies}`));
    expect(warningsOnly.ladder).not.toBeNull();
    expect(warningsOnly.problems).toHaveLength(limits.maxProblems + 1);
    expect(warningsOnly.problems.at(-1)).toMatchObject({ severity: 'warning', code: 'too-many-problems', message: '20 more problems not shown' });

    const withError = check(edit('competencies:\n', `competencies:\n${competencies}`).replace('    category: craft\n', '    category: nope\n'));
    expect(withError.ladder).toBeNull();
    expect(withError.problems.map((p) => p.code)).toContain('unknown-reference');
    expect(withError.problems.at(-1)).toMatchObject({ severity: 'error', code: 'too-many-problems' });
  });
});
