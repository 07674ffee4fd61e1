import { checkLadder, type Ladder } from '../../shared/ladder';

/**
 * A small ladder in two versions for assessment tests: "code" has criteria items with ids (rated
 * one by one), "comms" one text cell (rated as a whole), "oncall" does not apply at S1. Version
 * 2 drops one criterion, rewords another and raises what S2 expects.
 */
export function ladderText(version: 1 | 2): string {
  const s2 =
    version === 1
      ? `        criteria:
          - { id: code-s2-a, text: Designs modules others build on. }
          - { id: code-s2-b, text: Reviews every change of the team. }
        expects: skilled`
      : `        criteria:
          - { id: code-s2-a, text: Designs modules several teams build on. }
        expects: expert`;
  return `id: support
name: Support
version: ${version}.0.0
scales:
  - id: depth
    name: Depth
    steps:
      - { id: learning, label: Learning }
      - { id: skilled, label: Skilled }
      - { id: expert, label: Expert }
  - id: score
    name: Score
    min: 1
    max: 5
tracks:
  - id: ic
    name: Individual contributor
levels:
  - { id: S1, title: Specialist }
  - { id: S2, title: Senior Specialist }
categories:
  - { id: craft, name: Craft }
competencies:
  - id: code
    name: Code
    category: craft
    scale: depth
    levels:
      S1:
        criteria:
          - { id: code-s1-a, text: Writes small tested changes. }
          - { id: code-s1-b, text: Follows the conventions. }
        expects: learning
      S2:
${s2}
  - id: comms
    name: Communication
    category: craft
    scale: score
    levels:
      S1:
        criteria: Explains their work clearly.
      S2:
        criteria: Explains trade-offs to other teams.
  - id: oncall
    name: On-call
    category: craft
    scale: depth
    levels:
      S1:
        notApplicable: true
        reason: Specialists are not on call.
      S2:
        criteria: Handles incidents on their own.
`;
}

export function testLadder(version: 1 | 2): Ladder {
  const check = checkLadder({ path: '/ladders/support.yaml', text: ladderText(version) });
  if (!check.ladder) throw new Error(check.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n'));
  return check.ladder;
}
