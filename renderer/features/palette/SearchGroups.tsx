/** Search results in the palette, grouped by kind, each hit with its snippet. */
import { Command as Cmdk } from 'cmdk';
import { memo, useMemo } from 'react';

import { formatDate } from '../../ui/dates';
import { LockIcon } from '../../ui/LockIcon';
import { type SearchHit, searchKinds, Snippet, useSearchResults } from '../search';

const PER_KIND = 5;
/** People are found by the people commands above the results (by name, title or email); search finds the rest. */
const SEARCH_FILTERS = {
  kinds: searchKinds()
    .filter((k) => k.kind !== 'person')
    .map((k) => k.kind),
};

export const SearchGroups = memo(function SearchGroups({
  query,
  onOpenHit,
  names,
}: {
  query: string;
  onOpenHit: (hit: SearchHit) => void;
  names: ReadonlyMap<string, string>;
}) {
  const state = useSearchResults(query, SEARCH_FILTERS, PER_KIND);
  // While the next answer is on its way the last one stays, drawn as it was.
  const answer = state.status === 'ready' ? state.answer : state.status === 'searching' ? state.last : null;
  const groups = useMemo(
    () =>
      answer?.groups.map((g) => (
        <Cmdk.Group
          key={g.kind}
          heading={g.total > g.hits.length ? `${g.label} · ${g.hits.length} of ${g.total.toLocaleString()}${g.totalAtLeast ? '+' : ''}` : g.label}
        >
          {g.hits.map((hit) => (
            <HitRow key={hit.id} hit={hit} names={names} onOpenHit={onOpenHit} />
          ))}
        </Cmdk.Group>
      )),
    [answer, names, onOpenHit],
  );
  if (!query) return null;
  if (state.status === 'error')
    return (
      <Cmdk.Empty>
        <span role="alert">{state.error}</span>
      </Cmdk.Empty>
    );
  if (!answer) return null;
  // Which query the list shows results of: the benchmark (and a test) wait for it.
  const answered = state.status === 'ready' ? <span hidden data-search-answered={query} data-search-ms={answer.ms.toFixed(1)} /> : null;
  if (answer.groups.length === 0)
    return (
      <Cmdk.Empty>
        Nothing found for “{query}”.{answered}
      </Cmdk.Empty>
    );
  return (
    <>
      {answered}
      {groups}
    </>
  );
});

interface HitRowProps {
  hit: SearchHit;
  names: ReadonlyMap<string, string>;
  onOpenHit: (hit: SearchHit) => void;
}

/**
 * One result. Each answer brings new objects, but the next letter typed mostly finds the same
 * hits with the same snippets: such a row is left as it was drawn.
 */
const HitRow = memo(
  function HitRow({ hit, names, onOpenHit }: HitRowProps) {
    return (
      <Cmdk.Item value={`hit:${hit.id}`} onSelect={() => onOpenHit(hit)} className="palette__hit">
        <HitLine hit={hit} names={names} />
      </Cmdk.Item>
    );
  },
  (a: HitRowProps, b: HitRowProps) => a.names === b.names && a.onOpenHit === b.onOpenHit && sameHit(a.hit, b.hit),
);

function sameHit(a: SearchHit, b: SearchHit): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.field === b.field &&
      a.title === b.title &&
      a.date === b.date &&
      a.terms.join(' ') === b.terms.join(' ') &&
      a.snippet.length === b.snippet.length &&
      a.snippet.every((p, i) => p.hit === b.snippet[i]!.hit && p.text === b.snippet[i]!.text))
  );
}

function HitLine({ hit, names }: { hit: SearchHit; names: ReadonlyMap<string, string> }) {
  const person = hit.personId && hit.kind !== 'person' ? names.get(hit.personId) : undefined;
  const heading =
    hit.kind === 'person' ? hit.title : [hit.title, person && `with ${person}`, hit.date && formatDate(hit.date, 'medium')].filter(Boolean).join(' · ');
  return (
    <span className="palette__hit-text">
      <span className="palette__hit-title">
        {hit.field === 'private' && (
          <span className="palette__private">
            <LockIcon size={12} /> Private note ·{' '}
          </span>
        )}
        {heading}
      </span>
      {hit.snippet.length > 0 && <Snippet parts={hit.snippet} />}
    </span>
  );
}
