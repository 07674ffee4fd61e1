import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import {
  anonymiseText,
  type CandidateFacts,
  changesOf,
  csvCell,
  type Decision,
  DecisionReasonRequiredError,
  type DecisionRow,
  decisionsCsv,
  decisionsHtml,
  distribution,
  emptyDecision,
  MIN_GROUP_SIZE,
  monthsBetween,
  monthsInLevel,
  neutraliseNarrative,
  pseudonymsFor,
  setOutcome,
  timeInLevelBands,
} from '../../../shared/calibration';
import { emptySummary, type PacketContent } from '../../../shared/packets';

describe('pronoun neutralising', () => {
  it.each([
    ['He designed the ledger.', 'They designed the ledger.'],
    ['She is the tech lead and she has shipped it.', 'They are the tech lead and they have shipped it.'],
    ['SHE WAS RIGHT', 'THEY WERE RIGHT'],
    ['We gave her the design; her design held.', 'We gave them the design; their design held.'],
    ['I thanked her.', 'I thanked them.'],
    ['His review was kind. The idea was his.', 'Their review was kind. The idea was theirs.'],
    ['The win is hers; she did it herself and he himself agreed.', 'The win is theirs; they did it themselves and they themselves agreed.'],
    ['He’s on call and she’ll lead; he doesn’t mind.', 'They’re on call and they’ll lead; they don’t mind.'],
    ["HE'S here", "THEY'RE here"],
    ['Then he asked him.', 'Then they asked them.'],
  ])('%s', (input, output) => expect(neutraliseNarrative(input)).toBe(output));

  it('changes whole words only', () => {
    const text = 'The theme: shell, herald, hermit, history, Hershey, chess, Sheffield, he-man.';
    expect(neutraliseNarrative(text)).toBe('The theme: shell, herald, hermit, history, Hershey, chess, Sheffield, they-man.');
  });

  it('leaves no gendered pronoun in any text, and leaves text without one as it was', () => {
    const word = fc.constantFrom('he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself', 'He', 'HER', 'the', 'design', 'team', '.', ',', 'is');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), (words) => {
        const out = neutraliseNarrative(words.join(' '));
        expect(out).not.toMatch(/\b(he|she|him|her|his|hers|himself|herself)\b/i);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-gi-z .,]*$/), (text) => {
        expect(neutraliseNarrative(text)).toBe(text);
      }),
    );
  });

  it('replaces the candidate’s and the manager’s names before the pronouns', () => {
    const out = anonymiseText('Alex Rivera led it; Alex said she would. Morgan agreed. Alexander stays.', [
      { name: 'Alex Rivera', as: 'Candidate 1' },
      { name: 'Morgan Lee', as: 'Manager A' },
    ]);
    expect(out).toBe('Candidate 1 led it; Candidate 1 said they would. Manager A agreed. Alexander stays.');
  });

  it('names teams and managers A, B, … in order of first appearance', () => {
    const names = pseudonymsFor(['Payments', null, 'Search', 'Payments', ...Array.from({ length: 30 }, (_, i) => `T${i}`)], 'Team');
    expect(names.get('Payments')).toBe('Team A');
    expect(names.get('Search')).toBe('Team B');
    expect(names.get('T24')).toBe('Team AA');
  });
});

describe('decision rules', () => {
  const at = '2026-12-01T10:00:00.000Z';
  const fresh = (): Decision => ({ ...emptyDecision('p1', 's1', at), rationale: 'Strong' });

  it('records the first outcome as a decision with the rationale of the moment', () => {
    const { decision, log } = setOutcome(fresh(), 'promote', at);
    expect(decision).toMatchObject({ outcome: 'promote', decidedAt: at });
    expect(log).toMatchObject({ kind: 'decided', to: 'promote', rationale: 'Strong', packetId: 'p1' });
  });

  it('changes a recorded decision only with a reason; the same outcome again changes nothing', () => {
    const decided = setOutcome(fresh(), 'promote', at).decision;
    expect(() => setOutcome(decided, 'defer', at)).toThrow(DecisionReasonRequiredError);
    expect(() => setOutcome(decided, 'defer', at, ' \n ')).toThrow(DecisionReasonRequiredError);
    expect(setOutcome(decided, 'promote', at)).toEqual({ decision: decided, log: null });
    const changed = setOutcome(decided, 'defer', '2026-12-01T11:00:00.000Z', ' Waiting for the Q1 review ');
    expect(changed.log).toMatchObject({ kind: 'changed', from: 'promote', to: 'defer', reason: 'Waiting for the Q1 review' });
    const log = [
      { id: '1', ...changed.log! },
      { id: '2', ...setOutcome(changed.decision, 'promote', at, 'Review came in').log! },
    ];
    expect(changesOf(log, 'p1')).toEqual({ count: 2, lastReason: 'Review came in' });
  });
});

const person = (id: string, over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  id,
  level: 'Senior',
  track: 'IC',
  team: 'Payments',
  manager: 'Morgan',
  outcome: null,
  monthsInLevel: 24,
  ...over,
});

describe('distribution views', () => {
  it(`summarises a group of ${MIN_GROUP_SIZE} or more and only says a smaller one is too small`, () => {
    const facts = [
      person('1', { outcome: 'promote', monthsInLevel: 12 }),
      person('2', { outcome: 'promote', monthsInLevel: 30 }),
      person('3', { outcome: 'not-yet', monthsInLevel: 20 }),
      person('4', { monthsInLevel: 40 }),
      person('5', { team: 'Search', outcome: 'promote' }),
      person('6', { team: 'Search' }),
      person('7', { team: 'Search', outcome: 'defer' }),
    ];
    expect(distribution(facts, 'team')).toEqual([
      { group: 'Payments', summarised: true, proposed: 4, promote: 2, notYet: 1, defer: 0, undecided: 1, medianMonthsInLevel: 25 },
      { group: 'Search', summarised: false },
    ]);
    expect(distribution(facts, 'level', (v) => `L:${v}`)[0]).toMatchObject({ group: 'L:Senior', proposed: 7, promote: 3, defer: 1, undecided: 2 });
    expect(distribution([person('1', { team: null }), person('2', { team: null })], 'team')).toEqual([{ group: 'Not given', summarised: false }]);
  });

  it('never gives a number for a group smaller than the minimum, whatever the data', () => {
    const fact = fc.record({
      level: fc.constantFrom('A', 'B', 'C'),
      team: fc.option(fc.constantFrom('X', 'Y'), { nil: null }),
      outcome: fc.constantFrom('promote' as const, 'not-yet' as const, 'defer' as const, null),
      monthsInLevel: fc.option(fc.nat(120), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), (list) => {
        const facts = list.map((f, i) => person(String(i), f));
        for (const by of ['level', 'team'] as const)
          for (const row of distribution(facts, by)) {
            const size = facts.filter((f) => (f[by] ?? 'Not given') === row.group).length;
            expect(row.summarised).toBe(size >= MIN_GROUP_SIZE);
            if (row.summarised) expect(row.promote + row.notYet + row.defer + row.undecided).toBe(row.proposed);
          }
      }),
    );
  });

  it('bands time in level, and not at all for fewer than the minimum', () => {
    const facts = [
      person('1', { monthsInLevel: 5 }),
      person('2', { monthsInLevel: 12 }),
      person('3', { monthsInLevel: 36 }),
      person('4', { monthsInLevel: null }),
    ];
    expect(timeInLevelBands(facts)).toEqual({
      summarised: true,
      unknown: 1,
      bands: [
        { label: 'Under 1 year', count: 1 },
        { label: '1 to 2 years', count: 1 },
        { label: '2 to 3 years', count: 0 },
        { label: '3 years or more', count: 1 },
      ],
    });
    expect(timeInLevelBands(facts.slice(0, 3)).summarised).toBe(false);
  });

  it('reads time in level from level-since, or from the summary’s words', () => {
    expect(monthsBetween('2024-03-15', '2026-03-14')).toBe(23);
    expect(monthsBetween('2024-03-15', '2026-03-15')).toBe(24);
    const content = (timeInLevel: string, levelSince?: string) =>
      ({
        target: { levelSince },
        period: { from: '2025-12-01', to: '2026-11-30' },
        summary: { ...emptySummary, timeInLevel },
      }) as unknown as PacketContent;
    expect(monthsInLevel(content('', '2024-11-30'))).toBe(24);
    expect(monthsInLevel(content('About 2 years'))).toBe(24);
    expect(monthsInLevel(content('1.5 yrs'))).toBe(18);
    expect(monthsInLevel(content('1 year 3 months'))).toBe(15);
    expect(monthsInLevel(content('since the reorg'))).toBeNull();
  });
});

const row = (over: Partial<DecisionRow> = {}): DecisionRow => ({
  candidate: 'Alex Rivera',
  pseudonym: 'Candidate 1',
  title: '',
  team: 'Payments',
  manager: 'Morgan Lee',
  track: 'IC',
  currentLevel: 'S1',
  proposedLevel: 'S2',
  decision: 'Promote',
  rationale: 'Clear scope',
  openQuestions: '',
  decidedAt: '2026-12-01T10:00:00.000Z',
  changes: 0,
  lastChangeReason: '',
  file: 'alex.json',
  checks: 'Verified',
  ...over,
});

describe('decisions export', () => {
  it('escapes every cell a spreadsheet would run as a formula, and the rest reads back exactly', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', "'=", 'a'), (tail, lead) => {
        const value = lead + tail;
        const [, parsed] = Papa.parse<string[]>(decisionsCsv([row({ rationale: value })]), { newline: '\r\n', delimiter: ',' }).data;
        const cell = parsed![9]!;
        if (/^'*[=+\-@\t\r]/.test(value)) expect(cell).toBe(`'${value}`);
        else expect(cell).toBe(value);
        // No cell of the file starts with a character that starts a formula.
        for (const c of parsed!) expect(c).not.toMatch(/^[=+\-@\t\r]/);
      }),
      // A cell of pipes once made Papa guess "|" as the file's delimiter: the file is read as the comma-separated file it is.
      { examples: [['|||', '']] },
    );
    expect(csvCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(csvCell('-3')).toBe("'-3");
    expect(csvCell(2)).toBe('2');
  });

  it('writes the proposal beside the decision, in CSV and in the print page (escaped)', () => {
    const rows = [row(), row({ candidate: '<b>Kim</b>', decision: 'Not yet', changes: 1, lastChangeReason: 'Scope not shown' })];
    const csv = decisionsCsv(rows);
    expect(csv.split('\r\n')[0]).toContain('"Proposed level","Decision","Rationale"');
    expect(csv).toContain('"S2","Promote","Clear scope"');
    const html = decisionsHtml({ id: 's', name: 'H2 seniors', scope: 'Support', createdAt: '', updatedAt: '' }, rows, { exportedOn: '1 December 2026' });
    expect(html).toContain('&lt;b&gt;Kim&lt;/b&gt;');
    expect(html).not.toContain('<b>Kim');
    expect(html).toContain('Scope not shown');
    expect(html).toContain('id="print-ready"');
    expect(html).toContain("default-src 'none'");
  });
});

describe('the sample session', () => {
  it('holds packets whose sha256 is real (they open like received files), decisions beside them and a log in time order', async () => {
    const { generateSample } = await import('../../../shared/sample');
    const { openPacketFile } = await import('../../../shared/packets');
    const { candidatesOf } = await import('../../../shared/calibration');
    const sample = generateSample({ size: 'small', today: '2026-11-16' });
    const { calibrationSessions, sessionPackets, decisions, sessionLog } = sample.tables;
    expect(calibrationSessions).toHaveLength(1);
    expect(sessionPackets.length).toBeGreaterThan(0);
    for (const p of sessionPackets) {
      const opened = await openPacketFile(p.text!);
      expect(opened.ok && opened.signature.status).toBe('unsigned');
    }
    expect(candidatesOf(sessionPackets).every((c) => c.content !== null)).toBe(true);
    expect(decisions.map((d) => d.id).sort()).toEqual(sessionPackets.map((p) => p.id).sort());
    expect(sessionLog.map((e) => e.at)).toEqual([...sessionLog.map((e) => e.at)].sort());
    expect(sessionLog.filter((e) => e.kind === 'changed')).toHaveLength(1);
    expect(sessionLog.find((e) => e.kind === 'changed')?.reason).toBeTruthy();
  });
});
