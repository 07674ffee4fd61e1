import type { SnippetPart } from './snippet';

/** A snippet with the matched words marked. */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return <span className="search-snippet">{parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</span>;
}
