/**
 * The hand-editing mistakes people make, and what the checker tells them: the mistake, at the
 * line to fix, with what to type — once, not with the errors that only follow from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkLadder, type LadderCheck } from '../../../shared/ladder';
import { mapReader } from '../../support/ladder-reader';

const base = readFileSync(path.join(import.meta.dirname, '../../fixtures/ladders/valid-small.yaml'), 'utf8');
function edit(find: string, replace: string): string {
  if (!base.includes(find)) throw new Error(`the base fixture has no ${JSON.stringify(find)}`);
  return base.replace(find, replace);
}
const lines = (check: LadderCheck) =>
  check.problems.map((p) => `${p.file === 'l.yaml' ? '' : `${p.file} `}${p.line}:${p.column} ${p.code} ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
const check = (text: string) => checkLadder({ path: 'l.yaml', text });

describe('YAML syntax mistakes, said as what to do', () => {
  it('a missing ":" after a key', () => {
    expect(lines(check(edit('        examples:\n          - Adds a test', '        examples\n          - Adds a test')))).toEqual([
      '35:9 yaml-syntax add ":" after "examples" (write "examples:" — a key is always followed by ":")',
    ]);
    expect(lines(check(edit('    title: Engineer I', '    title Engineer I')))).toEqual([
      '18:5 yaml-syntax add ":" after "title" (write "title: Engineer I": a key is followed by ":" and a space)',
    ]);
  });

  it('a line indented more than the line above: points at that line, about indentation, not quotes', () => {
    expect(lines(check(edit('    rank: 1\n    summary: Learns', '    rank: 1\n      summary: Learns')))).toEqual([
      '20:7 yaml-syntax this line is indented more than the line above: line it up with "rank" (keys of the same block start in the same column (column 5 here): remove 2 spaces)',
    ]);
  });

  it('a line of a "|" text that lost its indentation: about indentation, not a missing ":"', () => {
    const text =
      'id: t\nname: T\ntracks: [{ id: ic, name: IC }]\nlevels: [{ id: L1 }]\ncompetencies:\n  - id: c\n    name: C\n    levels:\n      L1:\n        criteria: |\n          Sets practices across several teams and measures\n        whether they work.\n';
    expect(lines(check(text))).toEqual([
      '12:9 yaml-syntax this line is indented less than the text of "criteria" above it (to continue that text, indent it like line 11 (column 11); the lines of a "|" text all start in the same column)',
    ]);
    // One word at the key's column is a key whose colon is missing, as before.
    expect(lines(check(text.replace('        whether they work.\n', '        examples\n          - One.\n')))[0]).toMatch(
      /^12:9 yaml-syntax add ":" after "examples"/,
    );
  });

  it('a line indented less than the line above', () => {
    expect(lines(check(edit('    rank: 1\n    summary: Learns', '    rank: 1\n   summary: Learns')))).toEqual([
      '20:4 yaml-syntax this line is indented less than the line above: line it up with "rank" (keys of the same block start in the same column (column 5 here): add 1 space, or indent it like a key further up if it belongs there)',
    ]);
  });

  it('a list item out of line with the one above', () => {
    expect(lines(check(edit('  - id: L2\n', '   - id: L2\n')))[0]).toBe(
      '21:4 yaml-syntax this list item is indented more than the item on line 17: line up its "-" with that one (items of one list start in the same column (column 3 here))',
    );
  });

  it('tabs: explained once, with the other lines that have them, and none of their knock-on errors', () => {
    const tabbed = edit('    name: Craft', '\tname: Craft')
      .replace('    title: Engineer II', '\ttitle: Engineer II')
      .replace('    category: craft', '\tcategory: craft');
    expect(lines(check(tabbed))).toEqual([
      '22:1 yaml-syntax this line is indented with a tab (YAML only allows spaces for indentation: replace each tab with spaces (2 per level is usual); lines 27, 31 also start with a tab)',
    ]);
  });

  it('": " inside a text, with the quoted text to write', () => {
    expect(lines(check(edit('summary: Delivers features alone.', 'summary: Delivers features: alone.')))).toEqual([
      '24:5 yaml-syntax the text after "summary:" contains ": ", which YAML reads as the start of another key (put the text in quotes: summary: "Delivers features: alone.")',
    ]);
  });

  it('a quote that is never closed: at the line where it opens', () => {
    expect(lines(check(edit('summary: Learns the codebase.', 'summary: "Learns the codebase.')))).toEqual([
      '20:5 yaml-syntax a double quote opened on this line is never closed (add the closing " at the end of the text (everything after the opening " is read as one text))',
    ]);
  });

  it('a key written twice: says where the first one is', () => {
    expect(lines(check(edit('    rank: 2\n', '    rank: 2\n    rank: 3\n')))).toEqual([
      '24:5 yaml-syntax "rank" is written twice in the same block (it is first on line 23; each key may appear once in a block: merge the two)',
    ]);
  });

  it('a text cut at a comma inside { … }', () => {
    expect(lines(check(edit('      - { id: no, label: Not yet }', '      - { id: no, label: Not yet, but soon }')))).toEqual([
      '11:26 yaml-syntax the text of "label" in scale "simple", step "no" is cut at a comma (inside { … } a "," starts a new key: put the whole text in quotes, label: "Not yet, but soon")',
    ]);
  });
});

describe('schema mistakes, named the way the author names things', () => {
  it('names competencies, levels, tracks and steps by id, counting from 1 where there is none', () => {
    expect(lines(check(edit('        examples:\n          - Adds a test for a bug fix.', '        examples: Adds a test for a bug fix.')))).toEqual([
      '35:19 wrong-type "examples" in competency "code", level "L1" should be a list, not text',
    ]);
    expect(lines(check(edit('      - { id: no, label: Not yet }', '      - { id: no, label: "" }')))).toEqual([
      '11:26 empty-text "label" in scale "simple", step "no" is empty (write some text, or remove the key if it is optional)',
    ]);
    expect(lines(check(edit('changelog:\n  - version: "1.0"\n', 'changelog:\n  - versio: "1.0"\n')))[0]).toMatch(
      /^5:5 unknown-key unknown key "versio" in changelog entry 1 \(did you mean "version"\?/,
    );
  });

  it('lists the keys allowed where an unknown key is', () => {
    expect(lines(check(edit('    rank: 1\n', '    rank: 1\n    colour: blue\n')))).toEqual([
      '20:5 unknown-key unknown key "colour" in level "L1" (allowed here: id, title, titles, track, rank, summary, grade, band, typicalTime, subLevels, and x-… keys for your own data)',
    ]);
  });
});

describe('root cause first', () => {
  it("an included file's own syntax error comes before the errors it causes, which say so", () => {
    const entry = edit('scales:', 'include: [shared.yaml]\nscales:').replace('    category: craft', '    category: people');
    const result = checkLadder({ path: '/x/l.yaml', text: entry }, mapReader({ '/x/shared.yaml': 'categories:\n  - id: people\n    name People\n' }));
    expect(result.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.message}${p.hint ? ` (${p.hint})` : ''}`)).toEqual([
      'shared.yaml:3:5 add ":" after "name" (write "name: People": a key is followed by ":" and a space)',
      'l.yaml:32:15 unknown category "people" (it may be defined in "shared.yaml", which could not be read: fix that first (see above))',
    ]);
  });

  it('one mistake gives one problem, however the parser stumbles after it', () => {
    const text = edit('  - id: craft\n    name: Craft', '  - id: craft\n      name: Craft\n    description: x');
    expect(check(text).problems).toHaveLength(1);
  });
});
