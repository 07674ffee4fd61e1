import { createContext, type MouseEvent, useContext, useMemo } from 'react';

import { cx } from './cx';
import { type MarkdownPolicy, renderMarkdown } from './markdown-policy';

/**
 * Where a click on a link in rendered Markdown goes. The app passes a function that asks main to
 * open it (main confirms with the user); without one, a link does nothing. Either way the window
 * itself never navigates.
 */
const OpenLinkContext = createContext<(href: string) => void>(() => {});

export function MarkdownLinksProvider({ onOpen, children }: { onOpen: (href: string) => void; children: React.ReactNode }) {
  return <OpenLinkContext.Provider value={onOpen}>{children}</OpenLinkContext.Provider>;
}

export interface MarkdownProps {
  source: string;
  /** notes: line breaks as typed, a note when empty; ladder: criteria prose. Sanitising is the same. */
  policy: MarkdownPolicy;
  /** Names the rendered text as a region (e.g. "Shared notes preview"). */
  label?: string;
  className?: string;
}

export function Markdown({ source, policy, label, className }: MarkdownProps) {
  const html = useMemo(() => renderMarkdown(source, policy), [source, policy]);
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
