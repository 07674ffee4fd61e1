import { useMemo } from 'react';

import { anonymiseText, type Candidate, type Grouping, pseudonymsFor } from '../../../shared/calibration';

/** Who a candidate is in the views: a pseudonym until the committee shows the name on purpose. */
export interface Reading {
  shown: (c: Candidate) => boolean;
  name: (c: Candidate) => string;
  manager: (c: Candidate) => string;
  team: (c: Candidate) => string;
  text: (c: Candidate, text: string) => string;
  /** A team or manager name as the filters and distribution show it. */
  group: (by: Grouping, value: string) => string;
}

/** The session's reading: pseudonyms for candidates, their managers and teams, except for those shown on purpose. */
export function useReading(readable: readonly Candidate[], revealed: ReadonlySet<string>): Reading {
  return useMemo(() => {
    const managers = pseudonymsFor(
      readable.map((c) => c.content!.preparedBy?.name),
      'Manager',
    );
    const teams = pseudonymsFor(
      readable.map((c) => c.content!.person.team),
      'Team',
    );
    const allShown = readable.length > 0 && readable.every((c) => revealed.has(c.packet.id));
    // The same narrative is read again on every render of the comparison and the cards: anonymise it once.
    const anonymised = new Map<string, string>();
    return {
      shown: (c) => revealed.has(c.packet.id),
      name: (c) => (revealed.has(c.packet.id) ? (c.content?.person.name ?? c.pseudonym) : c.pseudonym),
      manager: (c) => {
        const m = c.content?.preparedBy?.name;
        return !m ? 'Not given' : revealed.has(c.packet.id) ? m : (managers.get(m) ?? m);
      },
      team: (c) => {
        const t = c.content?.person.team;
        return !t ? 'Not given' : revealed.has(c.packet.id) ? t : (teams.get(t) ?? t);
      },
      text: (c, text) => {
        if (revealed.has(c.packet.id) || !c.content) return text;
        const key = `${c.packet.id}\u0000${text}`;
        const known = anonymised.get(key);
        if (known !== undefined) return known;
        const m = c.content.preparedBy?.name;
        const out = anonymiseText(text, [{ name: c.content.person.name, as: c.pseudonym }, ...(m ? [{ name: m, as: managers.get(m) ?? 'the manager' }] : [])]);
        anonymised.set(key, out);
        return out;
      },
      group: (by, value) => (allShown ? value : by === 'team' ? (teams.get(value) ?? value) : by === 'manager' ? (managers.get(value) ?? value) : value),
    };
  }, [readable, revealed]);
}
