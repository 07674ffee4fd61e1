/**
 * What people write in 1:1s: Markdown notes, talking points and action items, composed from
 * sentence patterns about the things engineering 1:1s are about (delivery, blockers, growth,
 * feedback, hiring, incidents, wellbeing…) with the names, projects and systems of the sample
 * company filled in. Deterministic for a given Random.
 */
import type { Random } from './random';
import { books, conferences, customers, events, metrics, months, projects, systems, technologies, weekdays } from './words';

/** Who and what one conversation is about. */
export interface Scene {
  /** First name of the person the 1:1 is with. */
  them: string;
  /** Other people in the company the conversation mentions. */
  colleagues: readonly string[];
  team: string;
  /** What the person is mostly working on these weeks: it recurs from meeting to meeting. */
  project: string;
  /** The level the person might grow into, e.g. "Senior Engineer". */
  nextLevel: string;
}

type Slots = Record<string, () => string>;

const compiled = new Map<string, string[]>();

/** Fills `{slot}` patterns for the scene of the moment; set `scene` before each conversation. */
export class Writer {
  private readonly slots: Slots;

  constructor(
    readonly rng: Random,
    public scene: Scene,
  ) {
    const pickColleague = () => (this.scene.colleagues.length ? rng.pick(this.scene.colleagues) : 'the team');
    this.slots = {
      them: () => this.scene.them,
      colleague: pickColleague,
      team: () => this.scene.team,
      project: () => (rng.chance(0.7) ? this.scene.project : rng.pick(projects)),
      otherProject: () => rng.pick(projects),
      system: () => rng.pick(systems),
      tech: () => rng.pick(technologies),
      metric: () => rng.pick(metrics),
      event: () => rng.pick(events),
      customer: () => rng.pick(customers),
      conference: () => rng.pick(conferences),
      book: () => rng.pick(books),
      nextLevel: () => this.scene.nextLevel,
      weekday: () => rng.pick(weekdays),
      month: () => rng.pick(months),
      n: () => String(rng.int(2, 9)),
      pct: () => String(rng.pick([5, 8, 10, 12, 15, 20, 25, 30, 40])),
      weeks: () => rng.pick(['two weeks', 'three weeks', 'a month', 'six weeks', 'the end of the quarter', 'next sprint']),
    };
  }

  /** The pattern with its slots filled, starting with a capital like a sentence. */
  fill(template: string): string {
    let parts = compiled.get(template);
    if (!parts) {
      // Odd indexes are slot names: "a {b} c" → ['a ', 'b', ' c'].
      parts = template.split(/\{(\w+)\}/);
      compiled.set(template, parts);
    }
    let text = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const slot = this.slots[parts[i]!];
      text += (slot ? slot() : `{${parts[i]}}`) + parts[i + 1]!;
    }
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
}

/** Topics of the shared notes; each has a heading and sentences that can stand as bullets or prose. */
const topics: { heading: readonly string[]; lines: readonly string[] }[] = [
  {
    heading: ['Updates', 'Progress', 'What shipped', 'Delivery'],
    lines: [
      '{them} shipped the first slice of {project} on {weekday}; {metric} moved by about {pct}% since.',
      '{project} is on track for {weeks}, with the riskiest part (the {tech} changes) already merged.',
      'The rollout of {project} is at {pct}% of traffic; no alerts so far, next step is the remaining regions.',
      '{them} and {colleague} paired on {system} and closed the last open bug from the beta.',
      'Most of the week went into reviews and the migration scripts for {project}.',
      'The demo at {event} went well; {colleague} asked for a follow-up with the {team} team.',
      '{them} wrote the design doc for the next phase of {project} and it is out for comments.',
      'The load test on {system} passed at twice last year’s peak.',
      'We cut scope on {project}: the reporting page moves to next quarter so the core flow lands on time.',
      '{them} finished the spike on {tech}: promising, but not worth it before {weeks}.',
      'The backlog for {project} is groomed through {month}; estimates look realistic this time.',
      'Two of the {n} tickets left on {project} depend on {colleague}’s team.',
    ],
  },
  {
    heading: ['Blockers', 'Risks', 'What is in the way'],
    lines: [
      'Waiting on {colleague} for the API contract; that has blocked {project} for most of the week.',
      'The flaky tests in {system} keep failing the pipeline, roughly one build in {n}.',
      'Staging has been down twice this week, which slows every review cycle.',
      'The {customer} integration needs a security review before it can go live, and the queue is long.',
      '{them} is unsure who owns {system} since the reorg; nobody answers the pages.',
      'Too many meetings on {weekday}s: {them} gets no focus time before lunch.',
      'The {tech} upgrade broke the local setup for half the team.',
      'Requirements for {project} keep changing after planning; we need product to commit earlier.',
      'The data needed for the {metric} dashboard is not exported yet, so we are guessing.',
    ],
  },
  {
    heading: ['Growth', 'Career', 'Growth and career'],
    lines: [
      'We talked about what {nextLevel} looks like here: leading design across teams, not only writing the code.',
      '{them} wants more ownership of {system} and to be the go-to person for it.',
      'Good progress on the goal to run design reviews; {them} led two this month.',
      '{them} would like to mentor someone new; {colleague} joins next month and could be a good fit.',
      'We agreed the next step is a project with more ambiguity, e.g. the discovery for {otherProject}.',
      'Evidence for the promotion packet so far: {project} design, the incident leadership, the onboarding guide.',
      '{them} is curious about the management track; we will try a tech-lead rotation first.',
      'Writing is the growth area we keep coming back to: shorter docs, the decision first.',
      '{them} presented at {event} for the first time and was nervous, but it landed well.',
      'The gap to {nextLevel} is mostly influence outside the team; {them} agreed to lead the cross-team sync.',
    ],
  },
  {
    heading: ['Feedback', 'Feedback both ways'],
    lines: [
      'I shared feedback from {colleague}: the handover notes for {system} were excellent.',
      '{them} asked for more direct feedback in the moment rather than saved up for 1:1s.',
      'Feedback for me: the planning meeting ran long and the decisions were not written down.',
      'I told {them} the code reviews sometimes read as harsh; suggesting alternatives would help.',
      '{colleague} praised how {them} handled the escalation from {customer}.',
      '{them} felt the last retro did not change anything; I will make sure the actions have owners.',
      'Peer feedback for the review cycle is due in {weeks}; {them} will ask {colleague} and one person outside the team.',
      'We talked about interrupting less in design discussions and letting quieter people finish.',
    ],
  },
  {
    heading: ['Hiring', 'Interviews'],
    lines: [
      '{them} did {n} interviews this month; the calibration with {colleague} was useful.',
      'We still have one open role on the {team} team; the pipeline is thin for senior candidates.',
      'The take-home exercise takes too long; {them} proposed a pairing session instead.',
      '{them} wants to join the interview panel for the system design round.',
      'The new hire starts on {weekday}; {them} will be their onboarding buddy.',
      'We talked through the debrief notes: be concrete about evidence, not impressions.',
    ],
  },
  {
    heading: ['Incidents and on-call', 'On-call'],
    lines: [
      'On-call was rough: {n} pages, two of them at night, all from {system}.',
      '{them} led the incident review for {system} outage; the timeline doc was clear and blameless.',
      'The follow-ups from the last incident are half done; the alert thresholds are still too noisy.',
      'We agreed to move {system} alerts to business hours unless customers are affected.',
      'The runbook for {system} is out of date; {them} will pair with {colleague} to fix it.',
      'The rotation is too small with {n} people; we need one more person before summer.',
    ],
  },
  {
    heading: ['Team', 'Team and collaboration'],
    lines: [
      'The working relationship with the {team} team is better since the weekly sync started.',
      '{them} feels the team splits into two groups that rarely review each other’s code.',
      'Stand-ups run long; {them} suggested moving them to async updates twice a week.',
      '{colleague} is overloaded; {them} offered to take over {system} tickets.',
      'The remote folks feel left out of hallway decisions; we will write more things down.',
      'Morale is okay but people are tired after {project} crunch.',
      'There is friction with product about priorities; I will bring it up with {colleague}.',
    ],
  },
  {
    heading: ['Planning', 'Roadmap', 'Next quarter'],
    lines: [
      'For next quarter {them} would like to focus on {otherProject}, if the team agrees.',
      'The roadmap has too many parallel tracks; we talked about what to drop.',
      'We reviewed the OKRs: the {metric} goal is ambitious but measurable.',
      'Tech debt in {system} needs a slot in planning; {them} will write the case with numbers.',
      '{them} asked how {project} fits the company strategy after the all-hands; I explained the why.',
      'The estimate for {otherProject} is {n} to {n} weeks; we will know more after the spike.',
    ],
  },
  {
    heading: ['Wellbeing', 'How things are', 'Check-in'],
    lines: [
      '{them} is taking {n} days off in {month}; {colleague} covers the reviews.',
      'Energy is better since the on-call change; sleeping properly again.',
      'Family things are taking time at the moment; we agreed on flexible hours for a few weeks.',
      '{them} has been working late to finish {project}; we talked about sustainable pace.',
      'Back from parental leave: catching up slowly, which is fine.',
      'Feeling a bit isolated working from home; will try the office on {weekday}s.',
    ],
  },
  {
    heading: ['Wins', 'Recognition'],
    lines: [
      'Shout-out in the all-hands for {project} launch.',
      '{customer} sent a thank-you note about the fix in {system}.',
      'The {metric} improvement made it into the quarterly report.',
      '{them} unblocked the {team} team by pairing on the {tech} migration.',
      'The onboarding guide {them} wrote is now the default for every new hire.',
    ],
  },
  {
    heading: ['Learning', 'Learning and development'],
    lines: [
      '{them} would like to go to {conference}; the budget is there if we ask before {month}.',
      'Reading {book}; the chapter on feedback led to a good conversation.',
      '{them} is learning {tech} on the side and wants to use it on {otherProject}.',
      'We agreed on one learning afternoon a month for the whole team.',
      'The internal talk on {system} is planned for {month}; {them} will prepare it with {colleague}.',
    ],
  },
  {
    heading: ['Process', 'How we work'],
    lines: [
      'Code reviews take {n} days on average; we want same-day reviews for small changes.',
      'The release checklist is mostly manual; {them} will automate the first three steps.',
      'Too many tickets without acceptance criteria; we will push back in refinement.',
      'The on-call handover should be written, not only said in stand-up.',
      '{them} proposed a lightweight RFC template; I asked for a one-page version first.',
    ],
  },
];

const decisions = [
  'Ship {project} behind a flag first, then turn it on for {customer}.',
  '{them} owns {system} runbook from now on.',
  'No new scope for {project} until the launch.',
  'Reviews of small changes happen the same day.',
  'We try async stand-ups for {weeks} and look again.',
  'The {tech} upgrade waits until after the release.',
  '{them} leads the next design review for {otherProject}.',
  'Move {system} alerts to business hours.',
] as const;

const privateLines = [
  '{them} seemed more tired than usual; check on the on-call load next week.',
  'Not ready for the {nextLevel} conversation yet: needs more influence beyond the team.',
  'Strong week. Mention {them} to {colleague} for {otherProject} lead role.',
  'Some tension with {colleague}; watch the next design review and ask both separately.',
  'I should have given the feedback about the reviews earlier.',
  'Flight risk? Mentioned a recruiter call twice. Talk about growth and scope soon.',
  'Promotion case is getting solid; collect the incident leadership as evidence.',
  'Was quiet today. Could be the reorg news; ask how they feel about the new team.',
  '{them} handled the escalation better than I would have.',
  'Compensation question came up indirectly; prepare the band information.',
  'Keep an eye on scope creep: {them} says yes to everything.',
  'Ask HR about the flexible-hours arrangement before {month}.',
  'Good energy. The project suits them.',
  'Remember to follow up on the conference budget: promised last time.',
  'Performance dipped this month; find out whether it is workload or something else.',
  'Check with {colleague} whether the feedback matches what they see.',
] as const;

/** Talking points, as either side raises them. */
export const agendaPatterns = [
  'Progress on {project}',
  'Feedback from {event}',
  'Promotion timeline',
  'On-call rotation changes',
  'Budget for {conference}',
  'Pairing with {colleague} on {system}',
  'Next quarter’s priorities',
  'How the new hire is settling in',
  'Code review turnaround',
  'Time off in {month}',
  'Ownership of {system} after the reorg',
  'Design doc for {otherProject}',
  'Growth goals check-in',
  'Feedback for me',
  'Career: {nextLevel} expectations',
  'Incident follow-ups for {system}',
  'Interview panel calibration',
  'Working with the {team} team',
  'Team morale after the launch',
  '{metric} regression',
  'Tech debt in {system}',
  'Learning {tech}',
  'Mentoring {colleague}',
  'Demo prep for {event}',
  'Customer escalation from {customer}',
  'Meeting load and focus time',
  'Writing the RFC template',
  'Scope of {project}',
  'Release checklist automation',
  'Remote collaboration',
] as const;

const myActions = [
  'Ask {colleague} for feedback on how {them} led {project} review',
  'Approve the budget for {conference}',
  'Raise {system} ownership question with {colleague}',
  'Share the promotion criteria for {nextLevel}',
  'Book a skip-level with {colleague}',
  'Send {them} the chapter on delegation from {book}',
  'Bring the priority conflict to the product sync',
  'Find a mentor for {them} outside the team',
  'Check the hiring budget for the {team} team',
  'Write down the decisions from the planning meeting',
  'Introduce {them} to {colleague} about {otherProject}',
  'Follow up with HR on the flexible hours',
  'Review the draft of {them}’s self-assessment',
  'Put {system} tech debt on the planning agenda',
  'Move the Thursday sync to free up focus time',
  'Nominate {them} for the quarterly recognition',
] as const;

const theirActions = [
  'Draft the RFC for {otherProject}',
  'Write up the incident timeline for {system}',
  'Update the runbook for {system}',
  'Pair with {colleague} on the {tech} migration',
  'Send the design doc for {project} to the {team} team',
  'Open a ticket for the {metric} regression',
  'Prepare the demo for {event}',
  'Collect evidence for the promotion packet',
  'Ask {customer} for a sample of the data',
  'Finish the load test for {system}',
  'Propose the agenda for the team retro',
  'Write the onboarding notes for the new hire',
  'Review {colleague}’s pull request on {system}',
  'Estimate the remaining work on {project}',
  'Try the async stand-up format for two weeks',
  'Set up the dashboard for {metric}',
  'Schedule the knowledge-sharing session on {tech}',
  'Clean up the old feature flags in {system}',
  'Prepare the talk for {conference}',
  'Ask {colleague} to review the migration plan',
  'Send me the list of flaky tests',
  'Share the cost estimate for {otherProject}',
] as const;

/** A word is a run of non-space characters with a letter or digit in it: Markdown marks do not count. */
const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token);

export function wordCount(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (isWord(token)) n++;
  return n;
}

/**
 * A number of words still to write. Generated sentences are single-spaced and carry no Markdown,
 * so their words are their spaces plus one. A sentence that does not fit is skipped (never cut
 * mid-way); after many misses in a row the text is done, a few words short at most.
 */
class Budget {
  private misses = 0;

  constructor(public left: number) {}

  get done(): boolean {
    return this.left <= 0 || this.misses >= 25;
  }

  take(sentence: string): string | null {
    let words = 1;
    for (let i = 0; i < sentence.length; i++) if (sentence.charCodeAt(i) === 32) words++;
    if (words > this.left) {
      this.misses++;
      return null;
    }
    this.left -= words;
    this.misses = 0;
    return sentence;
  }
}

/**
 * Shared notes of exactly `words` words: sections with a heading, as bullets or prose, sometimes
 * with decisions. Markdown, like what a manager writes in the notes editor.
 */
export function sharedNotes(w: Writer, words: number): string {
  const { rng } = w;
  const budget = new Budget(words);
  const order = rng.sample(topics, topics.length);
  const parts: string[] = [];
  for (let t = 0; !budget.done; t++) {
    const topic = order[t % order.length]!;
    const heading = rng.chance(0.85) && budget.left > 10 ? budget.take(rng.pick(topic.heading)) : '';
    const bullets = rng.chance(0.6);
    const lines: string[] = [];
    for (const line of rng.sample(topic.lines, rng.int(2, 4))) {
      const taken = budget.take(w.fill(line));
      if (taken) lines.push(taken);
    }
    const section = bullets ? lines.map((l) => `- ${l}`).join('\n') : lines.join(' ');
    parts.push(heading ? (section ? `## ${heading}\n\n${section}` : `## ${heading}`) : section);
    if (budget.left > 12 && rng.chance(0.2)) {
      const d: string[] = [];
      for (const line of rng.sample(decisions, rng.int(1, 2))) {
        const taken = budget.take(w.fill(line));
        if (taken) d.push(`- ${taken}`);
      }
      if (d.length) parts.push(`## ${budget.take('Decisions') ?? 'Decisions'}\n\n${d.join('\n')}`);
    }
  }
  return parts.filter(Boolean).join('\n\n');
}

export function privateNotes(w: Writer, words: number): string {
  const budget = new Budget(words);
  const lines: string[] = [];
  while (!budget.done) {
    const taken = budget.take(w.fill(w.rng.pick(privateLines)));
    if (taken) lines.push(taken);
  }
  return lines.join(w.rng.chance(0.5) ? '\n\n' : ' ');
}

export function agendaText(w: Writer): string {
  return w.fill(w.rng.pick(agendaPatterns));
}

export function actionText(w: Writer, owner: 'me' | 'them'): string {
  return w.fill(w.rng.pick(owner === 'me' ? myActions : theirActions));
}
