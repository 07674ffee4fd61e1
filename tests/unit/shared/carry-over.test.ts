import { describe, expect, it } from 'vitest';

import { carriesOver, promptTexts, startingAgenda } from '../../../shared/domain/carry-over';
import type { AgendaItem } from '../../../shared/domain/meetings';
import { builtInTemplates } from '../../../shared/domain/templates';

let n = 0;
const newId = () => `id${++n}`;
const weekly = builtInTemplates.find((t) => t.id === 'builtin-weekly')!;
const first = builtInTemplates.find((t) => t.id === 'builtin-first')!;
const item = (text: string, extra: Partial<AgendaItem> = {}): AgendaItem => ({ id: text, text, author: 'me', done: false, ...extra });

describe('template prompts', () => {
  it('appear in the meeting they were chosen for, marked as the template’s', () => {
    const agenda = startingAgenda(undefined, [], weekly, newId);
    expect(agenda.map((i) => i.text)).toEqual(weekly.agenda);
    expect(agenda.every((i) => i.fromTemplateId === 'builtin-weekly')).toBe(true);
  });

  it('do not carry over unticked; points someone wrote do', () => {
    const meeting1 = { id: 'm1', agenda: [...startingAgenda(undefined, [], first, newId), item('Promotion timeline', { author: 'them' }), item('Offsite')] };
    const meeting2 = { id: 'm2', agenda: startingAgenda(meeting1, [], undefined, newId) };
    expect(meeting2.agenda.map((i) => i.text)).toEqual(['Promotion timeline', 'Offsite']);
    // Week after week with the weekly template: its three prompts, never six, nine, …
    let previous = meeting2;
    for (let week = 3; week <= 6; week++) {
      previous = { id: `m${week}`, agenda: startingAgenda(previous, [], weekly, newId) };
      expect(previous.agenda.map((i) => i.text)).toEqual(['Promotion timeline', 'Offsite', ...weekly.agenda]);
    }
  });

  it('a queued point carries over even when its words match a prompt', () => {
    expect(carriesOver(item(weekly.agenda[0]!, { fromTalkingPointId: 'q1' }), promptTexts([weekly]))).toBe(true);
    expect(carriesOver(item(weekly.agenda[0]!, { author: 'them' }), promptTexts([weekly]))).toBe(true);
  });

  it('meetings stored before prompts were marked stop the pile too: known prompts are recognised by their text', () => {
    const legacy = {
      id: 'old',
      agenda: [...weekly.agenda.map((t) => item(t)), item('What is on YOUR mind this week? ', { carriedFromMeetingId: 'older' }), item('Hiring plan')],
    };
    const next = startingAgenda(legacy, [], weekly, newId, promptTexts(builtInTemplates));
    expect(next.map((i) => i.text)).toEqual(['Hiring plan', ...weekly.agenda]);
    // Without knowing the templates, an unmarked point is someone's and carries.
    expect(startingAgenda(legacy, [], undefined, newId).map((i) => i.text)).toContain(weekly.agenda[1]);
  });

  it('ticked points never carry, prompts or not', () => {
    expect(carriesOver(item('Done', { done: true }))).toBe(false);
    expect(carriesOver(item('Prompt', { fromTemplateId: 't' }))).toBe(false);
    expect(carriesOver(item('Mine'))).toBe(true);
  });
});
