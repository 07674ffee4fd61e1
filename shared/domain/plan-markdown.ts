/**
 * A person's growth plan as Markdown, to share with them or keep beside a packet: goals with what
 * they grow, milestones and check-ins, stretch projects. Only what may leave the machine goes in:
 * every record passes `shareable()` (private goals, private notes never appear), and learning
 * spend is left out (privacy.ts). The labels of criteria come from the caller (the ladder in use).
 */
import { shareable, shareableRecords } from '../evidence/privacy';
import type { CriterionRef } from '../evidence/refs';
import { assessmentMarkdown, type AssessmentMarkdownInput, inline } from './assessment-markdown';
import type { Person } from './person';
import { type CheckIn, type Goal, goalStatusLabels, type Milestone } from './plans';
import { type StretchProject, stretchStatusLabels } from './stretch';

export interface PlanExportInput {
  person: Pick<Person, 'name'>;
  goals: { goal: Goal; milestones: Milestone[]; checkIns: CheckIn[] }[];
  stretch: StretchProject[];
  /** The newest finished assessments (self and manager), each with its frozen ladder: private ones are left out. */
  assessments?: Omit<AssessmentMarkdownInput, 'depth' | 'day'>[];
  /** A criterion reference in words. */
  label: (ref: CriterionRef) => string;
  /** A person's name by id (sponsors). */
  nameOf: (id: string) => string | undefined;
  /** An ISO day in the user's words. */
  day: (iso: string) => string;
  today: string;
}

export function growthPlanMarkdown(input: PlanExportInput): string {
  const out: string[] = [`# Growth plan: ${inline(input.person.name)}`, '', `As of ${input.day(input.today)}.`, ''];
  const goals = input.goals.flatMap((g) => {
    const goal = shareable('goals', g.goal);
    return goal ? [{ goal, milestones: shareableRecords('goalMilestones', g.milestones), checkIns: shareableRecords('goalCheckIns', g.checkIns) }] : [];
  });
  out.push('## Goals', '');
  if (goals.length === 0) out.push('No goals yet.', '');
  for (const { goal, milestones, checkIns } of goals) {
    out.push(`### ${inline(goal.title)}`, '');
    const facts = [`Status: ${goalStatusLabels[goal.status]}`];
    if (goal.targetDate) facts.push(`Target: ${input.day(goal.targetDate)}`);
    if (goal.teamOutcome) facts.push(`Team outcome: ${inline(goal.teamOutcome)}`);
    out.push(...facts.map((f) => `- ${f}`), '');
    if (goal.criteria.length > 0) out.push('Grows:', '', ...goal.criteria.map((r) => `- ${inline(input.label(r))}`), '');
    if (goal.description.trim()) out.push(goal.description.trim(), '');
    if (milestones.length > 0)
      out.push(
        'Milestones:',
        '',
        ...milestones.map(
          (m) => `- [${m.doneOn ? 'x' : ' '}] ${inline(m.title)}${m.doneOn ? ` (done ${input.day(m.doneOn)})` : m.due ? ` (due ${input.day(m.due)})` : ''}`,
        ),
        '',
      );
    if (checkIns.length > 0) out.push('Check-ins:', '', ...checkIns.map((c) => `- ${input.day(c.date)}: ${inline(c.note)}`), '');
  }
  const stretch = shareableRecords('stretchProjects', input.stretch);
  if (stretch.length > 0) {
    out.push('## Stretch projects', '');
    for (const s of stretch) {
      const sponsor = s.sponsorId ? input.nameOf(s.sponsorId) : undefined;
      out.push(`- **${inline(s.title)}** (${stretchStatusLabels[s.status]})${sponsor ? `, sponsored by ${inline(sponsor)}` : ''}`);
      if (s.criteria.length) out.push(`  - Grows: ${s.criteria.map((r) => inline(input.label(r))).join(', ')}`);
      if (s.outcome.trim()) out.push(`  - Outcome: ${inline(s.outcome)}`);
    }
    out.push('');
  }
  const assessments = (input.assessments ?? []).flatMap((a) => {
    const md = assessmentMarkdown({ ...a, day: input.day, depth: 3 });
    return md.ok ? [md.text] : [];
  });
  if (assessments.length > 0) out.push('## Assessments', '', ...assessments);
  return `${out.join('\n').trimEnd()}\n`;
}
