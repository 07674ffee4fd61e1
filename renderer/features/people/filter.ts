import { type Person, trackLabels } from '../../../shared/domain/person';
import { fold, matchesWords, queryWords } from '../../../shared/domain/text';

/** Case- and accent-insensitive match on name, email, title, track and level. */
export function matchesFilter(person: Person, query: string): boolean {
  const haystack = fold([person.name, person.email, person.title, person.track && trackLabels[person.track], person.level].filter(Boolean).join(' '));
  return matchesWords(haystack, queryWords(query));
}
