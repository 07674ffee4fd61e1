import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkLadderFile } from '../../../electron/services/ladder-files';

const dir = path.join(import.meta.dirname, '../../fixtures/ladders');

/** Problems as `name:line:col severity code message (hint)`, the way a person reads them. */
function problemsOf(name: string): string[] {
  const file = name === 'valid-small.yaml' ? name : `broken/${name}`;
  const check = checkLadderFile(path.join(dir, file));
  if (!check) throw new Error(`fixture ${file} is missing`);
  if (check.problems.some((p) => p.severity === 'error')) expect(check.ladder).toBeNull();
  return check.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}${p.hint ? ` (${p.hint})` : ''}`);
}

describe('broken ladder fixtures give the expected message at the expected line:column', () => {
  it('the valid base they are made from has no problems', () => {
    expect(problemsOf('valid-small.yaml')).toEqual([]);
  });

  it.each([
    [
      'yaml-syntax.yaml',
      'yaml-syntax.yaml:24:5 error yaml-syntax the text after "summary:" contains ": ", which YAML reads as the start of another key (put the text in quotes: summary: "Delivers features: alone.")',
    ],
    ['wrong-type.yaml', 'wrong-type.yaml:35:19 error wrong-type "examples" in competency "code", level "L1" should be a list, not text'],
    ['empty-text.yaml', 'empty-text.yaml:20:14 error empty-text "summary" in level "L1" is empty (write some text, or remove the key if it is optional)'],
    [
      'unknown-key.yaml',
      'unknown-key.yaml:38:9 error unknown-key unknown key "critera" in competency "code", level "L2" (did you mean "criteria"? Allowed here: criteria, examples, links, expects, add, notApplicable, reason, and x-… keys for your own data)',
    ],
    ['duplicate-id.yaml', 'duplicate-id.yaml:28:9 error duplicate-id duplicate category id "craft" (first defined at line 26, column 9)'],
    [
      'level-order.yaml',
      'level-order.yaml:23:11 error level-order levels out of order on track "ic": "L2" (rank 0) comes after "L1" (rank 1) (list levels lowest first, with rising ranks)',
    ],
    ['missing-required.yaml', 'missing-required.yaml:14:5 error required missing required key "name" in track "ic"'],
    [
      'include-unreadable.yaml',
      'include-unreadable.yaml:8:5 error include-unreadable cannot read included file "shared/does-not-exist.yaml" (paths are relative to the including file; check the name and that the file exists)',
    ],
    [
      'include-cycle.yaml',
      'include-cycle-b.yaml:2:5 error include-cycle include cycle: include-cycle.yaml → include-cycle-b.yaml → include-cycle.yaml (a file cannot include itself, directly or through other files)',
    ],
  ])('%s', (file, expected) => {
    expect(problemsOf(file)).toEqual([expected]);
  });

  it('unknown-reference.yaml: an unknown category and an unknown level, each with a hint', () => {
    expect(problemsOf('unknown-reference.yaml')).toEqual([
      'unknown-reference.yaml:31:15 error unknown-reference unknown category "crafts" (did you mean "craft"?)',
      'unknown-reference.yaml:37:7 error unknown-reference unknown level "L3" (did you mean "L1"?)',
    ]);
  });

  it('several.yaml: every problem at once, in file order, including those found after a schema error', () => {
    expect(problemsOf('several.yaml')).toEqual([
      'several.yaml:15:5 error unknown-key unknown key "nme" in track "ic" (did you mean "name"? Allowed here: id, name, description, forksAfter, progression, emphasis, archetypes, and x-… keys for your own data)',
      'several.yaml:23:11 error level-order levels out of order on track "ic": "L2" (rank 1) comes after "L1" (rank 1) (list levels lowest first, with rising ranks)',
      'several.yaml:31:15 error unknown-reference unknown category "craft" (known categories: code)',
      'several.yaml:37:7 error unknown-reference unknown level "L5" (did you mean "L1"?)',
    ]);
  });
});
