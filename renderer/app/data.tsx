import { createContext, useContext } from 'react';

import { ActionItemsRepository } from '../db/action-items';
import { AssessmentsRepository } from '../db/assessments';
import { CalibrationRepository } from '../db/calibration';
import { CyclesRepository } from '../db/cycles';
import type { TrellisDatabase } from '../db/database';
import { FeedbackRepository } from '../db/feedback';
import { GoalsRepository } from '../db/goals';
import { MeetingsRepository } from '../db/meetings';
import { PacketsRepository } from '../db/packets';
import { PeopleRepository } from '../db/people';
import { RelationshipsRepository } from '../db/relationships';
import { SeriesRepository } from '../db/series';
import { StretchRepository } from '../db/stretch';
import { TalkingPointsRepository } from '../db/talking-points';
import { TeamsRepository } from '../db/teams';
import { TemplatesRepository } from '../db/templates';
import { WinsRepository } from '../db/wins';

export interface Repositories {
  db: TrellisDatabase;
  people: PeopleRepository;
  teams: TeamsRepository;
  relationships: RelationshipsRepository;
  series: SeriesRepository;
  meetings: MeetingsRepository;
  actionItems: ActionItemsRepository;
  talkingPoints: TalkingPointsRepository;
  templates: TemplatesRepository;
  assessments: AssessmentsRepository;
  packets: PacketsRepository;
  calibration: CalibrationRepository;
  feedback: FeedbackRepository;
  goals: GoalsRepository;
  stretch: StretchRepository;
  cycles: CyclesRepository;
  wins: WinsRepository;
}

export function createRepositories(db: TrellisDatabase, now?: () => Date): Repositories {
  const templates = new TemplatesRepository(db, now);
  return {
    db,
    people: new PeopleRepository(db, now),
    teams: new TeamsRepository(db, now),
    relationships: new RelationshipsRepository(db, now),
    series: new SeriesRepository(db, now),
    meetings: new MeetingsRepository(db, templates, now),
    actionItems: new ActionItemsRepository(db, now),
    talkingPoints: new TalkingPointsRepository(db, now),
    templates,
    assessments: new AssessmentsRepository(db, now),
    packets: new PacketsRepository(db, now),
    calibration: new CalibrationRepository(db, now),
    feedback: new FeedbackRepository(db, now),
    goals: new GoalsRepository(db, now),
    stretch: new StretchRepository(db, now),
    cycles: new CyclesRepository(db, now),
    wins: new WinsRepository(db, now),
  };
}

const RepositoriesContext = createContext<Repositories | null>(null);

export function RepositoriesProvider({ value, children }: { value: Repositories; children: React.ReactNode }) {
  return <RepositoriesContext.Provider value={value}>{children}</RepositoriesContext.Provider>;
}

export function useRepositories(): Repositories {
  const repos = useContext(RepositoriesContext);
  if (!repos) throw new Error('useRepositories must be used inside RepositoriesProvider');
  return repos;
}
