import { type MouseEvent, useContext, useMemo } from 'react';

import { cx } from './cx';
import { keptRendering } from './markdown-kept';
import { OpenLinkContext } from './markdown-links';
import { type MarkdownPolicy, renderMarkdown } from './markdown-policy';

export interface MarkdownProps {
  source: string;
  /** notes: line breaks as typed, a note when empty; ladder: criteria prose. Sanitising is the same. */
  policy: MarkdownPolicy;
  /** Names the rendered text as a region (e.g. "Shared notes preview"). */
  label?: string;
  className?: string;
}

export function Markdown({ source, policy, label, className }: MarkdownProps) {
  const html = useMemo(() => keptRendering(`${policy}\u0000${source}`, () => renderMarkdown(source, policy)), [source, policy]);
  const openLink = useContext(OpenLinkContext);
  if (policy === 'notes' && !source.trim()) return <p className={cx('markdown', 'muted', className)}>Nothing written yet.</p>;
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    if (href && !href.startsWith('#')) openLink(href);
  };
  return (
    // The click handler only catches clicks on the links inside, which the keyboard reaches (Enter clicks them).
    <div
      className={cx('markdown', className)}
      {...(label ? { role: 'region', 'aria-label': label } : {})}
      onClick={onClick}
      // Safe: renderMarkdown sanitised the HTML with the one Markdown policy.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
