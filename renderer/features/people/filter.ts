import { type Person, trackLabels } from '../../../shared/domain/person';

/** Case- and accent-insensitive match on name, email, title, track and level. */
export function matchesFilter(person: Person, query: string): boolean {
  const needle = normalize(query.trim());
  if (!needle) return true;
  const haystack = normalize([person.name, person.email, person.title, person.track && trackLabels[person.track], person.level].filter(Boolean).join(' '));
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

const normalize = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
