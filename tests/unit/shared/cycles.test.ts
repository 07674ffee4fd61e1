import { describe, expect, it } from 'vitest';

import { checkCycleEdit } from '../../../shared/domain/cycles';
import { competencyNameOf, type CriterionRef, unknownCompetencyName } from '../../../shared/evidence/refs';

const planning: CriterionRef = { ladderId: 'engineering', competencyId: 'planning' };
const design: CriterionRef = { ladderId: 'design', competencyId: 'craft' };
const requests = [
  { id: 'r-ana-1', personId: 'ana' },
  { id: 'r-ana-2', personId: 'ana' },
  { id: 'r-bo', personId: 'bo' },
  { id: 'r-cy', personId: 'cy' },
];
const responses = [
  { personId: 'bo', criteria: [planning] },
  { personId: 'bo', criteria: [] },
  { personId: 'cy', criteria: [design] },
];
const names = { personName: (id: string) => ({ ana: 'Ana', bo: 'Bo', cy: 'Cy' })[id] ?? id, competencyName: (r: CriterionRef) => r.competencyId.toUpperCase() };

describe('editing a cycle', () => {
  it('may rename and keep everything a response references', () => {
    expect(checkCycleEdit({ participantIds: ['ana', 'bo', 'cy'], competencies: [planning, design] }, requests, responses)).toEqual({
      errors: {},
      droppedRequestIds: [],
    });
  });

  it('may not take out a participant someone answered about, and says who and how many', () => {
    const check = checkCycleEdit({ participantIds: ['ana', 'cy'], competencies: [planning, design] }, requests, responses, names);
    expect(check.errors.participantIds).toBe('Bo (2 responses): delete those responses first to take them out of the cycle.');
    const two = checkCycleEdit({ participantIds: ['ana'], competencies: [planning, design] }, requests, responses, names);
    expect(two.errors.participantIds).toMatch(/^Bo \(2 responses\), Cy \(1 response\): delete those responses first to take these people out/);
  });

  it('takes out a participant nobody answered about with the peers asked about them', () => {
    const check = checkCycleEdit({ participantIds: ['bo', 'cy'], competencies: [planning, design] }, requests, responses, names);
    expect(check).toEqual({ errors: {}, droppedRequestIds: ['r-ana-1', 'r-ana-2'] });
  });

  it('may not drop a competency a response is filed under, on its own ladder', () => {
    const check = checkCycleEdit({ participantIds: ['ana', 'bo', 'cy'], competencies: [planning] }, requests, responses, names);
    expect(check.errors.competencies).toBe('CRAFT (1 response): responses are filed under it; move or delete them first.');
    // The same competency id on another ladder is another competency.
    const other = checkCycleEdit(
      { participantIds: ['ana', 'bo', 'cy'], competencies: [planning, { ladderId: 'engineering', competencyId: 'craft' }] },
      requests,
      responses,
    );
    expect(other.errors.competencies).toMatch(/^craft \(1 response\)/);
    expect(checkCycleEdit({ participantIds: ['ana', 'bo', 'cy'], competencies: [planning, design] }, requests, []).errors).toEqual({});
    expect(checkCycleEdit({ participantIds: ['ana', 'bo', 'cy'], competencies: [] }, requests, []).errors).toEqual({});
  });
});

describe('competency names', () => {
  const ladders = new Map([
    ['engineering', { competencies: [{ id: 'planning', name: 'Planning' }] }],
    ['design', { competencies: [{ id: 'craft', name: 'Craft' }] }],
    ['gone', null],
  ]);

  it('come from each reference’s own ladder', () => {
    expect(competencyNameOf(planning, ladders)).toBe('Planning');
    expect(competencyNameOf(design, ladders)).toBe('Craft');
  });

  it('say “unknown competency” when the ladder no longer has it, or is gone', () => {
    expect(competencyNameOf({ ladderId: 'engineering', competencyId: 'craft' }, ladders)).toBe(unknownCompetencyName('craft'));
    expect(competencyNameOf({ ladderId: 'gone', competencyId: 'planning' }, ladders)).toBe('Unknown competency (planning)');
  });

  it('give the id while the ladder is still being read', () => {
    expect(competencyNameOf({ ladderId: 'elsewhere', competencyId: 'planning' }, ladders)).toBe('planning');
  });
});
