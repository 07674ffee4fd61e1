import { createContext, useContext } from 'react';

import { ActionItemsRepository } from '../db/action-items';
import { AssessmentsRepository } from '../db/assessments';
import type { TrellisDatabase } from '../db/database';
import { MeetingsRepository } from '../db/meetings';
import { PeopleRepository } from '../db/people';
import { RelationshipsRepository } from '../db/relationships';
import { SeriesRepository } from '../db/series';
import { TalkingPointsRepository } from '../db/talking-points';
import { TeamsRepository } from '../db/teams';
import { TemplatesRepository } from '../db/templates';

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
